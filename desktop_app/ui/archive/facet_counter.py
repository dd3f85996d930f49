"""The exact counts beside the list, made from the list's own ids on the search thread.

SQL counts a broad search's kinds, tags and sources by looking up every match (3.5-16 s at
1,000,000 items). This thread holds the matches' ids already, so it counts them against
each kind's, source's and tag's item ids (`services.queries.facet_groups`, read by SQLite
from three indexes) with numpy: a number per item id for kinds and sources, a mask of the
list for tags. About 60 ms for a million ids, in calls of a few milliseconds each: numpy,
not a Python loop, so the GUI thread is not kept waiting for the interpreter lock (a Python
loop over a million ids held it in turns for 0.3 s and the list's paint waited for each turn).

The groups are read again when the archive changed since (`queries.facet_key`). A search
that matches fewer than a quarter of the items does not read them for itself (SQL counts it
about as fast) but uses them once read. Facets with a choice in the panel are left to SQL,
which counts them without their own choice.

A search whose only filters are such choices is narrowed here instead (`narrow`): its list
is the list without the choices (read as text by one index, in order) where each chosen
kind, source and tag holds the item; each facet is then counted over the items the other
choices keep, as SQL counts it without its own choice.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from desktop_app.core.search_query import Query
    from desktop_app.services.queries import Choices, CountedFacets, SearchRequest

# Reading the groups costs about as much as SQL's counts of a quarter of the items.
READ_FOR_SHARE = 0.25


class _Numbered:
    """Each item id's value as a number (0: none), and the values in number order."""

    def __init__(self, groups: Iterable[tuple[str, str]], size: int) -> None:
        import numpy as np

        self.names: list[str] = []
        numbers: list[NDArray[np.int32]] = []
        for value, joined in groups:  # each value's text dropped once it is an array
            self.names.append(value)
            numbers.append(_ids(joined, size))
        dtype = np.uint8 if len(self.names) < 255 else np.uint32
        self.of_item: NDArray[Any] = np.zeros(size, dtype=dtype)
        for number, ids in enumerate(numbers, 1):
            self.of_item[ids] = number

    def having(self, ids: NDArray[np.intc], name: str) -> NDArray[np.bool_]:
        """Which of `ids` have the value `name` (none when no item has it)."""
        import numpy as np

        if name not in self.names:
            return np.zeros(ids.size, dtype=bool)
        having: NDArray[np.bool_] = self.of_item[ids] == self.names.index(name) + 1
        return having

    def counts(self, ids: NDArray[np.int32]) -> dict[str, int]:
        import numpy as np

        per_number = np.bincount(self.of_item[ids], minlength=len(self.names) + 1)
        return {name: int(per_number[n]) for n, name in enumerate(self.names, 1)}


def _ids(joined: str, size: int) -> NDArray[np.int32]:
    """The ids in `joined` below `size` (an item another program added after the largest id
    was read is left out; the next search reads the groups again)."""
    import numpy as np

    if not joined:
        return np.zeros(0, dtype=np.int32)
    ids = np.fromstring(joined, dtype=np.int32, sep=",")
    return ids[ids < size] if ids.size and int(ids.max()) >= size else ids


def _ranked(counts: dict[str, int], top: int) -> list[tuple[str, int]]:
    ranked = sorted(((name, n) for name, n in counts.items() if n), key=lambda p: (-p[1], p[0]))
    return ranked[:top] if top else ranked


