"""The records of an ecosystem: companies, investors, people, rounds, sources and claims.

Every record is a frozen, keyword-only attrs class, validated when it is built. Records refer
to each other by id; :class:`~aiecosys.Ecosystem` checks that those ids resolve.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import Any

import attrs

from aiecosys import _checks as check
from aiecosys._dates import DateLike, PartialDate, Timing, as_day
from aiecosys._money import Money

__all__ = [
    "COLLECTIONS",
    "Claim",
    "Company",
    "CompanyKind",
    "Investment",
    "Investor",
    "InvestorKind",
    "Person",
    "Record",
    "Reliability",
    "Role",
    "Round",
    "Source",
    "Stage",
    "Valuation",
    "ValuationBasis",
    "Verdict",
]

MAX_ROUND_AMOUNT = 10**15
"""No single round is bigger than this in its own currency; larger amounts are typos."""

MAX_VALUATION = 10**16
"""No company is valued at more than this in its own currency; larger amounts are typos."""


class Reliability(enum.Enum):
    """How far a source can be trusted.

    ``A``: primary source, or a major outlet or wire service. ``B``: a trade or news site
    restating A-grade reporting. ``C``: an aggregator, mirror, blog or generated page.
    """

    A = "A"
    B = "B"
    C = "C"


class Verdict(enum.Enum):
    """What the evidence says of a claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


class Stage(enum.Enum):
    """The kind of a funding round (a closed vocabulary, after Crunchbase's funding types).

    ``LATE_STAGE`` is a venture round at series C or later whose letter is unknown; ``VENTURE``
    one whose series is unknown altogether. ``STRATEGIC`` is a corporate investment outside
    a priced round. ``IPO`` is the money a company raises when its shares are first listed
    (new shares only); ``POST_IPO`` a raise by a listed company. ``SECONDARY`` sells
    existing shares: the company raises nothing.
    """

    ANGEL = "angel"
    PRE_SEED = "pre_seed"
    SEED = "seed"
    SERIES_A = "series_a"
    SERIES_B = "series_b"
    SERIES_C = "series_c"
    SERIES_D = "series_d"
    SERIES_E = "series_e"
    SERIES_F = "series_f"
    SERIES_G = "series_g"
    SERIES_H = "series_h"
    LATE_STAGE = "late_stage"
    VENTURE = "venture"
    PRIVATE_EQUITY = "private_equity"
    STRATEGIC = "strategic"
    CONVERTIBLE_NOTE = "convertible_note"
    DEBT = "debt"
    GRANT = "grant"
    CROWDFUNDING = "crowdfunding"
    IPO = "ipo"
    POST_IPO = "post_ipo"
    SECONDARY = "secondary"
    UNDISCLOSED = "undisclosed"


class CompanyKind(enum.Enum):
    """What sort of organisation a company is."""

    STARTUP = "startup"
    CORPORATION = "corporation"
    RESEARCH_LAB = "research_lab"
    UNIVERSITY = "university"
    NONPROFIT = "nonprofit"
    OTHER = "other"


class InvestorKind(enum.Enum):
    """What sort of investor this is.

    ``CORPORATE_VENTURE`` is a company's venture arm and names its parent in ``company``;
    ``COMPANY`` is a company investing from its balance sheet and names it in ``company``;
    ``PERSON`` is an individual (an angel) and names the :class:`Person` in ``person``;
    ``UNKNOWN`` is for imported data that does not say (a bare name in an export).
    """

    FIRM = "firm"
    CORPORATE_VENTURE = "corporate_venture"
    COMPANY = "company"
    PERSON = "person"
    GOVERNMENT = "government"
    UNKNOWN = "unknown"


@cache
def _country_codes() -> frozenset[str]:
    import pycountry  # noqa: PLC0415 - its database is only needed when a country is given

    return frozenset(c.alpha_2 for c in pycountry.countries)


