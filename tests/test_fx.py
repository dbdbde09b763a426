import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import ConversionError, Money, convert
from aiecosys import strategies as aist
from aiecosys._fx import _rate, converted


def test_conversion_shows_rate_date_and_source():
    """A conversion can be reproduced: it carries the rate, the rate's date and its source."""
    c = convert(Money(amount=105_000_000, currency="EUR"), "USD", on="2023-06-13")
    assert c.rate == Decimal("1.0793")
    assert c.rate_date == dt.date(2023, 6, 13)
    assert "European Central Bank" in c.source
    assert c.converted == Money(amount="113326500.00", currency="USD")


def test_weekend_uses_the_last_published_rate():
    """On a day with no ECB rate the last earlier rate is used, and its date is shown."""
    c = convert(Money(amount=100, currency="USD"), "EUR", on="2023-06-10")
    assert c.rate_date == dt.date(2023, 6, 9)


def test_partial_date_converts_at_its_first_day():
    """A month converts at the rate of its first day (or the last day before with a rate)."""
    month = convert(Money(amount=1, currency="EUR"), "USD", on="2023-06")
    first = convert(Money(amount=1, currency="EUR"), "USD", on="2023-06-01")
    assert month == first


def test_same_currency_needs_no_table_and_stays_exact():
    """Converting to the same currency keeps the amount to the last digit."""
    c = convert(Money(amount="0.001", currency="EUR"), "EUR", on="1950")
    assert c.converted.amount == Decimal("0.001")
    assert c.rate == 1


def test_cross_rates_go_through_the_euro():
    """USD to GBP equals USD to EUR to GBP on the same day (to rounding)."""
    usd = Money(amount=1_000_000, currency="USD")
    direct = convert(usd, "GBP", on="2022-03-15").converted.amount
    via_eur = convert(convert(usd, "EUR", on="2022-03-15").converted, "GBP", on="2022-03-15")
    assert abs(direct - via_eur.converted.amount) < 1


@pytest.mark.parametrize(
    ("currency", "day", "message"),
    [
        ("AED", "2023-06-13", "no reference rate for AED"),
        ("CNY", "2001-01-02", "before"),
        ("USD", "1990-01-02", "before"),
        ("XYZ", "2023-06-13", "not an ISO 4217"),
    ],
)
def test_missing_rates_are_conversion_errors(currency, day, message):
    """No rate for the currency or date raises ConversionError, a ValueError."""
    with pytest.raises(ConversionError, match=message):
        convert(Money(amount=1, currency="EUR"), currency, on=day)


def test_the_fx_table_is_not_loaded_by_import():
    """Importing aiecosys leaves the ECB table unloaded (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = "import sys, aiecosys; print('currency_converter' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(
    aist.money(),
    st.sampled_from(aist.ECB_CURRENCIES),
    st.dates(min_value=dt.date(1999, 1, 11), max_value=dt.date(2024, 12, 31)),
)
def test_converted_is_the_amount_times_the_rate_to_the_cent_half_even(money, currency, day):
    """converted() (what totals add up) is amount x rate, rounded half-even to the cent once,
    whatever the caller's decimal context; the same amount as convert()'s, and exact when
    the currency does not change.
    """  # noqa: D205 - one sentence
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        amount, rate, rate_date = converted(money, currency, day)
    if currency == money.currency:
        assert (amount, rate, rate_date) == (money.amount, Decimal(1), day)
    else:
        with decimal.localcontext(decimal.Context(prec=500)):
            exact = money.amount * rate
            expected = exact.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_EVEN)
        assert (amount, rate_date) == (expected, _rate(money.currency, currency, day)[1])
        assert rate == _rate(money.currency, currency, day)[0]
    assert convert(money, currency, on=day).converted.amount == amount
