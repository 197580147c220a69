"""Tests of data_access/bulk/: the bulk insert and the index rebuild around it."""
