"""The program's own JSON export read as a stream gives what the whole read gives, and hands
every file it cannot read that way back to it (NotStreamableError)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import exports
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import frontline_stream
from desktop_app.core.formats.frontline_stream import (
    FrontlineCsvStream,
    FrontlineStream,
    streams,
    streams_csv,
)
from desktop_app.core.formats.load import open_import_file, read_import_file
from desktop_app.core.formats.result import NotStreamableError, ReadResult
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.provenance import ArticleRef, Provenance
from desktop_app.core.report import Figure, LossReport

START = dt.datetime(2024, 2, 20, 6, 0, tzinfo=dt.UTC)
DAY = dt.date(2024, 2, 19)


def items(count: int) -> list[ItemData]:
    """Items of the shapes an export holds: links or none, tags, HTML, estimated times,
    text in Ukrainian (two bytes a letter: chunks end inside letters) and line breaks."""
    out = []
    for n in range(count):
        out.append(
            ItemData(
                kind=ARTICLE if n % 3 else BRIEF,
                title=f"Удари по Харкову, {n}" if n % 2 else f'Port "{n}" works',
                published_at=START + dt.timedelta(minutes=n),
                body="Рядок перший.\nSecond line, 12 drones." * (n % 4),
                lead="Коротко" if n % 5 == 0 else "",
                author="Desk" if n % 2 else "",
                source_name="Wire" if n % 2 else "",
                source_url=f"https://example.org/{n}" if n % 4 else None,
                tags=("kharkiv", "energy") if n % 3 == 0 else (),
                body_html="<p>Рядок</p>" if n % 6 == 0 else "",
                date_estimated=n % 7 == 0,
            )
        )
    return out


def export_doc(count: int) -> str:
    """An export holding reports and items, as a person would join the two files."""
    listed = items(count)
    report = LossReport(DAY, {"tanks": Figure(6500, 7), "personnel": Figure(400000, 1000)})
    refs = (ArticleRef.of(listed[0]), ArticleRef.of(listed[1]))
    reports = json.loads(exports.reports_to_json([report], {DAY: Provenance("manual", refs)}))
    links = [(DAY,) if n % 10 == 0 else () for n in range(count)]
    doc = json.loads(exports.items_to_json(listed, links))
    doc["reports"] = reports["reports"]
    return json.dumps(doc, ensure_ascii=False, indent=1)


def streamed(path: Path, as_kind: str | None = None, size: int = 7) -> ReadResult:
    stream = FrontlineStream(path, path.name, as_kind)
    result = ReadResult(stream.format, source=path.name)
    for batch in stream.batches(size):
        assert 0 < len(batch) <= size
        result.items += batch
    stream.finish(result)
    return result


def write(tmp_path: Path, text: str, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("read_size", [1, 5, 64, 1 << 20])
@pytest.mark.parametrize("as_kind", [None, BRIEF])
def test_the_stream_gives_what_the_whole_read_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_size: int, as_kind: str | None
) -> None:
    monkeypatch.setattr(frontline_stream, "READ_SIZE", read_size)
    path = write(tmp_path, export_doc(40))
    whole = read_import_file(path.name, path.read_bytes(), as_kind=as_kind)
    got = streamed(path, as_kind)
    assert got.items == whole.items and len(got.items) == 40
    assert got.reports == whole.reports
    assert got.report_sources == whole.report_sources == {DAY: "manual"}
    assert got.article_links == whole.article_links and len(got.article_links) == 2 + 4


def test_the_items_before_the_reports_and_an_empty_list_are_read_too(tmp_path: Path) -> None:
    doc = json.loads(export_doc(12))
    reordered = {"frontline_archive": 2, "items": doc["items"], "reports": doc["reports"]}
    path = write(tmp_path, json.dumps(reordered))
    whole = read_import_file(path.name, path.read_bytes())
    got = streamed(path)
    assert (got.items, got.reports, got.article_links) == (
        whole.items,
        whole.reports,
        whole.article_links,
    )
    empty = write(tmp_path, '{"frontline_archive": 2, "items": [ ], "reports": null}', "e.json")
    assert streamed(empty).items == [] and streamed(empty).reports == []


def test_only_an_export_that_starts_with_its_version_is_streamed(tmp_path: Path) -> None:
    assert streams(b'\n {\n "frontline_archive": 2,\n "items": [')
    assert not streams(b'{"items": [], "frontline_archive": 2}')
    assert not streams(b'\xef\xbb\xbf{"frontline_archive": 2}')  # a byte-order mark
    assert not streams('{"frontline_archive": 2}'.encode("utf-16"))
    path = write(tmp_path, export_doc(3))
    assert isinstance(open_import_file(path).stream, FrontlineStream)
    late = write(tmp_path, json.dumps({"items": [], "frontline_archive": 2}), "late.json")
    opened = open_import_file(late)
    assert opened.stream is None and opened.format == "frontline-json"


@pytest.mark.parametrize(
    "text",
    [
        '{"frontline_archive": 2, "items": [], "items": []}',  # json.loads keeps the last
        '{"frontline_archive": 2, "items": [] "reports": []}',
        '{"frontline_archive": 2, "items": []} trailing',
        '{"frontline_archive": 2, "items": [], }',
        '{"frontline_archive": 2, "items": [',
    ],
)
def test_what_the_stream_does_not_expect_goes_back_to_the_whole_read(
    tmp_path: Path, text: str
) -> None:
    with pytest.raises(NotStreamableError):
        streamed(write(tmp_path, text))


def test_bytes_that_are_not_utf8_go_back_to_the_whole_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes('{"frontline_archive": 2, "items": [{"title": "café"}]}'.encode("latin-1"))
    with pytest.raises(NotStreamableError):
        streamed(path)


def bad_item(doc: dict[str, Any], index: int, **fields: object) -> str:
    doc["items"][index].update(fields)
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize(
    "fields",
    [
        {"published_at": "yesterday"},
        {"tags": 5},
        {"reports": ["2024-13-01"]},
        {"kind": "essay"},
    ],
)
def test_a_bad_item_is_refused_naming_the_same_record_and_field(
    tmp_path: Path, fields: dict[str, object]
) -> None:
    path = write(tmp_path, bad_item(json.loads(export_doc(20)), 13, **fields))
    with pytest.raises(ImportFormatError) as whole:
        read_import_file(path.name, path.read_bytes())
    with pytest.raises(ImportFormatError) as stream:
        streamed(path)
    assert str(stream.value) == str(whole.value)
    assert "#14" in str(stream.value) and path.name in str(stream.value)


def test_a_newer_format_version_is_refused_before_any_item(tmp_path: Path) -> None:
    doc = json.loads(export_doc(5))
    doc["frontline_archive"] = exports.EXPORT_VERSION + 1
    path = write(tmp_path, json.dumps(doc))
    batches = FrontlineStream(path, path.name).batches()
    with pytest.raises(ImportFormatError, match="newer than this release"):
        next(batches)


def test_the_expected_count_is_the_items(tmp_path: Path) -> None:
    path = write(tmp_path, exports.items_to_json(items(33)))
    assert FrontlineStream(path, path.name).expected == 33


def csv_export(tmp_path: Path, count: int, *, bom: bool = False) -> Path:
    listed = items(count)
    links = [(DAY,) if n % 10 == 0 else () for n in range(count)]
    text = exports.items_to_csv(listed, links)
    return write(tmp_path, ("\ufeff" if bom else "") + text, "items.csv")


def streamed_csv(path: Path, as_kind: str | None = None) -> ReadResult:
    stream = FrontlineCsvStream(path, path.name, as_kind)
    result = ReadResult(stream.format, source=path.name)
    for batch in stream.batches(7):
        result.items += batch
    stream.finish(result)
    return result


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("as_kind", [None, ARTICLE])
def test_an_items_csv_streams_as_the_whole_read_reads_it(
    tmp_path: Path, bom: bool, as_kind: str | None
) -> None:
    path = csv_export(tmp_path, 40, bom=bom)
    head = path.read_bytes()[:4096]
    assert streams_csv(head) and isinstance(open_import_file(path).stream, FrontlineCsvStream)
    whole = read_import_file(path.name, path.read_bytes(), as_kind=as_kind)
    got = streamed_csv(path, as_kind)
    assert got.items == whole.items and len(got.items) == 40
    assert got.article_links == whole.article_links and len(got.article_links) == 4
    assert FrontlineCsvStream(path, path.name).expected == 40


def test_a_reports_csv_or_another_encoding_is_read_whole(tmp_path: Path) -> None:
    report = LossReport(DAY, {"tanks": Figure(6500, 7)})
    reports = write(tmp_path, exports.reports_to_csv([report]), "reports.csv")
    assert open_import_file(reports).stream is None
    wide = tmp_path / "wide.csv"
    wide.write_bytes(exports.items_to_csv(items(3)).encode("utf-16"))
    assert open_import_file(wide).stream is None
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"kind,published_at,title\nbrief,2024-02-20T06:00:00+00:00,Caf\xe9\n")
    with pytest.raises(NotStreamableError):
        streamed_csv(latin)


@pytest.mark.parametrize(
    "broken",
    [
        ("2024-02-20T06:05:00+00:00", "yesterday"),  # a bad time
        ('"Port ""4"" works"', '"Port ""4"" works",extra'),  # one cell too many
        ("brief,2024-02-20T06:06:00", "essay,2024-02-20T06:06:00"),  # no such kind
    ],
)
def test_a_bad_row_is_refused_naming_the_same_line_and_column(
    tmp_path: Path, broken: tuple[str, str]
) -> None:
    text = exports.items_to_csv(items(12)).replace(*broken, 1)
    path = write(tmp_path, text, "items.csv")
    with pytest.raises(ImportFormatError) as whole:
        read_import_file(path.name, path.read_bytes())
    with pytest.raises(ImportFormatError) as stream:
        streamed_csv(path)
    assert str(stream.value) == str(whole.value) and "items.csv, record line" in str(stream.value)
