"""The reader's "nothing to show" text: said once, not rendered again at every list reload."""

from __future__ import annotations

from desktop_app.ui.archive.reader_view import ReaderView


def test_saying_the_same_why_again_leaves_the_document_alone(qtbot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_nothing("No items match the chosen filters.")
    said = reader.document()
    revision = said.revision()
    assert "No items match" in reader.toPlainText()

    # A running update reloads the list after every stored batch; nothing changed here.
    for _ in range(3):
        reader.show_nothing("No items match the chosen filters.")
    assert reader.document() is said and said.revision() == revision

    reader.show_nothing("The archive is empty.")
    assert reader.toPlainText() == "The archive is empty."
    reader.show_nothing("")
    assert reader.toPlainText() == ""
