"""The checks an ecosystem passes before it exists: ids unique and resolvable, facts coherent.

Each check reports every problem it finds, with its path in the input, so that one error can
list them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain, repeat
from operator import attrgetter, lt
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._checks import NAME
from aiecosys._dates import PartialDate, days
from aiecosys._model import COLLECTIONS, Claim, Company, Investor, Person, Record, Round, Source
from aiecosys.exceptions import DataError, Problem

if TYPE_CHECKING:
    from aiecosys._columns import Columns

__all__ = ["Distinct", "Records", "checked", "problems", "references", "rounds_at_fault"]


@attrs.frozen(kw_only=True)
class Records:
    """The records of an ecosystem, in the order they were given."""

    sources: Sequence[Source]
    people: Sequence[Person]
    companies: Sequence[Company]
    investors: Sequence[Investor]
    rounds: Sequence[Round]
    claims: Sequence[Claim]

    def each(self) -> Iterator[tuple[str, int, Record]]:
        """Yield (collection name, index, record) for every record."""
        for name, _ in COLLECTIONS:
            for i, record in enumerate(getattr(self, name)):
                yield name, i, record


Distinct = Mapping[str, AbstractSet[str]]
"""The distinct ids some references of the rounds hold, by the path of their field in a round
(``.id``, ``.sources[{}]``…), where the caller has them already (``_bulk``)."""


def problems(records: Records, distinct: Distinct | None = None) -> list[Problem]:
    """Return every integrity problem in *records* (empty when they form an ecosystem).

    With *distinct* (rounds read in bulk), the rounds' references to companies and investors
    and their own problems (an investor listed twice, a round before its company was founded)
    are left out: they are looked for on the rounds' numbers (``_columns``,
    ``rounds_at_fault``). The rest is looked for in the ids *distinct* holds; if anything is
    found, everything is, as without *distinct*.
    """
    if distinct is not None:
        found = _duplicate_ids(records, distinct)
        found += _unknown_references(records, distinct)
        if not found and not _parent_cycles(records):
            return []
    found = _duplicate_ids(records, {})
    found += _unknown_references(records, {})
    found += _round_problems(records)
    return found + _parent_cycles(records)


_ID = attrgetter("id")


def _duplicate_ids(records: Records, distinct: Distinct) -> list[Problem]:
    round_ids = distinct.get(".id")
    if round_ids is None:
        ids = list(chain.from_iterable(map(_ID, getattr(records, n)) for n, _ in COLLECTIONS))
        unique = len(set(ids)) == len(ids)
    else:
        ids = list(
            chain.from_iterable(
                map(_ID, getattr(records, n)) for n, _ in COLLECTIONS if n != "rounds"
            )
        )
        others = set(ids)
        unique = (
            len(others) == len(ids)
            and len(round_ids) == len(records.rounds)
            and others.isdisjoint(round_ids)
        )
    if unique:  # the common case, checked without building paths
        return []
    found: list[Problem] = []
    first_seen: dict[str, str] = {}
    for collection, i, record in records.each():
        here = f"{collection}[{i}]"
        if record.id in first_seen:
            message = f"{record.id!r} is already the id of {first_seen[record.id]}"
            found.append(Problem(f"{here}.id", message))
        else:
            first_seen[record.id] = here
    return found


_INVESTOR = attrgetter("investor")


def _investors_of(investments: Iterable[Any]) -> map[str]:
    return map(_INVESTOR, investments)


def _one(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


# Every reference between records: (collection, path of the field after the record's index,
# with {} for the position in a list, the ids the field holds, the kind they must name).
_REFERENCES: tuple[tuple[str, str, Callable[[Any], Iterable[str]], str], ...] = (
    *(
        (name, ".sources[{}]", attrgetter("sources"), "source")
        for name in ("people", "companies", "investors", "rounds")
    ),
    (
        "people",
        ".roles[{}].organisation",
        lambda p: [r.organisation for r in p.roles],
        "organisation",
    ),
    ("companies", ".parent", lambda c: _one(c.parent), "company"),
    ("companies", ".founders[{}]", attrgetter("founders"), "person"),
    ("investors", ".company", lambda i: _one(i.company), "company"),
    ("investors", ".person", lambda i: _one(i.person), "person"),
    ("rounds", ".company", lambda r: (r.company,), "company"),
    (
        "rounds",
        ".valuation.sources[{}]",
        lambda r: () if r.valuation is None else r.valuation.sources,
        "source",
    ),
    (
        "rounds",
        ".investments[{}].investor",
        lambda r: map(_INVESTOR, r.investments),
        "investor",
    ),
    ("claims", ".subject", lambda c: (c.subject,), "record"),
    ("claims", ".source", lambda c: (c.source,), "source"),
    ("claims", ".evidence[{}]", attrgetter("evidence"), "source"),
)


_REFERENCES_OF: dict[type[Any], tuple[Callable[[Any], Iterable[str]], ...]] = {
    kind: tuple(ids_of for name, _, ids_of, _ in _REFERENCES if name == collection)
    for collection, kind in COLLECTIONS
}


def references(record: Record) -> Iterator[str]:
    """Yield the ids that *record* refers to (the same references the checks resolve)."""
    for ids_of in _REFERENCES_OF[type(record)]:
        yield from ids_of(record)


def _unknown_references(records: Records, distinct: Distinct) -> list[Problem]:
    known: dict[str, set[str]] = {
        "source": {s.id for s in records.sources},
        "person": {p.id for p in records.people},
        "company": {c.id for c in records.companies},
        "investor": {v.id for v in records.investors},
    }
    known["organisation"] = known["company"] | known["investor"]
    found = []
    for collection, tail, ids_of, kind in _REFERENCES:
        items = getattr(records, collection)
        if not items:
            continue
        if kind == "record" and kind not in known:  # every id: only claims need them
            known[kind] = set(map(_ID, chain(*(getattr(records, n) for n, _ in COLLECTIONS))))
        if collection == "rounds" and distinct:
            if tail not in distinct:
                continue  # resolved when the rounds are numbered
            named = distinct[tail]
        else:
            named = set(chain.from_iterable(map(ids_of, items)))
        if named <= known[kind]:  # the common case: no path needs building
            continue
        for i, item in enumerate(items):
            for j, value in enumerate(ids_of(item)):
                if value not in known[kind]:
                    path = f"{collection}[{i}]{tail.format(j)}"
                    found.append(Problem(path, f"unknown {kind} {value!r}"))
    return found


def _round_problems(records: Records) -> list[Problem]:
    """Investors listed twice in a round, rounds announced before their company was founded.

    Both are looked for over whole columns first (the common case: neither is found); only
    then is each round walked to say where. Rows read in bulk hold a date as its text.
    """
    rounds = records.rounds
    investments = list(map(attrgetter("investments"), rounds))
    listed = sum(map(len, investments))
    distinct = sum(map(len, map(set, map(_investors_of, investments))))
    # Each round's last possible day against its company's first possible day of existence.
    founded = {c.id: days(c.founded)[0] for c in records.companies if c.founded is not None}
    texts = list(map(attrgetter("announced"), rounds))
    last_day = {d: days(PartialDate.of(d))[1] for d in set(texts)}
    begun = map(founded.get, map(attrgetter("company"), rounds), repeat(dt.date.min))
    early = any(map(lt, map(last_day.__getitem__, texts), begun))
    if distinct == listed and not early:
        return []
    found: list[Problem] = []
    companies = {c.id: c for c in records.companies}
    for i, round_ in enumerate(rounds):
        seen: set[str] = set()
        for j, investment in enumerate(round_.investments):
            if investment.investor in seen:
                found.append(
                    Problem(
                        f"rounds[{i}].investments[{j}].investor",
                        f"{investment.investor!r} is in this round twice",
                    )
                )
            seen.add(investment.investor)
        company = companies.get(round_.company)
        started = company.founded if company is not None else None
        announced = PartialDate.of(round_.announced)
        if company is not None and started is not None and days(announced)[1] < days(started)[0]:
            found.append(
                Problem(
                    f"rounds[{i}].announced",
                    f"{announced} is before {company.name} was founded ({started})",
                )
            )
    return found


def rounds_at_fault(columns: Columns, companies: Sequence[Company]) -> bool:
    """Tell whether some round lists an investor twice or is dated before its company existed.

    A look over the rounds' integer columns (``_columns``), companies by place; only when it
    answers yes are the rounds walked (``problems``) to say where.
    """
    founded = [1 if c.founded is None else days(c.founded)[0].toordinal() for c in companies]
    if not columns.large:
        pairs = set(zip(columns.round_of, columns.investor_of, strict=True))
        last_days = map(columns.last_days.__getitem__, columns.date_rank)
        begun = map(founded.__getitem__, columns.company_of)
        return len(pairs) != len(columns.round_of) or any(map(lt, last_days, begun))
    import numpy as np  # noqa: PLC0415 - large ecosystems only

    if any((first == second).any() for first, second in columns.same_round_pairs()):
        return True
    last = np.asarray(columns.last_days)[columns.date_rank]
    return bool((last < np.asarray(founded)[columns.company_of]).any())


def checked(
    given: dict[str, Any], version: object, *, distinct: Distinct | None = None
) -> dict[str, tuple[Any, ...]]:
    """Return the collections *given* (by name) as tuples, once every record is checked.

    With *distinct*, the collections come from the bulk reader (``_bulk``), which built the
    records (their types need no check) and checked the rounds' rows field by field, and
    *distinct* holds some of the ids the rows name; the references between records are
    checked here, but for those left to the rounds' numbers (see ``problems``).

    Raises:
        DataError: a collection is not a sequence of its records, *version* is not a
            string, or the records do not form an ecosystem (every problem, with its path).
    """
    found: list[Problem] = []
    lists: dict[str, tuple[Any, ...]] = {}
    for name, kind in COLLECTIONS:
        if isinstance(given[name], str | bytes | dict):
            found.append(Problem(name, f"must be a sequence of {kind.__name__} records"))
            lists[name] = ()
            continue
        lists[name] = tuple(given[name])
        if distinct is None:  # a caller's records; the bulk reader built its own (and rows)
            found.extend(
                Problem(f"{name}[{i}]", f"must be a {kind.__name__} (got {type(item).__name__})")
                for i, item in enumerate(lists[name])
                if not isinstance(item, kind)
            )
    if version is not None and (problem := NAME.problem(version)) is not None:
        found.append(Problem("version", problem))
    if not found:
        found = problems(Records(**lists), distinct)
    if found:
        raise DataError(found)
    return lists


_SHOWN = 8  # companies named in the message about a cycle of parents


def _parent_cycles(records: Records) -> list[Problem]:
    """Report every cycle of parents (a company that is, through its parents, its own parent).

    Each cycle is reported once, at the first of its companies in the input, naming them all.
    """
    index = {c.id: i for i, c in enumerate(records.companies)}
    parent = {c.id: c.parent for c in records.companies if c.parent in index}
    found: list[Problem] = []
    done: set[str] = set()  # companies whose chain of parents is known to end (or was reported)
    for start in parent:
        chain: list[str] = []
        on_chain: set[str] = set()
        here: str | None = start
        while here is not None and here not in done and here not in on_chain:
            chain.append(here)
            on_chain.add(here)
            here = parent.get(here)
        if here is not None and here in on_chain:
            cycle = chain[chain.index(here) :]
            first = min(cycle, key=index.__getitem__)
            turn = cycle.index(first)
            ordered = cycle[turn:] + cycle[:turn]
            shown = [*ordered[:_SHOWN], first] if len(ordered) <= _SHOWN else ordered[:_SHOWN]
            named = " -> ".join(repr(c) for c in shown)
            if len(ordered) > _SHOWN:
                named += f" -> … ({len(ordered)} companies in all)"
            found.append(
                Problem(
                    f"companies[{index[first]}].parent",
                    f"the parents form a cycle: {named} (each company's parent is the next; "
                    "no company can own itself)",
                )
            )
        done.update(chain)
    return found
