"""Where a large load spends its time: the steps of ``aiecosys.loads``, one after the other.

    python benchmarks/load_phases.py /tmp/aiecosys-bench/eco-1000000.json

The steps are those ``aiecosys.loads`` takes for a valid file, run one by one through the
private modules that take them (so each can be timed), in one process with the collector
paused as ``loads`` pauses it:

- import the modules ``aiecosys.loads`` needs;
- read the file (``Path.read_bytes``);
- decode it in bulk into rows (msgspec);
- look for keys given twice (count the colons, ``_bulk._keys_given_twice``);
- check and build the records of every collection but rounds (``_bulk._records_of``);
- check the round rows column by column (``_bulk._check_rounds``);
- check the references between records (``_integrity.checked``);
- sort by id and number the rounds' links (``_columns.Columns``);
- check that no round lists an investor twice or predates its company
  (``_integrity.rounds_at_fault``);
- index (names, announcement order, groups, the co-investment table);
- the first full garbage-collection pass afterwards.

The steps add up to the total by construction. For comparison it also prints the CPU time of
``aiecosys.loads`` on the same bytes, whole. CPU seconds, shares and microseconds a record.
"""

from __future__ import annotations

import gc
import sys
import time
from operator import attrgetter
from pathlib import Path

# CPU time of this process: on a shared machine, wall-clock time is mostly waiting for a core.
clock = time.process_time


def phases(path: Path) -> tuple[list[tuple[str, float]], int, float]:
    """Time each step of loading *path*; return (label, seconds) pairs, records, whole load."""
    start = clock()
    import aiecosys
    from aiecosys import _bulk, _columns, _index, _integrity
    from aiecosys._model import COLLECTIONS, Round
    from aiecosys._totals import FIELDS

    imported = clock()
    data = path.read_bytes()
    read = clock()
    gc.disable()
    document = _bulk._decoder().decode(data)
    decoded = clock()
    if _bulk._keys_given_twice(data, document):
        raise SystemExit("the file gives a key twice: aiecosys.loads would not read it in bulk")
    looked = clock()
    leaves = _bulk._Leaves()
    checked = _bulk._Builders(leaves, check=True)
    unchecked = _bulk._Builders(leaves, check=False)
    given = {name: _bulk._given(getattr(document, name)) for name, _ in COLLECTIONS}
    records = {
        name: _bulk._records_of(kind, given[name], leaves, checked, unchecked)
        for name, kind in COLLECTIONS
        if kind is not Round
    }
    built = clock()
    rows = tuple(given["rounds"])
    distinct = _bulk._check_rounds(rows, leaves, checked)
    rounds_checked = clock()
    lists = _integrity.checked({**records, "rounds": rows}, None, distinct=distinct)
    referenced = clock()
    lists = {name: tuple(sorted(c, key=attrgetter("id"))) for name, c in lists.items()}
    columns = _columns.Columns.of(lists["rounds"], lists["companies"], lists["investors"])
    numbered = clock()
    if columns is None or _integrity.rounds_at_fault(columns, lists["companies"]):
        raise SystemExit("some round breaks a rule: aiecosys.loads would not accept the file")
    faults = clock()
    round_rows = lists.pop("rounds")
    build = unchecked.of(Round)
    _index.Index.build(lists, round_rows, build, columns, unchecked.fields(Round, FIELDS))
    indexed = clock()
    gc.enable()
    gc.collect()
    collected = clock()
    count = sum(len(c) for c in lists.values()) + len(round_rows)
    count += sum(len(r.investments) for r in round_rows)
    whole_start = clock()
    aiecosys.loads(data)
    whole = clock() - whole_start
    steps = [
        ("import the modules aiecosys.loads needs", imported - start),
        ("read the file", read - imported),
        ("decode in bulk into rows (msgspec)", decoded - read),
        ("look for keys given twice", looked - decoded),
        ("build the records of the other collections", built - looked),
        ("check the round rows, column by column", rounds_checked - built),
        ("check references between records", referenced - rounds_checked),
        ("sort by id, number the rounds' links", numbered - referenced),
        ("check each round's investors and date (numbers)", faults - numbered),
        ("index (names, groups, co-investment table)", indexed - faults),
        ("first full garbage-collection pass", collected - indexed),
    ]
    return steps, count, whole


def main() -> None:
    """Print each step of loading the file named on the command line."""
    rows, records, whole = phases(Path(sys.argv[1]))
    total = sum(seconds for _, seconds in rows)
    for label, seconds in rows:
        print(
            f"{label:<48}{seconds:8.3f} s {seconds / total:6.1%}"
            f" {seconds / records * 1e6:7.2f} µs/record"
        )
    print(f"{'total':<48}{total:8.3f} s         {total / records * 1e6:7.2f} µs/record")
    print(f"({records:,} records, investments included; aiecosys.loads whole: {whole:.3f} s)")


if __name__ == "__main__":
    main()
