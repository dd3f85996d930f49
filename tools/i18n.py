"""Keep the translations in step with the code: `python -m tools.i18n [--check]`.

The window's texts are found by Qt's own extractor, `pyside6-lupdate`, over `desktop_app/ui`:
`self.tr("…")` (context: the class's name), `QCoreApplication.translate("Context", "…")` and
`QT_TRANSLATE_NOOP("Context", "…")` for texts kept in tables. What lupdate cannot see is added
by one small step: the category names (their Ukrainian names come from the category registry)
and the messages written below the window without Qt (`noop("messages", "…")` in
`desktop_app/core`, translated when the window shows them; see `core/messages.py`).

Without `--check`, it rewrites each `frontline-archive_<lang>.ts`: translations already made are
kept, new texts are added as unfinished, texts gone from the code are dropped; then `lrelease`
compiles the `.qm` beside it. With `--check`, it only says what is missing or stale (exit 1).
The English catalogue holds only the texts with plural forms ("1 item", "24 items").
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop_app"
TRANSLATIONS = PACKAGE / "resources" / "translations"
CATEGORY_CONTEXT = "categories"


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False


@dataclass
class Translation:
    text: str = ""
    plural: list[str] = field(default_factory=list)
    finished: bool = False


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Collector(ast.NodeVisitor):
    """What lupdate does not see: `noop("Context", "…")` in the modules below the window (no
    Qt there), and plural texts given to `QCoreApplication.translate(context, text, "", n)`,
    which pyside6-lupdate 6.x skips or does not mark as plural (it does for `self.tr`)."""

    def __init__(self) -> None:
        self.found: set[Message] = set()

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id == "noop" and len(args) >= 2:
            context, source = _string(args[0]), _string(args[1])
            if context is not None and source is not None:
                self.found.add(Message(context, source))
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 4:
            context, source = _string(args[0]), _string(args[1])
            if context is not None and source is not None:
                self.found.add(Message(context, source, _string(args[2]) or "", True))
        self.generic_visit(node)


def beside_lupdate() -> set[Message]:
    """The small step: category names, `noop` texts outside `ui`, plural `translate` calls."""
    collector = _Collector()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if (PACKAGE / "ui") in path.parents:
            plural = _Collector()
            plural.visit(tree)
            collector.found |= {m for m in plural.found if m.numerus}
        else:
            collector.visit(tree)
    return collector.found | {Message(CATEGORY_CONTEXT, en) for en in category_names()}


@functools.cache
def _lupdate_messages() -> frozenset[Message]:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (PACKAGE / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "found.ts"
        subprocess.run(
            [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
            cwd=ROOT,
        )
        return frozenset(read_ts(ts))


def code_messages(language: str = "uk") -> set[Message]:
    """Every translatable text the program shows; for English, only those with plural forms
    (the code's own English says "%n item(s)", which the English catalogue turns into
    "1 item" and "24 items")."""
    extra = beside_lupdate()
    plural = {(m.context, m.source) for m in extra if m.numerus}
    found = {m for m in _lupdate_messages() if (m.context, m.source) not in plural} | extra
    if language == "en":
        return {m for m in found if m.numerus}
    return found


def language_of(path: Path) -> str:
    return path.stem.split("_", 1)[1]


def category_names() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from desktop_app.core.categories import CATEGORIES

    return {c.label_en: c.label_uk for c in CATEGORIES}


def read_ts(path: Path) -> dict[Message, Translation]:
    if not path.exists():
        return {}
    out: dict[Message, Translation] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            key = Message(
                context,
                msg.findtext("source") or "",
                msg.findtext("comment") or "",
                msg.get("numerus") == "yes",
            )
            node = msg.find("translation")
            tr = Translation()
            if node is not None:
                tr.finished = node.get("type") not in ("unfinished", "obsolete", "vanished")
                forms = [f.text or "" for f in node.iter("numerusform")]
                tr.plural, tr.text = forms, "" if forms else (node.text or "")
            out[key] = tr
    return out


def write_ts(path: Path, language: str, messages: dict[Message, Translation]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, list[Message]] = {}
    for msg in sorted(messages):
        by_context.setdefault(msg.context, []).append(msg)
    for context, msgs in by_context.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for msg in msgs:
            tr = messages[msg]
            node = (
                ET.SubElement(ctx, "message", numerus="yes")
                if msg.numerus
                else (ET.SubElement(ctx, "message"))
            )
            ET.SubElement(node, "source").text = msg.source
            if msg.comment:
                ET.SubElement(node, "comment").text = msg.comment
            out = ET.SubElement(node, "translation")
            if not tr.finished:
                out.set("type", "unfinished")
            if msg.numerus:
                for form in tr.plural or [""]:
                    ET.SubElement(out, "numerusform").text = form
            else:
                out.text = tr.text
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("frontline-archive_*.ts"))


def problems(path: Path) -> list[str]:
    """What keeps `path` from matching the code: missing, stale or unfinished texts."""
    stored = read_ts(path)
    wanted = code_messages(language_of(path))
    out = [f"missing: {m.context}: {m.source!r}" for m in sorted(wanted - set(stored))]
    out += [f"no longer used: {m.context}: {m.source!r}" for m in sorted(set(stored) - wanted)]
    out += [
        f"unfinished: {m.context}: {m.source!r}"
        for m in sorted(wanted & set(stored))
        if not stored[m].finished
    ]
    return out


def update(path: Path) -> None:
    language = language_of(path)
    stored = read_ts(path)
    names = category_names() if language.startswith("uk") else {}
    merged: dict[Message, Translation] = {}
    for msg in code_messages(language):
        tr = stored.get(msg, Translation())
        if msg.context == CATEGORY_CONTEXT and msg.source in names:
            tr = Translation(names[msg.source], finished=True)
        merged[msg] = tr
    write_ts(path, language, merged)
    compile_qm(path, path.with_suffix(".qm"))


def compile_qm(ts: Path, qm: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = [f"{p.name}: {line}" for p in ts_files() for line in problems(p)]
        print("\n".join(found) or "translations are up to date")
        return 1 if found else 0
    for path in ts_files():
        update(path)
        print(f"{path.relative_to(ROOT)}: {len(problems(path))} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
