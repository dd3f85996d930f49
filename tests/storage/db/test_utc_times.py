"""Stored times read back as the aware UTC times they were written as, by either path."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.storage.db.models import UtcDateTimeField

FIELD = UtcDateTimeField()
FORMAT = "%Y-%m-%dT%H:%M:%SZ"


# Years of four digits: the archive keeps times from 1900 on (strftime writes 999 as "999").
@given(st.datetimes(dt.datetime(1000, 1, 1), dt.datetime(9999, 12, 31), timezones=st.just(dt.UTC)))
def test_a_written_time_reads_back_the_same(when: dt.datetime) -> None:
    stored = FIELD.db_value(when)
    back = FIELD.python_value(stored)
    assert back == when.replace(microsecond=0) and back is not None
    assert back.tzinfo is dt.UTC and back.utcoffset() == dt.timedelta(0)
    assert back == dt.datetime.strptime(stored, FORMAT).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "stored",
    [
        "2024-02-30T00:00:00Z",  # no such day
        "2024-02-29T24:00:00Z",
        "2024-02-29T23:59:60Z",
        "2024-02-29 23:59:59Z",  # not the form written: strptime's rules
        "2024-02-29T23:59:59",
        "2024-02-29T23:59:59+02:00",
        "20240229T235959Z",
        "2024-02-29T235959.5Z",  # 20 characters, but not the written form
    ],
)
def test_what_the_field_never_writes_is_refused(stored: str) -> None:
    with pytest.raises(ValueError):
        FIELD.python_value(stored)
