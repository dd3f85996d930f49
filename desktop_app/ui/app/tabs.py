"""The main window's tabs, by index (the menus and the window both name them)."""

ARCHIVE_TAB, LOSSES_TAB = 0, 1
