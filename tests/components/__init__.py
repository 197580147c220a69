"""Tests of components/: the page parts."""
