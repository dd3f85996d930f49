"""Format detection by content, and its errors."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import FORMATS, detect_format
from desktop_app.core.formats.load import read_import_file

KI_REPORT = """General Staff: Russia has lost 360,010 troops in Ukraine
Russia has lost 360,010 troops in Ukraine since the beginning of its full-scale invasion on
Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Jan. 1.
"""

UA_REPORT = """Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали:
особового складу ‒ близько 1456610 (+1190) осіб, танків ‒ 12251 (+4) од."""

EN_REPORT = """The total combat losses of the enemy from 24.02 to 10.08 were approximately:
personnel ‒ about 42800 (+160) persons were liquidated, tanks ‒ 1832 (+15)"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'[{"date": "2022-02-25", "day": 2, "tank": 80}]', "petroivaniuk-json"),
        (
            b'[{"date": "2022-02-25", "personnel": 2800, "personnel*": "about"}]',
            "petroivaniuk-json",
        ),
        (b'\xef\xbb\xbf  [{"date": "2022-02-25", "APC": NaN}]', "petroivaniuk-json"),
        (b",date,day,tank,APC\n0,2022-02-25,2,80.0,516.0\n", "petroivaniuk-csv"),
        (b"\n date , personnel , personnel*\n2022-02-25,2800,about\n", "petroivaniuk-csv"),
        (b'{"message": "ok", "data": {"date": "2023-11-25", "stats": {}}}', "russianwarship-json"),
        (b'{"message": "bad", "errors": {"date": ["invalid"]}}', "russianwarship-json"),
        (b'{"data": {"records": [], "paging": {}}}', "russianwarship-json"),
        (b'{"frontline_archive": {"version": 1}, "reports": []}', "frontline-json"),
        (KI_REPORT.encode(), "report-text"),
        (UA_REPORT.encode(), "report-text"),
        (EN_REPORT.encode(), "report-text"),
        (b"[Update] " + EN_REPORT.encode(), "report-text"),
        (b'[{"equipment_oryx": "Tanks", "model": "T-62M", "losses_total": 50}]', "oryx-json"),
        (b'[{"date": "2023-05-27", "tank": -5, "drone": 49}]', "petroivaniuk-correction"),
        (b"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,,5502,6\n", "frontline-csv"),
        (b"kind,published_at,title,author\nbrief,2023-11-25T13:53:00+00:00,A.,\n", "frontline-csv"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html-page"),
    ],
)
def test_detects(data: bytes, expected: str) -> None:
    assert detect_format("file", data) == expected
    assert expected in FORMATS


def test_name_does_not_decide() -> None:
    data = json.dumps([{"date": "2022-02-25", "tank": 80}]).encode()
    assert detect_format("losses.csv", data) == "petroivaniuk-json"
    assert detect_format("report.txt", b"date,tank\n2022-02-25,80\n") == "petroivaniuk-csv"


def _error(data: bytes, name: str = "in.dat") -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        detect_format(name, data)
    assert info.value.file == name
    return info.value


def test_latin1_bytes_name_file_and_offset() -> None:
    data = "Загальні".encode() + " Kramatorsk é 5".encode("latin-1")
    assert str(_error(data, "post.txt")) == (
        "post.txt: not UTF-8 text: undecodable byte 0xe9 at byte offset 28"
        " (it looks like cp1250; save the file as UTF-8)"
    )


def test_offset_counts_the_bom() -> None:
    assert "byte offset 3" in str(_error(b"\xef\xbb\xbf\xff"))


def test_empty_and_blank_files() -> None:
    assert str(_error(b"", "e.json")) == "e.json: file is empty"
    assert str(_error(b"\xef\xbb\xbf \n\t", "e.json")) == "e.json: file is empty"


def test_truncated_json_says_malformed() -> None:
    assert "malformed JSON at line 1" in str(_error(b'[{"date": "2022-02-25", "tank"'))


@pytest.mark.parametrize(
    "data",
    [
        b"hello world",
        b"Russia has lost many troops",  # a phrase but no number
        b'{"some": "object"}',
        b"[1, 2, 3]",
        b"[]",
        b"name,value\nx,1\n",
        b"\x00\x01\x02",
    ],
)
def test_unrecognised(data: bytes) -> None:
    assert "unrecognised file format" in str(_error(data))


def test_a_totals_file_with_one_negative_value_is_not_taken_for_corrections() -> None:
    days = [
        {"date": "2023-05-26", "tank": 3800, "APC": 7700, "drone": 6500, "aircraft": 313},
        {"date": "2023-05-27", "tank": -3805, "APC": 7710, "drone": 6549, "aircraft": 313},
    ]
    data = json.dumps(days).encode()
    assert detect_format("equipment.json", data) == "petroivaniuk-json"
    with pytest.raises(ImportFormatError) as info:
        read_import_file("equipment.json", data)
    error = info.value
    assert (error.record, error.field) == ("#2 (2023-05-27)", "tank")
    assert "negative total -3805" in error.reason


def test_small_deltas_with_a_negative_one_are_still_corrections_whatever_the_name() -> None:
    deltas = [{"date": "2023-05-27", "tank": -5, "APC": 7, "drone": 49, "aircraft": 0}]
    assert detect_format("fixes.json", json.dumps(deltas).encode()) == "petroivaniuk-correction"
