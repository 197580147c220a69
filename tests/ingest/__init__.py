"""Tests of the read side of the ledger import: safety, reading, normalising, validating."""
