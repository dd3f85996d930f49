"""Printing the reader's article, and saving it as a PDF file (Qt's own PDF writer)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

# What no file name may hold on one system or another (and control characters).
_NOT_IN_NAMES = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
NAME_LENGTH = 80


def pdf_file_name(title: str) -> str:
    """The name Export to PDF offers: the item's title, without what a file name may not
    hold, at most NAME_LENGTH characters ("article.pdf" for a title with nothing left)."""
    name = " ".join(_NOT_IN_NAMES.sub(" ", title).split())[:NAME_LENGTH].strip(" .")
    return (name or "article") + ".pdf"


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
