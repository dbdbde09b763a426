"""Hypothesis strategies for aiecosys types, for testing code that uses aiecosys.

Install with ``pip install aiecosys[hypothesis]``. Every strategy builds valid values;
[`ecosystems`][aiecosys.strategies.ecosystems] builds whole ecosystems whose references all resolve,
with several currencies, partial dates, undisclosed amounts and investors shared between rounds, so
that co-investment actually occurs.

The values include the hard cases: amounts with up to 18 decimal places and at the edges of
their bounds, names and ids from the whole range of characters the text rules allow (every
script, symbol and space), dates at year, month and day precision mixed.

Examples:
    >>> from hypothesis import given
    >>> from aiecosys import strategies as aist
    >>> @given(aist.ecosystems())
    ... def test_totals_are_never_negative(eco):
    ...     for company in eco.companies:
    ...         known = eco.total_raised(company, currency="EUR").known
    ...         assert known is None or known.amount >= 0
    >>> test_totals_are_never_negative()
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from aiecosys._checks import ID, NAME
from aiecosys._dates import PartialDate, Precision
from aiecosys._ecosystem import Ecosystem
from aiecosys._model import (
    MAX_ROUND_AMOUNT,
    MAX_VALUATION,
    Claim,
    Company,
    CompanyKind,
    Investment,
    Investor,
    InvestorKind,
    Person,
    Reliability,
    Role,
    Round,
    Source,
    Stage,
    Valuation,
    ValuationBasis,
    Verdict,
)
from aiecosys._money import MAX_INTEGER_DIGITS, MAX_PLACES, Money, exact
from aiecosys._names import normalise

__all__ = [
    "ECB_CURRENCIES",
    "amounts",
    "claims",
    "companies",
    "ecosystems",
    "investors",
    "money",
    "names",
    "partial_dates",
    "people",
    "record_ids",
    "rounds",
    "sources",
]

ECB_CURRENCIES: tuple[str, ...] = ("EUR", "USD", "GBP", "JPY", "CHF")
"""Currencies with an ECB reference rate on every business day since 1999."""

_LETTERS = st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FF)


def _characters(categories: frozenset[str]) -> st.SearchStrategy[str]:
    # The categories come from the rule the validators apply (aiecosys._checks): what is
    # drawn is exactly what a record accepts, from the whole of Unicode.
    return st.characters(categories=sorted(categories))  # type: ignore[arg-type]


def names(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Names of one to three words joined by single spaces.

    Words are plain letters and digits (some accented), or any characters the name rule
    allows: letters of every script, marks, digits, punctuation, symbols and spaces.
    """
    plain = st.text(_LETTERS, min_size=1, max_size=8)
    wide = st.text(_characters(NAME.categories - {"Zs"}), min_size=1, max_size=8)
    word = plain | wide | st.builds("".join, st.lists(plain | wide, min_size=2, max_size=2))
    return (
        st.lists(word, min_size=1, max_size=3)
        .map(" ".join)
        .filter(lambda n: len(n) <= max_size and NAME.problem(n) is None)
    )


def record_ids(prefix: str) -> st.SearchStrategy[str]:
    """Ids such as ``company:a1b2``, some of them with any characters the id rule allows."""
    plain = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
    wide = st.text(_characters(ID.categories), min_size=1, max_size=12)
    return (plain | wide).map(lambda s: f"{prefix}:{s}").filter(lambda i: ID.problem(i) is None)


def _below(bound: int) -> Decimal:
    """The largest amount below *bound* (written out: the default context would round it)."""
    return Decimal(f"{bound - 1}.{'9' * MAX_PLACES}")


_LARGEST = _below(10**MAX_INTEGER_DIGITS)
_LARGEST_ROUND = _below(MAX_ROUND_AMOUNT)


