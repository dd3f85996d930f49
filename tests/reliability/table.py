"""`python -m tests.reliability.table FILE`: the figures a run recorded, as docs/RELIABILITY.md
shows them (FILE is what $FRONTLINE_RELIABILITY_REPORT named)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(entries: list[dict[str, object]]) -> str:
    lines = [
        "| fault | command | tries | killed mid-run | clean | failures | rows lost |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        lines.append(
            f"| {e['fault']} | `{e['command']}` | {e['tries']} | {e['killed']} | {e['clean']} "
            f"| {e['failures']} | {e['rows_lost']} |"
        )
    notes = [f"- {e['fault']}: {n}" for e in entries for n in e["notes"]]  # type: ignore[attr-defined]
    return "\n".join(lines + (["", *notes] if notes else []))


if __name__ == "__main__":
    print(table(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
