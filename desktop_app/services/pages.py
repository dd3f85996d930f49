"""A news page pasted or dropped in the window: read it, show it, then save what was kept.

`preview_text` and `preview_file` read a page into its article, briefs and report, and say
whether that report is already stored; nothing is written. `save_page` writes what the user
kept as one import: one transaction, on the undo stack as one step, and a second save of the
same page adds nothing (items are recognised by kind, title and time, the report by its date).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import messages
from desktop_app.core.errors import ImportFormatError

if TYPE_CHECKING:
    from desktop_app.core.page.build import Page
    from desktop_app.services.transfer import ImportOutcome

# The suffixes a dropped file may have to be looked at as a page before it is imported.
PAGE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
PASTED = "pasted page"


@dataclass(frozen=True)
class PagePreview:
    page: Page
    format: str
    # True when the archive already holds a report of the report's date (it is then linked).
    report_stored: bool = False
    source: str = PASTED


def _stored(page: Page) -> bool:
    from desktop_app.storage.reports import load_report

    return (
        page.report is not None
        and page.report.date is not None
        and (load_report(page.report.date) is not None)
    )


def _looks_like_markup(text: str) -> bool:
    head = text.lstrip()[:4096].lower()
    return head.startswith("<") and ("<html" in head or "<!doctype html" in head)


def preview_text(text: str) -> PagePreview:
    """The page in pasted text (or pasted HTML source); ImportFormatError when none is found."""
    from desktop_app.core.formats.detect import HTML_PAGE, PAGE_TEXT
    from desktop_app.core.formats.html_page import read_saved_page
    from desktop_app.core.page.build import read_page_text

    if _looks_like_markup(text):
        page, fmt = read_saved_page(text, source=PASTED), HTML_PAGE
    else:
        page, fmt = read_page_text(text), PAGE_TEXT
    if not page.found:
        raise ImportFormatError(messages.NO_PAGE)
    return PagePreview(page, fmt, _stored(page))


def preview_file(path: Path) -> PagePreview | None:
    """The page in a dropped file; None when the file is not a page (import it as usual)."""
    from desktop_app.core.formats.detect import HTML_PAGE, PAGE_TEXT, detect_format
    from desktop_app.core.formats.load import read_page
    from desktop_app.services.transfer import refuse_archive_file

    refuse_archive_file(path, messages.IMPORTED_INTO_ITSELF)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(exc.strerror or "cannot read", file=str(path)) from None
    fmt = detect_format(str(path), data)
    if fmt not in (PAGE_TEXT, HTML_PAGE):
        return None
    page = read_page(str(path), data, fmt)
    return PagePreview(page, fmt, _stored(page), source=str(path))


def save_page(page: Page, *, fmt: str, source: str = PASTED) -> ImportOutcome:
    """Write the page's article, briefs and report (linked to the article) in one transaction."""
    from desktop_app.core.formats.load import check_bounds, page_result
    from desktop_app.services.transfer import write_results

    result = page_result(fmt, page)
    check_bounds(result, source)
    result.source = source
    return write_results([(Path(source), result)], undo=True)
