"""Tests of seed/: the demo data and the scale generator."""
