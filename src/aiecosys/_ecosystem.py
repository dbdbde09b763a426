"""``Ecosystem``: the checked records, their indexes, and thin methods over the query modules.

The records are checked (``_integrity``) and indexed (``_index``) once, when an ecosystem is
built; each query lives in a module of its own idea (``_lookups``, ``_timeline``, ``_totals``,
``_network``, ``_claims``, ``_summary``) and reads only the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, Unpack, cast, overload

import attrs

from aiecosys import _arguments as check
from aiecosys import _claims, _integrity, _lookups, _network, _timeline, _totals
from aiecosys._columns import Columns
from aiecosys._dates import DateLike
from aiecosys._index import Index
from aiecosys._integrity import Distinct, checked
from aiecosys._model import (
    COLLECTIONS,
    Claim,
    Company,
    CompanyKind,
    Investor,
    Person,
    Record,
    Role,
    Round,
    Source,
    Stage,
    Verdict,
)
from aiecosys._rows import Records
from aiecosys.exceptions import ArgumentTypeError, IncompleteTotal

if TYPE_CHECKING:
    from aiecosys._combine import Conflicts
    from aiecosys._coverage import Coverage
    from aiecosys._funding_by import GroupKey
    from aiecosys._reports import (
        Citations,
        CompanyProfile,
        InvestorProfile,
        PersonProfile,
        PricedRound,
    )
    from aiecosys._results import (
        AsOf,
        CoInvestor,
        CompanyTotal,
        FundingBreakdown,
        FundingBy,
        Summary,
    )
    from aiecosys._subset import RecordFilters

__all__ = ["DateLike", "Ecosystem", "Record"]


Reads = tuple[Callable[[Any], Round] | None, Callable[[Any], tuple[Any, ...]]]
"""How a round is built of its row (``None``: rows are rounds), and how a total reads it."""

_TOTALS_OF_ROUND = attrgetter(*_totals.FIELDS)


def _by_id(given: dict[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Each collection of *given* sorted by id."""
    by_id = attrgetter("id")
    return {name: tuple(sorted(c, key=by_id)) for name, c in given.items()}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@attrs.frozen(init=False, repr=False)
