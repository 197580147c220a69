"""Helpers shared by the tests: accounts, built files, offices, oracles (no tests here)."""