def amounts(
    *,
    min_amount: Decimal | int = Decimal("1E-18"),
    max_amount: Decimal | int = _LARGEST,
    max_places: int = MAX_PLACES,
) -> st.SearchStrategy[Decimal]:
    """Exact amounts from *min_amount* to *max_amount*, with 0 to *max_places* decimals.

    The bounds themselves and the amounts one smallest step inside them are drawn often, so
    that code meets the largest and the most precise amounts a ``Money`` can hold.
    """
    low, high = Decimal(min_amount), Decimal(max_amount)

    def with_places(places: int) -> st.SearchStrategy[Decimal]:
        step = Decimal(1).scaleb(-places)
        with exact():
            # The bounds rounded inwards to this many places, and one step inside each.
            first = low.quantize(step, rounding=ROUND_CEILING)
            last = high.quantize(step, rounding=ROUND_FLOOR)
            if first > last:
                return st.nothing()
            edges = sorted({first, last, min(first + step, last), max(last - step, first)})
        between = st.decimals(
            min_value=first, max_value=last, places=places, allow_nan=False, allow_infinity=False
        )
        return st.sampled_from(edges) | between

    return st.integers(0, max_places).flatmap(with_places).filter(lambda a: low <= a <= high)


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int = 2000,
    max_year: int = 2024,
    precisions: Sequence[Precision] = tuple(Precision),
) -> PartialDate:
    """Dates at year, month or day precision between *min_year* and *max_year*."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(precisions))
    if precision is Precision.YEAR:
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year=year, month=month, day=day)


def money(
    *,
    currencies: Sequence[str] = ECB_CURRENCIES,
    min_amount: Decimal | int = Decimal("1E-18"),
    max_amount: Decimal | int = _LARGEST_ROUND,
    places: int = MAX_PLACES,
) -> st.SearchStrategy[Money]:
    """Money in one of *currencies*, with at most *places* decimals.

    See [`amounts`][aiecosys.strategies.amounts].

    The default range is that of a round's amount: more than 0 and less than 10**15.
    """
    return st.builds(
        lambda amount, currency: Money(amount=amount, currency=currency),
        amounts(min_amount=min_amount, max_amount=max_amount, max_places=places),
        st.sampled_from(currencies),
    )


def sources(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources with an https URL, a publication date and a reliability grade."""
    return st.builds(
        Source,
        id=record_ids("source") if ids is None else ids,
        title=names(),
        publisher=names(),
        url=st.sampled_from(["https://example.org/a", "https://example.com/b?x=1", None]),
        published=st.none() | partial_dates(),
        reliability=st.sampled_from(Reliability),
    )


def people(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """People with no roles (roles refer to organisations: see `ecosystems`)."""
    return st.builds(Person, id=record_ids("person") if ids is None else ids, name=names())


def companies(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Company]:
    """Companies with no parent and no founders (see `ecosystems` for linked ones)."""
    return st.builds(
        Company,
        id=record_ids("company") if ids is None else ids,
        name=names(),
        kind=st.sampled_from(CompanyKind),
        founded=st.none() | partial_dates(min_year=1900, max_year=1999),
        country=st.none() | st.sampled_from(["US", "FR", "CN", "GB", "DE"]),
    )


def investors(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Investor]:
    """Investors of the kinds that need no other record: firms and government bodies."""
    return st.builds(
        Investor,
        id=record_ids("investor") if ids is None else ids,
        name=names(),
        kind=st.sampled_from([InvestorKind.FIRM, InvestorKind.GOVERNMENT]),
    )


@st.composite
def rounds(
    draw: st.DrawFn,
    *,
    company: str = "company:c",
    investor_ids: Sequence[str] = (),
    currencies: Sequence[str] = ECB_CURRENCIES,
    ids: st.SearchStrategy[str] | None = None,
    source_ids: Sequence[str] = (),
) -> Round:
    """A round of *company*, with some of *investor_ids* (some of them leads).

    A valuation is drawn only when *source_ids* are given, since a valuation cites its sources.
    """
    chosen = (
        draw(st.lists(st.sampled_from(investor_ids), unique=True, max_size=5))
        if (investor_ids)
        else []
    )
    investments = tuple(Investment(investor=i, lead=draw(st.booleans())) for i in chosen)
    amount = draw(st.none() | money(currencies=currencies))
    valuation = None
    valued: bool = draw(st.booleans())
    if source_ids and valued:
        floor = 1 if amount is None else amount.amount
        value = draw(amounts(min_amount=floor, max_amount=MAX_VALUATION - 1, max_places=2))
        valuation = Valuation(
            amount=Money(amount=value, currency=amount.currency if amount else "USD"),
            basis=draw(st.sampled_from(ValuationBasis)),
            reported=draw(st.booleans()),
            sources=tuple(
                draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2, unique=True))
            ),
        )
    return Round(
        id=draw(record_ids("round") if ids is None else ids),
        company=company,
        stage=draw(st.sampled_from(Stage)),
        announced=draw(partial_dates()),
        amount=amount,
        valuation=valuation,
        investments=investments,
    )


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    subject_ids: Sequence[str],
    source_ids: Sequence[str],
    ids: st.SearchStrategy[str] | None = None,
) -> Claim:
    """A claim about one of *subject_ids*, made and judged by some of *source_ids*."""
    verdict = draw(st.sampled_from(Verdict))
    decided = verdict is not Verdict.UNVERIFIED
    evidence = draw(st.lists(st.sampled_from(source_ids), unique=True, min_size=1, max_size=3))
    return Claim(
        id=draw(record_ids("claim") if ids is None else ids),
        subject=draw(st.sampled_from(subject_ids)),
        field=draw(st.sampled_from(["founded", "amount", "lead", "roles"])),
        statement=draw(names(max_size=60)),
        source=draw(st.sampled_from(source_ids)),
        verdict=verdict,
        evidence=tuple(evidence) if decided or draw(st.booleans()) else (),
    )


