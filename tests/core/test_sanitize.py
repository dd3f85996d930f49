"""The reader's HTML allow-list against hostile markup: nothing may run or fetch."""

from __future__ import annotations

import pytest

from desktop_app.core.sanitize import html_to_text, sanitize_html

HOSTILE = {
    "script": "<p>ok</p><script>alert(1)</script>",
    "event handler": '<p onclick="alert(1)" onmouseover="x()">ok</p>',
    "javascript link": '<a href="javascript:alert(1)">ok</a>',
    "javascript link, mixed case and entities": '<a href="JaVa&#x53;cript:alert(1)">ok</a>',
    "remote image": '<p>ok<img src="https://tracker.example/pixel.gif"></p>',
    "iframe": '<iframe src="https://evil.example/"></iframe><p>ok</p>',
    "css url": '<p style="background: url(https://evil.example/x.png)">ok</p>',
    "style block": "<style>p { background: url(https://evil.example/x) }</style><p>ok</p>",
    "data url link": '<a href="data:text/html;base64,PHNjcmlwdD4=">ok</a>',
    "data url image": '<img src="data:image/png;base64,iVBORw0KGgo=">ok',
    "svg": '<svg onload="alert(1)"><image href="https://evil.example/x"/></svg><p>ok</p>',
    "object/embed": '<object data="x.swf"></object><embed src="x.swf">ok',
    "form": '<form action="https://evil.example/"><input name="q"></form>ok',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">ok',
    "base href": '<base href="https://evil.example/">ok',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">ok',
    "srcset": '<img srcset="https://evil.example/x.png 2x">ok',
    "unclosed tag": '<p>ok<a href="https://ok.example/" onclick="x()"',
}
FORBIDDEN = (
    "<script",
    "onclick",
    "onmouseover",
    "onload",
    "javascript:",
    "<img",
    "<iframe",
    "url(",
    "style",
    "data:",
    "<svg",
    "<object",
    "<embed",
    "<form",
    "<input",
    "<meta",
    "<base",
    "<link",
    "srcset",
    "evil.example",
    "tracker.example",
)


@pytest.mark.parametrize("markup", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_is_defused(markup: str) -> None:
    clean = sanitize_html(markup).lower()
    for bad in FORBIDDEN:
        assert bad not in clean, (bad, clean)


def test_structure_and_web_links_survive() -> None:
    clean = sanitize_html(
        '<h2>Head</h2><p>A <b>bold</b> <a href="https://kyivindependent.com/'
        'x" target="_blank">link</a></p><ul><li>one</li></ul>'
    )
    assert "<h2>Head</h2>" in clean and "<b>bold</b>" in clean and "<li>one</li>" in clean
    assert 'href="https://kyivindependent.com/x"' in clean
    assert "target" not in clean


def test_text_of_hostile_markup_keeps_no_script_or_style_text() -> None:
    text = html_to_text(
        "<style>p{}</style><p>Kept.</p><script>var x = 1;</script><svg><text>svg text</text></svg>"
    )
    assert text == "Kept."


def test_an_ordered_lists_start_is_kept_only_as_a_whole_number() -> None:
    assert sanitize_html('<ol start="5"><li>a</li></ol>') == '<ol start="5"><li>a</li></ol>'
    assert sanitize_html("<OL START=12 type=a><li>a</li></OL>") == (
        '<ol start="12"><li>a</li></ol>'
    )
    for start in ('"x"', '"5;color:red"', '""', '"1e9"'):
        assert sanitize_html(f"<ol start={start}><li>a</li></ol>") == "<ol><li>a</li></ol>"
