"""The bundled dataset's module-level shortcuts are the Ecosystem methods, asked of load()."""

import inspect
import subprocess
import sys
from typing import Any

import pytest

import aiecosys
from aiecosys import Ecosystem, load
from aiecosys._bundled import SHORTCUTS

ASKED: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "company": (("mistral",), {}),
    "investor": (("Lightspeed",), {}),
    "person": (("Arthur Mensch",), {}),
    "rounds_of": (("Mistral AI",), {"as_of": "2023-12-15"}),
    "total_raised": (("Mistral AI",), {"currency": "EUR", "as_of": "2024"}),
    "funding_breakdown": (("xAI",), {"currency": "EUR"}),
    "investors_in": (("Mistral AI",), {"lead_only": True}),
    "portfolio": (("Lightspeed Venture Partners",), {"as_of": "2024"}),
    "co_investors": (("Nvidia",), {}),
    "roles_of": (("Eiso Kant",), {"as_of": "2023-11-30"}),
    "claims_about": (("Mistral AI",), {"verdict": "contradicted"}),
    "summary": ((), {"currency": "EUR", "top": 3}),
}


def test_every_shortcut_is_public_and_asked_here():
    """Each shortcut is in aiecosys.__all__, and this module asks each one a question."""
    assert set(SHORTCUTS) <= set(aiecosys.__all__)
    assert set(SHORTCUTS) == set(ASKED)


@pytest.mark.parametrize("name", SHORTCUTS)
def test_shortcut_has_the_methods_signature_and_docstring(name):
    """A shortcut's signature is the method's without self; its help includes the method's."""
    shortcut, method = getattr(aiecosys, name), getattr(Ecosystem, name)
    expected = list(inspect.signature(method).parameters.values())[1:]
    assert list(inspect.signature(shortcut).parameters.values()) == expected
    assert (
        inspect.signature(shortcut).return_annotation == inspect.signature(method).return_annotation
    )
    assert shortcut.__name__ == name
    assert inspect.cleandoc(method.__doc__) in shortcut.__doc__


@pytest.mark.parametrize("name", SHORTCUTS)
def test_shortcut_gives_the_methods_answer_on_the_bundled_data(name):
    """aiecosys.NAME(...) == aiecosys.load().NAME(...)."""
    args, kwargs = ASKED[name]
    assert getattr(aiecosys, name)(*args, **kwargs) == getattr(load(), name)(*args, **kwargs)


def test_shortcut_raises_what_the_method_raises():
    """A shortcut's errors are the method's, unchanged."""
    with pytest.raises(aiecosys.NotFound, match="Mistal"):
        aiecosys.company("Mistal")


def test_loading_the_bundled_data_imports_nothing_only_other_paths_need():
    """load() pays for no date library, path library, zip reader or FX table it does not use.

    pendulum (20 ms) comes with the first pendulum date asked for, pathlib and zipfile with a
    user's file or the first conversion, difflib with the first suggestion of an error.
    """
    code = (
        "import sys, aiecosys; eco = aiecosys.load(); "
        "late = ['pendulum', 'dateutil', 'pathlib', 'zipfile', 'importlib.resources', "
        "'difflib', 'currency_converter', 'cattrs', 'numpy', 'click']; "
        "print([m for m in late if m in sys.modules]); "
        "eco.rounds[0].announced.first_day; print('pendulum' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]
