"""Persistence: peewee models, opening the database, migrations, search and operations."""
