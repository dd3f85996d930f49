"""The Sources panel's Lists menu: an OPML list in, ours out, in the real window."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services import subscriptions as subs
from desktop_app.ui.common import file_dialogs
from tests.ui.conftest import last_message, settle_window

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="Front">
  <outline type="rss" text="Kyiv desk" xmlUrl="http://127.0.0.1:9/kyiv.xml"
           htmlUrl="http://127.0.0.1:9/"/>
  <outline type="rss" text="Sumy wire" xmlUrl="http://127.0.0.1:9/sumy.xml"/>
</outline>
</body></opml>
"""


def menu_action(window, text: str):
    menu = window._sources_dock.panel.lists.menu()
    return next(a for a in menu.actions() if a.text().startswith(text))


def test_a_list_is_imported_from_the_panel_and_ours_exported(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    listed = tmp_path / "feeds.opml"
    listed.write_text(OPML, encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *_a, **_k: [listed])
    window.ensure_built()
    menu_action(window, "Import a list").trigger()
    qtbot.waitUntil(lambda: last_message(window) is not None, timeout=10000)
    kind, text = last_message(window)  # type: ignore[misc]
    assert kind == "info" and "2 sources added" in text
    names = sorted(s.name for s in subs.subscriptions())
    assert names == ["Kyiv desk", "Sumy wire"]
    assert {s.settings.tags for s in subs.subscriptions()} == {("front",)}  # tags are lower case
    settle_window(qtbot, window)
    panel = window._sources_dock.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)

    target = tmp_path / "out" / "ours.opml"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: target)
    menu_action(window, "Export the list").trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    written = target.read_text(encoding="utf-8")
    assert "http://127.0.0.1:9/kyiv.xml" in written and "Sumy wire" in written
    qtbot.waitUntil(lambda: "2 sources exported" in window.statusBar().currentMessage())
