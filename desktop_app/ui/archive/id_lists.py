"""The search thread's reading of a whole list handed over as text (`queries.ListText`).

numpy parses a part of 200,000 numbers in a few milliseconds, where the sqlite3 module hands
the same ids over a row at a time in about 140 ms; at 1,000,000 matches the whole list came
in 0.4 s rather than 1.0-1.2 s (docs/BENCHMARKS.md, issue #14 seventh round). Parts of keys
are sorted here: their order is the list's, whatever order the text holds them in.
"""

from __future__ import annotations

import dataclasses
import json
from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop_app.ui.archive.search_messages import Narrowed, Timeline

if TYPE_CHECKING:
    import threading

    import numpy as np
    from numpy.typing import NDArray

    from desktop_app.core.search_query import Query
    from desktop_app.services.queries import ListText, SearchRequest
    from desktop_app.ui.archive.facet_counter import FacetCounter


def part_ids(text: str, *, keys: bool) -> NDArray[np.int32]:
    """One part's ids in the list's order, newest first."""
    import numpy as np

    if not keys:
        ids: NDArray[np.int32] = np.fromstring(text, dtype=np.int32, sep=",")
        return ids
    found = np.fromstring(text, dtype=np.int64, sep=",")
    found.sort()
    return _key_ids(found)


def _key_ids(keys: NDArray[np.int64]) -> NDArray[np.int32]:
    """The item ids in search keys, -(time × 2**30 + id)."""
    import numpy as np

    from desktop_app.services.queries import ID_MASK

    return ((-keys) & ID_MASK).astype(np.int32)


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


def ids_of_keys(keys: NDArray[np.int64]) -> array[int]:
    """The ids of search keys, in their order, as the list's model keeps them."""
    out = array("i")
    out.frombytes(_key_ids(keys).tobytes())
    return out


def read_keys(listed: ListText) -> NDArray[np.int64]:
    """A words' list as its search keys, newest first: -(time × 2**30 + id) (`listed.keys`)."""
    import numpy as np

    assert listed.keys, "a list of ids holds no times"
    parts = [np.fromstring(text, dtype=np.int64, sep=",") for text in listed.parts]
    keys = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    keys.sort()
    return keys


def timeline_days(
    times: NDArray[np.int64], local: Callable[[str], list[tuple[str, int]]]
) -> list[tuple[str, int]]:
    """The local days of `times` (Unix seconds), newest first, with how many each holds.

    `local` (`queries.local_dates`) says where SQLite's local time puts an instant, so the
    days are the ones `queries.search_days` would count. It is asked about each hour that
    holds a time, at the hour's first and last second; an hour whose two ends fall on one
    day at one offset from UTC is counted whole, and only the times of the others (a clock
    change, a midnight inside the hour in a zone half an hour off) one by one.
    """
    import numpy as np

    hours, inverse, per_hour = np.unique(times // 3600, return_inverse=True, return_counts=True)
    starts = hours * 3600
    ends = local(json.dumps(np.concatenate([starts, starts + 3599]).tolist()))
    counts: dict[str, int] = {}
    mixed = np.zeros(hours.size, dtype=bool)
    for n in range(hours.size):
        (first, first_offset), (last, last_offset) = ends[n], ends[n + hours.size]
        if first == last and first_offset == last_offset:
            counts[first] = counts.get(first, 0) + int(per_hour[n])
        else:
            mixed[n] = True
    if mixed.any():
        for day, _offset in local(json.dumps(times[mixed[inverse]].tolist())):
            counts[day] = counts.get(day, 0) + 1
    return sorted(counts.items(), reverse=True)


def list_ids(request: SearchRequest, query: Query, listed: ListText | None) -> Sequence[int]:
    """A search's whole list: from its text where an index holds it in order, else SQL's."""
    from desktop_app.services import queries

    return read_ids(listed) if listed else queries.search_id_array(request, query)


def list_timeline(
    request: SearchRequest, query: Query, ids: Sequence[int], narrowed: Narrowed | None
) -> Timeline:
    """The list newest first, with its days. Two statements: when a write committed in
    between makes the days not add up to the list, both are read once more. A narrowed
    list newest first brings its items' times: its days are made from those (SQL would
    look up every match's item for its choices)."""
    from desktop_app.services import queries

    if narrowed is not None and narrowed.times is not None:
        return Timeline(narrowed.ids, timeline_days(narrowed.times, queries.local_dates))
    dated = dataclasses.replace(request, order="date", descending=True)
    for again in (False, True):
        if dated != request or again:
            ids = list_ids(dated, query, queries.search_id_text(dated, query))
        days = queries.search_days(request, query)
        if sum(n for _day, n in days) == len(ids):
            break
    return Timeline(ids, days)


def narrowed_list(
    counter: FacetCounter,
    counting: threading.Lock,
    request: SearchRequest,
    query: Query,
    timeline: bool,
) -> Narrowed | None:
    """The list and counts of a search whose only filters are chosen kinds, sources or
    tags, from its list without them (read as text) and the counter's groups, when both
    are of the same moment of the archive; None when that cannot be done. For the
    timeline, newest first, the list is read as search keys: they hold the times."""
    from desktop_app.services import queries

    split = queries.split_choices(request, query)
    key = queries.facet_key() if split is not None else None
    if split is None or key is None:
        return None
    plain_request, plain_query, choices = split
    times = timeline and plain_request.descending
    listed = queries.search_id_text(plain_request, plain_query, times=times)
    if listed is None:
        return None  # other filters too: SQL's list
    keys = read_keys(listed) if listed.keys else None
    plain = ids_of_keys(keys) if keys is not None else read_ids(listed)
    if queries.facet_key() != key:
        return None  # a write while it was read
    with counting:
        found = counter.narrow(plain, choices, key)
    if found is None:
        return None
    ids, counted, kept = found
    return Narrowed(ids, counted, None if keys is None else (-keys[kept]) >> 30)
