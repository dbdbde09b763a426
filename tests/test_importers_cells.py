"""Reading single cells: numbers exactly, flags, currencies, dates with their precision."""

from decimal import Decimal

import pytest

from aiecosys import PartialDate, Stage
from aiecosys._importers._cells import (
    country_from_alpha3,
    country_from_name,
    currency,
    day_date,
    flag,
    number,
    padded_date,
    slug,
    stage,
)


def test_numbers_are_read_exactly_and_empty_is_unknown():
    """Digits become Decimal with every digit kept; empty and None are unknown, not zero."""
    assert number("123456789012345678.123456789") == Decimal("123456789012345678.123456789")
    assert number("") is None
    assert number(None) is None
    assert number(0) == 0


@pytest.mark.parametrize(
    "junk", ["1e999", "1,000", "-5", "NaN", "#####", "\uff11\uff12", True, Decimal("NaN")]
)
def test_junk_numbers_are_refused(junk: object):
    """Exponents, separators, signs, NaN, full-width digits and booleans are not amounts."""
    with pytest.raises(ValueError, match="number"):
        number(junk)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("TRUE", True),
        ("True", True),
        ("t", True),
        ("1", True),
        ("yes", True),
        ("", False),
        ("f", False),
        ("No", False),
    ],
)
def test_flags_in_every_spelling(text: str, lead: bool):
    """Yes/no cells are read in the spellings exports use."""
    assert flag(text) is lead


def test_an_unknown_flag_is_refused():
    """A cell that is neither yes nor no is not guessed."""
    with pytest.raises(ValueError, match="yes/no"):
        flag("maybe")


def test_currencies_are_upper_cased_and_checked():
    """'usd' is USD (and says it was changed); BTC and EURO are not currencies."""
    assert currency("USD") == ("USD", False)
    assert currency("usd") == ("USD", True)
    for bad in ("BTC", "EURO", ""):
        with pytest.raises(ValueError, match="ISO 4217"):
            currency(bad)


def test_dates_keep_the_providers_precision():
    """A v4 date keeps its precision; an old export's 1st of the month is the month."""
    assert day_date("2021-01-26") == PartialDate.parse("2021-01-26")
    assert day_date({"value": "2004-02-01", "precision": "month"}) == PartialDate.parse("2004-02")
    assert day_date("2017-01-01", "year") == PartialDate.parse("2017")
    assert padded_date("2011-06-01") == PartialDate.parse("2011-06")
    for bad in ("2015-02-30", "soon", None):
        with pytest.raises(ValueError, match="date"):
            day_date(bad)
    with pytest.raises(ValueError, match="precision"):
        day_date("2020-01-02", "week")


def test_funding_types_from_codes_labels_and_round_names():
    """API codes, Pro labels and the start of round names map to stages."""
    assert stage("series_c") is Stage.SERIES_C
    assert stage("Series C") is Stage.SERIES_C
    assert stage("Angel Round") is Stage.ANGEL
    assert stage("Venture - Series Unknown") is Stage.VENTURE
    with pytest.raises(ValueError, match="funding type"):
        stage("lottery")


def test_countries_and_slugs():
    """Country codes and names map to alpha-2; unknown ones to None; slugs are id-safe."""
    assert country_from_alpha3("GBR") == "GB"
    assert country_from_alpha3("XXX") is None
    assert country_from_name("United Kingdom") == "GB"
    assert country_from_name("Europe") is None
    assert slug("Café Olé & Co.") == "cafe-ole-co"
    assert slug("!!!") == "x"
