"""A team library in the window: opening one, other coders' edits as they
happen, the offline banner, and whose highlights are shown."""
