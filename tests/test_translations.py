"""The wording of the catalogues: plurals, terminology and typography, read from the .ts files.

What the window shows comes from these files, so a rule checked here holds on every screen.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tools import i18n as catalog

UK = catalog.TRANSLATIONS / "frontline-archive_uk.ts"
EN = catalog.TRANSLATIONS / "frontline-archive_en.ts"


def _messages(path):  # type: ignore[no-untyped-def]
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            forms = [f.text or "" for f in node.iter("numerusform")]
            yield name, message.findtext("source") or "", forms or [node.text or ""]


def test_no_s_plural_is_shown_in_english() -> None:
    """A source with "(s)" is only ever a plural form that the English catalogue writes out."""
    in_code = catalog.code_messages("uk")
    plain = sorted(m.source for m in in_code if "(s)" in m.source and not m.numerus)
    assert plain == []
    english = {source: forms for _, source, forms in _messages(EN)}
    for message in in_code:
        if message.numerus and "(s)" in message.source:
            forms = english.get(message.source)
            assert forms, message.source
            assert all(form and "(s)" not in form for form in forms), forms


def test_ukrainian_plurals_have_three_forms() -> None:
    for _, source, forms in _messages(UK):
        if "%n" in source:
            assert len(forms) == 3 and all("%n" in f for f in forms), (source, forms)


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"\bзвіт", "the General Staff's daily report is «зведення»"),
        (r"[А-Яа-яІіЇїЄєҐґ]['’][А-Яа-яІіЇїЄєҐґ]", "the Ukrainian apostrophe is ʼ (U+02BC)"),
        (r"(?<![\w>])\"[А-Яа-яІіЇїЄєҐґ]", "quotes are «…»"),
        (r"\d (?:р\.|дн\.|тис\.)", "a no-break space between a number and its unit"),
        (r"&Правка", "the Edit menu is «Редагування»"),
    ],
)
def test_ukrainian_wording(pattern: str, why: str) -> None:
    found = [
        (context, source, form)
        for context, source, forms in _messages(UK)
        for form in forms
        # Search syntax keeps its straight quotes: they are what the user types.
        if re.search(pattern, form) and not ('"' in source and '"' in pattern)
    ]
    assert found == [], why


def test_a_brief_is_always_a_short_news_item() -> None:
    """'Brief' is «коротка новина» in every context, never a bare «новина»."""
    for _, source, forms in _messages(UK):
        if re.fullmatch(r"(?i)briefs?( \(%1\))?|&briefs…", source):
            assert all("коротк" in form.lower() for form in forms), (source, forms)


def test_every_text_is_where_lupdate_sees_it() -> None:
    """pyside6-lupdate skips a tr() inside an f-string and a call through an alias of
    translate(); such a text would silently stay English."""
    import ast

    hidden = []
    for path in sorted((catalog.PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    func = getattr(inner, "func", None)
                    if isinstance(func, ast.Attribute) and func.attr in ("tr", "translate"):
                        hidden.append(f"{path.name}:{inner.lineno} tr() in an f-string")
            elif (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "translate"
            ):
                hidden.append(f"{path.name}:{node.lineno} an alias of translate()")
    assert hidden == []
