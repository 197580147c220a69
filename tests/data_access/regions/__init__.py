"""Tests of data_access/regions/: reading, applying and undoing a regions file."""
