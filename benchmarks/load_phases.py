"""Where a large load spends its time: phases of ``aiecosys.load`` that add up to the total.

    python benchmarks/load_phases.py /tmp/aiecosys-bench/eco-1000000.json

Only public names are used, so each phase is measured as the same work done through them:

- import the modules ``aiecosys.loads`` and ``Ecosystem`` live in (their first use);
- read the file (``Path.read_bytes``);
- parse the JSON: ``json.loads(text, parse_float=Decimal)``, the parse ``aiecosys.loads``
  performs, timed alone on the same text;
- check the references between records, sort and index: ``Ecosystem(...)`` given the records
  already built, the constructor ``aiecosys.loads`` ends with, timed alone;
- build and validate the records: what remains of ``aiecosys.loads`` (timed whole) once the
  two phases above are taken out;
- the first full garbage-collection pass after the load (``gc.collect()``).

The first two, the whole ``aiecosys.loads`` and the last add up to the total by construction;
the parse and the ``Ecosystem`` phases are measured separately, so the remainder carries
their noise. It prints CPU seconds, shares and microseconds per record.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

import attrs

import aiecosys

# CPU time of this process: on a shared machine, wall-clock time is mostly waiting for a core.
clock = time.process_time
# An Ecosystem is an attrs class: its compared fields are the version and the record lists.
COLLECTIONS = tuple(
    f.name for f in attrs.fields(aiecosys.Ecosystem) if f.eq and f.name != "version"
)


def records_in(eco: aiecosys.Ecosystem) -> int:
    """How many records the ecosystem holds, investments (part of their round) included."""
    return sum(len(getattr(eco, name)) for name in COLLECTIONS) + sum(
        len(r.investments) for r in eco.rounds
    )


def phases(path: Path) -> tuple[list[tuple[str, float]], int]:
    """Time each phase of loading *path*; return (label, seconds) pairs and the record count."""
    start = clock()
    aiecosys.loads, aiecosys.Ecosystem  # noqa: B018 - the first use imports the modules
    imported = clock()
    data = path.read_bytes()
    read = clock()

    # The parse alone, first, on an empty heap as in aiecosys.loads: once millions of
    # records exist, each collection the parse triggers would walk them all.
    text = data.decode()
    parse_start = clock()
    document = json.loads(text, parse_float=Decimal)
    parse = clock() - parse_start
    del document, text
    gc.collect()

    load_start = clock()
    eco = aiecosys.loads(data, source=str(path))
    loaded = clock()
    gc.collect()
    collected = clock()
    del data

    built = {name: getattr(eco, name) for name in COLLECTIONS}
    gc.disable()  # as aiecosys.loads does while it builds
    index_start = clock()
    aiecosys.Ecosystem(version=eco.version, **built)
    index = clock() - index_start
    gc.enable()

    rows = [
        ("import the modules aiecosys.loads needs", imported - start),
        ("read the file", read - imported),
        ("parse the JSON", parse),
        ("build and validate the records", (loaded - load_start) - parse - index),
        ("check references, sort and index (Ecosystem)", index),
        ("first full garbage-collection pass", collected - loaded),
    ]
    return rows, records_in(eco)


def main() -> None:
    """Print each phase of loading the file named on the command line."""
    rows, records = phases(Path(sys.argv[1]))
    total = sum(seconds for _, seconds in rows)
    for label, seconds in rows:
        print(
            f"{label:<48}{seconds:8.3f} s {seconds / total:6.1%}"
            f" {seconds / records * 1e6:7.2f} µs/record"
        )
    print(f"{'total':<48}{total:8.3f} s         {total / records * 1e6:7.2f} µs/record")
    print(f"({records:,} records, investments included)")


if __name__ == "__main__":
    main()
