"""The indexes every query reads: records by id and by name, rounds by company and investor.

Built once, when an ecosystem is built, from records already checked; the query modules
(``_timeline``, ``_totals``, ``_network``, ``_claims``, ``_summary``) read nothing else. Rounds
are indexed by position: each group (a company's rounds, an investor's) is a list of positions
in announcement order, read as [`Records`][aiecosys.Records], so a round is built only when a
query reads it. A large ecosystem also gets its co-investment table (``_pairs``) here.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from aiecosys._columns import Column, Columns
from aiecosys._model import COLLECTIONS, Claim, Company, Investor, Person, Record, Round
from aiecosys._names import NameIndex
from aiecosys._rows import Records

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from aiecosys._pairs import Pairs

__all__ = ["PAIRS_FROM", "Index"]

N = TypeVar("N", Company, Investor)
T = TypeVar("T")

PAIRS_FROM = 20_000
"""From this many rounds on, co-investors and portfolios are tabled once, when the ecosystem
is built (``_pairs``); below it each is worked out when first asked, in well under a
millisecond."""


_ID = attrgetter("id")


class Grouped(Mapping[str, Sequence[Round]]):
    """Rounds grouped by a key (a company id, an investor id), each group a lazy sequence.

    The groups lie end to end in one list of positions, sorted by the key's number (its
    place in its collection) and, within a group, in announcement order; each key's group
    starts where the offsets say, so no list is made per key.
    """

    __slots__ = ("_at", "_build", "_names", "_positions", "_rows", "_starts")

    def __init__(
        self,
        rows: Sequence[Any],
        build: Callable[[Any], Round] | None,
        names: Sequence[str],
        starts: Any,
        positions: Any,
    ) -> None:
        """Hold groups laid out by ``of``: group *k* is ``positions[starts[k]:starts[k + 1]]``.

        Both are lists, or arrays (``array.array``) for a large ecosystem.
        """
        self._rows, self._build, self._names = rows, build, names
        self._at = {name: i for i, name in enumerate(names)}
        self._starts, self._positions = starts, positions

    @classmethod
    def of(  # noqa: PLR0917 - the parts of one grouping
        cls,
        rows: Sequence[Any],
        build: Callable[[Any], Round] | None,
        names: Sequence[str],
        keys: Column,
        positions: Column | range,
        rank: Column,
    ) -> Grouped:
        """Group *positions* by *keys* (numbers in *names*).

        Within a group, positions are in announcement order: by *rank*, each round's place in
        that order (by position). The three are lists, or numpy arrays (``Columns.large``).
        """
        size = len(rank)
        if not isinstance(keys, list):
            import numpy as np  # noqa: PLC0415 - large ecosystems only

            numbered = np.asarray(keys, dtype=np.int64) * size
            numbered += np.asarray(rank)[positions]
            grouped = np.argsort(numbered)  # each number is distinct: no tie to keep in order
            starts = np.searchsorted(numbered[grouped] // size, np.arange(len(names) + 1))
            return cls(rows, build, names, _packed(starts), _packed(np.asarray(positions)[grouped]))
        placed = map(rank.__getitem__, positions)
        numbers = [k * size + r for k, r in zip(keys, placed, strict=True)]
        by_key = sorted(range(len(numbers)), key=numbers.__getitem__)
        sorted_keys = list(map(keys.__getitem__, by_key))
        bounds = [bisect.bisect_left(sorted_keys, k) for k in range(len(names) + 1)]
        return cls(rows, build, names, bounds, list(map(positions.__getitem__, by_key)))

    def positions(self, key: str) -> list[int]:
        """The positions of the group *key* (empty if there is none)."""
        at = self._at.get(key)
        if at is None:
            return []
        found = self._positions[self._starts[at] : self._starts[at + 1]]
        return found if isinstance(found, list) else found.tolist()

    def read(self, key: str, fields: Callable[[Any], T]) -> list[T]:
        """*fields* of each round of the group *key*, read off its row (no round is built)."""
        rows = self._rows
        return [fields(rows[at]) for at in self.positions(key)]

    def __getitem__(self, key: str) -> Records[Round]:
        found = self.positions(key)
        if not found:
            raise KeyError(key)
        return Records(self._rows, self._build, found)

    def __iter__(self) -> Iterator[str]:
        starts = self._bounds()
        bounds = zip(self._names, starts[:-1], starts[1:], strict=True)
        return (name for name, low, high in bounds if low < high)

    def __len__(self) -> int:
        starts = self._bounds()
        return sum(map(int.__lt__, starts[:-1], starts[1:]))

    def _bounds(self) -> list[int]:
        starts = self._starts
        return starts if isinstance(starts, list) else starts.tolist()

    @property
    def rows(self) -> Sequence[Any]:
        """The rounds' rows, by id."""
        return self._rows

    @property
    def build(self) -> Callable[[Any], Round] | None:
        """What builds a round of its row (``None``: the rows are rounds)."""
        return self._build


class ById(Mapping[str, Record]):
    """Every record by id; a round is built when it is looked up."""

    __slots__ = ("_ids", "_others", "_rounds")

    def __init__(self, others: dict[str, Record], rounds: Records[Round], ids: list[str]) -> None:
        self._others, self._rounds, self._ids = others, rounds, ids

    def __getitem__(self, key: str) -> Record:
        found = self._others.get(key)
        if found is not None:
            return found
        at = bisect.bisect_left(self._ids, key)
        if at < len(self._ids) and self._ids[at] == key:
            return self._rounds[at]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._others or (
            isinstance(key, str)
            and (at := bisect.bisect_left(self._ids, key)) < len(self._ids)
            and self._ids[at] == key
        )

    def __iter__(self) -> Iterator[str]:
        yield from self._others
        yield from self._ids

    def __len__(self) -> int:
        return len(self._others) + len(self._ids)

    def ids_of(self, kind: type[Any]) -> list[str]:
        """The ids of the records of *kind*."""
        if kind is Round:
            return list(self._ids)
        return [i for i, r in self._others.items() if isinstance(r, kind)]


