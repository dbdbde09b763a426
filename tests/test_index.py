"""The index: built once from checked records, in announcement order, sorted names folded once."""

from operator import attrgetter

from aiecosys._columns import Columns
from aiecosys._index import Index
from aiecosys._model import COLLECTIONS, Round
from aiecosys._totals import FIELDS
from tests.helpers import small


def index() -> Index:
    eco = small()
    others = {name: getattr(eco, name) for name, _ in COLLECTIONS if name != "rounds"}
    rounds = tuple(eco.rounds)
    columns = Columns.of(rounds, eco.companies, eco.investors)
    assert columns is not None
    return Index.build(others, rounds, None, columns, attrgetter(*FIELDS))


def test_rounds_are_indexed_in_announcement_order_by_company_and_investor():
    """Each company's and investor's rounds keep the order first day, last day, id."""
    found = index()

    def order(r: Round) -> tuple[object, ...]:
        return (r.announced.first_day, r.announced.last_day, r.id)

    assert list(found.rounds_in_order) == sorted(found.rounds_in_order, key=order)
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


def test_large_groupings_equal_small_ones(monkeypatch):
    """A large ecosystem's groups, in packed arrays, are the groups of the list layout."""
    from aiecosys import _columns

    small_layout = index()
    monkeypatch.setattr(_columns, "LARGE", 0)
    large_layout = index()
    for name in ("rounds_by_company", "rounds_by_investor"):
        mine, theirs = getattr(large_layout, name), getattr(small_layout, name)
        assert list(mine) == list(theirs)
        assert {k: list(mine[k]) for k in mine} == {k: list(theirs[k]) for k in theirs}
    assert list(large_layout.rounds_in_order) == list(small_layout.rounds_in_order)
