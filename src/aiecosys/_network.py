"""Who invested with whom: a company's investors, an investor's portfolio and co-investors.

Answers without ``as_of`` are kept for the last investors asked about (the ecosystem never
changes, so asking again is immediate); threads share the caches under the index's lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

import attrs

from aiecosys._dates import DateLike
from aiecosys._model import Company, Investor, Round
from aiecosys._results import AsOf, CoInvestor
from aiecosys._timeline import split

if TYPE_CHECKING:
    from aiecosys._index import Index

__all__ = ["REMEMBERED", "co_investors", "investors_in", "portfolio"]

REMEMBERED = 256  # per-investor query results kept by each ecosystem
T = TypeVar("T")


def _remember(index: Index, cache: str, key: str, compute: Callable[[str], T]) -> T:
    """Return compute(key), kept in the *cache* of *index* for the last REMEMBERED keys.

    Every look and change is made under the index's lock; the value is computed outside it
    (two threads may compute the same one: both get equal results).
    """
    kept = index.caches[cache]
    with index.lock:
        if key in kept:
            kept.move_to_end(key)
            return kept[key]  # type: ignore[no-any-return]
    value = compute(key)
    with index.lock:
        kept[key] = value
        kept.move_to_end(key)
        while len(kept) > REMEMBERED:
            kept.popitem(last=False)
    return value


def investors_in(rounds: AsOf[Round], index: Index, *, lead_only: bool) -> AsOf[Investor]:
    """The investors in *rounds* (leads only with *lead_only*), by name; ``possibly`` apart."""

    def ids(found: Iterable[Round]) -> set[str]:
        return {i.investor for r in found for i in r.investments if i.lead or not lead_only}

    sure = ids(rounds.surely)
    return AsOf(
        as_of=rounds.as_of,
        surely=index.by_name(index.investors, sure),
        possibly=index.by_name(index.investors, ids(rounds.possibly) - sure),
    )


def portfolio(index: Index, investor_id: str, as_of: DateLike | None) -> AsOf[Company]:
    """The companies *investor_id* backed, by name; ``possibly`` apart."""

    def companies(found: Iterable[Round]) -> set[str]:
        return {r.company for r in found}

    if as_of is None:
        every = _remember(
            index,
            "portfolio",
            investor_id,
            lambda i: index.by_name(
                index.companies, companies(index.rounds_by_investor.get(i, ()))
            ),
        )
        return AsOf(as_of=None, surely=every)
    rounds = split(index.rounds_by_investor.get(investor_id, ()), as_of)
    sure = companies(rounds.surely)
    return AsOf(
        as_of=rounds.as_of,
        surely=index.by_name(index.companies, sure),
        possibly=index.by_name(index.companies, companies(rounds.possibly) - sure),
    )


def co_investors(index: Index, investor_id: str, as_of: DateLike | None) -> AsOf[CoInvestor]:
    """Who shared rounds with *investor_id*, most shared first, then by name."""
    if as_of is None:
        every = _remember(
            index,
            "co_investors",
            investor_id,
            lambda i: tuple(_shared(index, i, index.rounds_by_investor.get(i, ())).values()),
        )
        return AsOf(as_of=None, surely=every)
    rounds = split(index.rounds_by_investor.get(investor_id, ()), as_of)
    sure = _shared(index, investor_id, rounds.surely)
    maybe = _shared(index, investor_id, rounds.possibly)  # ranked by uncertain rounds, name
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


def _shared(index: Index, me: str, rounds: Iterable[Round]) -> dict[str, CoInvestor]:
    """Map each co-investor of *me* in *rounds* to its tie, strongest first, then by name."""
    shared: defaultdict[str, list[Round]] = defaultdict(list)
    for r in rounds:
        for other in r.investor_ids:
            if other != me:
                shared[other].append(r)
    found = [
        CoInvestor(investor=index.investors.by_id[i], rounds=tuple(rs)) for i, rs in shared.items()
    ]
    keys = index.name_keys
    found.sort(key=lambda c: (-c.shared, *keys[c.investor.id]))
    return {c.investor.id: c for c in found}
