"""DataFrames: exact decimals, None for missing, and a clear error naming the extra."""

import sys
from decimal import Decimal

import pytest

from aiecosys import MissingDependency, to_pandas, to_polars
from tests.helpers import small


def test_pandas_keeps_amounts_exact_and_missing_values_none():
    """Amounts are Decimal objects, an undisclosed amount is None (never NaN), flags are bool."""
    frame = to_pandas(small(), "rounds").set_index("id")
    assert frame.loc["round:acme-b", "amount"] is None
    assert isinstance(frame.loc["round:acme-seed", "amount"], Decimal)
    assert str(frame["undisclosed"].dtype) == "bool"


def test_polars_types_match_arrow():
    """polars reads the Arrow table: decimals, dates and lists of strings."""
    import polars as pl

    frame = to_polars(small(), "rounds")
    assert isinstance(frame.schema["amount"], pl.Decimal)
    assert frame.schema["announced_first_day"] == pl.Date
    assert frame.schema["investor_names"] == pl.List(pl.String)


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda: to_pandas(small(), "rounds"), "pandas"),
        ("polars", lambda: to_polars(small(), "rounds"), "polars"),
        ("pyarrow", lambda: to_polars(small(), "rounds"), "polars"),
    ],
)
def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch, module, call, extra):
    """Without the library, MissingDependency says which extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingDependency, match=rf"pip install 'aiecosys\[{extra}\]'"):
        call()
