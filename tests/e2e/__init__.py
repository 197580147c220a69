"""Browser tests: real Streamlit server, real Chromium (marked e2e)."""
