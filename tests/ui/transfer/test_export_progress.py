"""File ▸ Export in the window: the progress counts the items as they are written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.services import transfer
from desktop_app.ui.app.main_window import MainWindow


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_export_progress_counts_the_items_written(
    qtbot,
    window: MainWindow,
    sample_items: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    from desktop_app.ui.common import file_dialogs

    if language == "uk":
        request.getfixturevalue("ukrainian")
    monkeypatch.setattr(transfer, "_PIECE", 1)  # a report after every item
    target = tmp_path / "all.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: target)
    release = threading.Event()  # the export waits until its reports are listened to
    window.runner.start("hold", lambda _op: release.wait(10))
    window.export("articles", "json")
    dialog, operation = window.exporter.progress, window.exporter.operation
    assert dialog is not None and operation is not None
    seen: list[tuple[str, int]] = []
    operation.progressed.connect(lambda *_: seen.append((dialog.labelText(), dialog.maximum())))
    with qtbot.waitSignal(window.exporter.finished, timeout=10000):
        release.set()
    count = len(sample_items)
    writing = "Writing item {} of {}…" if language == "en" else "Записано {} з {}…"
    labels = [label for label, _most in seen]
    assert writing.format(1, count) in labels and writing.format(count, count) in labels
    assert all(most == count for _label, most in seen)
    saving = "Saving the file…" if language == "en" else "Збереження файлу…"
    assert labels[-1] == saving and target.exists()