def _check_country(_: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in _country_codes():
        raise check.fail(field, f"{str(value)[:20]!r} is not an ISO 3166-1 alpha-2 country code")


def _check_url(_: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    check.text(_, field, value)
    if not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise check.fail(field, f"{value[:80]!r} is not an http(s) URL")


def _optional_money(_: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Money):
        raise check.fail(field, f"must be Money or None (got {type(value).__name__})")


def _round_money(instance: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _optional_money(instance, field, value)
    if value is not None and not 0 < value.amount < MAX_ROUND_AMOUNT:
        raise check.fail(field, f"must be more than 0 and less than 10**15 (got {value.amount})")


_date = check.instance(PartialDate, optional=True)


@attrs.frozen(kw_only=True)
class Source:
    """A document that states facts: an article, a filing, a company page, a data export.

    *url* may be ``None`` for a document with no public address (the note should say where
    it can be read); *published* is its publication date, at the precision known.

    >>> source = Source(id="source:tnw-mistral-seed", title="Mistral AI secures €105M",
    ...                 publisher="TNW", url="https://thenextweb.com/",
    ...                 published=PartialDate.parse("2023-06-14"), reliability=Reliability.B)
    >>> source.published.precision
    <Precision.DAY: 'day'>
    """

    id: str = attrs.field(validator=check.record_id)
    title: str = attrs.field(validator=check.name)
    publisher: str = attrs.field(validator=check.name)
    url: str | None = attrs.field(default=None, validator=_check_url)
    published: PartialDate | None = attrs.field(default=None, validator=_date)
    reliability: Reliability = attrs.field(validator=check.instance(Reliability))
    note: str | None = attrs.field(default=None, validator=check.optional_text)


@attrs.frozen(kw_only=True)
class Role:
    """A position a person holds or held at an organisation (a company or an investor id)."""

    organisation: str = attrs.field(validator=check.record_id)
    title: str = attrs.field(validator=check.name)
    start: PartialDate | None = attrs.field(default=None, validator=_date)
    end: PartialDate | None = attrs.field(default=None, validator=_date)

    @end.validator
    def _end_after_start(self, field: attrs.Attribute[Any], value: PartialDate | None) -> None:
        if value is not None and self.start is not None and value.last_day < self.start.first_day:
            raise check.fail(field, f"ends ({value}) before it starts ({self.start})")

    def held_on(self, day: DateLike) -> bool:
        """Tell whether the role may have been held on *day* (surely or possibly).

        The role is placed against *day* by the one rule of :meth:`PartialDate.timing` (a
        partial *day* stands for its last day): it is held from its start through its end,
        an unknown start may be any day, and a role with no end is held still.

        >>> Role(organisation="o", title="CEO", start=PartialDate.parse("2015")).held_on("2020")
        True
        """
        return self._held(day) is not False

    def surely_held_on(self, day: DateLike) -> bool:
        """Tell whether the role was surely held on *day* (see :meth:`held_on`).

        >>> role = Role(organisation="o", title="CEO", end=PartialDate.parse("2018"))
        >>> role.held_on("2017"), role.surely_held_on("2017")
        (True, False)
        """
        return self._held(day) is True

    def _held(self, day: DateLike) -> bool | None:
        """True if surely held on *day*, False if surely not, None if the dates cannot tell."""
        start = Timing.UNCERTAIN if self.start is None else self.start.timing(day)
        # Held through its end day: it has ended by *day* when it ended by the day before.
        end = Timing.AFTER if self.end is None else self.end.timing(as_day(day).subtract(days=1))
        if start is Timing.AFTER or end is Timing.BEFORE:
            return False
        if start is Timing.BEFORE and end is Timing.AFTER:
            return True
        return None


@attrs.frozen(kw_only=True)
class Person:
    """A person: founder, executive, investor, researcher, analyst."""

    id: str = attrs.field(validator=check.record_id)
    name: str = attrs.field(validator=check.name)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=check.names)
    born: PartialDate | None = attrs.field(default=None, validator=_date)
    roles: tuple[Role, ...] = attrs.field(default=(), validator=check.tuple_of(Role))
    sources: tuple[str, ...] = attrs.field(default=(), validator=check.ids)


@attrs.frozen(kw_only=True)
class Company:
    """An organisation that can raise money, found by id, name or alias.

    *parent* is the id of the company that owns it; *founders* are person ids.
    """

    id: str = attrs.field(validator=check.record_id)
    name: str = attrs.field(validator=check.name)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=check.names)
    kind: CompanyKind = attrs.field(
        default=CompanyKind.STARTUP, validator=check.instance(CompanyKind)
    )
    founded: PartialDate | None = attrs.field(default=None, validator=_date)
    country: str | None = attrs.field(default=None, validator=_check_country)
    headquarters: str | None = attrs.field(default=None, validator=check.optional_text)
    parent: str | None = attrs.field(default=None, validator=check.optional_id)
    founders: tuple[str, ...] = attrs.field(default=(), validator=check.ids)
    description: str | None = attrs.field(default=None, validator=check.optional_text)
    sources: tuple[str, ...] = attrs.field(default=(), validator=check.ids)

    @parent.validator
    def _not_own_parent(self, field: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value == self.id:
            raise check.fail(field, "a company cannot be its own parent")


@attrs.frozen(kw_only=True)
class Investor:
    """Someone who puts money into rounds: a firm, a venture arm, a company, a person.

    >>> Investor(id="investor:nvidia", name="Nvidia", kind=InvestorKind.COMPANY)
    Traceback (most recent call last):
    ...
    aiecosys.exceptions.DataError: 1 problem in the data:
      company: an investor of kind 'company' must name its company
    """

    id: str = attrs.field(validator=check.record_id)
    name: str = attrs.field(validator=check.name)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=check.names)
    kind: InvestorKind = attrs.field(validator=check.instance(InvestorKind))
    company: str | None = attrs.field(default=None, validator=check.optional_id)
    person: str | None = attrs.field(default=None, validator=check.optional_id)
    founded: PartialDate | None = attrs.field(default=None, validator=_date)
    country: str | None = attrs.field(default=None, validator=_check_country)
    sources: tuple[str, ...] = attrs.field(default=(), validator=check.ids)

    @company.validator
    def _company_fits_kind(self, field: attrs.Attribute[Any], value: str | None) -> None:
        needs = self.kind in {InvestorKind.CORPORATE_VENTURE, InvestorKind.COMPANY}
        if needs and value is None:
            raise check.fail(
                field, f"an investor of kind {self.kind.value!r} must name its company"
            )
        if not needs and value is not None:
            raise check.fail(field, f"an investor of kind {self.kind.value!r} names no company")

    @person.validator
    def _person_fits_kind(self, field: attrs.Attribute[Any], value: str | None) -> None:
        needs = self.kind is InvestorKind.PERSON
        if needs and value is None:
            raise check.fail(field, "an investor of kind 'person' must name the person")
        if not needs and value is not None:
            raise check.fail(field, f"an investor of kind {self.kind.value!r} names no person")


@attrs.frozen(kw_only=True)
class Investment:
    """One investor's part in one round; *lead* marks a lead (or co-lead) investor."""

    investor: str = attrs.field(validator=check.record_id)
    lead: bool = attrs.field(default=False, validator=check.instance(bool))
    amount: Money | None = attrs.field(default=None, validator=_round_money)


class ValuationBasis(enum.Enum):
    """Whether a valuation counts the round's new money (``post``) or not (``pre``)."""

    POST = "post"
    PRE = "pre"


@attrs.frozen(kw_only=True)
class Valuation:
    """A company's valuation at a round, with the sources that state it.

    *reported* is true when the figure comes from press reports (people familiar with the
    deal) rather than from the company or its investors; it is then an estimate to quote as
    "reported". A valuation always cites its own sources.

    >>> Valuation(amount=Money(amount=2_000_000_000, currency="EUR"), reported=True,
    ...           sources=("source:bloomberg",)).basis
    <ValuationBasis.POST: 'post'>
    """

    amount: Money = attrs.field(validator=check.instance(Money))
    basis: ValuationBasis = attrs.field(
        default=ValuationBasis.POST, validator=check.instance(ValuationBasis)
    )
    reported: bool = attrs.field(default=False, validator=check.instance(bool))
    sources: tuple[str, ...] = attrs.field(validator=check.ids)

    @amount.validator
    def _positive(self, field: attrs.Attribute[Any], value: Money) -> None:
        if not 0 < value.amount < MAX_VALUATION:
            raise check.fail(
                field, f"must be more than 0 and less than 10**16 (got {value.amount})"
            )

    @sources.validator
    def _cited(self, field: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise check.fail(field, "a valuation must cite at least one source")


@attrs.frozen(kw_only=True)
class Round:
    """A funding round: money raised by one company on one (partial) date.

    *amount* is what the company raised, in the currency it was announced in, or ``None``
    when undisclosed; *valuation* is the company's valuation at the round, where one was
    announced or reported, with its own sources.
    """

    id: str = attrs.field(validator=check.record_id)
    company: str = attrs.field(validator=check.record_id)
    stage: Stage = attrs.field(validator=check.instance(Stage))
    announced: PartialDate = attrs.field(validator=check.instance(PartialDate))
    amount: Money | None = attrs.field(default=None, validator=_round_money)
    valuation: Valuation | None = attrs.field(
        default=None, validator=check.instance(Valuation, optional=True)
    )
    investments: tuple[Investment, ...] = attrs.field(
        default=(), validator=check.tuple_of(Investment)
    )
    note: str | None = attrs.field(default=None, validator=check.optional_text)
    sources: tuple[str, ...] = attrs.field(default=(), validator=check.ids)
    # Derived once: co-investment queries read these for every round of an investor.
    _investor_ids: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _leads: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @valuation.validator
    def _valued_above_amount(self, field: attrs.Attribute[Any], value: Valuation | None) -> None:
        if (
            value is not None
            and value.basis is ValuationBasis.POST
            and self.amount is not None
            and value.amount.currency == self.amount.currency
            and value.amount.amount < self.amount.amount
        ):
            raise check.fail(
                field,
                f"a post-money valuation ({value.amount}) cannot be below the amount raised "
                f"({self.amount})",
            )

    def __attrs_post_init__(self) -> None:
        """Derive the investor and lead ids."""
        object.__setattr__(self, "_investor_ids", tuple(i.investor for i in self.investments))
        object.__setattr__(self, "_leads", tuple(i.investor for i in self.investments if i.lead))

    @property
    def leads(self) -> tuple[str, ...]:
        """The ids of the round's lead investors, in the order given."""
        return self._leads

    @property
    def investor_ids(self) -> tuple[str, ...]:
        """The ids of every investor in the round, in the order given."""
        return self._investor_ids


@attrs.frozen(kw_only=True)
class Claim:
    """What one source stated about one field of a record, and what the evidence says of it.

    *subject* is the id of the record (company, investor, person or round) the claim is
    about; *field* the attribute it concerns (``founded``, ``amount``, ``lead``, ``roles``…);
    *statement* the claim in the source's words; *source* who made it; *evidence* the
    sources that decide the *verdict*, and *explanation* how.
    """

    id: str = attrs.field(validator=check.record_id)
    subject: str = attrs.field(validator=check.record_id)
    field: str = attrs.field(validator=check.name)
    statement: str = attrs.field(validator=check.text)
    source: str = attrs.field(validator=check.record_id)
    verdict: Verdict = attrs.field(validator=check.instance(Verdict))
    evidence: tuple[str, ...] = attrs.field(default=(), validator=check.ids)
    explanation: str | None = attrs.field(default=None, validator=check.optional_text)

    @evidence.validator
    def _evidence_decides(self, field: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if self.verdict is not Verdict.UNVERIFIED and not value:
            raise check.fail(field, f"a {self.verdict.value} claim must cite its evidence")


Record = Source | Person | Company | Investor | Round | Claim
"""Any record of an ecosystem."""

COLLECTIONS: tuple[tuple[str, type[Record]], ...] = (
    ("sources", Source),
    ("people", Person),
    ("companies", Company),
    ("investors", Investor),
    ("rounds", Round),
    ("claims", Claim),
)
"""Each collection of an ecosystem and the record class it holds, in file order."""
