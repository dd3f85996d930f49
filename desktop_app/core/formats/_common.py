"""Helpers shared by the dataset readers: decoding, strict JSON, dates, counts and notes.

Every problem becomes an ImportFormatError that names the file, the record and the field, so
the person importing can find the spot in their file. Nothing here knows about Qt or storage.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError, ValidationError
from desktop_app.core.validation import report_date_problem

# Totals end up in SQLite INTEGER columns (64-bit signed); anything larger cannot be stored.
MAX_COUNT = 2**63 - 1
# The only free text in the datasets is a direction name ("Donetsk", "Kurakhove and Izyum").
# A longer value is not a note but garbage (or an attack on the UI); refuse it.
MAX_NOTE_LENGTH = 1000

# Only ASCII digits: str.isdigit, int() and Decimal() also take other scripts' digits and "_".
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# pandas writes missing values as empty cells; other tools write NaN in some spelling.
_MISSING_CELLS = frozenset({"", "nan", "null", "none", "na", "n/a"})


# Byte-order marks, longest first: UTF-32LE's mark begins with UTF-16LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SHOWN = {
    "utf-32-le": "UTF-32",
    "utf-32-be": "UTF-32",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


# charset-normalizer's names of the 8-bit encodings people's files come in.
_EIGHT_BIT = re.compile(r"cp12[0-9]{2}|koi8|iso8859|latin|mac_(?:cyrillic|roman)|cp8[0-9]{2}")
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def _readable(text: str) -> bool:
    """No control characters but line breaks and tabs: what a text file holds."""
    return all(ch.isprintable() or ch in "\t\n\r\f\v" for ch in text)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark (None: not one of them).

    Every format we read usually starts with an ASCII character ('[', '{', '<', a letter),
    so the zero bytes among the first four say it, as RFC 4627 describes for JSON. Text that
    starts otherwise (Ukrainian prose) is UTF-16/32 when it is not readable as UTF-8 but
    decodes to readable text in exactly one of them.
    """
    head = data[:4]
    if len(head) == 4 and head[0] and not any(head[1:]):
        return "utf-32-le"
    if len(head) == 4 and not any(head[:3]) and head[3]:
        return "utf-32-be"
    if len(head) >= 2 and head[0] and not head[1] and (len(head) < 4 or not head[3]):
        return "utf-16-le"
    if len(head) >= 2 and not head[0] and head[1] and (len(head) < 4 or not head[2]):
        return "utf-16-be"
    sample = data[:4096]
    try:
        # Incremental: a character cut in two at the sample's end is not an error.
        if _readable(codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)):
            return None
    except UnicodeDecodeError:
        pass
    fits = []
    for encoding in _WIDE:
        width = 4 if encoding.startswith("utf-32") else 2
        try:
            text = sample[: len(sample) - len(sample) % width].decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and _readable(text):
            fits.append(encoding)
    return fits[0] if len(fits) == 1 else None


def _legacy_guess(data: bytes) -> str:
    """'cp1251': charset-normalizer's guess at an 8-bit encoding, or ''."""
    from charset_normalizer import from_bytes  # imported only for files that need it

    best = from_bytes(data[:65536]).best()
    if best is None or not _EIGHT_BIT.match(best.encoding):
        return ""  # a multi-byte guess on a short file is noise, not help
    return str(best.encoding)


def decode_text(data: bytes | str, *, file: str | None) -> str:
    """The text of a file: UTF-8, or UTF-16/32 with or without a byte-order mark.

    A file in an 8-bit encoding (windows-1251, KOI8-U, latin-1) is refused naming the
    encoding it seems to be in: guessing would silently change the notes' letters.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    encoding, start = "utf-8", 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, start = name, len(bom)
            break
    else:
        guess = _wide_encoding(data)
        if guess is not None:
            try:
                return data.decode(guess)
            except UnicodeDecodeError:
                pass  # a guess from the zero bytes only: read it as UTF-8 after all
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        if encoding != "utf-8":
            raise ImportFormatError(
                f"not valid {_SHOWN[encoding]} text: undecodable bytes at byte offset {offset}",
                file=file,
            ) from None
        guess = _legacy_guess(data)
        raise ImportFormatError(
            msg.render(
                msg.NOT_UTF8_LIKE if guess else msg.NOT_UTF8,
                byte=f"0x{data[offset]:02x}",
                offset=offset,
                encoding=guess,
            ),
            file=file,
        ) from None


def require_content(text: str, *, file: str | None) -> None:
    """An empty (or blank) file is an error of its own, clearer than 'malformed JSON'."""
    if not text.strip():
        raise ImportFormatError(msg.FILE_EMPTY, file=file)


class JsonObject(dict[str, Any]):
    """A JSON object that remembers keys given twice (json keeps the last one silently)."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _ in pairs:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        obj.duplicates = tuple(repeated)
    return obj


def load_json(text: str, *, file: str | None) -> Any:
    """Parse JSON text; numbers with a fraction or exponent come back as exact Decimals.

    The bare NaN/Infinity tokens (written by Python and pandas) are accepted as floats.
    """
    require_content(text, file=file)
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            msg.render(msg.MALFORMED_JSON, line=exc.lineno, column=exc.colno, detail=exc.msg),
            file=file,
        ) from None
    except RecursionError:
        raise ImportFormatError("malformed JSON: nested too deeply", file=file) from None
    except ValueError as exc:
        # int() refuses numbers of more than 4300 digits; no loss figure is that long.
        raise ImportFormatError(f"malformed JSON: {exc}", file=file) from None


