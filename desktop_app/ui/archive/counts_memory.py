"""The exact counts of the last few searches, kept while the archive does not change.

A count does not depend on the list's order nor on table or timeline: the same words and
filters sorted another way, shown as a timeline, or asked for again (a filter ticked and
unticked) have the counts already made. At a million items those took 0.1-1.6 s; remembered,
they are sent before the first page. Each is kept under the search thread's data key (SQLite's
`data_version` and its own changes), read when the search started: any write since, by this
window or another program, moves the key, so counts from before it are never shown.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.services.queries import Facets, SearchRequest

KEPT = 16


class CountsMemory:
    """Exact counts by (data key, search without its order); shared by the worker's lanes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, Facets] = OrderedDict()

    @staticmethod
    def key(data_key: tuple[object, ...] | None, request: SearchRequest) -> Hashable | None:
        """What the counts of `request` are kept under; None when they are not kept (a
        server's archive, a search of a limited number of items)."""
        if data_key is None or request.limit is not None:
            return None
        return data_key, dataclasses.replace(request, order="date", descending=True)

    def recall(self, key: Hashable | None) -> Facets | None:
        if key is None:
            return None
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def keep(self, key: Hashable | None, facets: Facets) -> None:
        if key is None or facets.estimated:
            return
        with self._lock:
            self._kept[key] = facets
            self._kept.move_to_end(key)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
