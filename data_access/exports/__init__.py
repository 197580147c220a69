"""Exports: the import-format workbooks, shown tables (CSV/XLSX), the briefing (PDF/DOCX)."""
