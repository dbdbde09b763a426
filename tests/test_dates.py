import datetime as dt

import pytest
from hypothesis import given

from aiecosys import DataError, PartialDate, Precision, Timing
from aiecosys import strategies as aist
from aiecosys._dates import days
from tests.helpers import day


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2019", Precision.YEAR, "2019-01-01", "2019-12-31"),
        ("2024-02", Precision.MONTH, "2024-02-01", "2024-02-29"),
        ("2023-06-13", Precision.DAY, "2023-06-13", "2023-06-13"),
    ],
)
def test_parse_keeps_precision_and_interval(text, precision, first, last):
    """Each form parses at its own precision and stands for its whole interval."""
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert str(date.first_day) == first
    assert str(date.last_day) == last
    assert str(date) == text


def test_year_precision_is_never_a_silent_first_of_january():
    """'2019' is not 2019-01-01: the two differ and print differently."""
    assert PartialDate.parse("2019") != PartialDate.parse("2019-01-01")
    assert str(PartialDate.parse("2019")) == "2019"


@pytest.mark.parametrize(
    "bad", ["2023-02-30", "2023-13", "2023-00", "19", "2023/06/01", "2023-6-1", "", "year 2020"]
)
def test_impossible_or_malformed_dates_are_data_errors(bad):
    """A date that does not exist or is not ISO-shaped raises DataError."""
    with pytest.raises(DataError):
        PartialDate.parse(bad)


def test_day_without_month_is_refused():
    """A day needs a month."""
    with pytest.raises(DataError, match="month"):
        PartialDate(year=2020, day=3)


def test_of_accepts_dates_and_datetimes():
    """A date or datetime becomes a day-precision PartialDate."""
    assert PartialDate.of(dt.date(2023, 6, 13)) == PartialDate.parse("2023-06-13")
    assert PartialDate.of(dt.datetime(2023, 6, 13, 12, 0, tzinfo=dt.UTC)) == PartialDate.parse(
        "2023-06-13"
    )


def test_first_and_last_day_are_pendulum_dates():
    """The interval ends are pendulum Dates (the project's date library)."""
    import pendulum

    assert isinstance(PartialDate.parse("2023").first_day, pendulum.Date)
    assert isinstance(PartialDate.parse("2023").last_day, pendulum.Date)


@given(aist.partial_dates())
def test_days_are_the_first_and_last_day_as_plain_dates(date):
    """days() gives the interval's ends as plain dates, equal to first_day and last_day."""
    first, last = days(date)
    assert (type(first), type(last)) == (dt.date, dt.date)
    assert (first, last) == (date.first_day, date.last_day)


@given(aist.partial_dates(), aist.partial_dates())
def test_ordering_agrees_with_the_intervals(a, b):
    """A date whose interval ends before another's begins always sorts first."""
    if a.last_day < b.first_day:
        assert a < b
        assert not b < a
    if a == b:
        assert a <= b
        assert a >= b


@given(aist.partial_dates())
def test_text_round_trip(date):
    """parse(str(d)) == d for every partial date."""
    assert PartialDate.parse(str(date)) == date
    assert date.contains(date.first_day)
    assert date.contains(date.last_day)


def test_timing_places_a_partial_date_before_after_or_astride_a_point():
    """Surely before when the interval ends by the point, after when it starts later."""
    poolside_seed, mistral_a = day("2023"), day("2023-12")
    assert poolside_seed.timing("2023-11-30") is Timing.UNCERTAIN
    assert poolside_seed.timing("2023-12-31") is Timing.BEFORE
    assert poolside_seed.timing("2022-12-31") is Timing.AFTER
    assert mistral_a.timing("2023-12-15") is Timing.UNCERTAIN
    assert mistral_a.timing(dt.date(2023, 12, 31)) is Timing.BEFORE
    assert mistral_a.timing("2023-11") is Timing.AFTER


def test_timing_of_a_day_is_never_uncertain_and_the_day_itself_counts_as_before():
    """A day-precision date is before (on) or after; a partial point means its last day."""
    assert day("2023-12-11").timing("2023-12-11") is Timing.BEFORE
    assert day("2023-12-12").timing("2023-12-11") is Timing.AFTER
    assert day("2023-12-31").timing("2023-12") is Timing.BEFORE
    assert day("2024-01-01").timing("2023") is Timing.AFTER
