"""Tests of data_access/: the only code that reads and writes the database."""
