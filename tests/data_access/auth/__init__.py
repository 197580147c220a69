"""Tests of data_access/auth/: accounts, first-admin setup, sessions, throttling."""
