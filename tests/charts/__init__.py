"""Tests of charts/: the chart builders' specs."""
