"""Reading Altair chart specs in tests: the inline dataset, layers, selections; empty frames."""

from __future__ import annotations

import pandas as pd


def empty(columns: list[str]) -> pd.DataFrame:
    """A frame with the query's columns and no rows."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})


def only_dataset(spec: dict) -> list[dict]:
    """The single inline dataset of a chart spec."""
    (values,) = spec["datasets"].values()
    return values


def bar_layer(spec: dict) -> dict:
    """The bar layer of a layered chart spec."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")


def selections(spec: dict) -> dict[str, list[str]]:
    """Selection parameters of a layered spec (Altair lifts them to the top): name -> fields."""
    return {p["name"]: p["select"]["fields"] for p in spec.get("params", []) if "select" in p}
