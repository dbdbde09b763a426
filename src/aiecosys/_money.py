"""``Money``: an exact amount in one ISO 4217 currency."""

from __future__ import annotations

import threading
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._checks import fail
from aiecosys.exceptions import CurrencyMismatch, DataError

if TYPE_CHECKING:
    import datetime as dt

    from aiecosys._dates import PartialDate
    from aiecosys._fx import Conversion

__all__ = ["Money", "is_currency_code"]

_codes: frozenset[str] | None = None
_codes_lock = threading.Lock()


def _currency_codes() -> frozenset[str]:
    global _codes  # noqa: PLW0603 - a lazily filled, read-only cache
    if _codes is None:
        with _codes_lock:
            if _codes is None:
                import pycountry  # noqa: PLC0415 - its database is only needed here

                _codes = frozenset(c.alpha_3 for c in pycountry.currencies)
    return _codes


def is_currency_code(code: str) -> bool:
    """Tell whether *code* is a current ISO 4217 currency code (upper case).

    Examples:
        >>> is_currency_code("EUR"), is_currency_code("EURO"), is_currency_code("eur")
        (True, False, False)
    """
    return code in _currency_codes()


def _to_decimal(value: Decimal | int | str) -> Decimal:
    # bool is an int, and float would carry binary rounding into exact money: refuse both.
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        kind = type(value).__name__
        hint = "; pass a str such as '1.5' or a Decimal" if isinstance(value, float) else ""
        raise DataError.single("amount", f"must be an int, str or Decimal (got {kind}{hint})")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError):
        raise DataError.single("amount", f"{str(value)[:50]!r} is not a number") from None
    if not amount.is_finite():
        raise DataError.single("amount", f"must be a finite number (got {amount})")
    return amount


def _check_currency(_: object, field: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise fail(field, f"must be a string (got {type(value).__name__})")
    if not is_currency_code(value):
        raise fail(field, f"{value[:20]!r} is not an ISO 4217 code")


@attrs.frozen(kw_only=True, order=False)
class Money:
    """An exact amount of money in one currency.

    An ``int`` or ``str`` amount is accepted and converted to ``Decimal``; a ``float`` is
    refused (it cannot hold most decimal amounts exactly). Amounts in different currencies
    never mix: adding or comparing them raises
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
        return Money(amount=self.amount + other.amount, currency=self.currency)

    def __sub__(self, other: object) -> Money:
        """Subtract an amount in the same currency."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return Money(amount=self.amount - other.amount, currency=self.currency)

    def __neg__(self) -> Money:
        """Return the amount with its sign flipped."""
        return Money(amount=-self.amount, currency=self.currency)

    def __mul__(self, factor: object) -> Money:
        """Scale by an ``int`` or ``Decimal`` factor."""
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        return Money(amount=self.amount * factor, currency=self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        """Compare amounts in the same currency."""
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        """Compare amounts in the same currency."""
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        """Compare amounts in the same currency."""
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        """Compare amounts in the same currency."""
        self._same(other)
        return self.amount >= other.amount

    def __str__(self) -> str:
        """Render as ``CUR 1,234.5``."""
        return f"{self.currency} {self.amount:,f}"

    def convert(self, currency: str, *, on: dt.date | PartialDate | str) -> Conversion:
        """Convert to *currency* at the ECB reference rate of the day *on*.

        See [`aiecosys.convert`][aiecosys.convert] for how the rate and its date are chosen.

        Examples:
            >>> c = Money(amount=105_000_000, currency="EUR").convert("USD", on="2023-06-13")
            >>> print(c.converted, c.rate, c.rate_date)
            USD 113,326,500.00 1.0793 2023-06-13
        """
        from aiecosys._fx import convert  # noqa: PLC0415 - FX tables load on first use

        return convert(self, currency, on=on)
