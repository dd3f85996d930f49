"""Persistence: peewee models, opening the database, migrations, search and operations.

peewee imports the PostgreSQL driver (psycopg2, ~35 ms) as it is imported itself, at every
start of the window and of every command; only a server archive needs it. The first import
of peewee, here, does not see psycopg2; `storage/db/postgres.py` gives peewee's adapter the
driver when a server archive is opened (`DriverAdapter`). Where something imported peewee
before this package (a test, `services.marks`), it has psycopg2 as usual and nothing changes.
"""

import sys

if "peewee" not in sys.modules and "psycopg2" not in sys.modules:
    sys.modules["psycopg2"] = None  # type: ignore[assignment]  # an import of it fails
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg2"]
