"""The index: built once from checked records, in announcement order, sorted names folded once."""

from aiecosys._index import Index, round_order
from aiecosys._model import COLLECTIONS
from tests.helpers import small


def index() -> Index:
    eco = small()
    return Index.build({name: getattr(eco, name) for name, _ in COLLECTIONS})


def test_rounds_are_indexed_in_announcement_order_by_company_and_investor():
    """Each company's and investor's rounds keep the order first day, last day, id."""
    found = index()
    assert list(found.rounds_in_order) == sorted(found.rounds_in_order, key=round_order)
    assert [r.id for r in found.rounds_by_company["company:acme"]] == [
        "round:acme-seed",
        "round:acme-a",
        "round:acme-b",
        "round:acme-tender",
    ]
    assert [r.id for r in found.rounds_by_investor["investor:delta"]] == [
        "round:bolt-seed",
        "round:acme-b",
    ]


def test_by_name_sorts_by_folded_name_then_id():
    """by_name() orders records by their folded name, whatever order the ids come in."""
    found = index()
    names = [i.name for i in found.by_name(found.investors, ["investor:gamma", "investor:alpha"])]
    assert names == ["Alpha Capital", "Gamma"]


def test_every_record_is_found_by_id():
    """by_id holds every record of every kind."""
    eco = small()
    found = index()
    assert set(found.by_id) == {r.id for name, _ in COLLECTIONS for r in getattr(eco, name)}
