"""The test suite, laid out like the source; shared helpers in tests/support/."""
