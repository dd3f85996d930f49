"""Printing the reader's article, and saving it as a PDF file (Qt's own PDF writer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def export_pdf(document: QTextDocument, path: Path) -> None:
    """Write the document to `path` as A4 PDF; a copy is printed so the view keeps its layout."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    copy = document.clone()
    copy.print_(printer)
    copy.deleteLater()


def print_document(document: QTextDocument, parent: QWidget) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    copy = document.clone()  # the page's own margins, not the screen's measure
    copy.print_(printer)
    copy.deleteLater()
    return True
