"""The checks on query arguments (aiecosys._arguments)."""

import datetime as dt

import pytest

from aiecosys import ArgumentTypeError, Company, InvalidArgument, PartialDate, Stage, Verdict
from aiecosys import _arguments as check


def test_key_is_a_string_or_a_record_of_the_kind():
    """A lookup key is a string, or a record whose id is used; anything else is a TypeError."""
    acme = Company(id="acme", name="Acme")
    assert check.key("Acme", Company, "company") == "Acme"
    assert check.key(acme, Company, "company") == "acme"
    with pytest.raises(ArgumentTypeError, match="company: must be a Company or its id or name"):
        check.key(None, Company, "company")
    with pytest.raises(TypeError):  # also a builtin TypeError
        check.key(3, Company, "company")


def test_choice_reads_members_and_values_and_suggests():
    """An enum argument is a member or its value; a misspelled value gets suggestions."""
    assert check.choice("seed", Stage, "stage") is Stage.SEED
    assert check.choice(Verdict.SUPPORTED, Verdict, "verdict") is Verdict.SUPPORTED
    with pytest.raises(InvalidArgument) as info:
        check.choice("Series B", Stage, "stage")
    assert info.value.argument == "stage"
    assert info.value.suggestions[0] == "series_b"
    with pytest.raises(ArgumentTypeError, match="stage: must be a Stage or its value"):
        check.choice(Verdict.SUPPORTED, Stage, "stage")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (-1, InvalidArgument),
        (True, ArgumentTypeError),
        ("3", ArgumentTypeError),
        (2.0, ArgumentTypeError),
    ],
)
def test_count_is_a_non_negative_int(value, error):
    """A count is an int of 0 or more: not a bool, a float or a string."""
    with pytest.raises(error, match="top:"):
        check.count(value, "top")
    assert check.count(0, "top") == 0


@pytest.mark.parametrize("value", [1, "yes", None, 0.0])
def test_flag_is_true_or_false_only(value):
    """A flag is a bool, never merely truthy."""
    with pytest.raises(ArgumentTypeError, match="lead_only: must be True or False"):
        check.flag(value, "lead_only")


def test_currency_is_the_code_of_a_currency():
    """A currency argument is an ISO 4217 code of a currency, with a hint for its case."""
    assert check.currency("EUR") == "EUR"
    with pytest.raises(InvalidArgument, match="did you mean 'EUR'"):
        check.currency("eur")
    with pytest.raises(InvalidArgument, match="not a currency"):
        check.currency("XXX")
    with pytest.raises(ArgumentTypeError):
        check.currency(978)


def test_date_accepts_none_dates_and_their_text():
    """A date argument is None, a PartialDate, a date or text of one; else a clear error."""
    for good in (None, PartialDate(year=2023), dt.date(2023, 6, 1), "2023-06"):
        check.date(good, "as_of")
    with pytest.raises(InvalidArgument, match="as_of: 2023-02 has no day 30"):
        check.date("2023-02-30", "as_of")
    with pytest.raises(ArgumentTypeError, match="as_of: must be a PartialDate"):
        check.date(20230601, "as_of")
