"""Exact lookups: the record of the right kind, or NotFound with the closest ids."""

import pytest

from aiecosys import NotFound, Round, Source
from aiecosys._lookups import exact, record
from tests.test_index import index


def test_exact_finds_by_id_or_record_and_refuses_another_kind():
    """An id of another kind of record is not found, with suggestions of the right kind."""
    found = index()
    seed = exact(found, Round, "round", "round:acme-seed")
    assert exact(found, Round, "round", seed) is seed
    with pytest.raises(NotFound) as caught:
        exact(found, Round, "round", "company:acme")
    assert caught.value.suggestions == ()
    with pytest.raises(NotFound):
        exact(found, Source, "source", "round:acme-seed")


def test_record_suggests_close_ids():
    """A misspelt id is not found; the error suggests the close ones."""
    with pytest.raises(NotFound) as caught:
        record(index(), "round:acme-sed")
    assert "round:acme-seed" in caught.value.suggestions
