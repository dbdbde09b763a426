"""Name matching: records are found by id, name or alias, ignoring case and accents."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Generic, Protocol, TypeVar

from aiecosys._checks import MAX_NAME
from aiecosys.exceptions import AmbiguousKey, NotFound

__all__ = ["NameIndex", "close", "normalise"]

# No id, name or alias is longer (see _checks): a longer key names nothing, and is not folded.
_LONGEST = MAX_NAME


def close(key: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Return up to *limit* of *candidates* closest to *key*, best first: the suggestions of
    every "not found" and "not one of" error.

    Examples:
        >>> close("mistrall", ["mistral", "meta", "xai"])
        ['mistral']
    """  # noqa: D205 - one sentence
    import difflib  # noqa: PLC0415 - only on the error path

    return difflib.get_close_matches(key, list(candidates), n=limit, cutoff=0.6)


def normalise(name: str) -> str:
    """Fold *name* for matching: no accents, case-folded, white space collapsed.

    Examples:
        >>> normalise("  Clément   DELANGUE ")
        'clement delangue'
    """
    if name.isascii():  # the common case: what the steps below do to ASCII text, at once
        return " ".join(name.lower().split())
    # Upper-casing first folds letters that casefold() alone keeps apart from their capitals
    # (the Turkish dotless i, U+0131, and I, for one), so a name matches however it is cased.
    decomposed = unicodedata.normalize("NFKD", name.upper().casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


class _Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


R = TypeVar("R", bound=_Named)


class NameIndex(Generic[R]):
    """Records of one kind, by id and by normalised name and alias (built once)."""

    def __init__(self, kind: str, records: Iterable[R]) -> None:
        """Index *records* of *kind* ("company", "investor", …)."""
        self.kind = kind
        given = tuple(records)
        ids = [r.id for r in given]
        folded = map(normalise, [r.name for r in given])
        self.by_id: dict[str, R] = dict(zip(ids, given, strict=True))
        self.sort_keys: dict[str, tuple[str, str]] = dict(
            zip(ids, zip(folded, ids, strict=True), strict=True)
        )
        """Each record's key for sorting by name: (folded name, id)."""

    @functools.cached_property
    def _by_name(self) -> Mapping[str, tuple[str, ...]]:
        """The ids of the records each folded name and alias names, made on first use.

        Lookups by id, which every query of a large ecosystem's answers makes, never need it.
        """
        names: dict[str, list[str]] = {}
        for record in self.by_id.values():
            key = self.sort_keys[record.id][0]
            keys = {key, *map(normalise, record.aliases)} if record.aliases else (key,)
            for each in keys:
                found = names.get(each)
                if found is None:
                    names[each] = [record.id]
                else:
                    found.append(record.id)
        return {k: tuple(v) for k, v in names.items()}

    def get(self, key: str) -> R | None:
        """Return the record *key* names, ``None`` if none; raise if it names several."""
        found = self.by_id.get(key)
        if found is not None or len(key) > _LONGEST:
            return found
        ids = self._by_name.get(normalise(key), ())
        if len(ids) > 1:
            raise AmbiguousKey(self.kind, key, ids)
        return self.by_id[ids[0]] if ids else None

    def find(self, key: str) -> R:
        """Return the record *key* names; raise ``NotFound`` with suggestions if none."""
        found = self.get(key)
        if found is None:
            raise NotFound(self.kind, key, self.suggest(key))
        return found

    def suggest(self, key: str, limit: int = 3) -> list[str]:
        """Return the display names closest to *key*, best first."""
        if len(key) > _LONGEST:  # no name is this long: nothing is close to it
            return []
        out: list[str] = []
        for match in close(normalise(key), self._by_name, limit):
            for record_id in self._by_name[match]:
                name = self.by_id[record_id].name
                if name not in out:
                    out.append(name)
        return out[:limit]
