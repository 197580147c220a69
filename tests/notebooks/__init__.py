"""Tests of notebooks/: the analysts' notebook."""
