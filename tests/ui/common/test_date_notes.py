"""Which of an import's remarks say how a report's date was found."""

from __future__ import annotations

import pytest

from desktop_app.core.reference_series import FOUND_IN_REFERENCE, ONE_DIFFERS
from desktop_app.ui.common.date_notes import is_date_remark


@pytest.mark.parametrize(
    "remark",
    [
        "2023-11-25: " + FOUND_IN_REFERENCE,
        "post.txt: 2023-11-25: " + FOUND_IN_REFERENCE + ONE_DIFFERS + "drones 165",
        "channel.html: 2024-03-02: year found from the figures",
        "2022-03-10: from the day of the war the text names",
    ],
)
def test_a_date_found_by_a_rule_is_a_date_remark(remark: str) -> None:
    assert is_date_remark(remark)


@pytest.mark.parametrize(
    "remark",
    [
        "wire.xml: entry 3: '&nbsp;' in the title read as a space",
        "2023-11-25: two tanks read as a change, not a total",
        "full text: 2 of 9 pages could not be fetched",
        FOUND_IN_REFERENCE,  # no date before it: not an import's remark on a report
    ],
)
def test_other_remarks_are_not(remark: str) -> None:
    assert not is_date_remark(remark)
