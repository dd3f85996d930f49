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


def _inked_rows(reader: ReaderView) -> list[int]:
    """The viewport's pixel rows holding anything but the background."""
    image = reader.viewport().grab().toImage()
    background = image.pixel(image.width() - 1, image.height() - 1)
    return [
        y
        for y in range(image.height())
        if any(image.pixel(x, y) != background for x in range(image.width()))
    ]


def test_the_placeholder_wraps_in_a_narrow_reader(qtbot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(170, 200)  # the Sources panel open in a small window
    reader.show()
    qtbot.waitExposed(reader)
    rows = _inked_rows(reader)
    line = reader.fontMetrics().height()
    # Qt drew one line, cut at the edge; wrapped, the words take two lines or more.
    assert rows and rows[-1] - rows[0] > 1.5 * line
