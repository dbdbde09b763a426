"""``Ecosystem``: an immutable, checked and indexed set of records, and the queries on it."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, overload

import attrs

from aiecosys import _arguments as check
from aiecosys._checks import NAME
from aiecosys._dates import DateLike, PartialDate, Timing, as_day

if TYPE_CHECKING:
    from aiecosys._combine import Conflicts
    from aiecosys._coverage import Coverage
    from aiecosys._reports import (
        Citations,
        CompanyProfile,
        InvestorProfile,
        PersonProfile,
        PricedRound,
    )
    from aiecosys._subset import RecordFilters
from aiecosys._integrity import Records, problems
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
from aiecosys._names import NameIndex
from aiecosys._results import (
    AsOf,
    CoInvestor,
    CompanyTotal,
    FundedRound,
    FundingBreakdown,
    InvestorActivity,
    Summary,
)
from aiecosys.exceptions import (
    ArgumentTypeError,
    DataError,
    IncompleteTotal,
    NotFound,
    Problem,
)

__all__ = ["DateLike", "Ecosystem", "Record"]

T = TypeVar("T", bound=Record)
T2 = TypeVar("T2")
N = TypeVar("N", Company, Investor)
_REMEMBERED = 256  # per-investor query results kept by each ecosystem

_COLLECTIONS = COLLECTIONS


def _by_id(records: Iterable[T]) -> tuple[T, ...]:
    return tuple(sorted(records, key=lambda r: r.id))


def _round_order(r: Round) -> tuple[dt.date, dt.date, str]:
    return (r.announced.first_day, r.announced.last_day, r.id)


class Ecosystem:
    """An immutable set of companies, investors, people, rounds, sources and claims.

    Building one checks every record and every reference between records, and reports every
    problem at once in a [`DataError`][aiecosys.DataError]. Collections are tuples sorted by id,
    so two ecosystems built from the same records in any order are equal.

    Attributes:
        companies: Every company, sorted by id.
        investors: Every investor, sorted by id.
        people: Every person, sorted by id.
        rounds: Every funding round, sorted by id.
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

    __slots__ = (
        "_by_id",
        "_cache_lock",
        "_claims_by_subject",
        "_co_investors_cache",
        "_companies",
        "_investors",
        "_name_keys",
        "_people",
        "_portfolio_cache",
        "_rounds_by_company",
        "_rounds_by_investor",
        "claims",
        "companies",
        "investors",
        "people",
        "rounds",
        "sources",
        "version",
    )

    sources: tuple[Source, ...]
    people: tuple[Person, ...]
    companies: tuple[Company, ...]
    investors: tuple[Investor, ...]
    rounds: tuple[Round, ...]
    claims: tuple[Claim, ...]
    version: str | None
    _by_id: dict[str, Record]
    _companies: NameIndex[Company]
    _investors: NameIndex[Investor]
    _people: NameIndex[Person]
    _rounds_by_company: dict[str, tuple[Round, ...]]
    _rounds_by_investor: dict[str, tuple[Round, ...]]
    _claims_by_subject: dict[str, tuple[Claim, ...]]
    _name_keys: dict[str, tuple[str, str]]
    _co_investors_cache: OrderedDict[str, tuple[CoInvestor, ...]]
    _portfolio_cache: OrderedDict[str, tuple[Company, ...]]
    _cache_lock: threading.Lock

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
        found: list[Problem] = []
        lists: dict[str, tuple[Any, ...]] = {}
        for name, kind in _COLLECTIONS:
            if isinstance(given[name], str | bytes | dict) or not isinstance(given[name], Iterable):
                found.append(Problem(name, f"must be a sequence of {kind.__name__} records"))
                lists[name] = ()
                continue
            lists[name] = tuple(given[name])
            found.extend(
                Problem(f"{name}[{i}]", f"must be a {kind.__name__} (got {type(item).__name__})")
                for i, item in enumerate(lists[name])
                if not isinstance(item, kind)
            )
        if version is not None and (problem := NAME.problem(version)) is not None:
            found.append(Problem("version", problem))
        if not found:
            found = problems(Records(**lists))
        if found:
            raise DataError(found)

        set_ = object.__setattr__
        set_(self, "version", version)
        for name, _ in _COLLECTIONS:
            set_(self, name, _by_id(lists[name]))
        set_(self, "_by_id", {r.id: r for name, _ in _COLLECTIONS for r in lists[name]})
        set_(self, "_companies", NameIndex("company", self.companies))
        set_(self, "_investors", NameIndex("investor", self.investors))
        set_(self, "_people", NameIndex("person", self.people))
        # Sort keys by name, folded once when indexed rather than on every query.
        keys = {**self._companies.sort_keys, **self._investors.sort_keys}
        set_(self, "_name_keys", {**keys, **self._people.sort_keys})

        by_company: defaultdict[str, list[Round]] = defaultdict(list)
        by_investor: defaultdict[str, list[Round]] = defaultdict(list)
        for r in sorted(self.rounds, key=_round_order):
            by_company[r.company].append(r)
            for investor_id in r.investor_ids:
                by_investor[investor_id].append(r)
        set_(self, "_rounds_by_company", {k: tuple(v) for k, v in by_company.items()})
        set_(self, "_rounds_by_investor", {k: tuple(v) for k, v in by_investor.items()})
        by_subject: defaultdict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            by_subject[claim.subject].append(claim)
        set_(self, "_claims_by_subject", {k: tuple(v) for k, v in by_subject.items()})
        set_(self, "_co_investors_cache", OrderedDict())
        set_(self, "_portfolio_cache", OrderedDict())
        set_(self, "_cache_lock", threading.Lock())

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse: an ecosystem is immutable."""
        msg = "Ecosystem is immutable"
        raise AttributeError(msg)

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same records and version."""
        if not isinstance(other, Ecosystem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        """Hash by records and version."""
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the records; unpickling checks and indexes them again."""
        return (_rebuild, self._key())

    def _key(self) -> tuple[object, ...]:
        return (
            self.version,
            self.sources,
            self.people,
            self.companies,
            self.investors,
            self.rounds,
            self.claims,
        )

    def __repr__(self) -> str:
        """Summarise the counts."""

        def count(n: int, one: str, many: str) -> str:
            return f"{n} {one if n == 1 else many}"

        return (
            "<Ecosystem: "
            f"{count(len(self.companies), 'company', 'companies')}, "
            f"{count(len(self.investors), 'investor', 'investors')}, "
            f"{count(len(self.people), 'person', 'people')}, "
            f"{count(len(self.rounds), 'round', 'rounds')}, "
            f"{count(len(self.sources), 'source', 'sources')}, "
            f"{count(len(self.claims), 'claim', 'claims')}>"
        )

    # Lookups ---------------------------------------------------------------------------------

    def company(self, key: str | Company) -> Company:
        """Return the company with id, name or alias *key* (case- and accent-insensitive).

        Raises:
            NotFound: no company matches; ``suggestions`` holds the closest names.
            AmbiguousKey: the name belongs to several companies.
        """
        return self._companies.find(check.key(key, Company, "company"))

    def investor(self, key: str | Investor) -> Investor:
        """Return the investor with id, name or alias *key* (see [`company`][aiecosys.company])."""
        return self._investors.find(check.key(key, Investor, "investor"))

    def person(self, key: str | Person) -> Person:
        """Return the person with id, name or alias *key* (see [`company`][aiecosys.company])."""
        return self._people.find(check.key(key, Person, "person"))

    def _exact(self, kind: type[T], label: str, key: str | T) -> T:
        wanted = check.key(key, kind, label)
        record = self._by_id.get(wanted)
        if not isinstance(record, kind):
            ids = [r.id for r in self._by_id.values() if isinstance(r, kind)]
            raise NotFound(label, wanted, _close(wanted, ids))
        return record

    def round(self, key: str | Round) -> Round:
        """Return the round with id *key*."""
        return self._exact(Round, "round", key)

    def source(self, key: str | Source) -> Source:
        """Return the source with id *key*."""
        return self._exact(Source, "source", key)

    def claim(self, key: str | Claim) -> Claim:
        """Return the claim with id *key*."""
        return self._exact(Claim, "claim", key)

    def record(self, record_id: str) -> Record:
        """Return the record of any kind whose id is *record_id*."""
        record_id = check.key(record_id, str, "record_id")
        try:
            return self._by_id[record_id]
        except KeyError:
            raise NotFound("record", record_id, _close(record_id, self._by_id)) from None

    # Queries ---------------------------------------------------------------------------------
    # Every query that takes as_of places dates against it by one rule, PartialDate.timing:
    # what is surely announced by as_of counts, what straddles it is reported as "possibly".

    def rounds_of(self, company: str | Company, *, as_of: DateLike | None = None) -> AsOf[Round]:
        """Return the company's rounds in announcement order (first day, last day, id).

        With *as_of*, the result holds the rounds surely announced by then (their whole
        announced interval is on or before it: a round announced "2023-06" surely is by
        30 June 2023), and, in ``possibly``, the rounds whose interval straddles it (a round
        announced "2023-12" is possibly announced by 15 December 2023). A partial *as_of*
        stands for its last day ("2023" is 31 December 2023). See [`AsOf`][aiecosys.AsOf].
        """
        check.date(as_of, "as_of")
        found = self._rounds_by_company.get(self.company(company).id, ())
        return _split(found, as_of)

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
        when = None if as_of is None else PartialDate.of(as_of)
        possibly = _breakdown(found, currency, when, rounds.possibly)
        return _breakdown(found, currency, when, rounds.surely, possibly)

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

        def ids(found: Iterable[Round]) -> set[str]:
            return {i.investor for r in found for i in r.investments if i.lead or not lead_only}

        sure = ids(rounds.surely)
        return AsOf(
            as_of=rounds.as_of,
            surely=self._sorted(self._investors, sure),
            possibly=self._sorted(self._investors, ids(rounds.possibly) - sure),
        )

    def _sorted(self, index: NameIndex[N], ids: Iterable[str]) -> tuple[N, ...]:
        return tuple(index.by_id[i] for i in sorted(ids, key=self._name_keys.__getitem__))

    def portfolio(
        self, investor: str | Investor, *, as_of: DateLike | None = None
    ) -> AsOf[Company]:
        """Return the companies an investor put money into, by name.

        With *as_of*, companies it backed only in rounds possibly announced by then are in
        ``possibly``. Results without *as_of* are kept (for the 256 investors asked about
        last): the ecosystem never changes, so asking again is immediate.
        """
        check.date(as_of, "as_of")
        investor_id = self.investor(investor).id
        if as_of is None:
            found = self._remember(self._portfolio_cache, investor_id, self._portfolio)
            return AsOf(as_of=None, surely=found)
        rounds = _split(self._rounds_by_investor.get(investor_id, ()), as_of)
        sure = {r.company for r in rounds.surely}
        return AsOf(
            as_of=rounds.as_of,
            surely=self._sorted(self._companies, sure),
            possibly=self._sorted(self._companies, {r.company for r in rounds.possibly} - sure),
        )

    def _portfolio(self, investor_id: str) -> tuple[Company, ...]:
        return self._sorted(
            self._companies, {r.company for r in self._rounds_by_investor.get(investor_id, ())}
        )

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
        investor_id = self.investor(investor).id
        if as_of is None:
            found = self._remember(self._co_investors_cache, investor_id, self._co_investors)
            return AsOf(as_of=None, surely=found)
        rounds = _split(self._rounds_by_investor.get(investor_id, ()), as_of)
        sure = self._shared(investor_id, rounds.surely)
        maybe = self._shared(investor_id, rounds.possibly)  # ranked by uncertain rounds, name
        return AsOf(
            as_of=rounds.as_of,
            surely=tuple(
                attrs.evolve(c, uncertain=maybe[i].rounds if i in maybe else ())
                for i, c in sure.items()
            ),
            possibly=tuple(
                CoInvestor(investor=c.investor, rounds=(), uncertain=c.rounds)
                for i, c in maybe.items()
                if i not in sure
            ),
        )

    def _remember(self, cache: OrderedDict[str, T2], key: str, compute: Callable[[str], T2]) -> T2:
        """Return compute(key), kept in *cache* for the last _REMEMBERED keys asked.

        Threads share the caches, so every look and change is made under one lock; the value is
        computed outside it (two threads may compute the same one: both get equal results).
        """
        with self._cache_lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = compute(key)
        with self._cache_lock:
            cache[key] = value
            cache.move_to_end(key)
            while len(cache) > _REMEMBERED:
                cache.popitem(last=False)
        return value

    def _co_investors(self, me: str) -> tuple[CoInvestor, ...]:
        return tuple(self._shared(me, self._rounds_by_investor.get(me, ())).values())

    def _shared(self, me: str, rounds: Iterable[Round]) -> dict[str, CoInvestor]:
        """Map each co-investor of *me* in *rounds* to its tie, strongest first, then by name."""
        shared: defaultdict[str, list[Round]] = defaultdict(list)
        for r in rounds:
            for other in r.investor_ids:
                if other != me:
                    shared[other].append(r)
        found = [
            CoInvestor(investor=self._investors.by_id[i], rounds=tuple(rs))
            for i, rs in shared.items()
        ]
        keys = self._name_keys
        found.sort(key=lambda c: (-c.shared, *keys[c.investor.id]))
        return {c.investor.id: c for c in found}

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
        roles = self.person(person).roles
        if as_of is None:
            return AsOf(as_of=None, surely=roles)
        return AsOf(
            as_of=PartialDate.of(as_of),
            surely=tuple(r for r in roles if r.surely_held_on(as_of)),
            possibly=tuple(r for r in roles if r.held_on(as_of) and not r.surely_held_on(as_of)),
        )

    def find_rounds(
        self,
        *,
        company: str | Company | None = None,
        investor: str | Investor | None = None,
        stage: Stage | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> tuple[Round, ...]:
        """Return the rounds that match every filter given, in announcement order.

        *since* and *until* bound the announced date: a round matches when its interval
        lies within [first day of *since*, last day of *until*].
        """
        check.date(since, "since")
        check.date(until, "until")
        if company is not None:
            found = self.rounds_of(company).surely
        elif investor is not None:
            found = self._rounds_by_investor.get(self.investor(investor).id, ())
        else:
            found = tuple(sorted(self.rounds, key=_round_order))
        if investor is not None:
            wanted = self.investor(investor).id
            found = tuple(r for r in found if wanted in r.investor_ids)
        if stage is not None:
            stage = check.choice(stage, Stage, "stage")
            found = tuple(r for r in found if r.stage is stage)
        if since is not None:
            start = as_day(since, end=False)
            found = tuple(r for r in found if r.announced.first_day >= start)
        if until is not None:
            end = as_day(until)
            found = tuple(r for r in found if r.announced.last_day <= end)
        return found

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
        check.currency(currency)
        from aiecosys._reports import PricedRound  # noqa: PLC0415 - rarely needed

        found = self.find_rounds(
            company=company, investor=investor, stage=stage, since=since, until=until
        )
        return tuple(
            PricedRound(
                round=r,
                conversion=None if r.amount is None else r.amount.convert(currency, on=r.announced),
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
        ids = self._subject_ids(entity)
        found = [c for i in sorted(ids) for c in self._claims_by_subject.get(i, ())]
        return self._filter_claims(found, verdict)

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
        check.currency(currency)
        check.count(top, "top")
        check.date(as_of, "as_of")
        ranked: list[CompanyTotal] = []
        unranked: list[CompanyTotal] = []
        for company in self.companies:
            total = self.total_raised(company, currency=currency, as_of=as_of)
            if total.disclosed:
                ranked.append(total)
            elif total.rounds or total.uncertain:
                unranked.append(total)
        keys = self._name_keys
        # Two stable sorts, not a negated amount: negating a Decimal rounds it in the caller's
        # decimal context, which must never change an answer.
        ranked.sort(key=lambda t: keys[t.company.id])
        ranked.sort(key=lambda t: t.known.amount if t.known else 0, reverse=True)
        activity = []
        for investor in self.investors:
            rounds = _split(self._rounds_by_investor.get(investor.id, ()), as_of)
            if rounds.surely or rounds.possibly:
                activity.append(
                    InvestorActivity(
                        investor=investor,
                        rounds=len(rounds.surely),
                        leads=sum(investor.id in r.leads for r in rounds.surely),
                        uncertain=len(rounds.possibly),
                    )
                )
        activity.sort(key=lambda a: (-a.rounds, -a.leads, *keys[a.investor.id]))
        counts = {name: len(getattr(self, name)) for name, _ in _COLLECTIONS}
        return Summary(
            version=self.version,
            currency=currency,
            as_of=None if as_of is None else PartialDate.of(as_of),
            counts=counts,
            raised_most=tuple(ranked[:top]),
            unranked=tuple(unranked),
            most_active=tuple(activity[:top]),
            contradicted=self.find_claims(verdict=Verdict.CONTRADICTED),
        )

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
        [`find_rounds`][aiecosys.Ecosystem.find_rounds]). A company is kept when it has a kept round
        or, if no round filter (*investors*, *stages*, *since*, *until*) is given, when it passes
        the company filters. Then every record the kept ones refer to (investors, people, parents,
        sources) and the claims about them are kept too, so the subset is a valid ecosystem of its
        own. With no filter at all, the ecosystem itself is returned.

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

    def find_claims(self, *, verdict: Verdict | str | None = None) -> tuple[Claim, ...]:
        """Return every claim, or those with *verdict*, by id."""
        return self._filter_claims(self.claims, verdict)

    @staticmethod
    def _filter_claims(claims: Iterable[Claim], verdict: Verdict | str | None) -> tuple[Claim, ...]:
        if verdict is not None:
            wanted = check.choice(verdict, Verdict, "verdict")
            claims = (c for c in claims if c.verdict is wanted)
        return tuple(sorted(claims, key=lambda c: c.id))

    def _subject_ids(self, entity: str | Record) -> set[str]:
        ids: set[str] = set()
        if not isinstance(entity, str):
            ids.add(check.key(entity, Record, "entity"))
        elif entity in self._by_id:
            ids.add(entity)
        else:
            indexes: tuple[NameIndex[Any], ...] = (self._companies, self._investors, self._people)
            for index in indexes:
                record = index.get(entity)
                if record is not None:
                    ids.add(record.id)
        if not ids:
            names = [r.name for r in self.companies] + [r.name for r in self.investors]
            names += [r.name for r in self.people]
            raise NotFound("record", str(entity), _close(str(entity), names))
        companies = [i for i in ids if isinstance(self._by_id.get(i), Company)]
        ids.update(r.id for i in companies for r in self._rounds_by_company.get(i, ()))
        return ids


def _split(rounds: tuple[Round, ...], as_of: DateLike | None) -> AsOf[Round]:
    """Split rounds by the one rule: surely announced by *as_of*, possibly, or surely not."""
    if as_of is None:
        return AsOf(as_of=None, surely=rounds)
    day = as_day(as_of)
    sure: list[Round] = []
    maybe: list[Round] = []
    for r in rounds:
        timing = r.announced.timing(day)
        if timing is Timing.BEFORE:
            sure.append(r)
        elif timing is Timing.UNCERTAIN:
            maybe.append(r)
    return AsOf(as_of=PartialDate.of(as_of), surely=tuple(sure), possibly=tuple(maybe))


def _breakdown(
    company: Company,
    currency: str,
    as_of: PartialDate | None,
    rounds: Iterable[Round],
    possibly: FundingBreakdown | None = None,
) -> FundingBreakdown:
    funded: list[FundedRound] = []
    undisclosed: list[Round] = []
    excluded: list[Round] = []
    for r in rounds:
        if r.stage is Stage.SECONDARY:
            excluded.append(r)
        elif r.amount is None:
            undisclosed.append(r)
        else:
            funded.append(
                FundedRound(round=r, conversion=r.amount.convert(currency, on=r.announced))
            )
    return FundingBreakdown(
        company=company,
        currency=currency,
        as_of=as_of,
        rounds=tuple(funded),
        undisclosed=tuple(undisclosed),
        excluded=tuple(excluded),
        possibly=possibly,
    )


def _rebuild(version: str | None, *collections: tuple[Any, ...]) -> Ecosystem:
    records = dict(zip((name for name, _ in _COLLECTIONS), collections, strict=True))
    return Ecosystem(version=version, **records)


def _close(key: str, candidates: Iterable[str]) -> list[str]:
    import difflib  # noqa: PLC0415 - only on the error path

    return difflib.get_close_matches(key, list(candidates), n=3, cutoff=0.6)
