"""Moving data in and out: import, export, backups and their dialogs."""
