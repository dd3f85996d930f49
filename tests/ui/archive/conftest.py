"""Fixtures shared by the archive view's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.ui.archive.search_worker import SearchWorker


@pytest.fixture
def worker(qapp) -> Iterator[SearchWorker]:
    """A search worker of its own (its threads and connections), shut down afterwards."""
    made = SearchWorker()
    yield made
    made.shutdown()
