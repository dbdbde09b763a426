import ast
import subprocess
import sys
from pathlib import Path

import pytest

import aiecosys

INIT = Path(aiecosys.__file__)


def run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_every_public_name_resolves():
    """Each name in __all__ is importable from aiecosys."""
    for name in aiecosys.__all__:
        assert getattr(aiecosys, name) is not None


def test_lazy_table_matches_the_type_checking_imports():
    """The lazy-import table and the TYPE_CHECKING imports name the same things."""
    tree = ast.parse(INIT.read_text())
    block = next(n for n in tree.body if isinstance(n, ast.If))
    imported = {
        alias.name: node.module.removeprefix("aiecosys.")
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert imported == aiecosys._LAZY


def test_all_is_unique_and_complete():
    """__all__ lists every lazy name, once."""
    assert len(set(aiecosys.__all__)) == len(aiecosys.__all__)
    assert set(aiecosys._LAZY) <= set(aiecosys.__all__)


def test_unknown_attribute_is_an_attribute_error():
    """A misspelled name raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="totl_raised"):
        aiecosys.totl_raised  # noqa: B018


def test_import_loads_no_data_fx_table_click_cattrs_or_hypothesis():
    """Import aiecosys leaves the heavy modules unloaded."""
    out = run(
        "import sys, aiecosys; heavy = ['currency_converter', 'click', 'hypothesis', "
        "'cattrs', 'pycountry', 'pendulum', 'aiecosys._bundled']; "
        "print([m for m in heavy if m in sys.modules])"
    )
    assert out == "[]"


def test_import_loads_only_the_package_and_its_exceptions():
    """Import aiecosys loads no aiecosys module beyond its face, errors and version.

    Import time itself is measured by benchmarks/small.py, not asserted here: a timed test
    fails on a busy machine for reasons that are not the code's.
    """
    code = "import sys, aiecosys; print(sorted(m for m in sys.modules if m.startswith('aiecosys')))"
    loaded = run(code).strip()
    assert loaded == "['aiecosys', 'aiecosys._version', 'aiecosys.exceptions']"


def test_version_matches_the_installed_metadata():
    """__version__ is the version pip installed."""
    from importlib.metadata import version

    assert aiecosys.__version__ == version("aiecosys")
