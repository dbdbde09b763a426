"""Claims: what sources say about records, and whether the data bears them out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from aiecosys import _arguments as check
from aiecosys._model import Claim, Company, Record, Verdict
from aiecosys._names import close
from aiecosys.exceptions import NotFound

if TYPE_CHECKING:
    from aiecosys._index import Index
    from aiecosys._names import NameIndex

__all__ = ["claims_about", "with_verdict"]


def with_verdict(claims: Iterable[Claim], verdict: Verdict | str | None) -> tuple[Claim, ...]:
    """Return *claims* (those with *verdict* if given), by id."""
    if verdict is not None:
        wanted = check.choice(verdict, Verdict, "verdict")
        claims = (c for c in claims if c.verdict is wanted)
    return tuple(sorted(claims, key=lambda c: c.id))


def claims_about(
    index: Index, entity: str | Record, verdict: Verdict | str | None
) -> tuple[Claim, ...]:
    """The claims about *entity* (a record, an id or a name), its rounds' included, by id."""
    ids = _subject_ids(index, entity)
    return with_verdict((c for i in ids for c in index.claims_by_subject.get(i, ())), verdict)


def _subject_ids(index: Index, entity: str | Record) -> set[str]:
    ids: set[str] = set()
    if not isinstance(entity, str):
        ids.add(check.key(entity, Record, "entity"))
    elif entity in index.by_id:
        ids.add(entity)
    else:
        names: tuple[NameIndex[Any], ...] = (index.companies, index.investors, index.people)
        for named in names:
            found = named.get(entity)
            if found is not None:
                ids.add(found.id)
        if not ids:
            every = [r.name for named in names for r in named.by_id.values()]
            raise NotFound("record", entity, close(entity, every))
    companies = [i for i in ids if isinstance(index.by_id.get(i), Company)]
    ids.update(r.id for i in companies for r in index.rounds_by_company.get(i, ()))
    return ids