class Ecosystem:
    """An immutable set of companies, investors, people, rounds, sources and claims.

    Building one checks every record and every reference between records, and reports every
    problem at once in a [`DataError`][aiecosys.DataError]. Collections are tuples sorted by id,
    so two ecosystems built from the same records in any order are equal.

    Attributes:
        companies: Every company, sorted by id.
        investors: Every investor, sorted by id.
        people: Every person, sorted by id.
        rounds: Every funding round, sorted by id: a [`Records`][aiecosys.Records] sequence,
            which builds each round when it is read.
        sources: Every source, sorted by id.
        claims: Every claim, sorted by id.
        version: The dataset's version (``aiecosys.DATA_VERSION`` for the bundled one), or
            ``None``.

    Examples:
        >>> from aiecosys import (Company, Investment, Investor, InvestorKind, Money, PartialDate,
        ...                       Round, Stage)
        >>> eco = Ecosystem(
        ...     companies=[Company(id="acme", name="Acme")],
        ...     investors=[Investor(id="vc", name="Big VC", kind=InvestorKind.FIRM)],
        ...     rounds=[Round(id="acme-a", company="acme", stage=Stage.SERIES_A,
        ...                   announced=PartialDate.parse("2024-03"),
        ...                   amount=Money(amount=5_000_000, currency="USD"),
        ...                   investments=(Investment(investor="vc", lead=True),))],
        ... )
        >>> eco
        <Ecosystem: 1 company, 1 investor, 0 people, 1 round, 0 sources, 0 claims>
        >>> print(eco.total_raised("acme"))
        USD 5,000,000
        >>> Ecosystem(rounds=[Round(id="r", company="nope", stage=Stage.SEED,
        ...                         announced=PartialDate.parse("2024"))])
        Traceback (most recent call last):
        ...
        aiecosys.exceptions.DataError: 1 problem in the data:
          rounds[0].company: unknown company 'nope'
    """

    version: str | None
    sources: tuple[Source, ...]
    people: tuple[Person, ...]
    companies: tuple[Company, ...]
    investors: tuple[Investor, ...]
    rounds: Records[Round]
    claims: tuple[Claim, ...]
    _index: Index = attrs.field(eq=False)

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        people: Iterable[Person] = (),
        companies: Iterable[Company] = (),
        investors: Iterable[Investor] = (),
        rounds: Iterable[Round] = (),
        claims: Iterable[Claim] = (),
        version: str | None = None,
    ) -> None:
        """Check the records and build the indexes; raise ``DataError`` listing every problem."""
        given = {
            "sources": sources,
            "people": people,
            "companies": companies,
            "investors": investors,
            "rounds": rounds,
            "claims": claims,
        }
        self._set_up(version, _by_id(checked(given, version)), (None, _TOTALS_OF_ROUND))

    @classmethod
    def _of_rows(
        cls,
        version: str | None,
        records: dict[str, tuple[Any, ...]],
        round_rows: tuple[Any, ...],
        reads: Reads,
        distinct: Distinct,
    ) -> Ecosystem | None:
        """Build an ecosystem of checked *records* and of rounds given as rows.

        The rows are checked field by field already (``_bulk``), *distinct* holding some ids
        they name; *reads* makes each a ``Round`` when it is read, and reads the fields of a
        total off it (``_totals.FIELDS``). Returns ``None`` when a
        round names a company or an investor that is not given, lists an investor twice or
        predates its company: the record path says where (and what else is wrong).

        Raises:
            DataError: the records and rows break another rule of an ecosystem.
        """
        given = checked({**records, "rounds": round_rows}, version, distinct=distinct)
        lists = _by_id(given)
        columns = Columns.of(lists["rounds"], lists["companies"], lists["investors"])
        if columns is None or _integrity.rounds_at_fault(columns, lists["companies"]):
            return None
        eco = cls.__new__(cls)
        eco._set_up(version, lists, reads, columns)  # noqa: SLF001 - its own class
        return eco

    def _set_up(
        self,
        version: str | None,
        lists: dict[str, tuple[Any, ...]],
        reads: Reads,
        columns: Columns | None = None,
    ) -> None:
        """Index *lists* (each sorted by id), the rounds numbered by *columns* if given.

        *reads* is how a round is built of its row (``None``: the rounds are records), and
        how the fields of a total are read off it.
        """
        build, totals = reads
        round_rows = lists.pop("rounds")
        if columns is None:  # checked records, whose every reference resolves
            numbered = Columns.of(round_rows, lists["companies"], lists["investors"])
            columns = cast("Columns", numbered)
        self.__attrs_init__(
            version=version,
            index=Index.build(lists, round_rows, build, columns, totals),
            rounds=Records(round_rows, build),
            **lists,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the records; unpickling checks and indexes them again."""
        return (_rebuild, (self.version, *(getattr(self, name) for name, _ in COLLECTIONS)))

    def __repr__(self) -> str:
        """Summarise the counts."""
        return (
            "<Ecosystem: "
            f"{_count(len(self.companies), 'company', 'companies')}, "
            f"{_count(len(self.investors), 'investor', 'investors')}, "
            f"{_count(len(self.people), 'person', 'people')}, "
            f"{_count(len(self.rounds), 'round', 'rounds')}, "
            f"{_count(len(self.sources), 'source', 'sources')}, "
            f"{_count(len(self.claims), 'claim', 'claims')}>"
        )

    # Lookups ---------------------------------------------------------------------------------

    def company(self, key: str | Company) -> Company:
        """Return the company with id, name or alias *key* (case- and accent-insensitive).

        Raises:
            NotFound: no company matches; ``suggestions`` holds the closest names.
            AmbiguousKey: the name belongs to several companies.
        """
        return self._index.companies.find(check.key(key, Company, "company"))

    def investor(self, key: str | Investor) -> Investor:
        """Return the investor with id, name or alias *key* (see [`company`][aiecosys.company])."""
        return self._index.investors.find(check.key(key, Investor, "investor"))

    def person(self, key: str | Person) -> Person:
        """Return the person with id, name or alias *key* (see [`company`][aiecosys.company])."""
        return self._index.people.find(check.key(key, Person, "person"))

    def round(self, key: str | Round) -> Round:
        """Return the round with id *key*."""
        return _lookups.exact(self._index, Round, "round", key)

    def source(self, key: str | Source) -> Source:
        """Return the source with id *key*."""
        return _lookups.exact(self._index, Source, "source", key)

    def claim(self, key: str | Claim) -> Claim:
        """Return the claim with id *key*."""
        return _lookups.exact(self._index, Claim, "claim", key)

    def record(self, record_id: str) -> Record:
        """Return the record of any kind whose id is *record_id*."""
        return _lookups.record(self._index, check.key(record_id, str, "record_id"))

    # Queries ---------------------------------------------------------------------------------
    # Every query that takes a date places dates against it by one rule, PartialDate.timing:
    # what surely holds is the answer, what straddles the date is reported as "possibly".

    def rounds_of(self, company: str | Company, *, as_of: DateLike | None = None) -> AsOf[Round]:
        """Return the company's rounds in announcement order (first day, last day, id).

        With *as_of*, the result holds the rounds surely announced by then (their whole
        announced interval is on or before it: a round announced "2023-06" surely is by
        30 June 2023), and, in ``possibly``, the rounds whose interval straddles it (a round
        announced "2023-12" is possibly announced by 15 December 2023). A partial *as_of*
        stands for its last day ("2023" is 31 December 2023). See [`AsOf`][aiecosys.AsOf].
        """
        check.date(as_of, "as_of")
        found = self._index.rounds_by_company.get(self.company(company).id, ())
        return _timeline.split(found, as_of)

    def funding_breakdown(
        self, company: str | Company, *, currency: str = "USD", as_of: DateLike | None = None
    ) -> FundingBreakdown:
        """Break a company's total raised down by round.

        See [`total_raised`][aiecosys.total_raised].

        The rounds possibly announced by *as_of* are broken down the same way in
        ``possibly``.
        """
        check.currency(currency)
        found = self.company(company)
        rounds = self.rounds_of(found, as_of=as_of)
        return _totals.funding_breakdown(found, rounds, currency=currency, as_of=as_of)

    def funding_by(
        self,
        key: GroupKey | str,
        *,
        currency: str = "USD",
        as_of: DateLike | None = None,
    ) -> FundingBy:
        """Group all funding by ``"year"``, ``"quarter"``, ``"country"``, ``"stage"``,
        ``"investor"`` or ``"company"``: one [`FundingGroup`][aiecosys.FundingGroup] row per group.

        Each row's total sums the disclosed amounts of its rounds, each converted to *currency* at
        the ECB rate of its own date (as in [`total_raised`][aiecosys.total_raised]; secondary sales
        are left out); ``undisclosed`` counts the rounds whose amount is not known, so that a total
        is never mistaken for the whole. A round whose date does not place it in one group (a round
        known as "2023", by quarter) is listed in the ``uncertain`` rounds of each group it may fall
        in and counted in none; with *as_of*, so is a round whose date straddles the cut-off, and
        rounds announced after it are left out. By ``"investor"``, a round counts in the group of
        each of its investors, in full (the investors' shares are rarely known): the groups then
        overlap, and their totals add up to more than was raised. Country is the company's. Rows
        come in date order for ``"year"`` and ``"quarter"``, else largest total first.

        Raises:
            InvalidArgument: *key* is not one of those.
            ConversionError: a round's currency or date has no ECB rate.

        Examples:
            >>> import aiecosys
            >>> by_quarter = aiecosys.load().funding_by("quarter")
            >>> q4 = next(row for row in by_quarter.rows if row.key == "2023-Q4")
            >>> "round:poolside-seed" in [r.id for r in q4.uncertain], q4.complete
            (True, False)
        """  # noqa: D205 - the summary names every key
        from aiecosys._funding_by import funding_by  # noqa: PLC0415 - rarely needed

        return funding_by(self, key, currency=currency, as_of=as_of)

    def total_raised(
        self,
        company: str | Company,
        *,
        currency: str = "USD",
        as_of: DateLike | None = None,
        strict: bool = False,
    ) -> CompanyTotal:
        """Return what a company raised, in *currency*, and what is unknown about it.

        The result's ``known`` is the sum of the disclosed amounts of the company's rounds surely
        announced by *as_of* (see [`rounds_of`][aiecosys.rounds_of]), each converted at the ECB
        reference rate of its announced date (a partial date's first day; see
        [`aiecosys.convert`][aiecosys.convert]); secondary sales, in which the company raises
        nothing, are left out. Unknown is not zero: rounds with an undisclosed amount are counted in
        ``undisclosed`` and make the total a lower bound (``complete`` is false; ``known`` is
        ``None`` when no amount at all is disclosed); rounds possibly announced by *as_of* are
        counted in ``uncertain``, with their amount in ``uncertain_known``.
        [`funding_breakdown`][aiecosys.funding_breakdown] shows each term.

        Raises:
            NotFound: no such company.
            ConversionError: a round's currency or date has no ECB rate.
            IncompleteTotal: with *strict*, the total is not exact (not ``complete``).
        """
        check.flag(strict, "strict")
        if as_of is None:  # read off the rounds' rows: no round is built
            check.currency(currency)
            found = self.company(company)
            facts = self._index.rounds_by_company.read(found.id, self._index.totals_of_round)
            total = _totals.total_of(found, facts, currency=currency)
        else:
            total = self.funding_breakdown(company, currency=currency, as_of=as_of).total
        if strict and not total.complete:
            raise IncompleteTotal(total)
        return total

    def investors_in(
        self, company: str | Company, *, lead_only: bool = False, as_of: DateLike | None = None
    ) -> AsOf[Investor]:
        """Return the investors in a company's rounds (leads only with *lead_only*), by name.

        With *as_of*, investors only in rounds possibly announced by then are in ``possibly``.
        """
        check.flag(lead_only, "lead_only")
        rounds = self.rounds_of(company, as_of=as_of)
        return _network.investors_in(rounds, self._index, lead_only=lead_only)

    def portfolio(
        self, investor: str | Investor, *, as_of: DateLike | None = None
    ) -> AsOf[Company]:
        """Return the companies an investor put money into, by name.

        With *as_of*, companies it backed only in rounds possibly announced by then are in
        ``possibly``. Results without *as_of* are kept (for the 256 investors asked about
        last): the ecosystem never changes, so asking again is immediate.
        """
        check.date(as_of, "as_of")
        return _network.portfolio(self._index, self.investor(investor).id, as_of)

    def co_investors(
        self, investor: str | Investor, *, as_of: DateLike | None = None
    ) -> AsOf[CoInvestor]:
        """Return who invested alongside an investor, most shared rounds first, then by name.

        Two investors co-invest when both are in the same round (lead or not); investing in
        the same company in different rounds is not co-investment. The investor itself is
        never listed. With *as_of*, each co-investor's ``rounds`` are the shared rounds surely
        announced by then and its ``uncertain`` those possibly announced by then; co-investors
        who shared only such rounds are in ``possibly``. Results without *as_of* are kept like
        [`portfolio`][aiecosys.portfolio]'s.
        """
        check.date(as_of, "as_of")
        return _network.co_investors(self._index, self.investor(investor).id, as_of)

    def roles_of(self, person: str | Person, *, as_of: DateLike | None = None) -> AsOf[Role]:
        """Return a person's roles, in the order recorded.

        With *as_of*, the roles surely held on that day, and in ``possibly`` those the dates cannot
        settle (see [`Role.held_on`][aiecosys.Role.held_on]: a role is held from its start through
        its end; an unknown start may be any day; a role with no end is held still).

        Examples:
            >>> import aiecosys
            >>> roles = aiecosys.load().roles_of("Eiso Kant", as_of="2023-11-30")
            >>> [r.title for r in roles], [r.title for r in roles.possibly]
            ([], ['Co-founder and CTO'])
        """
        check.date(as_of, "as_of")
        return _timeline.roles_at(self.person(person).roles, as_of)

    def find_rounds(
        self,
        *,
        company: str | Company | None = None,
        investor: str | Investor | None = None,
        stage: Stage | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> AsOf[Round]:
        """Return the rounds that match every filter given, in announcement order.

        *since* and *until* bound the announced date by the one rule of
        [`PartialDate.timing`][aiecosys.PartialDate.timing]: *since* stands for its first day,
        *until* for its last. The result (an [`AsOf`][aiecosys.AsOf], read as the sure rounds) holds
        the rounds whose whole announced interval lies in the range; ``possibly`` holds those whose
        interval straddles a bound (a round announced "2023-12" is possibly announced by 15 December
        2023), so that no round is dropped silently. ``as_of`` is *until*, or ``None``.

        Examples:
            >>> import aiecosys
            >>> found = aiecosys.load().find_rounds(company="Mistral AI", until="2023-12-15")
            >>> [str(r.announced) for r in found], [str(r.announced) for r in found.possibly]
            (['2023-06-13'], ['2023-12'])
        """
        check.date(since, "since")
        check.date(until, "until")
        return _timeline.find_rounds(
            self._index,
            company=None if company is None else self.company(company).id,
            investor=None if investor is None else self.investor(investor).id,
            stage=None if stage is None else check.choice(stage, Stage, "stage"),
            since=since,
            until=until,
        )

    def priced_rounds(
        self,
        *,
        currency: str = "USD",
        company: str | Company | None = None,
        investor: str | Investor | None = None,
        stage: Stage | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> tuple[PricedRound, ...]:
        """Return `find_rounds`' rounds, each with its amount converted to *currency*.

        Each amount is converted at the ECB rate of its round's announced date (see
        [`aiecosys.convert`][aiecosys.convert]); an undisclosed amount stays unknown (``conversion``
        is ``None``).

        Examples:
            >>> import aiecosys
            >>> first = aiecosys.load().priced_rounds(currency="USD", company="Mistral AI")[0]
            >>> print(first.round.amount, "->", first.converted)
            EUR 105,000,000 -> USD 113,326,500.00
        """
        from aiecosys._fx import convert  # noqa: PLC0415 - FX tables load on first use
        from aiecosys._reports import PricedRound  # noqa: PLC0415 - rarely needed

        check.currency(currency)
        found = self.find_rounds(
            company=company, investor=investor, stage=stage, since=since, until=until
        )
        return tuple(
            PricedRound(
                round=r,
                conversion=None
                if r.amount is None
                else convert(r.amount, currency, on=r.announced),
            )
            for r in found
        )

    def profile(
        self, company: str | Company, *, currency: str = "USD", as_of: DateLike | None = None
    ) -> CompanyProfile:
        """Return a company's profile: founders, rounds, funding, investors and claims.

        Rounds, investors and the total are as of *as_of* (see [`rounds_of`][aiecosys.rounds_of]),
        amounts converted to *currency* (see [`funding_breakdown`][aiecosys.funding_breakdown]).

        Examples:
            >>> import aiecosys
            >>> mistral = aiecosys.load().profile("Mistral AI", currency="EUR", as_of="2023-12-15")
            >>> print(mistral.total)
            EUR ≥ 105,000,000 (1 round possibly announced by 2023-12-15: EUR 385,000,000)
        """
        from aiecosys._reports import profile  # noqa: PLC0415 - rarely needed

        return profile(self, company, currency=currency, as_of=as_of)

    def investor_profile(
        self, investor: str | Investor, *, as_of: DateLike | None = None
    ) -> InvestorProfile:
        """Return an investor's portfolio and co-investors as of *as_of*.

        See [`portfolio`][aiecosys.portfolio].

        Examples:
            >>> import aiecosys
            >>> lsvp = aiecosys.load().investor_profile("Lightspeed Venture Partners")
            >>> "Mistral AI" in [c.name for c in lsvp.portfolio]
            True
        """
        from aiecosys._reports import investor_profile  # noqa: PLC0415 - rarely needed

        return investor_profile(self, investor, as_of=as_of)

    def person_profile(
        self, person: str | Person, *, as_of: DateLike | None = None
    ) -> PersonProfile:
        """Return a person's roles held on *as_of* (see `roles_of`) and the claims about them.

        Examples:
            >>> import aiecosys
            >>> mensch = aiecosys.load().person_profile("Arthur Mensch")
            >>> "Researcher" in [r.title for r in mensch.roles]
            True
        """
        from aiecosys._reports import person_profile  # noqa: PLC0415 - rarely needed

        return person_profile(self, person, as_of=as_of)

    def citations(self, source: str | Source) -> Citations:
        """Return a source and every record and claim that cites it (a `Citations`).

        Examples:
            >>> import aiecosys
            >>> eco = aiecosys.load()
            >>> cited = eco.citations(eco.rounds_of("Mistral AI")[0].sources[0])
            >>> "round:mistral-ai-seed" in [r.id for r in cited.records]
            True
        """
        from aiecosys._reports import citations  # noqa: PLC0415 - rarely needed

        return citations(self, source)

    def label(self, record: Record | str) -> str:
        """Name a record (or the record with that id) for people.

        Companies, investors and people by name; a round as company, stage and date; a
        source as publisher and title; a claim as its subject's label and the field.

        Examples:
            >>> import aiecosys
            >>> aiecosys.load().label("round:mistral-ai-seed")
            'Mistral AI · Seed · 2023-06-13'
        """
        from aiecosys._reports import label  # noqa: PLC0415 - rarely needed

        check.key(record, Record, "record")
        return label(self, record)

    def claims_about(
        self, entity: str | Record, *, verdict: Verdict | str | None = None
    ) -> tuple[Claim, ...]:
        """Return the claims about a record (by record, id or name), by id.

        A name may match a company, an investor and a person at once (an investor that is a
        company, say): the claims about each are returned. The claims about a company include
        those about its rounds.
        """
        return _claims.claims_about(self._index, entity, verdict)

    def find_claims(self, *, verdict: Verdict | str | None = None) -> tuple[Claim, ...]:
        """Return every claim, or those with *verdict*, by id."""
        return _claims.with_verdict(self.claims, verdict)

    def summary(
        self, *, currency: str = "USD", top: int = 5, as_of: DateLike | None = None
    ) -> Summary:
        """Return an overview of the ecosystem, as of *as_of* if given.

        The overview holds the counts of records; the *top* companies by the amount they surely
        raised in *currency* (a lower bound where rounds are undisclosed or possibly announced by
        *as_of*: each [`CompanyTotal`][aiecosys.CompanyTotal] says so); the companies with rounds
        but no surely known amount, in ``unranked``; the *top* investors by rounds joined, then
        leads, then name; and every contradicted claim.
        """
        from aiecosys._summary import summary  # noqa: PLC0415 - a report, rarely asked

        check.currency(currency)
        check.count(top, "top")
        check.date(as_of, "as_of")
        return summary(self, self._index, currency=currency, top=top, as_of=as_of)

    # New ecosystems from this one --------------------------------------------------------------

    def merge(self, other: Ecosystem, *, conflicts: Conflicts | str = "error") -> Ecosystem:
        """Return a new ecosystem holding the records of this one and of *other*.

        Records with the same id must be equal; by default each difference is listed in a
        [`DataError`][aiecosys.DataError] (``conflicts="error"``). ``conflicts="keep"`` keeps this
        ecosystem's record, ``"replace"`` takes *other*'s. The result is checked like any
        ecosystem, and keeps the data version only where both share it.

        Examples:
            >>> import aiecosys
            >>> mine = aiecosys.loads('{"format": "aiecosys/1", "companies": '
            ...                       '[{"id": "company:acme", "name": "Acme AI"}]}')
            >>> both = aiecosys.load().merge(mine)
            >>> both.company("Acme AI").id, len(both.companies) - len(aiecosys.load().companies)
            ('company:acme', 1)
        """
        from aiecosys._combine import Conflicts, merge  # noqa: PLC0415 - rarely needed

        if not isinstance(other, Ecosystem):
            kind = type(other).__name__
            raise ArgumentTypeError("other", f"must be an Ecosystem (got {kind})")
        check.choice(conflicts, Conflicts, "conflicts")
        return merge(self, other, conflicts=conflicts)

    def with_records(self, *records: Record, replace: bool = False) -> Ecosystem:
        """Return a new ecosystem with *records* added (any kind, in any order).

        A record whose id is taken is an error, unless it is equal to the one there or
        *replace* is true; the result is checked like any ecosystem, so a round may name a
        company added in the same call.

        Examples:
            >>> import aiecosys
            >>> from aiecosys import Money, PartialDate, Round, Stage
            >>> eco = aiecosys.load()
            >>> mine = eco.with_records(Round(
            ...     id="round:mistral-ai-my-note", company="company:mistral-ai",
            ...     stage=Stage.DEBT, announced=PartialDate.parse("2025-01"),
            ...     amount=Money(amount=1_000_000, currency="EUR")))
            >>> len(mine.rounds) - len(eco.rounds)
            1
        """
        from aiecosys._combine import with_records  # noqa: PLC0415 - rarely needed

        check.flag(replace, "replace")
        return with_records(self, records, replace=replace)

    def subset(
        self,
        *,
        companies: Iterable[str | Company] | str | Company | None = None,
        investors: Iterable[str | Investor] | str | Investor | None = None,
        countries: Iterable[str] | str | None = None,
        stages: Iterable[Stage | str] | Stage | str | None = None,
        kinds: Iterable[CompanyKind | str] | CompanyKind | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> Ecosystem:
        """Return a smaller, valid ecosystem: what passes every filter given, and what it cites.

        *companies* and *investors* are names, ids or records; *countries* ISO 3166 codes; *stages*
        and *kinds* values of [`Stage`][aiecosys.Stage] and [`CompanyKind`][aiecosys.CompanyKind];
        each takes one value or several. A round is kept when it passes every filter (its company's
        country and kind included; *since* and *until* as in
        [`find_rounds`][aiecosys.Ecosystem.find_rounds], whose sure rounds only are kept). A company
        is kept when it has a kept round or, if no round filter (*investors*, *stages*, *since*,
        *until*) is given, when it passes the company filters. Then every record the kept ones refer
        to (investors, people, parents, sources) and the claims about them are kept too, so the
        subset is a valid ecosystem of its own. With no filter at all, the ecosystem itself is
        returned.

        Examples:
            >>> import aiecosys
            >>> french = aiecosys.load().subset(countries="FR", stages=["seed", "series_a"])
            >>> sorted({(french.company(r.company).country, r.stage.value) for r in french.rounds
            ...         if r.company == "company:mistral-ai"})
            [('FR', 'seed'), ('FR', 'series_a')]
            >>> len(french.rounds) < len(aiecosys.load().rounds)
            True
        """
        from aiecosys._subset import subset  # noqa: PLC0415 - rarely needed

        check.one_or_many(companies, "companies", (str, Company), self.company)
        check.one_or_many(investors, "investors", (str, Investor), self.investor)
        check.one_or_many(countries, "countries", str, check.country)
        check.one_or_many(
            stages, "stages", (str, Stage), lambda s: check.choice(s, Stage, "stages")
        )
        check.one_or_many(
            kinds, "kinds", (str, CompanyKind), lambda k: check.choice(k, CompanyKind, "kinds")
        )
        check.date(since, "since")
        check.date(until, "until")
        return subset(
            self,
            companies=companies,
            investors=investors,
            countries=countries,
            stages=stages,
            kinds=kinds,
            since=since,
            until=until,
        )

    @overload
    def find_records(
        self, kind: Literal["companies"], **filters: Unpack[RecordFilters]
    ) -> tuple[Company, ...]: ...
    @overload
    def find_records(
        self, kind: Literal["investors"], **filters: Unpack[RecordFilters]
    ) -> tuple[Investor, ...]: ...
    @overload
    def find_records(
        self, kind: Literal["people"], **filters: Unpack[RecordFilters]
    ) -> tuple[Person, ...]: ...
    @overload
    def find_records(
        self, kind: Literal["rounds"], **filters: Unpack[RecordFilters]
    ) -> tuple[Round, ...]: ...
    @overload
    def find_records(self, kind: str, **filters: Unpack[RecordFilters]) -> tuple[Record, ...]: ...
    def find_records(self, kind: str, **filters: Unpack[RecordFilters]) -> tuple[Record, ...]:
        """Return the ``companies``, ``investors``, ``people`` or ``rounds`` the filters select.

        The filters (*companies*, *investors*, *countries*, *stages*, *kinds*, *since*, *until*) are
        [`subset`][aiecosys.Ecosystem.subset]'s and select the same rounds and companies, without
        the records those cite: ``rounds`` in announcement order; ``companies`` by id; ``investors``
        in the selected rounds, by id; ``people`` who founded or hold a role at a selected company,
        by id. With no filter, the whole collection (rounds in announcement order).

        Raises:
            DataError: *kind* is not one of the four, or a filter value is invalid.
            NotFound: a company or investor named in a filter does not exist.

        Examples:
            >>> import aiecosys
            >>> french = aiecosys.load().find_records("companies", countries="FR")
            >>> "Mistral AI" in [c.name for c in french]
            True
        """
        from aiecosys._subset import find_records  # noqa: PLC0415 - rarely needed

        return find_records(self, kind, **filters)

    def coverage(self) -> Coverage:
        """Return how complete and how well sourced the ecosystem is (a `Coverage`).

        Examples:
            >>> import aiecosys
            >>> aiecosys.load().coverage().facts_without_source
            0
        """
        from aiecosys._coverage import coverage_of  # noqa: PLC0415 - a report, rarely asked

        return coverage_of(self)


def _rebuild(version: str | None, *collections: tuple[Any, ...]) -> Ecosystem:
    records = dict(zip((name for name, _ in COLLECTIONS), collections, strict=True))
    return Ecosystem(version=version, **records)
