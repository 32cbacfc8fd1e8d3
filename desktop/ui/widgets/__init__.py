"""Pieces the panels share: tables, search boxes, layouts."""
