"""One entry point for every importable file: detect the format, read it into core values."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.errors import ImportFormatError, NoReportError
from desktop_app.core.formats.detect import detect_format
from desktop_app.core.formats.frontline import read_frontline_json
from desktop_app.core.formats.petroivaniuk import read_petroivaniuk_csv, read_petroivaniuk_json
from desktop_app.core.formats.russianwarship import read_russianwarship
from desktop_app.core.item import ItemData
from desktop_app.core.report import LossReport
from desktop_app.core.report_parser import parse_report

FORMATS = (
    "petroivaniuk-json",
    "petroivaniuk-csv",
    "russianwarship-json",
    "frontline-json",
    "report-text",
)


@dataclass
class ReadResult:
    format: str
    reports: list[LossReport] = field(default_factory=list)
    items: list[ItemData] = field(default_factory=list)


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x})", file=name
        ) from None


def read_import_file(name: str, data: bytes, *, fmt: str | None = None) -> ReadResult:
    """Read a file's bytes; ImportFormatError names the file, record and field on failure."""
    fmt = fmt or detect_format(name, data)
    text = _text(name, data)
    try:
        if fmt == "petroivaniuk-json":
            return ReadResult(fmt, read_petroivaniuk_json(text, source=name))
        if fmt == "petroivaniuk-csv":
            return ReadResult(fmt, read_petroivaniuk_csv(text, source=name))
        if fmt == "russianwarship-json":
            return ReadResult(fmt, read_russianwarship(text, source=name))
        if fmt == "frontline-json":
            reports, items = read_frontline_json(text, source=name)
            return ReadResult(fmt, reports, items)
        if fmt == "report-text":
            try:
                report = parse_report(text)
            except NoReportError as exc:
                raise ImportFormatError(str(exc), file=name) from None
            if report.date is None:
                raise ImportFormatError("the report's date could not be read", file=name)
            return ReadResult(fmt, [report])
    except ImportFormatError as exc:
        raise exc if exc.file else exc.with_file(name) from None
    raise ImportFormatError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}", file=name)
