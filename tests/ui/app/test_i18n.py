"""The Ukrainian interface: complete, compiled, with placeholders intact, and loaded at start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from desktop_app.ui.charts.analysis_data import category_label
from desktop_app.ui.common import i18n
from tools import i18n as catalog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TS = catalog.TRANSLATIONS / "frontline-archive_uk.ts"
ALL_TS = catalog.ts_files()


def test_both_catalogues_ship() -> None:
    assert [p.name for p in ALL_TS] == ["frontline-archive_en.ts", "frontline-archive_uk.ts"]


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.stem)
def test_every_text_the_program_shows_is_translated_and_none_is_stale(ts: Path) -> None:
    assert catalog.problems(ts) == []  # run `python -m tools.i18n` to see and fix


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.stem)
def test_the_shipped_qm_is_the_compiled_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    catalog.compile_qm(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes()


TOKEN = re.compile(r"%\d|%L?n|\{[a-z_]+\}|\\n|\n")


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.stem)
def test_translations_keep_placeholders_and_have_one_accelerator_where_the_source_has(
    ts: Path,
) -> None:
    for msg, tr in catalog.read_ts(ts).items():
        for text in tr.plural or [tr.text]:
            assert sorted(TOKEN.findall(text)) == sorted(TOKEN.findall(msg.source)), (
                msg.context,
                msg.source,
                text,
            )
            has_key = re.search(r"&[^&\s]", msg.source) is not None
            assert (len(re.findall(r"&[^&\s]", text)) == 1) == has_key, (msg.source, text)


@pytest.fixture
def ukrainian(qapp):
    locale = QLocale()
    translators = i18n.install_translators(qapp, "uk")
    assert len(translators) == 2  # ours and Qt's own (standard buttons)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_the_window_speaks_ukrainian_with_the_translation_loaded(
    qtbot, make_window, ukrainian, archive_db, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = make_window(show=False, settings_=settings)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&Файл", "&Редагування", "&Вигляд"]
    assert window.tabs.tabText(1) == "В&трати"  # Alt+В is the View menu, Alt+Р the Edit menu
    assert category_label("tanks") == "Танки"
    assert category_label("armored_vehicles") == "Бойові броньовані машини"
    plural = [
        QCoreApplication.translate("ArchiveView", "%Ln item(s)", "", n)
        for n in (1, 3, 5, 21, 1_000_000)
    ]
    # A million in the Ukrainian way, as beside the list ("Усі (1 000 000)"): grouped.
    million = QLocale().toString(1_000_000)
    assert million != "1000000"
    assert plural == ["1 запис", "3 записи", "5 записів", "21 запис", f"{million} записів"]


def test_english_counts_read_naturally(qapp) -> None:
    locale = QLocale()
    translators = i18n.install_translators(qapp, "en")
    try:
        assert len(translators) == 1  # plural forms only; Qt's own English needs nothing
        counts = [
            QCoreApplication.translate("ArchiveView", "%Ln item(s)", "", n)
            for n in (1, 24, 1_000_000)
        ]
        assert counts == ["1 item", "24 items", "1,000,000 items"]  # grouped, as the boxes
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_without_a_translation_the_window_stays_in_english(
    qtbot, make_window, archive_db, tmp_path
) -> None:
    window = make_window(
        show=False, settings_=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    assert window.menuBar().actions()[0].text() == "&File"
    assert category_label("tanks") == "Tanks"


def test_the_language_comes_from_the_environment_then_the_setting_then_the_system(
    monkeypatch,
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.choose_language("uk") == "uk"
    assert i18n.choose_language("fr") == "en"  # no French translation: English
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("uk_UA")))
    assert i18n.choose_language("system") == "uk"
    assert i18n.choose_language("") == "uk"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.choose_language("uk") == "en"


def test_choosing_a_language_in_the_menu_is_remembered_for_the_next_start(
    qtbot, make_window, archive_db, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = make_window(show=False, settings_=settings)
    actions = {a.data(): a for a in window.language_group.actions()}
    assert set(actions) == {"system", "en", "uk"} and actions["system"].isChecked()
    actions["uk"].trigger()
    assert settings.value(i18n.LANGUAGE_KEY) == "uk"
    assert "next time" in window.statusBar().currentMessage()


def test_the_reader_writes_kind_and_date_in_ukrainian(ukrainian) -> None:
    import datetime as dt

    from desktop_app.core.item import BRIEF, ItemData
    from desktop_app.storage.items import StoredItem
    from desktop_app.ui.archive.reader_view import render_item_html

    when = dt.datetime(2026, 8, 8, 9, 15, tzinfo=dt.UTC)
    item = StoredItem(1, ItemData(BRIEF, "Обстріл Сум", when, body="Текст."), False, False)
    page = render_item_html(item)
    assert "Коротка новина · " in page and "8 серпня 2026" in page


@pytest.mark.parametrize(
    ("system", "language", "expected"),
    [
        ("en_US", "en", "en_US"),  # the system's own English conventions are kept
        ("de_DE", "en", "en_GB"),  # an English interface on a German system
        ("en_US", "uk", "uk_UA"),
    ],
)
def test_written_dates_follow_the_interface_language(
    qapp, monkeypatch, system: str, language: str, expected: str
) -> None:
    before = QLocale()
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    QLocale.setDefault(QLocale(system))
    translators = i18n.install_translators(qapp, language)
    try:
        assert QLocale().name() == expected
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_the_reader_says_when_a_time_was_estimated(ukrainian) -> None:
    import datetime as dt

    from desktop_app.core.item import BRIEF, ItemData
    from desktop_app.storage.items import StoredItem
    from desktop_app.ui.archive.reader_view import render_item_html

    when = dt.datetime(2024, 5, 12, 6, 0, tzinfo=dt.UTC)
    data = ItemData(BRIEF, "Тривога", when, body="Текст.", date_estimated=True)
    page = render_item_html(StoredItem(1, data, False, False))
    assert "близько " in page and "(оцінено: джерело не вказало часу)" in page
    stated = render_item_html(StoredItem(1, ItemData(BRIEF, "Тривога", when), False, False))
    assert "близько" not in stated
