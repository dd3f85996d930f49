"""What the search worker's threads send the GUI thread (`search_worker`): plain data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from desktop_app.core.search_query import Query
    from desktop_app.services.queries import CountedFacets, Facets, ItemRow, SearchRequest


@dataclass(frozen=True)
class FirstRows:
    """The first rows of a search, sent before its full id list."""

    generation: int
    request: SearchRequest
    query: Query
    rows: list[ItemRow]


@dataclass(frozen=True)
class Timeline:
    """The list newest first, and each local day of it with how many items it holds."""

    ids: Sequence[int]
    days: list[tuple[str, int]]


@dataclass(frozen=True)
class Narrowed:
    """A search's list and counts made from its list without its choices
    (`SearchWorker._narrow`)."""

    ids: Sequence[int]
    counted: CountedFacets
    # The kept items' times, newest first: where the list without the choices held them
    # (words, newest first), the timeline's days come from these.
    times: NDArray[np.int64] | None


@dataclass(frozen=True)
class SearchResult:
    generation: int
    request: SearchRequest
    query: Query
    ids: Sequence[int]
    facets: Facets | None
    days: Timeline | None = None  # for the timeline: the list newest first, and its days
    # The rows of the first page (so a short list shows without another round trip).
    rows: list[ItemRow] | None = None


@dataclass(frozen=True)
class FacetsUpdate:
    generation: int
    facets: Facets


@dataclass(frozen=True)
class Answer:
    """The result of a `call`, for its callback on the GUI thread."""

    deliver: Callable[[Any], None]
    result: Any
