"""Time each phase of loading an aiecosys/1 file: where a large load spends its time.

python benchmarks/load_phases.py /tmp/aiecosys-bench/eco-1000000.json
"""

from __future__ import annotations

import gc
import json
import sys
import time
from decimal import Decimal

from aiecosys import _codec, _integrity
from aiecosys._ecosystem import Ecosystem
from aiecosys._fastread import structure_all
from aiecosys._model import COLLECTIONS


def main() -> None:
    """Load the file given on the command line, phase by phase, and print each phase's time."""
    path = sys.argv[1]
    gc.disable()  # as aiecosys.load does
    start = time.perf_counter()
    with open(path, "rb") as f:  # noqa: PTH123 - the plainest read, as load() does
        text = f.read().decode()
    document = json.loads(text, parse_float=Decimal)
    del text
    parsed = time.perf_counter()
    converter = _codec.make_converter()
    collections = {}
    for name, kind in COLLECTIONS:
        collections[name], _ = structure_all(
            document.get(name, []),
            kind=kind,
            name=name,
            converter=converter,
            decimal=_codec._read_decimal,
            explain=_codec._problems,
        )
    built = time.perf_counter()
    _integrity.problems(_integrity.Records(**collections))
    checked = time.perf_counter()
    Ecosystem(**collections)
    indexed = time.perf_counter()
    gc.enable()
    gc.collect()
    collected = time.perf_counter()
    rows = [
        ("read the file and parse the JSON", parsed - start),
        ("build and validate the records", built - parsed),
        ("check every reference between records", checked - built),
        ("Ecosystem: the same checks, then sort and index", indexed - checked),
        ("the first full garbage-collection pass", collected - indexed),
    ]
    for label, seconds in rows:
        print(f"{label:<50}{seconds:8.2f} s")


if __name__ == "__main__":
    main()
