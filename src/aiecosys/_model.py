"""The records of an ecosystem: companies, investors, people, rounds, sources and claims.

Every record is a frozen, keyword-only attrs class, validated when it is built. Records refer
to each other by id; [`Ecosystem`][aiecosys.Ecosystem] checks that those ids resolve.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from functools import cache
from typing import Any

import attrs

from aiecosys import _checks as check
from aiecosys._dates import DateLike, PartialDate, Timing, as_day, days
from aiecosys._iso import iso_codes
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

_ONE_DAY = dt.timedelta(days=1)
_WHITE_SPACE = re.compile(r"\s")  # what str.isspace() is true of, found in C

MAX_ROUND_AMOUNT = 10**15
"""No single round is bigger than this in its own currency; larger amounts are typos."""

MAX_VALUATION = 10**16
"""No company is valued at more than this in its own currency; larger amounts are typos."""


class Reliability(enum.Enum):
    """How far a source can be trusted.

    Attributes:
        A: A primary source (the company, the investor, a filing), or a major outlet or wire
            service.
        B: A trade or news site restating A-grade reporting.
        C: An aggregator, mirror, blog or generated page.
    """

    A = "A"
    B = "B"
    C = "C"


class Verdict(enum.Enum):
    """What the evidence says of a claim.

    Attributes:
        SUPPORTED: The evidence agrees with the claim.
        CONTRADICTED: The evidence says otherwise; the claim's explanation says what is true.
        UNVERIFIED: No evidence found either way.
    """

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


class Stage(enum.Enum):
    """The kind of a funding round (a closed vocabulary, after Crunchbase's funding types).

    Attributes:
        ANGEL: Money from individuals before any priced round.
        PRE_SEED: A pre-seed round.
        SEED: A seed round.
        SERIES_A: A series A round.
        SERIES_B: A series B round.
        SERIES_C: A series C round.
        SERIES_D: A series D round.
        SERIES_E: A series E round.
        SERIES_F: A series F round.
        SERIES_G: A series G round.
        SERIES_H: A series H round.
        LATE_STAGE: A venture round at series C or later whose letter is unknown.
        VENTURE: A venture round whose series is unknown altogether.
        PRIVATE_EQUITY: A private-equity investment.
        STRATEGIC: A corporate investment outside a priced round.
        CONVERTIBLE_NOTE: A convertible note or SAFE.
        DEBT: A loan or credit facility.
        GRANT: A grant (public or philanthropic).
        CROWDFUNDING: Equity or reward crowdfunding.
        IPO: The money a company raises when its shares are first listed (new shares only).
        POST_IPO: A raise by a listed company.
        SECONDARY: A sale of existing shares: the company raises nothing, so totals leave it out.
        UNDISCLOSED: A round whose kind was not disclosed.
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
    """What sort of organisation a company is.

    Attributes:
        STARTUP: A young company that raises venture money.
        CORPORATION: An established company (it may invest, or own a startup).
        RESEARCH_LAB: A research organisation that is not a university.
        UNIVERSITY: A university.
        NONPROFIT: A non-profit organisation.
        OTHER: Anything else.
    """

    STARTUP = "startup"
    CORPORATION = "corporation"
    RESEARCH_LAB = "research_lab"
    UNIVERSITY = "university"
    NONPROFIT = "nonprofit"
    OTHER = "other"


class InvestorKind(enum.Enum):
    """What sort of investor this is.

    Attributes:
        FIRM: A venture or investment firm.
        CORPORATE_VENTURE: A company's venture arm; names its parent in ``company``.
        COMPANY: A company investing from its balance sheet; names it in ``company``.
        PERSON: An individual (an angel); names the [`Person`][aiecosys.Person] in ``person``.
        GOVERNMENT: A government, its agency or its fund.
        UNKNOWN: Imported data that does not say (a bare name in an export).
    """

    FIRM = "firm"
    CORPORATE_VENTURE = "corporate_venture"
    COMPANY = "company"
    PERSON = "person"
    GOVERNMENT = "government"
    UNKNOWN = "unknown"


@cache
def country_codes() -> frozenset[str]:
    return iso_codes("3166-1", "alpha_2")


def _check_country(_: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in country_codes():
        shown = check.excerpt(value, 20)
        raise check.fail(field, f"{shown} is not an ISO 3166-1 alpha-2 country code")


def _check_url(_: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    check.text(_, field, value)
    if not value.startswith(("https://", "http://")) or _WHITE_SPACE.search(value):
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

    Attributes:
        id: The source's id, such as ``"source:tnw-mistral-seed"``.
        title: The document's title.
        publisher: Who published it (an outlet, a company, a registry).
        url: Its public address, or ``None`` for a document with none (the note should say where
            it can be read).
        published: Its publication date, at the precision known.
        reliability: How far it can be trusted.
        note: Anything a reader should know about it.

    Examples:
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
    """A position a person holds or held at an organisation (a company or an investor id).

    Attributes:
        organisation: The id of the company or investor.
        title: The position, such as ``"CEO"`` or ``"Co-founder"``.
        start: When the role began, at the precision known; ``None`` when unknown.
        end: When it ended; ``None`` when it is held still.
    """

    organisation: str = attrs.field(validator=check.record_id)
    title: str = attrs.field(validator=check.name)
    start: PartialDate | None = attrs.field(default=None, validator=_date)
    end: PartialDate | None = attrs.field(default=None, validator=_date)

    @end.validator
    def _end_after_start(self, field: attrs.Attribute[Any], value: PartialDate | None) -> None:
        if value is not None and self.start is not None and days(value)[1] < days(self.start)[0]:
            raise check.fail(field, f"ends ({value}) before it starts ({self.start})")

    def held_on(self, day: DateLike) -> bool:
        """Tell whether the role may have been held on *day* (surely or possibly).

        The role is placed against *day* by the one rule of
        [`PartialDate.timing`][aiecosys.PartialDate.timing] (a partial *day* stands for its last
        day): it is held from its start through its end, an unknown start may be any day, and a role
        with no end is held still.

        Examples:
            >>> Role(organisation="o", title="CEO", start=PartialDate.parse("2015")).held_on("2020")
            True
        """
        return self._held(day) is not False

    def surely_held_on(self, day: DateLike) -> bool:
        """Tell whether the role was surely held on *day* (see [`held_on`][aiecosys.Role.held_on]).

        Examples:
            >>> role = Role(organisation="o", title="CEO", end=PartialDate.parse("2018"))
            >>> role.held_on("2017"), role.surely_held_on("2017")
            (True, False)
        """
        return self._held(day) is True

    def _held(self, day: DateLike) -> bool | None:
        """True if surely held on *day*, False if surely not, None if the dates cannot tell."""
        start = Timing.UNCERTAIN if self.start is None else self.start.timing(day)
        # Held through its end day: it has ended by *day* when it ended by the day before.
        end = Timing.AFTER if self.end is None else self.end.timing(as_day(day) - _ONE_DAY)
        if start is Timing.AFTER or end is Timing.BEFORE:
            return False
        if start is Timing.BEFORE and end is Timing.AFTER:
            return True
        return None


@attrs.frozen(kw_only=True)
class Person:
    """A person: founder, executive, investor, researcher, analyst.

    Attributes:
        id: The person's id, such as ``"person:arthur-mensch"``.
        name: The name the person is known by.
        aliases: Other names that find the person.
        born: Date of birth, at the precision known.
        roles: Positions held or once held, in the order recorded.
        sources: Ids of the sources for these facts.
    """

    id: str = attrs.field(validator=check.record_id)
    name: str = attrs.field(validator=check.name)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=check.names)
    born: PartialDate | None = attrs.field(default=None, validator=_date)
    roles: tuple[Role, ...] = attrs.field(default=(), validator=check.tuple_of(Role))
    sources: tuple[str, ...] = attrs.field(default=(), validator=check.ids)


@attrs.frozen(kw_only=True)
class Company:
    """An organisation that can raise money, found by id, name or alias.

    Attributes:
        id: The company's id, such as ``"company:mistral-ai"``.
        name: The name the company is known by.
        aliases: Other names that find it (former names, short forms).
        kind: What sort of organisation it is.
        founded: When it was founded, at the precision known.
        country: Where it is based: an ISO 3166-1 alpha-2 code, such as ``"FR"``.
        headquarters: The city of its headquarters.
        parent: The id of the company that owns it, if any.
        founders: Ids of its founders (people).
        description: What it does, in a sentence.
        sources: Ids of the sources for these facts.
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

    Attributes:
        id: The investor's id, such as ``"investor:lightspeed-venture-partners"``.
        name: The name it is known by.
        aliases: Other names that find it.
        kind: What sort of investor it is.
        company: For a venture arm or an investing company, the id of that company.
        person: For an individual investor, the id of the person.
        founded: When it was founded, at the precision known.
        country: Where it is based: an ISO 3166-1 alpha-2 code.
        sources: Ids of the sources for these facts.

    Examples:
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
    """One investor's part in one round; *lead* marks a lead (or co-lead) investor.

    Attributes:
        investor: The investor's id.
        lead: True for a lead (or co-lead) investor.
        amount: What this investor put in, where disclosed.
    """

    investor: str = attrs.field(validator=check.record_id)
    lead: bool = attrs.field(default=False, validator=check.instance(bool))
    amount: Money | None = attrs.field(default=None, validator=_round_money)


class ValuationBasis(enum.Enum):
    """Whether a valuation counts the round's new money (``post``) or not (``pre``).

    Attributes:
        POST: Post-money: the valuation includes the round's new money.
        PRE: Pre-money: the valuation before the round's new money.
    """

    POST = "post"
    PRE = "pre"


@attrs.frozen(kw_only=True)
class Valuation:
    """A company's valuation at a round, with the sources that state it.

    A valuation always cites its own sources.

    Attributes:
        amount: The valuation, in the currency it was stated in.
        basis: Whether it counts the round's new money (post-money, the default) or not.
        reported: True when the figure comes from press reports (people familiar with the deal)
            rather than from the company or its investors: an estimate, to quote as "reported".
        sources: Ids of the sources that state it (at least one).

    Examples:
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

    Attributes:
        id: The round's id, such as ``"round:mistral-ai-seed"``.
        company: The id of the company that raised the money.
        stage: The kind of round.
        announced: When it was announced, at the precision known.
        amount: What the company raised, in the currency it was announced in; ``None`` when
            undisclosed (unknown, not zero).
        valuation: The company's valuation at the round, where one was announced or reported.
        investments: Each investor's part, leads marked.
        note: Anything a reader should know about the round.
        sources: Ids of the sources for these facts.
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

    Attributes:
        id: The claim's id.
        subject: The id of the record the claim is about (a company, investor, person or round).
        field: The attribute it concerns (``founded``, ``amount``, ``lead``, ``roles``…).
        statement: The claim, in the source's words.
        source: The id of the source that made it.
        verdict: What the evidence says of it.
        evidence: Ids of the sources that decide the verdict (required unless unverified).
        explanation: How the evidence decides it.
    """

    id: str = attrs.field(validator=check.record_id)
    subject: str = attrs.field(validator=check.record_id)
    field: str = attrs.field(validator=check.name)
    statement: str = attrs.field(validator=check.text)
    source: str = attrs.field(validator=check.record_id)
    verdict: Verdict = attrs.field(validator=check.instance(Verdict))
    evidence: tuple[str, ...] = attrs.field(default=(), validator=check.ids)
    explanation: str | None = attrs.field(default=None, validator=check.optional_text)

    @subject.validator
    def _not_about_itself(self, field: attrs.Attribute[Any], value: str) -> None:
        if value == self.id:
            raise check.fail(field, "a claim cannot be about itself")

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
