"""Tests of data_access/ingest/: reading, normalising, validating, diffing, applying, undoing."""
