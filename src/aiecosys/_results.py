"""What the queries return, beyond plain records.

Two rules shape every result here. Unknown is not zero: a total over rounds whose amount is
undisclosed is a lower bound and says so ([`CompanyTotal`][aiecosys.CompanyTotal]). A date known to
the month or year is not a day: against an ``as_of`` date, what surely holds and what possibly holds
are kept apart ([`AsOf`][aiecosys.AsOf], ``possibly`` fields), following
[`PartialDate.timing`][aiecosys.PartialDate.timing].
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Generic, TypeVar, overload

import attrs

from aiecosys._dates import PartialDate
from aiecosys._fx import Conversion
from aiecosys._model import Claim, Company, Investor, Round
from aiecosys._money import Money, exact_sum

__all__ = [
    "AsOf",
    "CoInvestor",
    "CompanyTotal",
    "FundedRound",
    "FundingBreakdown",
    "FundingBy",
    "FundingGroup",
    "InvestorActivity",
    "Summary",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class AsOf(Sequence[T], Generic[T]):
    """The answer of a query at a point in time: what surely holds, and what possibly does.

    It reads as the sequence of the sure items (``len``, indexing, iteration, ``in``), so
    ``list(result)`` never includes an uncertain item by accident; ``possibly`` is always there
    to look at, and ``complete`` says whether there is anything in it.

    Attributes:
        as_of: The point in time asked about, or ``None`` (then everything is sure).
        surely: The items whose dates place them surely on or before ``as_of``.
        possibly: The items that hold only if a date known to the month or year falls on the
            right side of ``as_of`` (its interval straddles it; see
            [`PartialDate.timing`][aiecosys.PartialDate.timing]). Empty without ``as_of``.

    Examples:
        >>> import aiecosys
        >>> found = aiecosys.load().rounds_of("Mistral AI", as_of="2023-12-15")
        >>> [str(r.announced) for r in found], [str(r.announced) for r in found.possibly]
        (['2023-06-13'], ['2023-12'])
    """

    as_of: PartialDate | None
    surely: Sequence[T]
    possibly: Sequence[T] = ()

    @property
    def complete(self) -> bool:
        """True when nothing is uncertain (``possibly`` is empty)."""
        return not self.possibly

    def __len__(self) -> int:
        """Count the sure items."""
        return len(self.surely)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        """Return a sure item, or a tuple of them for a slice."""
        if isinstance(index, slice):
            return tuple(self.surely[index])
        return self.surely[index]

    def __iter__(self) -> Iterator[T]:
        """Iterate over the sure items."""
        return iter(self.surely)


@attrs.frozen(kw_only=True)
class CoInvestor:
    """An investor who shared at least one round with another, and the rounds they shared.

    Attributes:
        investor: The co-investor.
        rounds: The shared rounds surely announced by the query's ``as_of``, in announcement
            order; ``len(rounds)`` is the strength of the tie.
        uncertain: Shared rounds whose date straddles ``as_of`` (empty without ``as_of``).
    """

    investor: Investor
    rounds: Sequence[Round]
    uncertain: Sequence[Round] = ()

    @property
    def shared(self) -> int:
        """How many rounds the two investors surely shared."""
        return len(self.rounds)


@attrs.frozen(kw_only=True)
class FundedRound:
    """A round with a disclosed amount, and that amount converted for a total.

    Attributes:
        round: The round.
        conversion: Its disclosed amount converted to the total's currency, with the rate used.
    """

    round: Round
    conversion: Conversion

    @property
    def original(self) -> Money:
        """The amount as announced."""
        return self.conversion.original

    @property
    def converted(self) -> Money:
        """The amount in the total's currency, at the rate of the round's date."""
        return self.conversion.converted


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@attrs.frozen(kw_only=True)
class CompanyTotal:
    """What a company raised, with what is unknown about it.

    ``str()`` reads ``EUR 490,000,000`` when complete, ``USD ≥ 1,234 (2 rounds undisclosed)``
    for a lower bound, ``USD unknown (1 round undisclosed)`` when nothing is known, and names
    rounds possibly announced by ``as_of`` with their amount. Returned by
    [`Ecosystem.total_raised`][aiecosys.Ecosystem.total_raised].

    Attributes:
        company: The company.
        currency: The currency of the total.
        as_of: The point in time asked about, or ``None``.
        known: The sum of the disclosed amounts of the rounds counted (surely announced by
            ``as_of``; secondary sales are never counted). Exact only when ``complete``,
            otherwise a lower bound; ``None`` when every counted round is undisclosed (the
            amount is unknown, never zero). Zero for a company with no counted round.
        rounds: How many rounds were counted.
        undisclosed: How many of them have no amount.
        uncertain: Rounds whose announced date straddles ``as_of``, so they may or may not count.
        uncertain_known: The sum of their disclosed amounts (``None`` when none is disclosed).
        uncertain_undisclosed: How many of them have no amount.
    """

    company: Company
    currency: str
    as_of: PartialDate | None = None
    known: Money | None
    rounds: int
    undisclosed: int = 0
    uncertain: int = 0
    uncertain_known: Money | None = None
    uncertain_undisclosed: int = 0

    @property
    def complete(self) -> bool:
        """True when ``known`` is the exact total: nothing undisclosed, no date uncertain."""
        return self.undisclosed == 0 and self.uncertain == 0

    @property
    def disclosed(self) -> int:
        """How many counted rounds have a disclosed amount."""
        return self.rounds - self.undisclosed

    @property
    def headline(self) -> str:
        """The amount alone: ``EUR 490,000,000``, ``USD ≥ 1,234`` or ``USD unknown``."""
        if self.known is None:
            return f"{self.currency} unknown"
        amount = str(self.known).removeprefix(f"{self.currency} ")
        return f"{self.currency} {'' if self.complete else '≥ '}{amount}"

    @property
    def notes(self) -> tuple[str, ...]:
        """What a reader must know to read ``known`` right, one phrase each.

        The reasons it is not exact (rounds undisclosed, rounds possibly announced by
        ``as_of``), or that no round counts at all (a zero that means "none recorded").
        """
        notes = []
        if self.rounds == 0 and self.uncertain == 0:
            by = "" if self.as_of is None else f" by {self.as_of}"
            notes.append(f"no round recorded{by}")
        if self.undisclosed:
            notes.append(f"{_plural(self.undisclosed, 'round')} undisclosed")
        if self.uncertain:
            parts = []
            if self.uncertain_known is not None:
                parts.append(str(self.uncertain_known))
            if self.uncertain_undisclosed:
                parts.append(f"{self.uncertain_undisclosed} undisclosed")
            notes.append(
                f"{_plural(self.uncertain, 'round')} possibly announced by {self.as_of}: "
                + " + ".join(parts)
            )
        return tuple(notes)

    def __str__(self) -> str:
        """Render the headline, with the notes in brackets when the total is not exact."""
        notes = self.notes
        return f"{self.headline} ({'; '.join(notes)})" if notes else self.headline


@attrs.frozen(kw_only=True)
class FundingBreakdown:
    """How a company's total raised is made up.

    Rounds surely announced after ``as_of`` are not listed at all.

    Attributes:
        company: The company.
        currency: The currency of the total.
        as_of: The point in time asked about, or ``None``.
        rounds: The rounds counted, each with its original and converted amount.
        undisclosed: Rounds counted whose amount is not known (so the total is a lower bound).
        excluded: Rounds left out because the company raised nothing in them (secondary sales).
        possibly: The same breakdown over the rounds whose announced date straddles ``as_of``
            (they may or may not count; ``None`` inside that breakdown itself).
    """

    company: Company
    currency: str
    as_of: PartialDate | None
    rounds: tuple[FundedRound, ...]
    undisclosed: tuple[Round, ...]
    excluded: tuple[Round, ...]
    possibly: FundingBreakdown | None = None

    @property
    def total(self) -> CompanyTotal:
        """The total of the counted rounds, with what is undisclosed and uncertain."""
        maybe = self.possibly
        possible = () if maybe is None else maybe.rounds
        return company_total(
            self.company,
            self.currency,
            [f.conversion.converted.amount for f in self.rounds],
            len(self.undisclosed),
            as_of=self.as_of,
            uncertain=[f.conversion.converted.amount for f in possible],
            uncertain_undisclosed=0 if maybe is None else len(maybe.undisclosed),
        )


def company_total(
    company: Company,
    currency: str,
    counted: Sequence[Decimal],
    undisclosed: int,
    *,
    as_of: PartialDate | None = None,
    uncertain: Sequence[Decimal] = (),
    uncertain_undisclosed: int = 0,
) -> CompanyTotal:
    """The total of the disclosed amounts *counted* (in *currency*), with the *undisclosed*
    rounds counted too, and the *uncertain* ones apart: a ``CompanyTotal``.
    """  # noqa: D205 - one sentence
    disclosed = bool(counted) or not undisclosed
    return CompanyTotal(
        company=company,
        currency=currency,
        as_of=as_of,
        # Added exactly, whatever the caller's decimal context.
        known=Money(amount=exact_sum(counted), currency=currency) if disclosed else None,
        rounds=len(counted) + undisclosed,
        undisclosed=undisclosed,
        uncertain=len(uncertain) + uncertain_undisclosed,
        uncertain_known=Money(amount=exact_sum(uncertain), currency=currency)
        if uncertain
        else None,
        uncertain_undisclosed=uncertain_undisclosed,
    )


@attrs.frozen(kw_only=True)
class FundingGroup:
    """One group of `Ecosystem.funding_by`: what is known of the money raised in it.

    ``key`` identifies the group (``"2023"``, ``"2023-Q4"``, ``"FR"``, ``"seed"``, an investor
    or company id); ``label`` is what people read (``"2023 Q4"``, ``"Nvidia"``). ``known`` sums
    the disclosed amounts of the ``rounds`` surely in the group, each converted at the ECB rate
    of its own date; ``undisclosed`` of those rounds add nothing to it because their amount is
    not known, so it is then a lower bound, and ``None`` when no counted round has an amount
    (unknown, never zero). A group with no counted round (only uncertain ones) has ``known``
    zero. ``uncertain`` lists the rounds that may lie
    in the group but are not counted in it: their date does not say which group they fall in
    (a round known only as "2023", grouped by quarter), or whether they were public by the
    query's ``as_of``.
    """

    key: str
    label: str
    known: Money | None
    rounds: int
    undisclosed: int
    uncertain: tuple[Round, ...]

    @property
    def complete(self) -> bool:
        """Whether ``known`` is the whole story: no undisclosed amount, no uncertain round."""
        return self.undisclosed == 0 and not self.uncertain


@attrs.frozen(kw_only=True)
class FundingBy:
    """Funding grouped by one key (see `Ecosystem.funding_by`): one row per group."""

    key: str
    currency: str
    as_of: PartialDate | None
    rows: tuple[FundingGroup, ...]

    @property
    def complete(self) -> bool:
        """Whether every group's total is the whole story.

        See [`FundingGroup.complete`][aiecosys.FundingGroup.complete].
        """
        return all(row.complete for row in self.rows)

    @property
    def undisclosed(self) -> int:
        """How many counted rounds have no disclosed amount, summed over the groups.

        Grouped by investor, a round counts once in each of its investors' groups.
        """
        return sum(row.undisclosed for row in self.rows)

    @property
    def uncertain(self) -> tuple[Round, ...]:
        """Every round listed as uncertain in some group, once, in date order."""
        found = {r.id: r for row in self.rows for r in row.uncertain}
        return tuple(
            sorted(
                found.values(), key=lambda r: (r.announced.first_day, r.announced.last_day, r.id)
            )
        )


@attrs.frozen(kw_only=True)
class InvestorActivity:
    """An investor and how many rounds it took part in, and led.

    Attributes:
        investor: The investor.
        rounds: Rounds it took part in, surely announced by the summary's ``as_of``.
        leads: How many of those it led.
        uncertain: Rounds it took part in whose date straddles ``as_of``.
    """

    investor: Investor
    rounds: int
    leads: int
    uncertain: int = 0


@attrs.frozen(kw_only=True)
class Summary:
    """An overview of an ecosystem: counts, top companies and investors, contradicted claims.

    Returned by [`Ecosystem.summary`][aiecosys.Ecosystem.summary].

    Attributes:
        version: The dataset's version, if it has one.
        currency: The currency of the totals.
        counts: The size of each collection (``companies``, ``rounds``…).
        raised_most: The companies that surely raised most, best first.
        most_active: The investors in most rounds, most first.
        contradicted: Every claim the evidence contradicts, by id.
        as_of: The point in time asked about, or ``None``.
        unranked: Companies with rounds but no surely known amount (every counted round
            undisclosed, or only rounds possibly announced by ``as_of``), which a ranking by
            amount cannot place.
    """

    version: str | None
    currency: str
    counts: dict[str, int]
    raised_most: tuple[CompanyTotal, ...]
    most_active: tuple[InvestorActivity, ...]
    contradicted: tuple[Claim, ...]
    as_of: PartialDate | None = None
    unranked: tuple[CompanyTotal, ...] = ()
