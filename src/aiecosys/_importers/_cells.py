"""Reading one cell of an export: numbers, dates, flags, currencies, round types, countries.

Each reader returns the value or raises `ValueError` with a short reason; the caller
reports the row. Numbers are read exactly, as `Decimal`, never as floats.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from aiecosys._dates import PartialDate
from aiecosys._model import Stage
from aiecosys._money import is_currency_code
from aiecosys._names import normalise

__all__ = [
    "country_from_alpha3",
    "country_from_name",
    "currency",
    "day_date",
    "flag",
    "number",
    "padded_date",
    "slug",
    "stage",
]

_NUMBER = re.compile(r"[0-9]{1,20}(\.[0-9]{1,20})?")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TRUE = frozenset({"true", "t", "1", "yes", "y"})
_FALSE = frozenset({"false", "f", "0", "no", "n", ""})
_PRECISIONS = frozenset({"day", "month", "year"})
_SERIES = {f"series_{x}": Stage[f"SERIES_{x.upper()}"] for x in "abcdefgh"}
_STAGES: dict[str, Stage] = {
    **_SERIES,
    "series_i": Stage.LATE_STAGE,
    "series_j": Stage.LATE_STAGE,
    "series_unknown": Stage.VENTURE,
    "venture_series_unknown": Stage.VENTURE,
    "venture": Stage.VENTURE,
    "angel": Stage.ANGEL,
    "seed": Stage.SEED,
    "pre_seed": Stage.PRE_SEED,
    "private_equity": Stage.PRIVATE_EQUITY,
    "debt_financing": Stage.DEBT,
    "convertible_note": Stage.CONVERTIBLE_NOTE,
    "grant": Stage.GRANT,
    "non_equity_assistance": Stage.GRANT,
    "equity_crowdfunding": Stage.CROWDFUNDING,
    "product_crowdfunding": Stage.CROWDFUNDING,
    "post_ipo_equity": Stage.POST_IPO,
    "post_ipo_debt": Stage.POST_IPO,
    "post_ipo_secondary": Stage.SECONDARY,
    "secondary_market": Stage.SECONDARY,
    "corporate_round": Stage.STRATEGIC,
    "undisclosed": Stage.UNDISCLOSED,
    "funding_round": Stage.UNDISCLOSED,
    "initial_coin_offering": Stage.UNDISCLOSED,
    # Round names ("Angel Round - Acme") start with these labels.
    "angel_round": Stage.ANGEL,
    "pre_seed_round": Stage.PRE_SEED,
    "seed_round": Stage.SEED,
    "venture_round": Stage.VENTURE,
    "private_equity_round": Stage.PRIVATE_EQUITY,
}
"""Crunchbase's funding types (API v4 codes; Pro labels such as "Series A" fold to them)."""


def number(value: object) -> Decimal | None:
    """Read an amount or count exactly; ``None`` when empty or absent.

    Examples:
        >>> number("1500000"), number(""), number(1951852), number(Decimal("1951852.0"))
        (Decimal('1500000'), None, Decimal('1951852'), Decimal('1951852.0'))
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")  # noqa: TRY004 - a cell's value, reported
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError(f"{value} is not a finite number")
        return Decimal(value)
    text = str(value).strip()
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"{text[:30]!r} is not a number")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(f"{text[:30]!r} is not a number") from None


def flag(text: str) -> bool:
    """Read a yes/no cell as the exports write it: ``t``, ``TRUE``, ``1``, ``yes``; empty is no."""
    folded = text.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(f"{text[:20]!r} is not a yes/no flag (true/false, t/f, 1/0, yes/no)")


def currency(text: str) -> tuple[str, bool]:
    """Read an ISO 4217 code; return it and whether it had to be upper-cased.

    Examples:
        >>> currency("usd")
        ('USD', True)
    """
    code = text.strip()
    if is_currency_code(code.upper()) and len(code) == 3:  # noqa: PLR2004 - ISO codes
        return code.upper(), code != code.upper()
    raise ValueError(f"{text[:20]!r} is not an ISO 4217 currency code")


def padded_date(text: str) -> PartialDate:
    """Read an old export's YYYY-MM-DD: a first of the month is the month (unknown days are 01).

    Examples:
        >>> padded_date("2011-06-01"), padded_date("2011-06-14")
        (PartialDate.parse('2011-06'), PartialDate.parse('2011-06-14'))
    """
    match = _DAY.fullmatch(text.strip())
    if not match:
        return _parse(text)
    year, month, day = (int(g) for g in match.groups())
    return _build(year, month, None if day == 1 else day)


def day_date(value: object, precision: str | None = None) -> PartialDate:
    """Read a v4 date: ``"2021-01-26"``, or ``{"value": …, "precision": "month"}``.

    The provider's precision, where given, is kept: a month-precise date keeps only its month.

    Examples:
        >>> day_date({"value": "2004-02-01", "precision": "month"})
        PartialDate.parse('2004-02')
    """
    if isinstance(value, dict):
        precision = value.get("precision", precision)
        value = value.get("value")
    if not isinstance(value, str):
        raise ValueError(f"{str(value)[:30]!r} is not a date")  # noqa: TRY004 - reported
    match = _DAY.fullmatch(value.strip()[:10]) if len(value.strip()) >= 10 else None  # noqa: PLR2004
    if match is None:
        return _parse(value)
    year, month, day = (int(g) for g in match.groups())
    p = (precision or "day").strip().lower()
    if p not in _PRECISIONS:
        raise ValueError(f"{precision!r} is not a date precision (day, month or year)")
    return _build(year, None if p == "year" else month, day if p == "day" else None)


def _parse(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text.strip())
    except ValueError:
        raise ValueError(f"{text[:30]!r} is not a date (YYYY-MM-DD)") from None


def _build(year: int, month: int | None, day: int | None) -> PartialDate:
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        raise ValueError(f"{year:04}-{month or 0:02}-{day or 0:02} is not a date") from None


def stage(code: str) -> Stage:
    """Read a funding type: an API code (``series_a``) or a Pro label (``Series A``).

    Examples:
        >>> stage("Venture - Series Unknown"), stage("post_ipo_secondary")
        (<Stage.VENTURE: 'venture'>, <Stage.SECONDARY: 'secondary'>)
    """
    key = re.sub(r"[^a-z0-9]+", "_", code.strip().lower()).strip("_")
    found = _STAGES.get(key)
    if found is None:
        raise ValueError(f"{code[:40]!r} is not a funding type this importer knows")
    return found


@cache
def country_from_alpha3(code: str) -> str | None:
    """Return the alpha-2 code of an alpha-3 code, ``None`` if empty or unknown."""
    if not code.strip():
        return None
    import pycountry  # noqa: PLC0415 - only an import needs the country table

    found = pycountry.countries.get(alpha_3=code.strip().upper())
    return None if found is None else str(found.alpha_2)


@cache
def country_from_name(name: str) -> str | None:
    """Return the alpha-2 code of a country name ("United Kingdom"), ``None`` if unknown."""
    if not name.strip():
        return None
    import pycountry  # noqa: PLC0415 - only an import needs the country table

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None


def slug(text: str) -> str:
    """Return a lower-case, hyphenated form of *text* for ids (``x`` when nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:120] or "x"
