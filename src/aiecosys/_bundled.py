"""The bundled dataset, loaded once on first use, and module-level queries over it."""

from __future__ import annotations

import threading
from importlib.resources import files
from pathlib import Path

from aiecosys import _codec
from aiecosys._ecosystem import DateLike, Ecosystem, Record
from aiecosys._model import Claim, Company, Investor, Person, Role, Round, Verdict
from aiecosys._progress import Progress
from aiecosys._results import AsOf, CoInvestor, CompanyTotal, FundingBreakdown, Summary

__all__ = ["DATA_HORIZON", "DATA_VERSION", "load"]

DATA_VERSION = "2026.11.28"
"""The version of the bundled dataset, independent of the package version."""

DATA_HORIZON = "2026-06-30"
"""The last day the bundled dataset was searched to: rounds announced later are not in it.

Up to it, the data holds the rounds public sources report for its companies, with the gaps
each company's total-raised claim explains (see the dataset docs).
"""

_lock = threading.Lock()
_cache: list[Ecosystem] = []


def _bundled() -> Ecosystem:
    if not _cache:
        with _lock:
            if not _cache:
                text = files("aiecosys").joinpath("data", "ecosystem.json").read_bytes()
                _cache.append(_codec.loads(text, source="the bundled dataset"))
    return _cache[0]


def load(path: str | Path | None = None, *, progress: Progress | None = None) -> Ecosystem:
    """Return the bundled ecosystem, or read one from the ``aiecosys/1`` JSON file at *path*.

    The bundled dataset is read and checked on the first call, then cached (thread-safe).
    *progress*, if given, is told of the steps of reading a file: it is called as
    ``progress(what, done, total)`` (see :func:`aiecosys.read_crunchbase`).

    Examples:
        >>> import aiecosys
        >>> eco = aiecosys.load()
        >>> eco.company("mistral").name
        'Mistral AI'
        >>> eco is aiecosys.load()
        True
    """
    return _bundled() if path is None else _codec.load(path, progress=progress)


def company(key: str | Company) -> Company:
    """Find a company of the bundled dataset.

    See [`Ecosystem.company`][aiecosys.Ecosystem.company].
    """
    return _bundled().company(key)


def investor(key: str | Investor) -> Investor:
    """Find an investor of the bundled dataset.

    See [`Ecosystem.investor`][aiecosys.Ecosystem.investor].
    """
    return _bundled().investor(key)


def person(key: str | Person) -> Person:
    """Find a person of the bundled dataset.

    See [`Ecosystem.person`][aiecosys.Ecosystem.person].
    """
    return _bundled().person(key)


def rounds_of(company: str | Company, *, as_of: DateLike | None = None) -> AsOf[Round]:
    """A company's rounds in the bundled dataset.

    See [`Ecosystem.rounds_of`][aiecosys.Ecosystem.rounds_of].
    """
    return _bundled().rounds_of(company, as_of=as_of)


def total_raised(
    company: str | Company,
    *,
    currency: str = "USD",
    as_of: DateLike | None = None,
    strict: bool = False,
) -> CompanyTotal:
    """A company's total raised in the bundled dataset.

    See [`Ecosystem.total_raised`][aiecosys.Ecosystem.total_raised].

    Examples:
        >>> import aiecosys
        >>> print(aiecosys.total_raised("Mistral AI", currency="EUR", as_of="2023-12-31"))
        EUR 490,000,000
        >>> print(aiecosys.total_raised("01.AI", as_of="2023-12-31"))
        USD unknown (1 round undisclosed)
    """
    return _bundled().total_raised(company, currency=currency, as_of=as_of, strict=strict)


def funding_breakdown(
    company: str | Company, *, currency: str = "USD", as_of: DateLike | None = None
) -> FundingBreakdown:
    """A company's funding by round.

    See [`Ecosystem.funding_breakdown`][aiecosys.Ecosystem.funding_breakdown].
    """
    return _bundled().funding_breakdown(company, currency=currency, as_of=as_of)


def investors_in(
    company: str | Company, *, lead_only: bool = False, as_of: DateLike | None = None
) -> AsOf[Investor]:
    """A company's investors in the bundled dataset.

    See [`Ecosystem.investors_in`][aiecosys.Ecosystem.investors_in].
    """
    return _bundled().investors_in(company, lead_only=lead_only, as_of=as_of)


def portfolio(investor: str | Investor, *, as_of: DateLike | None = None) -> AsOf[Company]:
    """An investor's companies in the bundled dataset.

    See [`Ecosystem.portfolio`][aiecosys.Ecosystem.portfolio].
    """
    return _bundled().portfolio(investor, as_of=as_of)


def co_investors(investor: str | Investor, *, as_of: DateLike | None = None) -> AsOf[CoInvestor]:
    """An investor's co-investors in the bundled dataset.

    See [`Ecosystem.co_investors`][aiecosys.Ecosystem.co_investors].
    """
    return _bundled().co_investors(investor, as_of=as_of)


def roles_of(person: str | Person, *, as_of: DateLike | None = None) -> AsOf[Role]:
    """A person's roles in the bundled dataset.

    See [`Ecosystem.roles_of`][aiecosys.Ecosystem.roles_of].
    """
    return _bundled().roles_of(person, as_of=as_of)


def claims_about(
    entity: str | Record, *, verdict: Verdict | str | None = None
) -> tuple[Claim, ...]:
    """Claims about a record of the bundled dataset.

    See [`Ecosystem.claims_about`][aiecosys.Ecosystem.claims_about].
    """
    return _bundled().claims_about(entity, verdict=verdict)


def summary(*, currency: str = "USD", top: int = 5, as_of: DateLike | None = None) -> Summary:
    """An overview of the bundled dataset.

    See [`Ecosystem.summary`][aiecosys.Ecosystem.summary].
    """
    return _bundled().summary(currency=currency, top=top, as_of=as_of)
