"""The interface language: which translation to load, and marking texts translated later.

Every user-visible string goes through Qt's `tr()` (or `QCoreApplication.translate` with an
explicit context). Translations live in `resources/translations/frontline-archive_<lang>.ts`,
compiled to `.qm` beside it; `python -m tools.i18n` refreshes both from the code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

# Languages with a translation, and English, the language of the code.
LANGUAGES: dict[str, str] = {"en": "English", "uk": "Українська"}
LOCALES: dict[str, str] = {"en": "en_GB", "uk": "uk_UA"}
ENV_VAR = "FRONTLINE_ARCHIVE_LANG"
LANGUAGE_KEY = "ui/language"  # in the settings: "", "system" or a key of LANGUAGES


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation under `context` where it is only stored (a table of
    labels); `QCoreApplication.translate(context, text)` translates it when shown. Qt's own
    QT_TRANSLATE_NOOP is typed as returning `object`; `pyside6-lupdate` finds either by name."""
    del context
    return text


def translations_dir() -> Path:
    return Path(str(resources.files("desktop_app") / "resources" / "translations"))


def choose_language(setting: str | None) -> str:
    """The language to show: $FRONTLINE_ARCHIVE_LANG, else the setting, else the system's.

    "" or "system" in the setting means the system's; anything without a translation is English.
    """
    wanted = os.environ.get(ENV_VAR) or setting or "system"
    if wanted == "system":
        wanted = QLocale.system().name().split("_")[0]
    return wanted if wanted in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons, dialogs) for `language`.

    Returns the translators, which must stay referenced while the application runs.
    """
    installed = []
    # Dates written out (the reader's "8 August 2026") follow the interface's language: the
    # system's own conventions when it speaks that language (en_US stays en_US), else ours.
    system = QLocale.system()
    if system.name().split("_")[0] != language:
        QLocale.setDefault(QLocale(LOCALES.get(language, "en_GB")))
    # English too: its catalogue holds only plural forms ("1 item", "24 items").
    ours = QTranslator(app)
    if ours.load(f"frontline-archive_{language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def add_language_menu(
    menu: QMenu, settings: QSettings, parent: QWidget, notify: Callable[[str], None]
) -> QActionGroup:
    """View ▸ Language: the system's, or one chosen; applies from the next start."""
    sub = menu.addMenu(QCoreApplication.translate("Language", "Lan&guage"))
    group = QActionGroup(parent)
    current = str(settings.value(LANGUAGE_KEY, "") or "system")
    choices = [
        ("system", QCoreApplication.translate("Language", "The system's")),
        *LANGUAGES.items(),
    ]
    for code, name in choices:
        action = sub.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)

    def chosen(action: QAction) -> None:
        settings.setValue(LANGUAGE_KEY, action.data())
        notify(
            QCoreApplication.translate(
                "Language", "The language changes the next time Frontline Archive starts."
            )
        )

    group.triggered.connect(chosen)
    return group


def _locale() -> QLocale:
    # The "C" locale (LANG=C) writes no thousands separators: English is meant there.
    locale = QLocale()
    return QLocale(LOCALES["en"]) if locale.language() == QLocale.Language.C else locale


def long_date(day: dt.date) -> str:
    """A day in the interface's language: "Saturday, 8 August 2026", "субота, 8 серпня 2026 р."."""
    return _locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def number(value: int) -> str:
    """A count in the interface's number format ("1,456,610"; in Ukrainian "1 456 610")."""
    return _locale().toString(value)


def decimal(value: float, places: int = 1) -> str:
    """A fraction in the interface's number format ("1,234.4"; in Ukrainian "1 234,4")."""
    return _locale().toString(value, "f", places)


def signed(value: float | None) -> str:
    """A change with its sign: "+12", and "−3" with the minus sign (U+2212), not a hyphen;
    "–" when there is none."""
    if value is None:
        return "–"
    whole = round(value)
    return ("+" if whole >= 0 else "−") + _locale().toString(abs(whole))


def localized(text: str) -> str:
    """A message written below the window (a check, a parser), in the interface's language.

    A message of a known template (`core.messages`) is translated and its figures written in
    the interface's format; any other text is shown as it is.
    """
    from desktop_app.core import messages as core_messages

    found = core_messages.read(text)
    if found is None:
        return text
    values: dict[str, str] = {}
    for name, raw in found.values.items():
        value = core_messages.number(raw)
        if name == core_messages.CATEGORY:
            values[name] = QCoreApplication.translate("categories", raw)
        elif name in core_messages.SIGNED and value is not None:
            values[name] = signed(value)
        elif name in core_messages.COUNTS and value is not None:
            values[name] = number(value)
        elif name == "source" and raw == core_messages.THE_ARTICLE:
            values[name] = QCoreApplication.translate(core_messages.CONTEXT, raw)
        elif name in core_messages.NESTED:
            values[name] = localized_line(raw)
        else:
            values[name] = raw
    template = QCoreApplication.translate(core_messages.CONTEXT, found.template)
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def category_name(key: str) -> str:
    """A loss category's name in the interface's language."""
    from desktop_app.core.categories import BY_KEY

    return QCoreApplication.translate("categories", BY_KEY[key].label_en)


_RECORD = re.compile(r"\brecord ")
_FIELD = re.compile(r"\bfield '([^']*)'")


def localized_line(text: str) -> str:
    """An importer's line "FILE, record #3 (2024-05-12), field 'date': REASON" with its
    frame words and, where it is one of `core.messages`, its reason in the window's language;
    a whole message of `core.messages` (an error an operation raised) translated as one."""

    whole = localized(text)
    if whole != text:
        return whole

    def where(part: str) -> str:
        part = _RECORD.sub(QCoreApplication.translate("messages", "record") + " ", part)
        field = QCoreApplication.translate("messages", "field '%1'")
        return _FIELD.sub(lambda m: field.replace("%1", m.group(1)), part)

    start = 0
    while (at := text.find(": ", start)) >= 0:
        reason = text[at + 2 :]
        shown = localized(reason)
        if shown != reason:
            return where(text[:at]) + ": " + shown
        start = at + 2
    return where(text)
