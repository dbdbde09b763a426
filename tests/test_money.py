import decimal
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import CurrencyMismatch, DataError, Money, convert
from aiecosys import strategies as aist
from aiecosys._money import MAX_INTEGER_DIGITS, MAX_PLACES, NOT_CURRENCIES, exact

WIDE = decimal.Context(prec=200)  # wide enough for any sum of two amounts, for the expectations


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
    with decimal.localcontext(WIDE):
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
    with decimal.localcontext(WIDE):
        assert (m * factor).amount == m.amount * factor
    assert (factor * m).currency == m.currency


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1e999999999", "must be less than 10**20 in size (got 1,000,000,000 digits"),
        (Decimal("-1e20"), "must be less than 10**20 in size (got 21 digits"),
        (10**20, "must be less than 10**20 in size"),
        ("0.0000000000000000001", "has 19 decimal places; at most 18"),
        ("1_000", "'1_000' is not a number"),
        ("\uff11\uff12\uff13", "is not a number"),
        ("\u0661", "is not a number"),
        ("9" * 1000, "… (1,000 characters)"),
    ],
)
def test_amounts_are_bounded_and_plain(amount, message):
    """Huge, over-precise, underscored and non-ASCII amounts are refused with a short message."""
    with pytest.raises(DataError, match=re.escape(message)) as info:
        Money(amount=amount, currency="EUR")
    assert len(str(info.value)) < 300


def test_the_bounds_themselves_are_accepted_exactly():
    """The largest and the most precise amounts are kept digit for digit."""
    largest = "9" * MAX_INTEGER_DIGITS + "." + "9" * MAX_PLACES
    assert str(Money(amount=largest, currency="EUR").amount) == largest
    # copy_negate(): a plain minus would round in the default context (28 digits).
    assert Money(amount="-" + largest, currency="EUR").amount == Decimal(largest).copy_negate()
    assert str(Money(amount="1e-18", currency="EUR").amount) == "1E-18"


@pytest.mark.parametrize("code", sorted(NOT_CURRENCIES))
def test_codes_that_name_no_currency_are_refused(code):
    """Metals, units of account, fund codes, XTS and XXX are not currencies."""
    with pytest.raises(DataError, match="is an ISO 4217 code but not a currency"):
        Money(amount=1, currency=code)


@pytest.mark.parametrize("code", ["XOF", "XAF", "XCD", "XPF", "CHF", "CLP", "MXN", "UYU"])
def test_currencies_beside_the_refused_codes_are_accepted(code):
    """Real currencies whose code starts with X, or that have a fund code beside them, are kept."""
    assert Money(amount=1, currency=code).currency == code


@pytest.mark.parametrize(
    "context",
    [
        decimal.Context(prec=1),
        decimal.Context(prec=6, rounding=decimal.ROUND_DOWN),
        decimal.Context(traps=list(decimal.Context().flags)),
        decimal.Context(rounding=decimal.ROUND_UP, Emax=3, traps=[]),
    ],
)
def test_the_callers_decimal_context_never_changes_an_answer(context):
    """Sums, conversions, comparisons and formatting are the same in any decimal context."""
    from aiecosys import _fx

    a = Money(amount="1234567.89", currency="EUR")
    b = Money(amount="0.01", currency="EUR")
    expected = (str(a + b), str(convert(a, "USD", on="2023-06-13").converted), str(-a), a < a + b)
    _fx._rate.cache_clear()
    with decimal.localcontext(context):
        got = (str(a + b), str(convert(a, "USD", on="2023-06-13").converted), str(-a), a < a + b)
        total = Money.sum([a, b, b], currency="EUR")
    assert got == expected
    assert str(total) == "EUR 1,234,567.91"


def test_exact_is_the_context_of_amounts():
    """exact() gives 100 digits and half-even rounding, whatever the caller's context."""
    with decimal.localcontext(decimal.Context(prec=2)), exact() as context:
        assert context.prec == 100
        assert context.rounding == decimal.ROUND_HALF_EVEN