class FacetCounter:
    """Held by the search thread: its groups, and the counts of a list of ids."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._size = 0
        self._kinds: _Numbered | None = None
        self._sources: _Numbered | None = None
        self._tags: list[tuple[str, NDArray[np.int32]]] = []

    def _read(self, key: tuple[object, ...], size: int) -> bool:
        """Read the groups, one facet at a time (its text is dropped before the next is
        read); False on a server. A write meanwhile moves the key again, and the next search
        reads them anew."""
        from desktop_app.services import queries

        self._key = None  # half-read groups are never used
        self._kinds = self._sources = None  # nor kept beside the new ones while they are read
        self._tags = []
        numbered: list[_Numbered] = []
        for facet in ("kind", "source"):
            groups = queries.facet_groups(facet)
            if groups is None:
                return False
            numbered.append(_Numbered(groups, size))
            del groups
        tags = queries.facet_groups("tag")
        if tags is None:
            return False
        self._size = size
        self._kinds, self._sources = numbered
        self._tags = [(tag, _ids(joined, size)) for tag, joined in tags]
        self._key = key
        return True

    def _known(self, ids: Sequence[int]) -> NDArray[np.int32] | None:
        """`ids` as an array, or None when one of them is not in the groups read."""
        import numpy as np

        if isinstance(ids, array) and ids.typecode == "i":
            known = np.frombuffer(ids, dtype=np.intc).astype(np.int32, copy=False)
        else:
            known = np.fromiter(ids, dtype=np.int32, count=len(ids))
        if known.size and (int(known.min()) < 0 or int(known.max()) >= self._size):
            return None
        return known

    def counts(
        self, req: SearchRequest, query: Query, ids: Sequence[int], *, top: int = 40
    ) -> CountedFacets | None:
        """The counts of the facets without a choice, from `ids` (the whole list of `req`);
        None when SQL should count them all."""
        from desktop_app.services import queries

        wanted = queries.countable(req, query)
        if not wanted or req.limit is not None:
            return None
        key = queries.facet_key()
        if key is None:
            return None  # a server: its counts stay SQL's
        if key != self._key:
            size = queries.item_id_bound()
            if len(ids) < READ_FOR_SHARE * size or not self._read(key, size):
                return None
        import numpy as np

        chosen = self._known(ids)
        if chosen is None:
            return None  # a list from another moment than the groups: SQL counts it
        assert self._kinds is not None and self._sources is not None
        kinds = tags = sources = None
        if "kind" in wanted:
            kinds = dict(_ranked(self._kinds.counts(chosen), 0))
        if "source" in wanted:
            by_source = self._sources.counts(chosen)
            by_source.pop("", None)  # items without a source are not a source
            sources = _ranked(by_source, top)
        if "tag" in wanted:
            mask = np.zeros(self._size, dtype=bool)
            mask[chosen] = True
            tags = _ranked({tag: int(mask[items].sum()) for tag, items in self._tags}, top)
        return queries.CountedFacets(kinds, tags, sources)

    def narrow(
        self, plain: Sequence[int], choices: Choices, key: tuple[object, ...], *, top: int = 40
    ) -> tuple[array[int], CountedFacets, NDArray[np.bool_]] | None:
        """The items of `plain` (a list without the choices, read when the archive's data
        key was `key`) that `choices` keep, in its order, the counts of each facet without
        its own choice, and which of `plain` were kept. None when the groups cannot be those
        of the list's moment (the archive changed, or a list too short to be worth reading
        them): SQL does it."""
        from desktop_app.services import queries

        if key != self._key:
            size = queries.item_id_bound()
            if len(plain) < READ_FOR_SHARE * size or not self._read(key, size):
                return None
            if queries.facet_key() != key:  # a write while they were read
                self._key = None
                return None
        import numpy as np

        ids = self._known(plain)
        if ids is None:
            return None
        assert self._kinds is not None and self._sources is not None
        everything = np.ones(ids.size, dtype=bool)
        by_kind = by_source = by_tags = everything
        if choices.kind:
            by_kind = self._kinds.having(ids, choices.kind)
        if choices.source is not None:
            by_source = self._sources.having(ids, choices.source)
        if choices.tags:
            tagged = dict(self._tags)
            by_tags = everything.copy()
            for tag in choices.tags:
                has = np.zeros(self._size, dtype=bool)
                has[tagged.get(tag, np.zeros(0, dtype=np.int32))] = True
                by_tags &= has[ids]
        keep = by_kind & by_source & by_tags
        kept = ids[keep]
        # Each facet over what the other choices keep (its own choice left out).
        kinds = dict(_ranked(self._kinds.counts(ids[by_source & by_tags]), 0))
        by_source_counts = self._sources.counts(ids[by_kind & by_tags])
        by_source_counts.pop("", None)  # items without a source are not a source
        mask = np.zeros(self._size, dtype=bool)
        mask[ids[by_kind & by_source]] = True
        tags = _ranked({tag: int(mask[items].sum()) for tag, items in self._tags}, top)
        out = array("i")
        out.frombytes(np.ascontiguousarray(kept, dtype=np.intc).tobytes())
        return out, queries.CountedFacets(kinds, tags, _ranked(by_source_counts, top)), keep
