"""Shared Streamlit widgets used by the pages (KPI row, filter state, frame notices)."""
