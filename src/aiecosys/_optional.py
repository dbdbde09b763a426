"""Optional dependencies: imported on first use, with the extra to install when absent."""

from __future__ import annotations

import importlib
from typing import Any

from aiecosys.exceptions import MissingDependency

__all__ = ["require"]


def require(module: str, *, extra: str, needed_for: str) -> Any:
    """Import and return *module*, or raise ``MissingDependency`` naming the *extra*.

    Examples:
        >>> require("json", extra="none", needed_for="this example").__name__
        'json'
        >>> require("nowhere", extra="arrow", needed_for="Parquet")
        Traceback (most recent call last):
        ...
        aiecosys.exceptions.MissingDependency: Parquet needs nowhere: pip install 'aiecosys[arrow]'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        msg = f"{needed_for} needs {top}: pip install 'aiecosys[{extra}]'"
        raise MissingDependency(msg) from None
