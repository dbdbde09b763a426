"""The rounds as integer columns: what the indexes and the rounds' own checks read.

Made once, when an ecosystem is built, from its rounds sorted by id (records, or rows read in
bulk) and its companies and investors, sorted by id too: each round's company as a number
(its place among the companies), the rank of its date, its place in announcement order; each
investment's round and investor as numbers. The ids are looked up here once, so that no later
step looks up a string per round. Lists for a small ecosystem; numpy arrays from ``LARGE``
rounds on (numpy is imported then only).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from operator import attrgetter
from typing import Any, TypeAlias

import attrs

from aiecosys._dates import PartialDate, days

__all__ = ["LARGE", "Column", "Columns"]

Column: TypeAlias = Any
"""A column of integers: a ``list[int]``, or a numpy array when ``Columns.large``."""

LARGE = 100_000
"""From this many rounds on, columns are numpy arrays and orders are computed with numpy."""

_ANNOUNCED, _COMPANY, _INVESTMENTS, _INVESTOR = map(
    attrgetter, ("announced", "company", "investments", "investor")
)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Columns:
    """The rounds' links and dates as numbers; every column is a list or a numpy array."""

    company_of: Column
    """Each round's company: its place among the companies."""
    date_rank: Column
    """Each round's date: its place among the distinct dates, by first day then last day."""
    last_days: Column
    """The last day of each distinct date (by rank), as a proleptic ordinal."""
    order: list[int]
    """The rounds' positions in announcement order: first day, last day, then id."""
    rank: Column
    """Each round's place in announcement order."""
    counts: Column
    """How many investments each round has."""
    round_of: Column
    """Each investment's round (a position); a round's investments are next to each other."""
    investor_of: Column
    """Each investment's investor: its place among the investors."""
    large: bool
    """Whether the columns are numpy arrays."""

    @classmethod
    def of(
        cls, rounds: Sequence[Any], companies: Sequence[Any], investors: Sequence[Any]
    ) -> Columns | None:
        """Number *rounds* (records or rows, sorted by id); ``None`` if some id names nothing.

        A round's company must be one of *companies*, an investment's investor one of
        *investors*: these references are resolved here, once.

        Examples:
            >>> import aiecosys
            >>> eco = aiecosys.load()
            >>> columns = Columns.of(eco.rounds, eco.companies, eco.investors)
            >>> days = [eco.rounds[i].announced.first_day for i in columns.order]
            >>> days == sorted(days), len(columns.round_of) == sum(columns.counts)
            (True, True)
        """
        dates = list(map(_ANNOUNCED, rounds))  # dates, or their text in bulk rows
        span_of = {d: days(PartialDate.of(d)) for d in set(dates)}
        spans = sorted(span_of, key=span_of.__getitem__)
        rank_of_date = {d: r for r, d in enumerate(spans)}
        date_rank = list(map(rank_of_date.__getitem__, dates))
        last_days = [span_of[d][1].toordinal() for d in spans]
        company_at = {c.id: i for i, c in enumerate(companies)}
        investor_at = {v.id: i for i, v in enumerate(investors)}
        company_of = list(map(company_at.get, map(_COMPANY, rounds)))
        investments = list(map(_INVESTMENTS, rounds))
        counts = list(map(len, investments))
        flat = chain.from_iterable(investments)
        investor_of = list(map(investor_at.get, map(_INVESTOR, flat)))
        if len(rounds) < LARGE:
            if None in company_of or None in investor_of:
                return None
            order = sorted(range(len(rounds)), key=date_rank.__getitem__)
            rank = [0] * len(order)
            for place, at in enumerate(order):
                rank[at] = place
            return cls(
                company_of=company_of,
                date_rank=date_rank,
                last_days=last_days,
                order=order,
                rank=rank,
                counts=counts,
                round_of=list(chain.from_iterable(map(repeat, range(len(rounds)), counts))),
                investor_of=investor_of,
                large=False,
            )
        import numpy as np  # noqa: PLC0415 - large ecosystems only

        try:  # a reference to nothing is a None, which no integer array holds
            companies_of = np.asarray(company_of, dtype=np.int32)
            investors_of = np.asarray(investor_of, dtype=np.int32)
        except TypeError:
            return None
        ranks = np.asarray(date_rank, dtype=np.int32)
        in_order = np.argsort(ranks, kind="stable")
        placed = np.empty(len(rounds), dtype=np.int32)
        placed[in_order] = np.arange(len(rounds), dtype=np.int32)
        sizes = np.asarray(counts, dtype=np.int32)
        return cls(
            company_of=companies_of,
            date_rank=ranks,
            last_days=np.asarray(last_days, dtype=np.int32),
            order=in_order.tolist(),
            rank=placed,
            counts=sizes,
            round_of=np.repeat(np.arange(len(rounds), dtype=np.int32), sizes),
            investor_of=investors_of,
            large=True,
        )

    def investment_companies(self) -> Column:
        """Each investment's company (its round's)."""
        if self.large:
            import numpy as np  # noqa: PLC0415 - large ecosystems only

            return np.repeat(self.company_of, self.counts)
        return list(chain.from_iterable(map(repeat, self.company_of, self.counts)))

    def same_round_pairs(self) -> Iterator[tuple[Any, Any]]:
        """Each pair of investments of one round, as two numpy arrays of their investors.

        A round's investments are next to each other, so two of one round are fewer places
        apart than the most investments of a round: for each distance, the investors of the
        earlier and of the later investment of every pair that far apart in one round. (Either
        layout: numpy is imported here.)
        """
        import numpy as np  # noqa: PLC0415 - large ecosystems only

        rounds = np.asarray(self.round_of, dtype=np.int32)
        investors = np.asarray(self.investor_of, dtype=np.int32)
        for gap in range(1, int(np.max(self.counts, initial=0))):
            same = rounds[:-gap] == rounds[gap:]
            yield investors[:-gap][same], investors[gap:][same]
