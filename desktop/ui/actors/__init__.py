"""Actors: the Actors dock, actor tools, the library's actors."""
