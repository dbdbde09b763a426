"""``Money``: an exact amount in one ISO 4217 currency.

An amount has at most `MAX_INTEGER_DIGITS` (20) digits before the decimal point and
`MAX_PLACES` (18) after it, so that every amount fits exactly in a 38-digit decimal (SQL
``DECIMAL(38, 18)``, Arrow ``decimal128(38, 18)``). Arithmetic on amounts runs in a decimal
context of its own (`exact`): the caller's ``decimal.getcontext()`` never changes an answer.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._checks import excerpt, fail
from aiecosys._iso import iso_codes
from aiecosys.exceptions import CurrencyMismatch, DataError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

__all__ = [
    "EXACT",
    "MAX_INTEGER_DIGITS",
    "MAX_PLACES",
    "NOT_CURRENCIES",
    "Money",
    "exact",
    "exact_sum",
    "is_currency_code",
]

MAX_INTEGER_DIGITS = 20
"""An amount is less than 10**20 in size: at most 20 digits before the decimal point."""

MAX_PLACES = 18
"""An amount has at most 18 digits after the decimal point."""

# Longer text cannot be an amount within the bounds (38 digits, a sign, a point, an exponent,
# and some leading or trailing zeros); it is refused before it is read.
_MAX_TEXT = 100

EXACT = decimal.Context(  # see exact()
    prec=100,  # 2 x 38 digits: a product of two amounts is exact, so is a sum of many
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

NOT_CURRENCIES: dict[str, str] = {
    **dict.fromkeys(("XAU", "XAG", "XPT", "XPD"), "a precious metal"),
    **dict.fromkeys(("XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XAD"), "a unit of account"),
    **dict.fromkeys(("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"), "a fund code"),
    "XTS": "reserved for testing",
    "XXX": "the code for no currency",
}
"""ISO 4217 codes that name no currency, and what each names instead.

