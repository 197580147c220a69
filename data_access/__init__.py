"""The data layer: the only code that touches the database."""
