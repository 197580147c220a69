"""Exports of what the dashboard shows: tables (CSV/XLSX) and the briefing (PDF/DOCX)."""
