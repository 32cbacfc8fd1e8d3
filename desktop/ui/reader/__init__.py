"""The reader: the article view, its layers, legend, find bar and reading tools."""
