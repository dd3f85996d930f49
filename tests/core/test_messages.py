"""Messages below the window: rendered the English way, and taken apart again for translating."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.core import messages as msg
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.validation import check_series, compare_article_report, validate_report


def sample(template: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in re.findall(r"\{(\w+)\}", template):
        if name == msg.CATEGORY:
            values[name] = "armored_vehicles"
        elif name in msg.COUNTS:
            values[name] = 1456610
        elif name in msg.SIGNED:
            values[name] = -14
        elif name in msg.DATES:
            values[name] = "2024-05-12"
        elif name == "share":
            values[name] = "90%"
        elif name == "time":
            values[name] = "2026-12-05 16:31"
        else:
            values[name] = "“Post, with a comma”"
    return values


@pytest.mark.parametrize("template", msg.TEMPLATES)
def test_every_template_reads_back_what_it_wrote(template: str) -> None:
    values = sample(template)
    text = msg.render(template, **values)
    found = msg.read(text)
    assert found is not None and found.template == template
    for name, value in values.items():
        raw = found.values[name]
        if name == msg.CATEGORY:
            assert msg.category_key(raw) == value
        elif isinstance(value, int):
            assert msg.number(raw) == value
        else:
            assert raw == value


def test_english_counts_have_separators_and_changes_a_sign() -> None:
    text = msg.render(msg.CHANGE_MISMATCH, category="tanks", change=1250, difference=-3)
    assert text == "Tanks: stated change +1,250 but totals differ by -3"


def test_an_older_message_without_separators_is_still_read() -> None:
    found = msg.read("Tanks: total fell from 3799 on 2023-05-27 to 3797")
    assert found is not None and found.template == msg.DECREASE
    assert found.values["before"] == "3799"


def test_the_checks_write_their_messages_from_the_templates() -> None:
    day = dt.date(2024, 5, 12)
    before = LossReport(day, {"tanks": Figure(7600, None)})
    after = LossReport(day + dt.timedelta(days=3), {"tanks": Figure(7590, 5)})
    later = LossReport(day + dt.timedelta(days=4), {"tanks": Figure(7580, 5)})
    problems = [
        *check_series([before, after, later]),
        *validate_report(LossReport(None, {}), None, today=day),
        *compare_article_report(LossReport(day, {"tanks": Figure(7601, None)}), before),
    ]
    assert problems
    for problem in problems:
        assert msg.read(problem.message) is not None, problem.message


def test_text_of_no_template_is_not_read() -> None:
    assert msg.read("something else entirely") is None