The rule, from the ISO 4217 list: a code whose minor unit is "N.A." (precious metals, units of
account, the testing code and "no currency") or that the list marks as a fund code is not a
currency, and no amount of money is in it. Real currencies whose code starts with X (XAF,
XCD, XOF, XPF, XCG) are currencies.
"""


def exact() -> AbstractContextManager[decimal.Context]:
    r"""Return a context manager in which decimal arithmetic on amounts is exact.

    It has a precision of 100 digits, rounds half-even and traps invalid operations, whatever
    the caller's own decimal context says.

    Examples:
        >>> import decimal
        >>> with decimal.localcontext(decimal.Context(prec=3)):
        ...     with exact():
        ...         print(Decimal("1234567.89") + Decimal("0.01"))
        1234567.90
    """
    return decimal.localcontext(EXACT)


def exact_sum(amounts: Iterable[Decimal]) -> Decimal:
    """Add *amounts* exactly (in the `EXACT` context), whatever the caller's decimal context.

    Examples:
        >>> import decimal
        >>> with decimal.localcontext(decimal.Context(prec=3)):
        ...     print(exact_sum([Decimal("1234567.89"), Decimal("0.01")]))
        1234567.90
    """
    return functools.reduce(EXACT.add, amounts, Decimal(0))


@functools.cache
def _currency_codes() -> frozenset[str]:
    return frozenset(iso_codes("4217", "alpha_3") - NOT_CURRENCIES.keys())


def is_currency_code(code: object) -> bool:
    """Tell whether *code* is the ISO 4217 code of a currency (upper case).

    Codes that name no currency (gold ``XAU``, the testing code ``XTS``, fund codes…: see
    `NOT_CURRENCIES`) are not.

    Examples:
        >>> is_currency_code("EUR"), is_currency_code("EURO"), is_currency_code("eur")
        (True, False, False)
        >>> is_currency_code("XAU"), is_currency_code("XOF")
        (False, True)
    """
    return isinstance(code, str) and code in _currency_codes()


def currency_problem(code: object) -> str | None:
    """Say why *code* is not a currency code (``None`` when it is one)."""
    if not isinstance(code, str):
        return f"must be a string (got {type(code).__name__})"
    if is_currency_code(code):
        return None
    if code in NOT_CURRENCIES:
        return f"{code!r} is an ISO 4217 code but not a currency ({NOT_CURRENCIES[code]})"
    hint = ""
    if len(code) <= 3 and is_currency_code(code.upper()):  # noqa: PLR2004 - ISO codes are 3 letters
        hint = f"; did you mean {code.upper()!r}?"
    return f"{excerpt(code, 20)} is not an ISO 4217 code{hint}"


def _to_decimal(value: Decimal | int | str) -> Decimal:
    # bool is an int, and float would carry binary rounding into exact money: refuse both.
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        kind = type(value).__name__
        hint = "; pass a str such as '1.5' or a Decimal" if isinstance(value, float) else ""
        raise DataError.single("amount", f"must be an int, str or Decimal (got {kind}{hint})")
    if isinstance(value, int) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise _too_large(f"{excerpt(value)}")
    if isinstance(value, str):
        return _read_text(value)
    amount = Decimal(value)
    if not amount.is_finite():
        raise DataError.single("amount", f"must be a finite number (got {amount})")
    return _bounded(amount)


def _read_text(value: str) -> Decimal:
    text = value.strip()
    # Decimal() reads what no amount is written as: "1_000", digits of other scripts
    # (full-width, Arabic-Indic...), "Infinity", "NaN". Text that is ASCII, free of "_" and
    # finite is plain decimal notation.
    if len(text) <= _MAX_TEXT and text.isascii() and "_" not in text:
        try:
            amount = Decimal(text)
        except decimal.InvalidOperation:
            pass
        else:
            if amount.is_finite():
                if len(text) < MAX_INTEGER_DIGITS and "e" not in text and "E" not in text:
                    return amount  # too short to be out of bounds: the common case
                return _bounded(amount)
    raise DataError.single(
        "amount",
        f"{excerpt(value)} is not a number (write digits 0-9, an optional point and exponent: "
        "'1500000', '1.5e6')",
    )


def _bounded(amount: Decimal) -> Decimal:
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - finite: an int exponent
    if exponent < -MAX_PLACES:
        raise DataError.single("amount", f"has {-exponent:,} decimal places; at most {MAX_PLACES}")
    if amount.adjusted() >= MAX_INTEGER_DIGITS:
        raise _too_large(f"{amount.adjusted() + 1:,} digits before the point")
    return amount


def _too_large(got: str) -> DataError:
    return DataError.single(
        "amount", f"must be less than 10**{MAX_INTEGER_DIGITS} in size (got {got})"
    )


def _check_currency(_: object, field: attrs.Attribute[Any], value: object) -> None:
    problem = currency_problem(value)
    if problem is not None:
        raise fail(field, problem)


@attrs.frozen(kw_only=True, order=False)
class Money:
    """An exact amount of money in one currency.

    An ``int`` or ``str`` amount is accepted and converted to ``Decimal``; a ``float`` is
    refused (it cannot hold most decimal amounts exactly), and so is text that is not plain
    decimal notation in ASCII digits (``"1_000"``, full-width digits). An amount is less than
    10**20 in size with at most 18 decimal places. The currency is the code of a currency,
    not ``XAU``, ``XTS``, ``XXX`` and the like (see `NOT_CURRENCIES`). Amounts in different
    currencies never mix: adding or comparing them raises
    [`CurrencyMismatch`][aiecosys.CurrencyMismatch]; convert one first.

    Attributes:
        amount: The exact amount, in units of *currency* (not cents).
        currency: An upper-case ISO 4217 code, such as ``"EUR"`` or ``"USD"``.

    Examples:
        >>> m = Money(amount="105000000", currency="EUR")
        >>> m
        Money(amount=Decimal('105000000'), currency='EUR')
        >>> print(m)
        EUR 105,000,000
        >>> print(m + Money(amount=15_000_000, currency="EUR"))
        EUR 120,000,000
        >>> m + Money(amount=1, currency="USD")
        Traceback (most recent call last):
        ...
        aiecosys.exceptions.CurrencyMismatch: cannot combine EUR and USD amounts; convert one first
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    currency: str = attrs.field(validator=_check_currency)

    @classmethod
    def sum(cls, amounts: Iterable[Money], *, currency: str) -> Money:
        """Add *amounts* (all in *currency*) exactly; nothing, in *currency*, when there are none.

        Examples:
            >>> print(Money.sum([Money(amount="0.1", currency="EUR")] * 3, currency="EUR"))
            EUR 0.3
        """
        listed = list(amounts)
        for money in listed:
            if money.currency != currency:
                raise CurrencyMismatch(currency, money.currency)
        return cls(amount=exact_sum(m.amount for m in listed), currency=currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Return nothing, in *currency*.

        Examples:
            >>> print(Money.zero("USD"))
            USD 0
        """
        return cls(amount=Decimal(0), currency=currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(self.currency, other.currency)

    def __add__(self, other: object) -> Money:
        """Add an amount in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return Money(amount=self.amount + other.amount, currency=self.currency)

    def __sub__(self, other: object) -> Money:
        """Subtract an amount in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return Money(amount=self.amount - other.amount, currency=self.currency)

    def __neg__(self) -> Money:
        """Return the amount with its sign flipped."""
        with exact():
            return Money(amount=-self.amount, currency=self.currency)

    def __mul__(self, factor: object) -> Money:
        """Scale by an ``int`` or ``Decimal`` factor."""
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        with exact():
            return Money(amount=self.amount * factor, currency=self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: object) -> bool:
        """Compare amounts in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return self.amount < other.amount

    def __le__(self, other: object) -> bool:
        """Compare amounts in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return self.amount <= other.amount

    def __gt__(self, other: object) -> bool:
        """Compare amounts in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return self.amount > other.amount

    def __ge__(self, other: object) -> bool:
        """Compare amounts in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        with exact():
            return self.amount >= other.amount

    def __str__(self) -> str:
        """Render as ``CUR 1,234.5``."""
        with exact():
            return f"{self.currency} {self.amount:,f}"
