"""Who invested with whom: a company's investors, an investor's portfolio and co-investors.

Answers without ``as_of`` are kept for the last investors asked about (the ecosystem never
changes, so asking again is immediate); threads share the caches under the index's lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from aiecosys._dates import DateLike
from aiecosys._model import Company, Investor, Round
from aiecosys._results import AsOf, CoInvestor
from aiecosys._timeline import split

if TYPE_CHECKING:
    from aiecosys._index import Index
    from aiecosys._names import NameIndex
    from aiecosys._pairs import Pairs

__all__ = ["REMEMBERED", "co_investors", "investors_in", "portfolio"]

REMEMBERED = 256  # per-investor query results kept by each ecosystem
T = TypeVar("T")
N = TypeVar("N", Company, Investor)


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


def _by_name(
    rounds: AsOf[Round],
    named: NameIndex[N],
    index: Index,
    ids: Callable[[Iterable[Round]], set[str]],
) -> AsOf[N]:
    """The records *ids* finds in the sure rounds, by name; those only in possible ones apart."""
    sure = ids(rounds.surely)
    return AsOf(
        as_of=rounds.as_of,
        surely=index.by_name(named, sure),
        possibly=index.by_name(named, ids(rounds.possibly) - sure),
    )


def _of_investor(  # noqa: PLR0917 - private, each argument a part of the answer
    index: Index,
    cache: str,
    investor_id: str,
    as_of: DateLike | None,
    answer: Callable[[AsOf[Round]], AsOf[T]],
    tabled: Callable[[Pairs, str], Sequence[T]],
) -> AsOf[T]:
    """*answer* over the investor's rounds split as of *as_of*; kept in *cache* without it.

    Without *as_of*, a large ecosystem's co-investment table gives the answer (*tabled*).
    """
    rounds = index.rounds_by_investor.get(investor_id, ())
    if as_of is None and index.pairs is not None:
        return AsOf(as_of=None, surely=tabled(index.pairs, investor_id))
    if as_of is not None:
        return answer(split(rounds, as_of))
    every = _remember(index, cache, investor_id, lambda _: answer(split(rounds, None)).surely)
    return AsOf(as_of=None, surely=every)


def investors_in(rounds: AsOf[Round], index: Index, *, lead_only: bool) -> AsOf[Investor]:
    """The investors in *rounds* (leads only with *lead_only*), by name; ``possibly`` apart."""

    def ids(found: Iterable[Round]) -> set[str]:
        return {i.investor for r in found for i in r.investments if i.lead or not lead_only}

    return _by_name(rounds, index.investors, index, ids)


def portfolio(index: Index, investor_id: str, as_of: DateLike | None) -> AsOf[Company]:
    """The companies *investor_id* backed, by name; ``possibly`` apart."""

    def companies(found: Iterable[Round]) -> set[str]:
        return {r.company for r in found}

    return _of_investor(
        index,
        "portfolio",
        investor_id,
        as_of,
        lambda rounds: _by_name(rounds, index.companies, index, companies),
        lambda pairs, i: pairs.portfolio(i),
    )


def co_investors(index: Index, investor_id: str, as_of: DateLike | None) -> AsOf[CoInvestor]:
    """Who shared rounds with *investor_id*, most shared first, then by name."""

    def ties(rounds: AsOf[Round]) -> AsOf[CoInvestor]:
        sure = _shared(index, investor_id, rounds.surely)
        maybe = _shared(index, investor_id, rounds.possibly)  # by uncertain rounds, then name
        return AsOf(
            as_of=rounds.as_of,
            surely=tuple(
                attrs.evolve(c, uncertain=maybe[i].rounds) if i in maybe else c
                for i, c in sure.items()
            ),
            possibly=tuple(
                CoInvestor(investor=c.investor, rounds=(), uncertain=c.rounds)
                for i, c in maybe.items()
                if i not in sure
            ),
        )

    grouped = index.rounds_by_investor

    def tabled(pairs: Pairs, i: str) -> Sequence[CoInvestor]:
        return pairs.co_investors(i, grouped.positions, grouped.rows, grouped.build)

    return _of_investor(index, "co_investors", investor_id, as_of, ties, tabled)


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
