"""Records: a lazy, read-only sequence that reads like the tuple of its records."""

import pickle

import pytest

from aiecosys import Company, Round
from aiecosys._rows import Records, unchecked
from tests.helpers import small


def test_records_read_like_a_tuple():
    """len, indexing, negative indexing, slicing, iteration, in, index and equality."""
    rounds = tuple(small().rounds)
    lazy: Records[Round] = Records(rounds)
    assert len(lazy) == len(rounds)
    assert lazy[0] == rounds[0]
    assert lazy[-1] == rounds[-1]
    assert lazy[1:3] == rounds[1:3]
    assert isinstance(lazy[1:3], tuple)
    assert list(lazy) == list(rounds)
    assert rounds[2] in lazy
    assert lazy.index(rounds[2]) == 2
    assert lazy == rounds
    assert rounds == lazy
    assert lazy == list(rounds)
    assert lazy != rounds[:-1]
    assert lazy != "not a sequence"
    assert hash(lazy) == hash(rounds)
    with pytest.raises(IndexError):
        lazy[len(rounds)]


def test_records_build_each_row_when_read_in_the_order_given():
    """With positions, rows are read in that order, each through the builder."""
    built: list[str] = []

    def build(name: str) -> Company:
        built.append(name)
        return Company(id=f"company:{name}", name=name)

    lazy = Records(["a", "b", "c"], build, [2, 0])
    assert built == []
    assert [c.name for c in lazy] == ["c", "a"]
    assert built == ["c", "a"]


def test_positions_found_later_are_found_once_and_the_count_is_known_before():
    """A sequence given its count and a finder calls the finder on the first read only."""
    calls = []

    def find() -> list[int]:
        calls.append(1)
        return [1]

    lazy: Records[str] = Records(["x", "y"], None, later=(1, find))
    assert len(lazy) == 1
    assert calls == []
    assert list(lazy) == ["y"]
    assert lazy[0] == "y"
    assert calls == [1]


def test_records_pickle_as_a_tuple():
    """A pickled sequence comes back as the tuple of its records."""
    rounds = small().rounds
    assert pickle.loads(pickle.dumps(rounds)) == tuple(rounds)  # noqa: S301 - our own bytes


def test_unchecked_builds_an_equal_record_without_running_its_rules():
    """unchecked() sets the values given and derives what __attrs_post_init__ derives."""
    original = next(r for r in small().rounds if r.investments)
    again = unchecked(Round)(
        *(
            getattr(original, f)
            for f in (
                "id",
                "company",
                "stage",
                "announced",
                "amount",
                "valuation",
                "investments",
                "note",
                "sources",
            )
        )
    )
    assert again == original
    assert again.investor_ids == original.investor_ids
    bad = unchecked(Company)("has space", "", (), None, None, None, None, None, (), None, ())

    assert bad.id == "has space"  # no rule ran: only for values checked already
