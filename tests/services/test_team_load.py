"""A small version of the team load test (tests/benchmarks/bench_team.py runs the full
10 writers × 500 edits with 20 readers): writers editing the same few items and reports
with optimistic versions while readers search, on the tests' own server. Nothing may be
lost, nothing may deadlock or fail, and every refused save is a reported conflict."""

from __future__ import annotations

from typing import Any

from tests.benchmarks.bench_team import run_threads


def test_concurrent_writers_lose_nothing_and_conflicts_are_reported(pg_server: Any) -> None:
    load = run_threads(pg_server.new_database(), writers=4, edits=25, readers=2, reports=5)
    print(load.summary())
    assert load.errors == []
    assert load.busy == 0  # no deadlock, no writer given up on
    assert load.saves == 4 * 25
    assert load.lost == 0  # every counter adds up to the saves that succeeded
    assert load.searches > 0
