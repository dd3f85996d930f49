"""Test setup shared by every suite: offscreen Qt, the shared data folder, temporary databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# One place for every property test: `make test` (HYPOTHESIS_PROFILE=ci) and a plain `pytest`
# run 200 examples per property; `HYPOTHESIS_PROFILE=thorough make test` runs 2,000 for a
# deeper search before a release. A test that sets its own max_examples is scaled the same way.
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Set before anything imports Qt, so widgets render without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The real public datasets beside the project; tests using them skip when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared datasets not present at {SHARED_DATA}")
    return SHARED_DATA


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or a skip when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared dataset file not present: {path}")
    return path


@pytest.fixture
def archive_db(tmp_path: Path):
    """A real, empty SQLite archive in tmp_path with the current schema, bound to the models."""
    from desktop_app.storage.db.connection import open_database

    db = open_database(tmp_path / "archive.sqlite")
    yield db
    db.close()


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server per test session (per xdist worker), in a temporary folder."""
    from tests.pg_server import start_server

    server = start_server()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def own_pg_server():
    """A server of the module's own, which its tests may stop and start again (the session's
    is shared by every other test). Commits reach its log before they return, as on a real
    server: the test server's speed-up would lose the last ones to an immediate stop."""
    from tests.pg_server import ENV_VAR, start_server

    if os.environ.get(ENV_VAR):
        pytest.skip("stops and starts a server of its own; a given server is never stopped")
    server = start_server()
    server.execute("ALTER SYSTEM SET synchronous_commit = on", "SELECT pg_reload_conf()")
    yield server
    server.stop()


@pytest.fixture
def stoppable_pg_server(own_pg_server):
    """`own_pg_server`, running again after the test whatever the test left it in."""
    yield own_pg_server
    if own_pg_server.paused:
        own_pg_server.resume()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The address of a new, empty database on the test server."""
    return pg_server.new_database()


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each backend in turn: a test using it runs once on a file and once on a server."""
    return str(request.param)


@pytest.fixture
def archive_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a new archive of the current backend goes: a file path or a server address."""
    if backend == "sqlite":
        return str(tmp_path / "archive.sqlite")
    return str(request.getfixturevalue("pg_server").emptied_archive())


@pytest.fixture
def both_archive_db(archive_target: str):
    """A real, empty archive on each backend in turn, bound to the models."""
    from desktop_app.storage.db.connection import open_database

    db = open_database(archive_target)
    yield db
    db.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the server, leave out what is about SQLite files (marked `sqlite_only`: bytes of
    the file, PRAGMAs, WAL) and the property tests (hundreds of examples each: their SQLite
    run covers the logic; FRONTLINE_PG_ALL=1 runs them on the server too)."""
    everything = os.environ.get("FRONTLINE_PG_ALL") == "1"
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("backend") == "postgresql"
        function = getattr(item, "obj", None)
        drop = on_server and (
            item.get_closest_marker("sqlite_only") is not None
            or (not everything and getattr(function, "is_hypothesis_test", False))
        )
        (dropped if drop else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
