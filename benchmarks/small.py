"""Small data stays fast: import, first load of the bundled data, first conversion.

Each run is a fresh interpreter that times, one after the other, ``import aiecosys``, the
first ``aiecosys.load()`` (the bundled dataset) and the first ``aiecosys.convert()`` (which
reads the ECB table), in wall-clock time and in the CPU time of the process (the fairer
figure on a shared machine). With ``--against SRC`` it also runs the aiecosys found in the folder
SRC (for example ``git archive main src | tar -x -C /tmp/main``), alternating the two so that
both see the same machine load. Prints the median and the range of each figure.

    python benchmarks/small.py --runs 9
    python benchmarks/small.py --runs 9 --against /tmp/main/src
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, time
w0, c0 = time.perf_counter(), time.process_time()
import aiecosys
w1, c1 = time.perf_counter(), time.process_time()
eco = aiecosys.load()
w2, c2 = time.perf_counter(), time.process_time()
aiecosys.convert(aiecosys.Money(amount=100, currency="GBP"), "USD", on="2024-06-13")
w3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"import": w1 - w0, "load": w2 - w1, "convert": w3 - w2,
                  "import CPU": c1 - c0, "load CPU": c2 - c1, "convert CPU": c3 - c2}))
"""
FIGURES = ("import", "load", "convert", "import CPU", "load CPU", "convert CPU")


def once(src: Path | None) -> dict[str, float]:
    """Time the three steps in a fresh interpreter, with *src* first on the path if given."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env=env
    )
    return {k: v * 1e3 for k, v in json.loads(done.stdout).items()}


def summary(runs: list[dict[str, float]]) -> str:
    """Median and range of each figure, in milliseconds."""
    return "\n    ".join(
        f"{k} {statistics.median(r[k] for r in runs):6.1f} ms "
        f"({min(r[k] for r in runs):.1f}-{max(r[k] for r in runs):.1f})"
        for k in FIGURES
    )


def main() -> None:
    """Run the fresh interpreters and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="Another aiecosys source folder to compare.")
    args = parser.parse_args()
    ours: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(args.runs):
        ours.append(once(None))
        if args.against:
            theirs.append(once(args.against))
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.runs} runs each")
    print(f"this tree:  {summary(ours)}")
    if theirs:
        print(f"{args.against}:  {summary(theirs)}")


if __name__ == "__main__":
    main()
