"""Catalogue modules: each defines MESSAGES = {"area.key": ("中文", "English")}."""
