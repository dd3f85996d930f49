"""The Trash's list as a model: Qt's own checks, and a long Trash shown without making a
cell for every entry."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.services.trash import TrashRow
from desktop_app.ui.transfer.trash_model import TrashModel
from tests.ui.conftest import settle

WHEN = dt.datetime(2026, 8, 8, 11, 20, tzinfo=dt.UTC)


def entries(count: int) -> list[TrashRow]:
    kinds = ("article", "brief", "")
    return [
        TrashRow(
            n,
            "item" if (n - 1) % 3 < 2 else "report",
            f"Entry {n}",
            WHEN,
            n,
            None,
            kinds[(n - 1) % 3],
        )
        for n in range(1, count + 1)
    ]


def test_the_model_passes_qts_checks_and_names_each_kind(qtmodeltester) -> None:
    model = TrashModel()
    model.set_rows(entries(6))
    qtmodeltester.check(model)
    assert [model.index(r, 2).data() for r in range(3)] == ["article", "brief", "loss report"]
    assert model.index(0, 1).data() == "Entry 1"
    assert model.index(0, 0).data() == WHEN.astimezone().strftime("%Y-%m-%d %H:%M")
    assert model.index(4, 1).data(Qt.ItemDataRole.UserRole) == 5
    # Another program's entries: shown as written, never as a loss report.
    model.set_rows([TrashRow(7, "widget", "W", WHEN, 7, None, ""), *entries(1)])
    model.set_rows([TrashRow(8, "item", "X", WHEN, 8, None, ""), *model.rows])
    assert [model.index(r, 2).data() for r in range(3)] == ["item", "widget", "article"]
    model.set_rows([])
    assert model.rowCount() == 0


def test_a_long_trash_is_shown_asking_for_the_rows_on_screen_only(
    qtbot, window, monkeypatch
) -> None:
    """A QTableWidget made three items an entry at each reload (0.42 s for 20,000)."""
    from desktop_app.ui.transfer.trash_dialog import TrashDialog

    asked: list[int] = []
    real = TrashModel.data

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        asked.append(index.row())
        return real(self, index, role)

    monkeypatch.setattr(TrashModel, "data", counted)
    dialog = TrashDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, window.runner)  # the dialog's own read of the (empty) Trash is in
    dialog._listed(entries(20_000))
    dialog.table.repaint()
    assert dialog.model.rowCount() == 20_000
    assert "20,000" in dialog.summary.text()
    assert asked and max(asked) < 200  # the rows painted, not 20,000
