"""The co-investment table of a large ecosystem: who invested with whom, and in what.

Built once, with numpy, when an ecosystem of many rounds is built (``_index.PAIRS_FROM``):
for each investor, its co-investors in answer order (most shared rounds first, then by name)
with the count of rounds shared, and its portfolio by name. A query without ``as_of`` then
reads a slice: its answer is a sequence whose records are built when read (the shared rounds
of a co-investor are found when first read). The same answers, worked out round by round,
are ``_network``'s own (``tests/test_pairs.py`` checks both agree).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from aiecosys._model import Company, Investor
from aiecosys._network import tied
from aiecosys._results import CoInvestor
from aiecosys._rows import Records

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from aiecosys._columns import Columns
    from aiecosys._index import Grouped

__all__ = ["Counted", "Pairs"]

Counted = tuple["NDArray[np.int64]", "NDArray[np.int64]", "NDArray[np.int64]"]
"""Pairs of investors (the lower number, the higher) and the rounds each pair shared."""


def _ranks(records: Sequence[Any], name_keys: Mapping[str, tuple[str, str]]) -> NDArray[np.int64]:
    """The positions of *records* in name order (folded name, id): record by rank."""
    ids = [r.id for r in records]
    return np.asarray(sorted(range(len(ids)), key=lambda i: name_keys[ids[i]]), dtype=np.int64)


def _inverse(by_rank: NDArray[np.int64]) -> NDArray[np.int64]:
    """Each record's rank, *by_rank* giving the record (position) of each rank."""
    ranks = np.empty(len(by_rank), dtype=np.int64)
    ranks[by_rank] = np.arange(len(by_rank), dtype=np.int64)
    return ranks


def _numbered(owner: Any, other: Any, size: int) -> NDArray[np.int64]:
    """Number each (owner, other) pair as ``owner * size + other``, in 64 bits."""
    keys: NDArray[np.int64] = owner.astype(np.int64)
    keys *= size
    keys += other
    return keys


def _distinct(keys: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The distinct *keys* in order, and how often each occurs (*keys* is sorted in place).

    What ``np.unique(keys, return_counts=True)`` gives; numpy 2.3 and later answer
    ``np.unique(keys)`` by hashing, ten times slower here than this sort.
    """
    keys.sort()
    starts = np.flatnonzero(np.concatenate((keys[:1] == keys[:1], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, len(keys)))
    return keys[starts], counts


def _by_count(
    owners: NDArray[np.int64], counts: NDArray[np.int64], ranked: NDArray[np.int64], size: int
) -> NDArray[np.int64]:
    """The order of pairs by owner, count (most first), then the other's rank.

    One sort of one number per pair when (owner, count, rank) fit in 63 bits, as they do for
    any ecosystem that fits in memory; three sorts otherwise.
    """
    most = int(counts.max(initial=0)) + 1
    if (int(owners.max(initial=0)) + 1) * most * size < 1 << 63:
        key = owners * (most * size)
        key += (most - counts) * size
        key += ranked
        return np.argsort(key)  # each key is distinct
    return np.lexsort((ranked, -counts, owners))


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Pairs:
    """Per investor: co-investors with shared-round counts, and portfolio companies."""

    investor_at: Mapping[str, int]
    investors: Sequence[Investor]
    companies: Sequence[Company]
    partners: NDArray[np.int64]
    shared: NDArray[np.int64]
    partners_from: NDArray[np.int64]
    holdings: NDArray[np.int64]
    holdings_from: NDArray[np.int64]

    @staticmethod
    def count(columns: Columns) -> Counted:
        """Count the rounds each pair of investors shared (what needs no name: it can start
        as soon as the rounds are numbered).
        """  # noqa: D205 - one sentence
        # 32 bits a number (positions and places are under 2**31), 64 for a pair's number:
        # the pairs of a million rounds are millions, and their arrays set the load's peak.
        # Each pair of investors of one round, once, numbered low * size + high (their
        # numbers): the distinct numbers are the pairs, counted.
        size = int(np.max(columns.investor_of, initial=0)) + 1
        lows, highs = [], []
        for first, second in columns.same_round_pairs():
            lows.append(np.minimum(first, second))
            highs.append(np.maximum(first, second))
        low = np.concatenate(lows) if lows else np.empty(0, np.int32)
        high = np.concatenate(highs) if highs else np.empty(0, np.int32)
        del lows, highs
        keys, counted = _distinct(_numbered(low, high, size))
        del low, high
        low, high = np.divmod(keys, size)
        return low, high, counted

    @classmethod
    def build(
        cls,
        counted: Counted,
        columns: Columns,
        companies: Sequence[Company],
        investors: Sequence[Investor],
        name_keys: Mapping[str, tuple[str, str]],
    ) -> Pairs:
        """Table the pairs *counted* (``count``) and the investments *columns* numbers."""
        size = max(len(investors), len(companies), 1)
        investor_by_rank = _ranks(investors, name_keys)
        investor_rank = _inverse(investor_by_rank)
        # Each pair both ways; each owner's partners most shared rounds first, then by name.
        low, high, shared = counted
        owners = np.concatenate((low, high))
        others = np.concatenate((high, low))
        shared = np.concatenate((shared, shared))
        del low, high, counted
        ranked = investor_rank[others]
        del others
        order = _by_count(owners, shared, ranked, size)
        owners, partners, shared = owners[order], investor_by_rank[ranked[order]], shared[order]
        del order, ranked
        partners_from = np.searchsorted(owners, np.arange(len(investors) + 1))
        del owners
        # Each (investor, company) pair numbered investor * size + the company's rank by name:
        # the distinct numbers are the portfolios, each in name order.
        company_by_rank = _ranks(companies, name_keys)
        company_rank = _inverse(company_by_rank)
        held = np.asarray(columns.investment_companies(), dtype=np.int64)
        members = np.asarray(columns.investor_of, dtype=np.int32)
        keys, _ = _distinct(_numbered(members, company_rank[held], size))
        del held, members
        owners, ranked = np.divmod(keys, size)
        return cls(
            investor_at={v.id: i for i, v in enumerate(investors)},
            investors=investors,
            companies=companies,
            partners=partners,
            shared=shared,
            partners_from=partners_from,
            holdings=company_by_rank[ranked],
            holdings_from=np.searchsorted(owners, np.arange(len(investors) + 1)),
        )

    def _slice(self, starts: NDArray[np.int64], investor_id: str) -> slice:
        at = self.investor_at.get(investor_id)
        if at is None or at + 1 >= len(starts):
            return slice(0, 0)
        return slice(int(starts[at]), int(starts[at + 1]))

    def portfolio(self, investor_id: str) -> Records[Company]:
        """The companies *investor_id* backed, by name."""
        return Records(
            self.companies, None, self.holdings[self._slice(self.holdings_from, investor_id)]
        )

    def co_investors(self, investor_id: str, grouped: Grouped) -> Records[CoInvestor]:
        """Who shared rounds with *investor_id*, most shared first, then by name.

        *grouped* is the ecosystem's rounds by investor, where the shared rounds are found.
        """
        where = self._slice(self.partners_from, investor_id)
        return tied(
            self.investors,
            self.partners[where],
            self.shared[where],
            lambda: grouped.positions(investor_id),
            grouped,
        )
