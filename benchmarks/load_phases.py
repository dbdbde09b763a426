"""Time the phases of loading an aiecosys/1 file, with the public API only.

python benchmarks/load_phases.py /tmp/aiecosys-bench/eco-1000000.json

``aiecosys.loads`` is timed whole; two of its phases can be timed apart with public names:
parsing the JSON (the standard library's, as ``loads`` does) and checking and indexing the
records (building an ``Ecosystem`` again from the loaded records). Building and validating
the records is what remains: the phases add up to the whole load, and each is counted once.
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


def main() -> None:
    """Load the file given on the command line and print each phase's time."""
    text = Path(sys.argv[1]).read_bytes()
    gc.disable()
    start = time.perf_counter()
    json.loads(text, parse_float=Decimal)
    parse = time.perf_counter() - start
    gc.enable()
    gc.collect()

    start = time.perf_counter()
    eco = aiecosys.loads(text)  # disables the collector while it builds, and re-enables it
    load = time.perf_counter() - start
    start = time.perf_counter()
    gc.collect()
    collect = time.perf_counter() - start

    # An Ecosystem is an attrs class: its compared fields are the version and the records.
    fields = [f.name for f in attrs.fields(aiecosys.Ecosystem) if f.eq and f.name != "version"]
    records = {name: getattr(eco, name) for name in fields}
    gc.disable()
    start = time.perf_counter()
    aiecosys.Ecosystem(version=eco.version, **records)
    check = time.perf_counter() - start
    gc.enable()

    rows = [
        ("parse the JSON", parse),
        ("build and validate the records (the rest)", load - parse - check),
        ("check every reference, sort and index", check),
        ("aiecosys.loads() in all", load),
        ("then the first full garbage-collection pass", collect),
    ]
    print(f"{len(eco.rounds):,} rounds")
    for label, seconds in rows:
        print(f"{label:<50}{seconds:8.3f} s")


if __name__ == "__main__":
    main()
