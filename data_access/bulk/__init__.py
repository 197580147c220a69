"""Bulk inserts of imports and generated data: one write path (insert.py), indexes beside."""
