"""The co-investment table of a large ecosystem gives the answers worked out round by round."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import Ecosystem
from aiecosys import strategies as aist
from aiecosys._index import PAIRS_FROM
from tests.helpers import small


def both(eco: Ecosystem, monkeypatch: pytest.MonkeyPatch) -> tuple[Ecosystem, Ecosystem]:
    """The same records, one ecosystem with the table and one without."""
    records = {
        name: getattr(eco, name)
        for name in ("sources", "people", "companies", "investors", "rounds", "claims")
    }
    monkeypatch.setattr("aiecosys._index.PAIRS_FROM", 0)
    tabled = Ecosystem(version=eco.version, **records)
    monkeypatch.setattr("aiecosys._index.PAIRS_FROM", PAIRS_FROM)
    plain = Ecosystem(version=eco.version, **records)
    return tabled, plain


def test_only_a_large_ecosystem_is_tabled():
    """Below PAIRS_FROM rounds no table is built (numpy is not even imported for it)."""
    assert small()._index.pairs is None


@settings(max_examples=40)
@given(aist.ecosystems(), st.data())
def test_tabled_answers_equal_those_worked_out_round_by_round(eco, data):
    """Co-investors (order, counts, shared rounds) and portfolios agree for every investor."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        tabled, plain = both(eco, monkeypatch)
    assert tabled._index.pairs is not None
    for investor in eco.investors:
        mine, theirs = tabled.co_investors(investor), plain.co_investors(investor)
        assert [(c.investor, c.shared) for c in mine] == [(c.investor, c.shared) for c in theirs]
        assert list(mine) == list(theirs)
        assert list(tabled.portfolio(investor)) == list(plain.portfolio(investor))
    if eco.investors:
        investor = data.draw(st.sampled_from(eco.investors))
        as_of = data.draw(st.sampled_from(["2015", "2020-06", "2024-01-31"]))
        assert tabled.co_investors(investor, as_of=as_of) == plain.co_investors(
            investor, as_of=as_of
        )


def test_a_co_investors_shared_rounds_are_found_when_read(monkeypatch):
    """The count is known at once; the rounds themselves, in announcement order, on reading."""
    tabled, plain = both(small(), monkeypatch)
    for mine, theirs in zip(
        tabled.co_investors("investor:alpha"), plain.co_investors("investor:alpha"), strict=True
    ):
        assert mine.shared == theirs.shared
        assert list(mine.rounds) == list(theirs.rounds)


@given(st.lists(st.integers(-(2**62), 2**62), max_size=60))
def test_distinct_keys_are_those_np_unique_gives(keys):
    """The sort that replaces np.unique (slow in numpy 2.3+) gives its values and counts."""
    import numpy as np

    from aiecosys._pairs import _distinct

    given_keys = np.asarray(keys, dtype=np.int64)
    values, counts = np.unique(given_keys, return_counts=True)
    mine, mine_counts = _distinct(given_keys.copy())
    assert mine.tolist() == values.tolist()
    assert mine_counts.tolist() == counts.tolist()
