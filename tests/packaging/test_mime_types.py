"""Every file type the desktop entry offers to open is one the import reads: a file manager's
"Open With Frontline Archive" on such a file ends in an import, not in an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.services.transfer import import_files
from tests.core.formats.samples import ATOM, HTML_PAGE, RSS
from tests.core.page.samples import REPORT_ONLY
from tests.packaging.test_desktop_files import desktop_entry, list_of

REPORTS_JSON = json.dumps(
    {
        "frontline_archive": 1,
        "reports": [
            {"date": "2024-01-01", "figures": {"personnel": {"total": 360010, "change": 780}}}
        ],
    }
)
REPORTS_CSV = "date,day,qualifier,note,personnel,personnel_change\n2024-01-02,,,,360800,790\n"
RSS_1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>RDF Wire</title>
<link>https://example.org/</link><description>News</description></channel>
<item rdf:about="https://example.org/kharkiv"><title>Trams run again in Kharkiv</title>
<link>https://example.org/kharkiv</link>
<description>The city restored the tram lines overnight.</description>
<dc:date>2024-01-01T08:00:00+02:00</dc:date></item>
</rdf:RDF>
"""
XHTML_PAGE = '<?xml version="1.0" encoding="utf-8"?>\n' + HTML_PAGE.replace(
    "<!DOCTYPE html>\n<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'
)

# A file of each type, named as a browser or a file manager would save it.
SAMPLES = {
    "application/json": ("reports.json", REPORTS_JSON),
    "text/csv": ("reports.csv", REPORTS_CSV),
    "application/rss+xml": ("wire.rss", RSS),
    "application/atom+xml": ("wire.atom", ATOM),
    "application/rdf+xml": ("wire.rdf", RSS_1),
    "application/xml": ("feed.xml", RSS),
    "text/xml": ("feed.xml", ATOM),
    "text/html": ("page.html", HTML_PAGE),
    "application/xhtml+xml": ("page.xhtml", XHTML_PAGE),
    "text/plain": ("post.txt", REPORT_ONLY),
}


def test_every_listed_type_has_a_sample_here() -> None:
    assert set(list_of(desktop_entry()["MimeType"])) == set(SAMPLES)


@pytest.mark.parametrize("mime_type", sorted(SAMPLES))
def test_a_file_of_each_listed_type_imports(
    mime_type: str, archive_db: object, tmp_path: Path
) -> None:
    name, text = SAMPLES[mime_type]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    outcome = import_files([path], dry_run=True)
    total = outcome.total
    assert total is not None
    assert total.reports.added or total.items.added, (mime_type, total.lines())
