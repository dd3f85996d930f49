"""An article's full text from its page: the main text only, sanitised like everything else.

trafilatura finds the article in the page offline (navigation, related links, footers and
comments dropped); our allow-list sanitises what it keeps. A news page of the copied-page
kind carries a column of briefs beside its article: their lines are kept out of the
article's text (they are stories of their own, not its paragraphs).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop_app.core.sanitize import html_to_text, sanitize_html

# A page longer than this is not an article page (the size cap stops most before).
MAX_PAGE_CHARS = 10_000_000
# Extracted text shorter than this is a cookie wall or an error page, not the article.
MIN_TEXT_CHARS = 200


@dataclass(frozen=True)
class FullText:
    body: str
    body_html: str


def _brief_lines(markup: str) -> set[str]:
    from desktop_app.core.page.text_page import split_page
    from desktop_app.core.page.visible import visible_text

    try:
        briefs = split_page(visible_text(markup)).briefs
    except Exception:  # a page's odd layout must not cost its article
        return set()
    lines = set()
    for brief in briefs:
        lines.add(" ".join(brief.title.split()))
        if brief.text:
            lines.add(" ".join(brief.text.split()))
    return lines


def extract_full_text(markup: str, *, url: str = "") -> FullText | None:
    """The main text of an article page (None: no article text found)."""
    import trafilatura  # ~0.3 s to import: only full-text sources need it

    if not markup.strip() or len(markup) > MAX_PAGE_CHARS:
        return None
    extracted = trafilatura.extract(
        markup,
        url=url or None,
        output_format="html",
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_comments=False,
    )
    body_html = sanitize_html(extracted or "")
    body = html_to_text(body_html) if body_html else ""
    if len(body) < MIN_TEXT_CHARS:
        return None
    briefs = _brief_lines(markup)
    if briefs:
        paragraphs = [p for p in body.split("\n") if p.strip()]
        kept = [p for p in paragraphs if " ".join(p.split()) not in briefs]
        if len(kept) != len(paragraphs):
            body = "\n".join(kept)
            body_html = "".join(f"<p>{html.escape(p)}</p>" for p in kept)
    return FullText(body, body_html)


def decode_page(data: bytes, charset: str | None) -> str:
    """A page's text: UTF-8 when it is, else the declared charset when it reads, else a guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262_144]).best()
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="replace")
