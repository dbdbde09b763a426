"""Placing rounds and roles in time by the one rule of PartialDate.timing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import PartialDate, Role, Timing
from aiecosys import strategies as aist
from aiecosys._timeline import between, roles_at, split
from tests.helpers import round_, small


def test_split_keeps_sure_and_possible_rounds_apart():
    """A round announced '2021-06' is possibly announced by 15 June 2021, surely by 30 June."""
    rounds = small().rounds_of("Acme")
    mid = split(rounds, "2021-06-15")
    assert [r.id for r in mid.possibly] == ["round:acme-a"]
    assert "round:acme-a" in [r.id for r in split(rounds, "2021-06").surely]


@given(
    date=aist.partial_dates(),
    since=st.one_of(st.none(), aist.partial_dates()),
    until=st.one_of(st.none(), aist.partial_dates()),
)
def test_between_follows_timing_at_both_bounds(
    date: PartialDate, since: PartialDate | None, until: PartialDate | None
):
    """Surely in range, possibly (straddling a bound), or out: exactly what timing() says."""
    r = round_("r", "c", str(date), None)
    found = between([r], since, until)
    start = since.first_day.subtract(days=1) if since else None
    after = Timing.AFTER if start is None else date.timing(start)
    by = Timing.BEFORE if until is None else date.timing(until)
    out = after is Timing.BEFORE or by is Timing.AFTER
    sure = after is Timing.AFTER and by is Timing.BEFORE
    assert (r in found.surely) == (not out and sure)
    assert (r in found.possibly) == (not out and not sure)


@pytest.mark.parametrize(
    ("as_of", "surely", "possibly"),
    [("2015-03-15", [], ["CEO"]), ("2019-06", ["CEO"], []), ("2013", [], [])],
)
def test_roles_at_splits_by_held_on(as_of: str, surely: list[str], possibly: list[str]):
    """A role begun in March 2015 is possibly held mid-March 2015, surely later, not before."""
    role = Role(organisation="o", title="CEO", start=PartialDate.parse("2015-03"))
    found = roles_at((role,), as_of)
    assert ([r.title for r in found.surely], [r.title for r in found.possibly]) == (
        surely,
        possibly,
    )
