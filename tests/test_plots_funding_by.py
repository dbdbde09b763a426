"""Funding by year or quarter and stage: stacked bars that add up and say what is missing."""

from decimal import Decimal

import pytest

from aiecosys import InvalidArgument, load, plot_funding_by


def test_stacks_add_up_to_funding_by():
    """The stage segments of each year add up to funding_by('year')'s known total."""
    eco = load()
    drawn = plot_funding_by(eco, "year").content
    for row in eco.funding_by("year").rows:
        stacked = sum(
            (Decimal(by_period.get(row.key, "0")) for by_period in drawn["totals"].values()),
            Decimal(0),
        )
        assert stacked == (row.known.amount if row.known else 0)


def test_years_without_rounds_are_drawn_empty():
    """2014 has no round: it is on the axis all the same, so time reads evenly."""
    drawn = plot_funding_by(load(), "year").content
    assert drawn["periods"] == [str(y) for y in range(2013, 2027)]
    assert "2014" not in {row.key for row in load().funding_by("year").rows}


def test_bars_say_what_is_undisclosed_and_uncertain():
    """By quarter, Poolside's '2023' seed is in no bar; the quarters of 2023 are marked '?'."""
    eco = load()
    picture = plot_funding_by(eco, "quarter", since="2023")
    drawn = picture.content
    q4 = next(row for row in eco.funding_by("quarter").rows if row.key == "2023-Q4")
    assert drawn["uncertain"]["2023-Q4"] == len(q4.uncertain) > 0
    assert drawn["undisclosed"]["2023-Q4"] == q4.undisclosed
    assert drawn["periods"][0] == "2023-Q1"
    labels = {t.get_text() for t in picture.figure.axes[0].texts}
    assert any(text.endswith(f"+{q4.undisclosed} ?") for text in labels)
    foot = " ".join(picture.figure.get_supxlabel().split())
    assert "a round may lie in this quarter" in foot


def test_only_year_and_quarter_are_periods():
    """period='country' is refused: bars by stage over time need a time key."""
    with pytest.raises(InvalidArgument):
        plot_funding_by(load(), "country")


def test_every_stage_has_a_colour():
    """Each Stage but secondary sales (which raise nothing) has a colour in the stacked bars."""
    from aiecosys import Stage
    from aiecosys._plots._funding_by import _LADDER, _OTHER_HUES

    assert set(Stage) - {Stage.SECONDARY} == set(_LADDER) | set(_OTHER_HUES)
