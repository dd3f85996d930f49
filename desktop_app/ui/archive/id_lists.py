"""The search thread's reading of a whole list handed over as text (`queries.ListText`).

numpy parses a part of 200,000 numbers in a few milliseconds, where the sqlite3 module hands
the same ids over a row at a time in about 140 ms; at 1,000,000 matches the whole list came
in 0.4 s rather than 1.0-1.2 s (docs/BENCHMARKS.md, issue #14 seventh round). Parts of keys
are sorted here: their order is the list's, whatever order the text holds them in.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from desktop_app.services.queries import ListText


def part_ids(text: str, *, keys: bool) -> NDArray[np.int32]:
    """One part's ids in the list's order, newest first."""
    import numpy as np

    from desktop_app.services.queries import ID_MASK

    if not keys:
        ids: NDArray[np.int32] = np.fromstring(text, dtype=np.int32, sep=",")
        return ids
    found = np.fromstring(text, dtype=np.int64, sep=",")
    found.sort()
    return ((-found) & ID_MASK).astype(np.int32)


def read_ids(listed: ListText) -> array[int]:
    """The whole list as 4-byte ids (what the list's model keeps)."""
    import numpy as np

    parts = [part_ids(text, keys=listed.keys) for text in listed.parts]
    ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    if not listed.descending:
        ids = ids[::-1]
    out = array("i")
    out.frombytes(np.ascontiguousarray(ids).tobytes())
    return out
