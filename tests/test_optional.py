"""Optional dependencies: imported when asked for, or an error that names the extra."""

import sys

import pytest

from aiecosys import MissingDependency
from aiecosys._optional import require


def test_an_installed_module_is_returned():
    """require() returns the module itself."""
    import json

    assert require("json", extra="none", needed_for="tests") is json


def test_a_missing_module_names_the_extra_and_what_needs_it(monkeypatch: pytest.MonkeyPatch):
    """The error says what needs the module and the pip command with the extra."""
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(MissingDependency) as caught:
        require("networkx", extra="graph", needed_for="graphs")
    assert str(caught.value) == "graphs needs networkx: pip install 'aiecosys[graph]'"
    assert isinstance(caught.value, ImportError)


def test_a_submodule_names_its_package(monkeypatch: pytest.MonkeyPatch):
    """pyarrow.parquet missing says pyarrow, the package to install."""
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingDependency, match="Parquet needs pyarrow:"):
        require("pyarrow.parquet", extra="arrow", needed_for="Parquet")
