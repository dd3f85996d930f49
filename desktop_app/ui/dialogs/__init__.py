"""Dialogs of the desktop front end (report entry, item editing)."""
