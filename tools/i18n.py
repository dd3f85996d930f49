"""Keep the translations in step with the code: `python -m tools.i18n [--check]`.

Collects every translatable text from `desktop_app` by reading the source (no import):
`self.tr("…")` inside a class (context: the class's name, as PySide6 uses at run time),
`QCoreApplication.translate("Context", "…")` and `noop("Context", "…")`, plus the category
names, whose Ukrainian names come from the category registry itself.

Without `--check`, it rewrites each `frontline-archive_<lang>.ts`: translations already made are
kept, new texts are added as unfinished, texts gone from the code are dropped; then `lrelease`
compiles the `.qm` beside it. With `--check`, it only says what is missing or stale (exit 1).
"""

from __future__ import annotations

import ast
import subprocess
import sys
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
    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[Message] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else (func.id if isinstance(func, ast.Name) else "")
        )
        args = node.args
        if name == "tr" and isinstance(func, ast.Attribute) and self.classes:
            source = _string(args[0]) if args else None
            if source is not None:
                comment = _string(args[1]) if len(args) > 1 else ""
                self.found.add(Message(self.classes[-1], source, comment or "", len(args) > 2))
        elif name in ("translate", "noop") and len(args) >= 2:
            context, source = _string(args[0]), _string(args[1])
            if context is not None and source is not None:
                comment = _string(args[2]) if len(args) > 2 else ""
                self.found.add(Message(context, source, comment or "", len(args) > 3))
        self.generic_visit(node)


def code_messages(language: str = "uk") -> set[Message]:
    """Every translatable text the program shows; for English, only those with plural forms
    (the code's own English says "%n item(s)", which the English catalogue turns into
    "1 item" and "24 items")."""
    collector = _Collector()
    for path in sorted(PACKAGE.rglob("*.py")):
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    if language == "en":
        return {m for m in collector.found if m.numerus}
    return collector.found | {Message(CATEGORY_CONTEXT, en) for en in category_names()}


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
