"""The bundled dataset, loaded once on first use, and module-level queries over it.

Each query in `SHORTCUTS` is also a function of the module, made from the
[`Ecosystem`][aiecosys.Ecosystem] method by one mechanism, so the two cannot drift apart:

Examples:
    >>> import aiecosys
    >>> print(aiecosys.total_raised("Mistral AI", currency="EUR", as_of="2023-12-31"))
    EUR 490,000,000
    >>> print(aiecosys.total_raised("01.AI", as_of="2023-12-31"))
    USD unknown (1 round undisclosed)
"""

from __future__ import annotations

import functools
import inspect
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from aiecosys import _codec
from aiecosys._ecosystem import Ecosystem
from aiecosys._once import once
from aiecosys._progress import Progress

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DATA_HORIZON", "DATA_VERSION", "SHORTCUTS", "load"]

P = ParamSpec("P")
R = TypeVar("R")

DATA_VERSION = "2026.11.28"
"""The version of the bundled dataset, independent of the package version."""

DATA_HORIZON = "2026-06-30"
"""The last day the bundled dataset was searched to: rounds announced later are not in it.

Up to it, the data holds the rounds public sources report for its companies, with the gaps
each company's total-raised claim explains (see the dataset docs).
"""


@once
def _bundled() -> Ecosystem:
    # pkgutil asks the package's loader (a zip import too), without importlib.resources's 10 ms.
    text = pkgutil.get_data("aiecosys", "data/ecosystem.json")
    assert text is not None  # noqa: S101 - the loader of a package found on disk reads data
    return _codec.loads(text, source="the bundled dataset")


def load(path: str | Path | None = None, *, progress: Progress | None = None) -> Ecosystem:
    """Return the bundled ecosystem, or read one from the ``aiecosys/1`` JSON file at *path*.

    The bundled dataset is read and checked on the first call, then cached (thread-safe).
    *progress*, if given, is told of the steps of reading a file: it is called as
    ``progress(what, done, total)`` (see [`aiecosys.read_crunchbase`][aiecosys.read_crunchbase]).

    Examples:
        >>> import aiecosys
        >>> eco = aiecosys.load()
        >>> eco.company("mistral").name
        'Mistral AI'
        >>> eco is aiecosys.load()
        True
    """
    return _bundled() if path is None else _codec.load(path, progress=progress)


def _shortcut(method: Callable[Concatenate[Ecosystem, P], R]) -> Callable[P, R]:
    """Make the module-level twin of an [`Ecosystem`][aiecosys.Ecosystem] query.

    The twin asks the bundled data. It has the method's name, signature (without ``self``)
    and docstring, so ``help()``, ``inspect.signature`` and mypy see the same function; only
    the data differs.
    """

    @functools.wraps(method)
    def ask(*args: P.args, **kwargs: P.kwargs) -> R:
        return method(_bundled(), *args, **kwargs)

    signature = inspect.signature(method)
    ask.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=tuple(signature.parameters.values())[1:]
    )
    ask.__qualname__ = ask.__name__
    ask.__module__ = "aiecosys"
    ask.__doc__ = (
        f"Ask the bundled dataset: [`Ecosystem.{method.__name__}`]"
        f"[aiecosys.Ecosystem.{method.__name__}] of ``aiecosys.load()``."
        f"\n\n{inspect.cleandoc(method.__doc__ or '')}"
    )
    return ask


SHORTCUTS = (
    "company",
    "investor",
    "person",
    "rounds_of",
    "total_raised",
    "funding_breakdown",
    "investors_in",
    "portfolio",
    "co_investors",
    "roles_of",
    "claims_about",
    "summary",
)
"""The queries also offered as module-level functions over the bundled dataset."""

company = _shortcut(Ecosystem.company)
investor = _shortcut(Ecosystem.investor)
person = _shortcut(Ecosystem.person)
rounds_of = _shortcut(Ecosystem.rounds_of)
total_raised = _shortcut(Ecosystem.total_raised)
funding_breakdown = _shortcut(Ecosystem.funding_breakdown)
investors_in = _shortcut(Ecosystem.investors_in)
portfolio = _shortcut(Ecosystem.portfolio)
co_investors = _shortcut(Ecosystem.co_investors)
roles_of = _shortcut(Ecosystem.roles_of)
claims_about = _shortcut(Ecosystem.claims_about)
summary = _shortcut(Ecosystem.summary)
