"""Editing the open article: the session, its changes, undo commands."""
