"""Tests of i18n/: the message catalogue."""
