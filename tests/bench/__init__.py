"""Tests of bench/: the page registry and the benchmarks' quick runs."""