def describe(value: Any) -> str:
    """A short description of an unexpected value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, Decimal):
        number = str(value)  # the number as the file wrote it, not Decimal('1.5')
        return number if len(number) <= 40 else number[:37] + "..."
    return repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."


def check_duplicates(obj: Any, *, file: str | None, record: str | None, prefix: str = "") -> None:
    """A key given twice in one object is ambiguous: which figure did the author mean?"""
    if isinstance(obj, JsonObject) and obj.duplicates:
        raise ImportFormatError(
            "the field is given twice in the record",
            file=file,
            record=record,
            field=prefix + obj.duplicates[0],
        )


def record_label(where: str, raw_date: Any) -> str:
    """'#12 (2022-03-08)': the position in the file, and the date when it is readable text.

    Without a position (a file of one record) the date alone names the record.
    """
    readable = isinstance(raw_date, str) and 0 < len(raw_date) <= 32 and raw_date.isprintable()
    if not where:
        return str(raw_date) if readable else "(no date)"
    return f"{where} ({raw_date})" if readable else where


def parse_date(value: Any, *, file: str | None, record: str, field: str = "date") -> dt.date:
    """A strict YYYY-MM-DD date (fromisoformat alone would also take '20220308' or weeks).

    A report's date must lie between 24 Feb 2022 and today (core.validation): an error here
    names the record, where the window's validation could only name the date.
    """
    if value is None:
        raise ImportFormatError("the date is missing", file=file, record=record, field=field)
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise ImportFormatError(
            f"bad date {describe(value)}: expected YYYY-MM-DD",
            file=file,
            record=record,
            field=field,
        )
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ImportFormatError(
            f"bad date {value!r}: no such day", file=file, record=record, field=field
        ) from None
    check_report_date(date, file=file, record=record, field=field)
    return date


def check_report_date(
    date: dt.date, *, file: str | None, record: str | None, field: str = "date"
) -> None:
    """ImportFormatError when a report's date is before the war or in the future."""
    problem = report_date_problem(date)
    if problem is not None:
        raise ImportFormatError(problem, file=file, record=record, field=field)


def parse_count(
    value: Any,
    *,
    file: str | None,
    record: str,
    field: str,
    signed: bool = False,
) -> int | None:
    """A whole count from a JSON value; None when missing (null or NaN), never zero.

    Whole floats such as 100.0 (pandas writes them) become ints. signed allows negative
    values, which only a stated change may have.
    """

    def fail(reason: str) -> ImportFormatError:
        return ImportFormatError(reason, file=file, record=record, field=field)

    if value is None:
        return None
    # bool is a subclass of int: true would otherwise be read as 1.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        if isinstance(value, str):  # "got text '303'": a number written in quotes
            raise fail(msg.render(msg.WHOLE_NUMBER_TEXT, value=describe(value)[len("text ") :]))
        raise fail(msg.render(msg.WHOLE_NUMBER, value=describe(value)))
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise fail(msg.render(msg.WHOLE_NUMBER, value=value))
        value = Decimal(value)
    if isinstance(value, Decimal):
        if value.is_nan():
            return None
        if not value.is_finite():
            raise fail(msg.render(msg.WHOLE_NUMBER, value=value))
        # Check the magnitude first: int() of 1E+999999999 would build a gigantic number.
        if not value.is_zero() and value.adjusted() > 18:
            raise fail(f"number {value} is too large")
        if value != value.to_integral_value():
            raise fail(msg.render(msg.WHOLE_NUMBER, value=value))
        value = int(value)
    if value < 0 and not signed:
        raise fail(f"negative total {value}")
    if abs(value) > MAX_COUNT:
        raise fail(f"number {value} is too large")
    return int(value)


def cell_value(cell: str) -> Decimal | str | None:
    """A CSV cell as the JSON reader would see it: None (missing), a number, or text."""
    stripped = cell.strip()
    if stripped.lower() in _MISSING_CELLS:
        return None
    if _NUMBER_RE.fullmatch(stripped):
        try:
            return Decimal(stripped)
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
            return stripped
    return stripped


def parse_note(value: Any, *, file: str | None, record: str, field: str) -> str | None:
    """Free text kept as the report's note; None when missing or blank."""
    if value is None:
        return None
    if isinstance(value, float | Decimal) and value != value:  # NaN, as pandas writes it
        return None
    if not isinstance(value, str):
        raise ImportFormatError(
            f"expected text, got {describe(value)}", file=file, record=record, field=field
        )
    note = value.strip()
    if not note:
        return None
    if len(note) > MAX_NOTE_LENGTH:
        raise ImportFormatError(
            f"text of {len(note):,} characters is too long (at most {MAX_NOTE_LENGTH:,})",
            file=file,
            record=record,
            field=field,
        )
    try:
        # JSON escapes can produce lone surrogates, which no database or widget can store.
        note.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportFormatError(
            "text contains an invalid character", file=file, record=record, field=field
        ) from None
    return note


def from_validation(
    exc: ValidationError, *, file: str | None = None, record: str | None = None
) -> ImportFormatError:
    """An item's ValidationError ("title: a title is required") naming file, record, field."""
    name, sep, reason = str(exc).partition(": ")
    if not sep or " " in name:
        return ImportFormatError(str(exc), file=file, record=record)
    return ImportFormatError(reason, file=file, record=record, field=name)
