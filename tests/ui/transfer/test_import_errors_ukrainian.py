"""Why a file was refused, in the Ukrainian window: every malformed file of the importers'
own test (`tests/storage/test_import_malformed.py`) gives a reason the window translates."""

from __future__ import annotations

import pytest

from desktop_app.core import messages
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.load import read_import_file
from desktop_app.storage.importing import import_result
from desktop_app.ui.common import i18n
from tests.storage.test_import_malformed import CASES


@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_files_reason_is_shown_in_ukrainian(
    case: str, archive_db: object, ukrainian: None
) -> None:
    name, data, _expected = CASES[case]
    with pytest.raises(ImportFormatError) as info:
        import_result(read_import_file(name, data))
    reason = info.value.reason
    assert messages.read(reason) is not None, f"no template writes {reason!r}"
    line = i18n.localized_line(str(info.value))
    shown = line.split(": ", 1)[1] if line.startswith(name) else line
    assert reason not in line and shown != reason
    assert " text " not in shown  # "got text '303'": the word "text" is translated too
    # The frame words too: "запис …", "поле «…»", and the file's name as it is.
    assert line.startswith(name)
    if info.value.field:
        assert f"поле «{info.value.field}»" in line
