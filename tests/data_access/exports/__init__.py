"""Tests of data_access/exports/: the ledger workbook, tables, briefings."""
