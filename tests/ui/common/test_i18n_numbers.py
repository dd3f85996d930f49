"""Numbers and messages from below the window follow the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_app.core import messages as msg
from desktop_app.ui.common import i18n


def test_english_numbers_and_signs(qapp) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    assert i18n.number(1456610) == "1,456,610"
    assert i18n.signed(1250) == "+1,250"
    assert i18n.signed(-14) == "−14"  # the minus sign, not a hyphen
    assert i18n.signed(None) == "–"


def test_ukrainian_numbers_group_with_spaces(ukrainian) -> None:
    assert i18n.number(1456610).replace("\u00a0", " ").replace("\u202f", " ") == "1 456 610"


def test_a_check_reads_in_ukrainian_with_ukrainian_numbers(ukrainian) -> None:
    text = msg.render(msg.DECREASE, category="tanks", before=11261, date="2024-05-12", total=11259)
    shown = i18n.localized(text).replace("\u00a0", " ").replace("\u202f", " ")
    assert shown == "Танки: «усього» зменшилося з 11 261 (2024-05-12) до 11 259"


def test_every_template_has_a_ukrainian_text(ukrainian) -> None:
    from tests.core.test_messages import sample

    for template in msg.TEMPLATES:
        shown = i18n.localized(msg.render(template, **sample(template)))
        assert not any(word in shown for word in ("report", "total", "the ")), shown


def test_an_unknown_message_is_shown_as_it_is(ukrainian) -> None:
    assert i18n.localized("archive file ok") == "archive file ok"


def test_undo_label_of_an_import_counts_in_words(ukrainian) -> None:
    from desktop_app.ui.transfer.import_flow import import_undo_label

    label = import_undo_label(1252, 21, False).replace("\u00a0", " ").replace("\u202f", " ")
    assert label == "імпорт (1 252 зведення, 21 стаття чи коротка новина)"


def test_an_importers_line_reads_in_ukrainian(ukrainian) -> None:
    line = "equipment.json, record #3 (2036-08-08), field 'date': 2036-08-08 is in the future"
    assert i18n.localized_line(line) == (
        "equipment.json, запис #3 (2036-08-08), поле «date»: 2036-08-08 — дата в майбутньому"
    )
    # A reason of no known template keeps its words; the frame is still translated.
    assert i18n.localized_line("a.csv, record #2: not a number") == "a.csv, запис #2: not a number"


def test_chart_dates_name_their_months_in_ukrainian(ukrainian) -> None:
    import datetime as dt

    from desktop_app.ui.plotting.axes import DateAxis

    axis = DateAxis(orientation="bottom", utcOffset=0)
    august = dt.datetime(2026, 8, 1, tzinfo=dt.UTC).timestamp()
    axis.setRange(august - 86400 * 200, august + 86400 * 200)
    levels = axis.tickValues(august - 86400 * 200, august + 86400 * 200, 1200)
    shown = " ".join(" ".join(axis.tickStrings(v, 1.0, s)) for s, v in levels if v)
    assert "серп." in shown and "лют." in shown, shown  # month ticks, in Ukrainian
    assert not any(month in shown for month in ("Aug", "Sep", "Feb")), shown
