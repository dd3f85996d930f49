"""Use cases shared by the command line and the window, one implementation each.

No Qt here (an import-linter contract forbids it). Each function opens its own transaction
where it writes, and returns what changed (`Changes`) so a caller can refresh its views.
"""
