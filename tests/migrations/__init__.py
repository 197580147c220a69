"""Tests of migrations/: a migration down and up again on a store with data."""
