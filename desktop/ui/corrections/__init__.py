"""Correcting the automatic layer: entities and quotes."""
