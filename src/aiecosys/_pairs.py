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

    from aiecosys._index import Grouped

__all__ = ["Pairs"]


def _ranks(records: Sequence[Any], name_keys: Mapping[str, tuple[str, str]]) -> NDArray[np.int64]:
    """Each record's rank in name order (folded name, id), by its position."""
    order = sorted(range(len(records)), key=lambda i: name_keys[records[i].id])
    ranks = np.empty(len(records), dtype=np.int64)
    ranks[np.asarray(order, dtype=np.int64)] = np.arange(len(records), dtype=np.int64)
    return ranks


def _keys(owner: Any, other: Any, size: int) -> NDArray[np.int64]:
    """Number each (owner, other) pair as ``owner * size + other``, in 64 bits."""
    keys: NDArray[np.int64] = owner.astype(np.int64)
    keys *= size
    keys += other
    return keys


def _table(
    keys: NDArray[np.int64],
    size: int,
    rank: NDArray[np.int64],
    *,
    by_count: bool,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """Return the distinct pairs *keys* numbers: the others, counts, where each owner's begin.

    Each owner's pairs are in answer order: most pairs first if *by_count*, then by the
    others' *rank*.
    """
    keys, counts = np.unique(keys, return_counts=True)
    owners, others = keys // size, keys % size
    del keys
    first = -counts if by_count else np.zeros_like(counts)
    order = np.lexsort((rank[others], first, owners))
    owners, others, counts = owners[order], others[order], counts[order]
    return others, counts, np.searchsorted(owners, np.arange(int(owners.max(initial=-1)) + 2))


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

    @classmethod
    def build(
        cls,
        investments: tuple[Sequence[int], Sequence[int], Sequence[int]],
        companies: Sequence[Company],
        investors: Sequence[Investor],
        name_keys: Mapping[str, tuple[str, str]],
    ) -> Pairs:
        """Table *investments*: the round, investor and company (positions) of each.

        The investments of one round are next to each other.
        """
        round_of, investor_of, company_of_each = investments
        investor_at = {v.id: i for i, v in enumerate(investors)}
        # 32 bits a number (positions and places are under 2**31), 64 for a pair's number:
        # the pairs of a million rounds are millions, and their arrays set the load's peak.
        rounds = np.asarray(round_of, dtype=np.int32)
        members = np.asarray(investor_of, dtype=np.int32)
        size = max(len(investors), len(companies), 1)
        firsts, seconds = [], []
        for gap in range(1, _widest(rounds)):
            same = rounds[:-gap] == rounds[gap:]
            firsts.append(members[:-gap][same])
            seconds.append(members[gap:][same])
        del rounds
        if firsts:
            keys = _keys(
                np.concatenate([*firsts, *seconds]), np.concatenate([*seconds, *firsts]), size
            )
        else:
            keys = np.empty(0, np.int64)
        del firsts, seconds
        partners, shared, partners_from = _table(
            keys, size, _ranks(investors, name_keys), by_count=True
        )
        del keys
        holdings, _, holdings_from = _table(
            _keys(members, np.asarray(company_of_each, dtype=np.int32), size),
            size,
            _ranks(companies, name_keys),
            by_count=False,
        )
        return cls(
            investor_at=investor_at,
            investors=investors,
            companies=companies,
            partners=partners,
            shared=shared,
            partners_from=partners_from,
            holdings=holdings,
            holdings_from=holdings_from,
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


def _widest(rounds: NDArray[np.int32]) -> int:
    """The most investments of one round, *rounds* giving each investment's round, grouped."""
    if not len(rounds):
        return 0
    edges = np.flatnonzero(np.diff(rounds)) + 1
    return int(np.diff(np.concatenate(([0], edges, [len(rounds)]))).max())
