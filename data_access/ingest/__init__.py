"""Ledger import: read (xlsx/csv) -> normalise -> validate -> diff -> apply, one transaction."""