def _unique_names(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(names(), min_size=count, max_size=count, unique_by=normalise)


@st.composite
def ecosystems(
    draw: st.DrawFn,
    *,
    max_companies: int = 4,
    max_investors: int = 6,
    max_people: int = 3,
    max_rounds: int = 10,
    max_sources: int = 3,
    currencies: Sequence[str] = ECB_CURRENCIES,
) -> Ecosystem:
    """Whole ecosystems whose every reference resolves.

    Names are unique within each kind of record (so each name finds its record); companies
    are founded before 2000 and rounds announced from 2000 on, so no round precedes its
    company; investors are drawn from a small pool, so that they meet in rounds.
    """
    n_sources = draw(st.integers(0, max_sources))
    source_ids = [f"source:s{i}" for i in range(n_sources)]
    cite = (
        st.lists(st.sampled_from(source_ids), unique=True, max_size=2).map(tuple)
        if (source_ids)
        else st.just(())
    )
    source_records = [draw(sources(ids=st.just(i))) for i in source_ids]

    n_companies = draw(st.integers(1, max_companies))
    company_ids = [f"company:c{i}" for i in range(n_companies)]
    n_people = draw(st.integers(0, max_people))
    person_ids = [f"person:p{i}" for i in range(n_people)]
    n_investors = draw(st.integers(1, max_investors))
    investor_ids = [f"investor:i{i}" for i in range(n_investors)]

    company_records = []
    for i, name in zip(company_ids, draw(_unique_names(n_companies)), strict=True):
        base = draw(companies(ids=st.just(i)))
        founders = (
            draw(st.lists(st.sampled_from(person_ids), unique=True, max_size=2))
            if (person_ids)
            else []
        )
        company_records.append(
            Company(
                id=i,
                name=name,
                kind=base.kind,
                founded=base.founded,
                country=base.country,
                founders=tuple(founders),
                sources=draw(cite),
            )
        )

    people_records = []
    for i, name in zip(person_ids, draw(_unique_names(n_people)), strict=True):
        organisation = draw(st.sampled_from(company_ids + investor_ids))
        roles = (
            (
                Role(
                    organisation=organisation,
                    title="Partner",
                    start=draw(st.none() | partial_dates()),
                ),
            )
            if draw(st.booleans())
            else ()
        )
        people_records.append(Person(id=i, name=name, roles=roles, sources=draw(cite)))

    investor_records = [
        _investor(draw, i, name, company_ids, person_ids, draw(cite))
        for i, name in zip(investor_ids, draw(_unique_names(n_investors)), strict=True)
    ]

    n_rounds = draw(st.integers(0, max_rounds))
    round_records = []
    for r in range(n_rounds):
        drawn = draw(
            rounds(
                company=draw(st.sampled_from(company_ids)),
                investor_ids=investor_ids,
                currencies=currencies,
                ids=st.just(f"round:r{r}"),
                source_ids=source_ids,
            )
        )
        round_records.append(attrs.evolve(drawn, sources=draw(cite)))

    claim_records: list[Claim] = []
    if source_ids:
        subjects = company_ids + investor_ids + person_ids + [r.id for r in round_records]
        n_claims = draw(st.integers(0, 3))
        claim_records = [
            draw(claims(subject_ids=subjects, source_ids=source_ids, ids=st.just(f"claim:k{k}")))
            for k in range(n_claims)
        ]

    return Ecosystem(
        sources=draw(st.permutations(source_records)),
        people=draw(st.permutations(people_records)),
        companies=draw(st.permutations(company_records)),
        investors=draw(st.permutations(investor_records)),
        rounds=draw(st.permutations(round_records)),
        claims=claim_records,
    )


def _investor(  # noqa: PLR0917 - a private helper of ecosystems()
    draw: st.DrawFn,
    investor_id: str,
    name: str,
    company_ids: Sequence[str],
    person_ids: Sequence[str],
    cited: tuple[str, ...],
) -> Investor:
    kinds = [
        InvestorKind.FIRM,
        InvestorKind.GOVERNMENT,
        InvestorKind.COMPANY,
        InvestorKind.CORPORATE_VENTURE,
    ]
    if person_ids:
        kinds.append(InvestorKind.PERSON)
    kind = draw(st.sampled_from(kinds))
    extra: dict[str, Any] = {}
    if kind in {InvestorKind.COMPANY, InvestorKind.CORPORATE_VENTURE}:
        extra["company"] = draw(st.sampled_from(company_ids))
    if kind is InvestorKind.PERSON:
        extra["person"] = draw(st.sampled_from(person_ids))
    return Investor(id=investor_id, name=name, kind=kind, sources=cited, **extra)
