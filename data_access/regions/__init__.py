"""Regions (行政区划) from a spreadsheet: read, check, preview, apply in one transaction, undo."""
