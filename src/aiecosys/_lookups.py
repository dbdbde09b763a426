"""Finding one record: by exact id, or by any id of any kind, with suggestions when none matches."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from aiecosys import _arguments as check
from aiecosys._model import Record
from aiecosys._names import close
from aiecosys.exceptions import NotFound

if TYPE_CHECKING:
    from aiecosys._index import Index

__all__ = ["exact", "record"]

T = TypeVar("T", bound=Record)


def exact(index: Index, kind: type[T], label: str, key: str | T) -> T:
    """Return the record of *kind* whose id is *key* (or *key*'s id)."""
    wanted = check.key(key, kind, label)
    found = index.by_id.get(wanted)
    if not isinstance(found, kind):
        ids = index.by_id.ids_of(kind)
        raise NotFound(label, wanted, close(wanted, ids))
    return found


def record(index: Index, record_id: str) -> Record:
    """Return the record of any kind whose id is *record_id*."""
    try:
        return index.by_id[record_id]
    except KeyError:
        raise NotFound("record", record_id, close(record_id, index.by_id)) from None
