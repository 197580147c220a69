"""Pure chart builders: DataFrame in, alt.Chart out (no streamlit, no database)."""
