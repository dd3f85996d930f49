"""This suite runs on both backends: every test that takes `archive_db` runs once on an
SQLite file and once on a PostgreSQL server the tests start themselves."""

from __future__ import annotations

import pytest


@pytest.fixture
def archive_db(both_archive_db):
    return both_archive_db
