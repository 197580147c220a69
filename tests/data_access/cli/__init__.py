"""Tests of data_access/cli/: `python -m data_access ...` as operators run it."""
