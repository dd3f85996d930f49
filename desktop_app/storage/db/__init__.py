"""Database plumbing: opening the archive (pragmas, IMMEDIATE writers, read-only archives,
refusing files that are not archives), the peewee models, and the schema's migrations.

The rest of `storage` holds the domain's queries and writes (items, reports, search, the
Trash, backups), built on these.
"""
