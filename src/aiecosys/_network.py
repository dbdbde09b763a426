"""Who invested with whom: a company's investors, an investor's portfolio and co-investors.

Answers without ``as_of`` are kept for the last investors asked about (the ecosystem never
changes, so asking again is immediate); threads share the caches under the index's lock.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from aiecosys._dates import DateLike
from aiecosys._model import Company, Investor, Round
from aiecosys._results import AsOf, CoInvestor
from aiecosys._rows import Records
from aiecosys._timeline import split

if TYPE_CHECKING:
    from aiecosys._index import Grouped, Index
    from aiecosys._names import NameIndex

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
    whole: Callable[[str], Sequence[T]],
) -> AsOf[T]:
    """*answer* over the investor's rounds split as of *as_of*.

    Without *as_of* every round counts, and *whole* gives the answer from the rounds' rows,
    no round built (a large ecosystem's table answers at once; others are kept in *cache*).
    """
    if as_of is not None:
        return answer(split(index.rounds_by_investor.get(investor_id, ()), as_of))
    if index.pairs is not None:
        return AsOf(as_of=None, surely=whole(investor_id))
    return AsOf(as_of=None, surely=_remember(index, cache, investor_id, whole))


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
        lambda i: index.pairs.portfolio(i) if index.pairs else _backed(index, i),
    )


def _backed(index: Index, investor_id: str) -> tuple[Company, ...]:
    """The companies *investor_id* backed, by name, read off the rounds' rows."""
    rows = index.rounds_by_investor.rows
    found = {rows[at].company for at in index.rounds_by_investor.positions(investor_id)}
    return index.by_name(index.companies, found)


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

    def whole(me: str) -> Sequence[CoInvestor]:
        if index.pairs is not None:
            return index.pairs.co_investors(me, grouped)
        rows = grouped.rows
        shared = Counter(i.investor for at in grouped.positions(me) for i in rows[at].investments)
        shared.pop(me, None)
        keys = index.name_keys
        ranked = sorted(shared, key=lambda i: (-shared[i], *keys[i]))
        return tied(
            [index.investors.by_id[i] for i in ranked],
            range(len(ranked)),
            [shared[i] for i in ranked],
            lambda: grouped.positions(me),
            grouped,
        )

    return _of_investor(index, "co_investors", investor_id, as_of, ties, whole)


def tied(
    investors: Sequence[Investor],
    partners: Sequence[int] | Any,
    shared: Sequence[int] | Any,
    mine: Callable[[], Iterable[int]],
    grouped: Grouped,
) -> Records[CoInvestor]:
    """Co-investors ``investors[partners[k]]``, each with ``shared[k]`` rounds, made when read.

    A co-investor's shared rounds (those of its own in the set *mine* gives, found once)
    are found when they are first read.
    """
    found: list[set[int]] = []

    def together(other: str) -> list[int]:
        if not found:
            found.append(set(mine()))
        return [at for at in grouped.positions(other) if at in found[0]]

    def make(k: int) -> CoInvestor:
        other = investors[int(partners[k])]
        later = (int(shared[k]), lambda: together(other.id))
        return CoInvestor(investor=other, rounds=Records(grouped.rows, grouped.build, later=later))

    return Records(range(len(partners)), make)


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
