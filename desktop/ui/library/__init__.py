"""The library: dock, model, filters, import, mapping, export and check dialogs."""
