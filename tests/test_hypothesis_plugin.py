"""The hypothesis entry point: st.from_type works for our types, and registering reads no data."""

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from aiecosys import Company, Ecosystem, Investor, Money, PartialDate, Person, Round, Source

KINDS = (Money, PartialDate, Source, Person, Company, Investor, Round)


@given(st.tuples(*(st.from_type(kind) for kind in KINDS)))
def test_from_type_draws_valid_records_of_each_type(values):
    """Each registered type draws an instance of itself (validated when built)."""
    assert all(isinstance(v, k) for v, k in zip(values, KINDS, strict=True))


@given(st.from_type(Ecosystem))
def test_from_type_draws_whole_ecosystems(eco):
    """An Ecosystem from from_type is referentially valid (it was built, so it was checked)."""
    assert isinstance(eco, Ecosystem)


def test_importing_hypothesis_loads_no_data_and_no_strategies_module():
    """The entry point only registers: the bundled data and aiecosys.strategies stay unloaded."""
    code = (
        "import sys, hypothesis; "
        "import aiecosys._bundled as b; "
        "print(b._bundled.loaded, 'aiecosys.strategies' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]
