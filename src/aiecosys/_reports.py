"""Answers that gather several queries: a company's profile, what cites a source, labels.

The command line shows these as they are; a script gets the same objects from the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiecosys._fx import Conversion
from aiecosys._model import Claim, Company, Investor, Person, Record, Role, Round, Source
from aiecosys._money import Money
from aiecosys._results import AsOf, CoInvestor, CompanyTotal, FundingBreakdown

if TYPE_CHECKING:
    from aiecosys._dates import DateLike
    from aiecosys._ecosystem import Ecosystem

__all__ = [
    "Citations",
    "CompanyProfile",
    "InvestorProfile",
    "PersonProfile",
    "PricedRound",
    "citations",
    "investor_profile",
    "label",
    "person_profile",
    "profile",
]


@attrs.frozen(kw_only=True)
class CompanyProfile:
    """A company with its founders, rounds, funding, investors and the claims about it.

    ``rounds`` and ``investors`` hold what is surely so by ``as_of`` and, in ``possibly``, what a
    date known only to the month or year may place either side of it (see [`AsOf`][aiecosys.AsOf]).
    ``funding`` breaks the total down by round in ``currency``
    ([`total`][aiecosys.CompanyProfile.total] is its [`CompanyTotal`][aiecosys.CompanyTotal],
    unknown amounts counted as unknown).
    """

    company: Company
    founders: tuple[Person, ...]
    currency: str
    rounds: AsOf[Round]
    funding: FundingBreakdown
    investors: AsOf[Investor]
    claims: tuple[Claim, ...]

    @property
    def total(self) -> CompanyTotal:
        """What the company raised by ``as_of``, with what is unknown about it."""
        return self.funding.total

    def converted(self, round_: Round) -> Money | None:
        """A round's amount in ``currency`` (``None``: undisclosed, or a secondary sale)."""
        possibly = self.funding.possibly.rounds if self.funding.possibly else ()
        for funded in (*self.funding.rounds, *possibly):
            if funded.round.id == round_.id:
                return funded.converted
        return None


@attrs.frozen(kw_only=True)
class InvestorProfile:
    """An investor with its portfolio and co-investors, as of ``as_of``.

    See [`AsOf`][aiecosys.AsOf].
    """

    investor: Investor
    portfolio: AsOf[Company]
    co_investors: AsOf[CoInvestor]


@attrs.frozen(kw_only=True)
class PersonProfile:
    """A person with the roles held on ``as_of`` (all without it) and the claims about them."""

    person: Person
    roles: AsOf[Role]
    claims: tuple[Claim, ...]


@attrs.frozen(kw_only=True)
class PricedRound:
    """A round and its amount converted to another currency at the rate of its date.

    ``conversion`` is ``None`` when the amount is undisclosed: unknown, never zero.
    """

    round: Round
    conversion: Conversion | None

    @property
    def converted(self) -> Money | None:
        """The amount in the asked currency, or ``None`` when undisclosed."""
        return None if self.conversion is None else self.conversion.converted


@attrs.frozen(kw_only=True)
class Citations:
    """A source and everything that cites it.

    ``records`` are the companies, investors, people and rounds (a round's valuation
    included) whose ``sources`` name it, by id; ``claims`` the claims it made or that cite it
    as evidence, by id.
    """

    source: Source
    records: tuple[Company | Investor | Person | Round, ...]
    claims: tuple[Claim, ...]


def profile(
    eco: Ecosystem, company: str | Company, *, currency: str, as_of: DateLike | None
) -> CompanyProfile:
    """Gather a company's profile (see [`Ecosystem.profile`][aiecosys.Ecosystem.profile])."""
    found = eco.company(company)
    return CompanyProfile(
        company=found,
        founders=tuple(eco.person(p) for p in found.founders),
        currency=currency,
        rounds=eco.rounds_of(found, as_of=as_of),
        funding=eco.funding_breakdown(found, currency=currency, as_of=as_of),
        investors=eco.investors_in(found, as_of=as_of),
        claims=eco.claims_about(found),
    )


def investor_profile(
    eco: Ecosystem, investor: str | Investor, *, as_of: DateLike | None
) -> InvestorProfile:
    """Gather an investor's profile.

    See [`Ecosystem.investor_profile`][aiecosys.Ecosystem.investor_profile].
    """
    found = eco.investor(investor)
    return InvestorProfile(
        investor=found,
        portfolio=eco.portfolio(found, as_of=as_of),
        co_investors=eco.co_investors(found, as_of=as_of),
    )


def person_profile(
    eco: Ecosystem, person: str | Person, *, as_of: DateLike | None
) -> PersonProfile:
    """Gather a person's profile.

    See [`Ecosystem.person_profile`][aiecosys.Ecosystem.person_profile].
    """
    found = eco.person(person)
    return PersonProfile(
        person=found, roles=eco.roles_of(found, as_of=as_of), claims=eco.claims_about(found)
    )


def citations(eco: Ecosystem, source: str | Source) -> Citations:
    """Gather what cites a source (see [`Ecosystem.citations`][aiecosys.Ecosystem.citations])."""
    found = eco.source(source)

    def cites(record: Company | Investor | Person | Round) -> bool:
        if found.id in record.sources:
            return True
        return isinstance(record, Round) and bool(
            record.valuation and found.id in record.valuation.sources
        )

    listed: tuple[Company | Investor | Person | Round, ...] = (
        *eco.companies,
        *eco.investors,
        *eco.people,
        *eco.rounds,
    )
    records = [r for r in listed if cites(r)]
    claims = [c for c in eco.claims if c.source == found.id or found.id in c.evidence]
    return Citations(
        source=found,
        records=tuple(sorted(records, key=lambda r: r.id)),
        claims=tuple(claims),  # eco.claims is sorted by id already
    )


def label(eco: Ecosystem, record: Record | str) -> str:
    """Name a record for people (see [`Ecosystem.label`][aiecosys.Ecosystem.label])."""
    found = eco.record(record) if isinstance(record, str) else record
    if isinstance(found, Round):
        stage = found.stage.value.replace("_", " ").title().replace("Ipo", "IPO")
        return f"{eco.company(found.company).name} · {stage} · {found.announced}"
    if isinstance(found, Source):
        return f"{found.publisher}: {found.title}"
    if isinstance(found, Claim):
        return f"{label(eco, found.subject)} · {found.field}"
    return found.name
