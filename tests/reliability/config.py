"""The suite's knobs, read from the environment, so `make test` stays quick and
`make reliability` measures the figures of docs/RELIABILITY.md:

    FRONTLINE_RELIABILITY_ROUNDS  kill rounds over all four commands (default 30)
    FRONTLINE_RELIABILITY_FEED    entries of the feed each import round imports (default 1,500)
    FRONTLINE_RELIABILITY_BASE    entries in the archive before each round (default 3,000)
    FRONTLINE_RELIABILITY_PAIRS   rounds of two writers at once (default 2)
    FRONTLINE_RELIABILITY_SEED    seed of the kill delays (default 11)
    FRONTLINE_SHARED_DATA         the shared datasets, when not at ../shared/data
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import SHARED_DATA


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


ROUNDS = _env_int("FRONTLINE_RELIABILITY_ROUNDS", 30)
FEED_ENTRIES = _env_int("FRONTLINE_RELIABILITY_FEED", 1500)
BASE_ENTRIES = _env_int("FRONTLINE_RELIABILITY_BASE", 3000)
PAIRS = _env_int("FRONTLINE_RELIABILITY_PAIRS", 2)
SEED = _env_int("FRONTLINE_RELIABILITY_SEED", 11)
# Each command's share of the kill rounds.
SHARES = {"import": 0.3, "backup": 0.2, "compact": 0.2, "export": 0.3}


def rounds_for(command: str) -> int:
    return max(2, round(ROUNDS * SHARES[command]))


def shared_dir() -> Path | None:
    """The shared public datasets, or None when this machine has none."""
    for candidate in (SHARED_DATA, Path(os.environ.get("FRONTLINE_SHARED_DATA", "/nonexistent"))):
        if candidate.is_dir():
            return candidate
    return None
