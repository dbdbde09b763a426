from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import CurrencyMismatch, DataError, Money
from aiecosys import strategies as aist


def test_amount_accepts_int_str_and_decimal_exactly():
    """int, str and Decimal amounts become the same exact Decimal."""
    assert Money(amount=5, currency="USD").amount == Decimal(5)
    assert Money(amount="0.10", currency="USD").amount == Decimal("0.10")
    assert Money(amount=Decimal("1e3"), currency="USD").amount == 1000


@pytest.mark.parametrize("bad", [1.5, float("nan"), True, None, [1]])
def test_amount_refuses_floats_nan_bools_and_other_types(bad):
    """A float (even NaN), a bool or anything else is refused, naming the field."""
    with pytest.raises(DataError) as info:
        Money(amount=bad, currency="USD")
    assert info.value.problems[0].path == "amount"


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "twelve", ""])
def test_amount_refuses_non_finite_and_non_numeric_text(bad):
    """Text must spell a finite number."""
    with pytest.raises(DataError, match="amount"):
        Money(amount=bad, currency="USD")


@pytest.mark.parametrize("code", ["EURO", "eur", "XYZ", "", "US"])
def test_currency_must_be_an_iso_4217_code(code):
    """The currency is checked against the ISO 4217 list."""
    with pytest.raises(DataError, match=r"currency: .* is not an ISO 4217 code"):
        Money(amount=1, currency=code)


def test_adding_different_currencies_is_an_error_not_a_silent_mix():
    """EUR + USD raises CurrencyMismatch, which is also a ValueError."""
    with pytest.raises(CurrencyMismatch) as info:
        _ = Money(amount=1, currency="EUR") + Money(amount=1, currency="USD")
    assert isinstance(info.value, ValueError)
    with pytest.raises(CurrencyMismatch):
        _ = Money(amount=1, currency="EUR") < Money(amount=2, currency="USD")


def test_str_groups_thousands_and_keeps_decimals():
    """Money prints as CUR 1,234.50."""
    assert str(Money(amount="1234.50", currency="EUR")) == "EUR 1,234.50"


@given(aist.money(), aist.money())
def test_addition_within_a_currency_is_exact_and_commutative(a, b):
    """Adding two amounts in one currency adds their Decimals exactly, in either order."""
    b = Money(amount=b.amount, currency=a.currency)
    assert (a + b).amount == a.amount + b.amount
    assert a + b == b + a
    assert (a + b) - b == a


@given(aist.money(), aist.money())
def test_arithmetic_never_mixes_currencies(a, b):
    """Any arithmetic between two currencies raises; within one it keeps the currency."""
    if a.currency == b.currency:
        assert (a + b).currency == a.currency
    else:
        with pytest.raises(CurrencyMismatch):
            _ = a + b
        with pytest.raises(CurrencyMismatch):
            _ = a - b


@given(aist.money(), st.integers(-5, 5))
def test_scaling_keeps_the_currency(m, factor):
    """Multiplying by an int scales the amount and keeps the currency."""
    assert (m * factor).amount == m.amount * factor
    assert (factor * m).currency == m.currency
