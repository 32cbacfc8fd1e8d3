"""The Quotes dock and the quote dialog."""
