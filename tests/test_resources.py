"""The bundled demo content and the application icon are well-formed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "desktop_app" / "resources"
KEYS = {
    "kind",
    "title",
    "lead",
    "body",
    "author",
    "published_at",
    "source_name",
    "source_url",
    "tags",
}


@pytest.fixture(scope="module")
def items() -> list[dict]:
    data = json.loads((RESOURCES / "demo" / "items.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_demo_items_structure(items: list[dict]) -> None:
    for item in items:
        assert set(item) == KEYS, item.get("title")
        assert item["kind"] in {"article", "brief"}
        for key in ("title", "lead", "body", "author", "source_name"):
            assert isinstance(item[key], str)
        assert item["title"].strip() and item["body"].strip() and item["author"].strip()
        assert item["source_url"] is None or isinstance(item["source_url"], str)
        assert isinstance(item["tags"], list)
        assert all(isinstance(t, str) and t == t.lower() and t for t in item["tags"])
        published = datetime.fromisoformat(item["published_at"])
        assert published.tzinfo is not None and published.utcoffset() is not None


def test_demo_items_content(items: list[dict]) -> None:
    titles = [i["title"] for i in items]
    assert len(titles) == len(set(titles))
    articles = [i for i in items if i["kind"] == "article"]
    briefs = [i for i in items if i["kind"] == "brief"]
    assert len(articles) >= 8 and len(briefs) >= 12
    assert all(b["title"].endswith(".") for b in briefs)
    assert all(a["lead"].strip() and a["body"].count("\n\n") >= 3 for a in articles)


@pytest.mark.parametrize("root", [ROOT / "resources", RESOURCES])
def test_icon_is_svg(root: Path) -> None:
    tree = ET.parse(root / "icons" / "frontline-archive.svg")
    assert tree.getroot().tag == "{http://www.w3.org/2000/svg}svg"
