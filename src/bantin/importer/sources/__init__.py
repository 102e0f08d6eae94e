"""Readers that turn each kind of file an editor receives into text lines (``Source``)."""
