"""Tests of data_access/queries/: every figure the pages read, on both databases."""
