"""Sub-commands of `python -m data_access`."""
