"""The report value objects: figures kept in the registry's order, unknown categories refused,
and `LossReport.stored` making exactly what the constructor makes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.report import Figure, LossReport

D = dt.date(2024, 3, 1)


def test_figures_are_kept_in_the_registrys_order_however_they_come() -> None:
    a = LossReport(D, {"tanks": Figure(1), "personnel": Figure(2, 1)})
    b = LossReport(D, {"personnel": Figure(2, 1), "tanks": Figure(1)})
    assert list(a.figures) == list(b.figures) == ["personnel", "tanks"]
    assert a == b


def test_unknown_categories_are_refused_even_once_a_key_set_is_known() -> None:
    LossReport(D, {"tanks": Figure(1)})
    with pytest.raises(ValueError, match="unknown loss categories: zeppelins"):
        LossReport(D, {"tanks": Figure(1), "zeppelins": Figure(2)})
    with pytest.raises(ValueError, match="unknown loss categories: balloons"):
        LossReport(D, {"tanks": Figure(1)}, changes_only={"balloons": 2})


@pytest.mark.parametrize(
    "figures",
    [
        {"personnel": Figure(300_000, 900), "tanks": Figure(5_000)},
        {"tanks": Figure(5_000), "personnel": Figure(300_000, 900)},
        {},
    ],
)
def test_a_stored_report_is_the_report_the_constructor_makes(figures: dict[str, Figure]) -> None:
    made = LossReport(D, dict(figures), "about", "a note")
    for _ in range(2):  # before and after its set of keys is known
        stored = LossReport.stored(D, dict(figures), "about", "a note")
        # Every field, the ones the constructor fills by default included: a field added to
        # LossReport later and not to `stored` fails here.
        assert vars(stored) == vars(made) and stored == made
        assert list(stored.figures) == list(made.figures)


def test_a_figure_filled_through_its_slots_equals_a_constructed_one() -> None:
    figure = object.__new__(Figure)
    Figure.total.__set__(figure, 7)  # type: ignore[attr-defined]
    Figure.change.__set__(figure, None)  # type: ignore[attr-defined]
    assert figure == Figure(7) and hash(figure) == hash(Figure(7))
    with pytest.raises(AttributeError):
        figure.total = 8  # type: ignore[misc]