@contextlib.contextmanager
def _beside(wanted: bool) -> Iterator[ThreadPoolExecutor | None]:
    """A thread to work beside this one if *wanted* (else ``None``), shut down on leaving."""
    if not wanted:
        yield None
        return
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - large ecosystems only

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="aiecosys-index") as pool:
        yield pool


def _packed(values: Any) -> array.array[int]:
    """The integers of the numpy array *values* as a standard-library array (int32 or int64).

    A query slices a group out of it: an array's slice and ``tolist`` are plain C, where
    numpy's go through its indexing machinery (12 us against 6 us on a process's first
    query after a large load, measured).
    """
    import numpy as np  # noqa: PLC0415 - large ecosystems only

    wide = values.dtype != np.int32 or array.array("i").itemsize != 4  # noqa: PLR2004
    packed = array.array("q" if wide else "i")
    packed.frombytes(np.ascontiguousarray(values, np.int64 if wide else np.int32).data.cast("B"))
    return packed


def _grouped(pairs: Iterator[tuple[str, Any]]) -> dict[str, tuple[Any, ...]]:
    groups: defaultdict[str, list[Any]] = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return {k: tuple(v) for k, v in groups.items()}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Index:
    """What the queries look records up by; the per-investor caches live here too."""

    by_id: ById
    companies: NameIndex[Company]
    investors: NameIndex[Investor]
    people: NameIndex[Person]
    name_keys: Mapping[str, tuple[str, str]]
    """Each named record's sort key (folded name, id), folded once here."""
    rounds_in_order: Records[Round]
    rounds_by_company: Grouped
    rounds_by_investor: Grouped
    claims_by_subject: Mapping[str, tuple[Claim, ...]]
    pairs: Pairs | None
    """The co-investment table of a large ecosystem (``None`` below ``PAIRS_FROM`` rounds)."""
    totals_of_round: Callable[[Any], tuple[Any, ...]]
    """Reads what a total reads of a round (``_totals.FIELDS``) off its row."""
    caches: Mapping[str, OrderedDict[str, Any]] = attrs.field(
        factory=lambda: {"portfolio": OrderedDict(), "co_investors": OrderedDict()}
    )
    lock: threading.Lock = attrs.field(factory=threading.Lock)

    @classmethod
    def build(
        cls,
        collections: Mapping[str, Sequence[Any]],
        round_rows: Sequence[Any],
        build: Callable[[Any], Round] | None,
        columns: Columns,
        totals_of_round: Callable[[Any], tuple[Any, ...]],
    ) -> Index:
        """Index checked *collections* (by name, as in ``COLLECTIONS``) and the rounds.

        The rounds are *round_rows*, sorted by id: records, or rows that *build* makes
        records; *columns* numbers them; *totals_of_round* reads what a total reads of one.
        """
        with _beside(len(round_rows) >= PAIRS_FROM) as pool:
            # numpy's sorts let go of the interpreter: the co-investment table is built on
            # another core (pairs counted first, ranked by name once names are folded) while
            # the names and groups are, and is waited for at the end.
            tabled = None
            if pool is not None:
                from aiecosys._pairs import Pairs  # noqa: PLC0415 - numpy, large ecosystems only

                counted = pool.submit(Pairs.count, columns)
            companies = NameIndex("company", collections["companies"])
            investors = NameIndex("investor", collections["investors"])
            people = NameIndex("person", collections["people"])
            name_keys = {**companies.sort_keys, **investors.sort_keys, **people.sort_keys}
            if pool is not None:
                tabled = pool.submit(
                    lambda: Pairs.build(
                        counted.result(),
                        columns,
                        collections["companies"],
                        collections["investors"],
                        name_keys,
                    )
                )
            rounds = Records(round_rows, build)
            others = {
                r.id: r for name, _ in COLLECTIONS if name != "rounds" for r in collections[name]
            }
            by_company = Grouped.of(
                round_rows,
                build,
                [c.id for c in collections["companies"]],
                columns.company_of,
                range(len(round_rows)),
                columns.rank,
            )
            by_investor = Grouped.of(
                round_rows,
                build,
                [v.id for v in collections["investors"]],
                columns.investor_of,
                columns.round_of,
                columns.rank,
            )
            by_id = ById(others, rounds, list(map(_ID, round_rows)))
            pairs = None if tabled is None else tabled.result()
        return cls(
            by_id=by_id,
            companies=companies,
            investors=investors,
            people=people,
            name_keys=name_keys,
            rounds_in_order=Records(round_rows, build, columns.order),
            rounds_by_company=by_company,
            rounds_by_investor=by_investor,
            claims_by_subject=_grouped((c.subject, c) for c in collections["claims"]),
            pairs=pairs,
            totals_of_round=totals_of_round,
        )

    def by_name(self, index: NameIndex[N], ids: Iterable[str]) -> tuple[N, ...]:
        """Return the records *ids* of *index*, sorted by name then id."""
        return tuple(index.by_id[i] for i in sorted(ids, key=self.name_keys.__getitem__))
