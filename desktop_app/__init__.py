"""Frontline Archive: an offline archive of war coverage and daily loss reports."""

__version__ = "0.1.0"
APP_NAME = "frontline-archive"
APP_TITLE = "Frontline Archive"
