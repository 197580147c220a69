"""Tests of the apply side of the ledger import: diff, apply, undo, export, CLI, pages."""
