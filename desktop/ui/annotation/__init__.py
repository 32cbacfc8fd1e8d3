"""Highlights and tags: the annotator, tag bar, Tags and Annotations docks."""
