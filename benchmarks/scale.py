"""Scale benchmark: aiecosys against DuckDB and polars on the same aiecosys/1 file.

For each size it generates (once, cached) a deterministic ecosystem file, chooses once the
busiest investor (most rounds, then smallest id) and a sample of companies, and runs each
engine in its own fresh interpreter, one after the other, ``--repeat`` times (3 unless told),
the engines taking turns, so that each round of runs sees the same machine:

- load: the file to a validated, indexed ``Ecosystem`` (aiecosys); the file to tables of
  rounds, investments and companies (DuckDB ``read_json``, polars ``read_json``), not checked;
- peak RSS of each process (its own high-water mark, `VmHWM`: `ru_maxrss` would keep the
  parent's peak across `exec`);
- the rates each engine converts at, made ready before any query and timed apart (DuckDB and
  polars read a table of them and select the rounds that count in a total; aiecosys reads
  the ECB table's columns of the file's currencies, on first use);
- the first call of each query in that process, then repeated calls (median and p99):
  ``total_raised`` in USD of the sampled companies, each round converted at the ECB rate of
  its date (DuckDB: an ``ASOF JOIN``, polars: ``join_asof`` on a table of the same rates);
  ``co_investors`` and ``portfolio`` of the busiest investor.

Each figure is the median over the runs of an engine; each ratio is the median of the ratios
of the runs taken side by side (aiecosys's first run against DuckDB's first run, and so on),
its range in brackets, so a ratio compares two processes that ran one after the other.

Before it prints any time it checks that every run of every engine gave the same answers: the same
co-investors with the same counts of shared rounds, the same portfolio, the same totals to
the cent with the same counts of rounds and of undisclosed rounds. Run from the project root:

    python benchmarks/scale.py                      # 10k, 100k and 1M rounds
    python benchmarks/scale.py --sizes 10000 --calls 50 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import Any

HERE = Path(__file__).parent
ENGINES = ("aiecosys", "duckdb", "polars")
QUERIES = ("total_raised", "co_investors", "portfolio")

# Each engine runs as a script in a fresh interpreter; PATH, RATES, INVESTOR, COMPANIES and
# CALLS are set before it. It prints one JSON object: times, peak RSS and its answers.
COMMON = """
import json, resource, statistics, sys, time
from decimal import Decimal
def peak_mb():  # this process's own high-water mark: ru_maxrss keeps the parent's across exec
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def cpu_s():  # user + system time of every thread of this process
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
def first_then_repeated(fn, args):
    t = time.perf_counter(); answer = fn(args[0]); first = time.perf_counter() - t
    times = []
    for arg in args:
        t = time.perf_counter(); fn(arg); times.append(time.perf_counter() - t)
    times.sort()
    return answer, {"first_us": first * 1e6, "median_us": statistics.median(times) * 1e6,
                    "p99_us": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e6}
def report(load_s, load_peak, queries, answers):
    print(json.dumps({"load_s": load_s, "load_cpu_s": load_cpu, "load_peak_mb": load_peak,
                      "rates_s": rates_s,
                      "peak_mb": peak_mb(),
                      **queries, "answers": answers}))
"""

AIECOSYS = (
    COMMON
    + """
t = time.perf_counter()
import aiecosys
eco = aiecosys.load(PATH)
load_s = time.perf_counter() - t
load_cpu = cpu_s()
load_peak = peak_mb()
# The rates, as the other engines read their table of them before their first call: the
# ECB table's columns of the file's currencies (read on first use), timed apart.
t = time.perf_counter()
for currency in ("EUR", "GBP", "JPY", "CHF"):
    aiecosys.convert(aiecosys.Money(amount=1, currency=currency), "USD", on="2024-01-02")
rates_s = time.perf_counter() - t
def total(company):
    found = eco.total_raised(company, currency="USD")
    known = str(found.known.amount) if found.disclosed else None
    return [known, found.rounds, found.undisclosed]
# First calls first, then the repeated ones.
first_total, total_t = first_then_repeated(total, COMPANIES)
co, co_t = first_then_repeated(eco.co_investors, [INVESTOR] * CALLS)
port, port_t = first_then_repeated(eco.portfolio, [INVESTOR] * CALLS)
# aiecosys answers are sequences whose records are built when read: also time a call whose
# every answer is read (investor id and count of each co-investor, id of each company).
t = time.perf_counter(); every = [(c.investor.id, c.shared) for c in eco.co_investors(INVESTOR)]
co_t["read_all_us"] = (time.perf_counter() - t) * 1e6
t = time.perf_counter(); every = [c.id for c in eco.portfolio(INVESTOR)]
port_t["read_all_us"] = (time.perf_counter() - t) * 1e6
report(load_s, load_peak, {"total_raised": total_t, "co_investors": co_t, "portfolio": port_t},
       {"totals": {c: total(c) for c in COMPANIES},
        "co_investors": {c.investor.id: c.shared for c in co},
        "portfolio": sorted(c.id for c in port)})
"""
)

DUCKDB = (
    COMMON
    + """
t = time.perf_counter()
import duckdb
con = duckdb.connect()
if PATH.endswith(".jsonl"):  # JSON lines: one record per line, read in parallel
    con.execute(f"CREATE TABLE doc AS SELECT * FROM read_json('{PATH}', format='newline_delimited', sample_size=-1)")
    con.execute("CREATE TABLE rounds AS SELECT unnest(rounds, recursive := true) FROM doc WHERE rounds IS NOT NULL")
    con.execute('''CREATE TABLE investments AS SELECT r.id AS round, r.company AS company,
        unnest(r.investments, recursive := true) FROM
        (SELECT rounds AS r FROM doc WHERE rounds IS NOT NULL)''')
    con.execute("CREATE TABLE companies AS SELECT unnest(companies, recursive := true) FROM doc WHERE companies IS NOT NULL")
else:
    con.execute(f"CREATE TABLE doc AS SELECT * FROM read_json('{PATH}', maximum_object_size=4000000000)")
    con.execute("CREATE TABLE rounds AS SELECT unnest(rounds, recursive := true) FROM doc")
    con.execute('''CREATE TABLE investments AS SELECT r.id AS round, r.company AS company,
        unnest(r.investments, recursive := true) FROM (SELECT unnest(rounds) AS r FROM doc)''')
    con.execute("CREATE TABLE companies AS SELECT unnest(companies, recursive := true) FROM doc")
con.execute("DROP TABLE doc")
load_s = time.perf_counter() - t
load_cpu = cpu_s()
load_peak = peak_mb()
t = time.perf_counter()  # the rates table, and the rounds that count in a total, timed apart
con.execute(f'''CREATE TABLE rates AS SELECT currency, CAST(day AS DATE) AS day,
    CAST(to_usd AS DECIMAL(38, 18)) AS to_usd FROM read_csv('{RATES}', all_varchar = true)''')
con.execute('''CREATE TABLE counted AS SELECT id, company, currency,
    CAST(amount AS DECIMAL(38, 2)) AS amount,
    CAST(CASE WHEN length(announced) = 4 THEN announced || '-01-01'
              WHEN length(announced) = 7 THEN announced || '-01'
              ELSE announced END AS DATE) AS first_day
    FROM rounds WHERE stage <> 'secondary' ''')
rates_s = time.perf_counter() - t
total_sql = '''SELECT sum(round_even(c.amount * r.to_usd, 2)), count(*),
    count(*) FILTER (WHERE c.amount IS NULL)
    FROM counted c ASOF LEFT JOIN rates r ON c.currency = r.currency AND c.first_day >= r.day
    WHERE c.company = ?'''
def total(company):
    known, rounds, undisclosed = con.execute(total_sql, [company]).fetchone()
    return [None if known is None else str(known), rounds, undisclosed]
co_sql = '''SELECT b.investor, count(*) AS shared FROM investments a
    JOIN investments b ON a.round = b.round AND b.investor <> a.investor
    WHERE a.investor = ? GROUP BY b.investor ORDER BY shared DESC, b.investor'''
port_sql = "SELECT DISTINCT company FROM investments WHERE investor = ? ORDER BY company"
_, total_t = first_then_repeated(total, COMPANIES)
co, co_t = first_then_repeated(lambda i: con.execute(co_sql, [i]).fetchall(), [INVESTOR] * CALLS)
port, port_t = first_then_repeated(lambda i: con.execute(port_sql, [i]).fetchall(),
                                   [INVESTOR] * CALLS)
report(load_s, load_peak, {"total_raised": total_t, "co_investors": co_t, "portfolio": port_t},
       {"totals": {c: total(c) for c in COMPANIES}, "co_investors": dict(co),
        "portfolio": [c for (c,) in port]})
"""
)

POLARS = (
    COMMON
    + """
t = time.perf_counter()
import polars as pl
if PATH.endswith(".jsonl"):  # JSON lines: one record per line
    lines = pl.read_ndjson(PATH, infer_schema_length=None)
    doc = pl.DataFrame({"rounds": [lines["rounds"].drop_nulls()],
                        "companies": [lines["companies"].drop_nulls()]})
    del lines
else:
    doc = pl.read_json(PATH)
rounds = doc.select(pl.col("rounds").explode()).unnest("rounds")
investments = (
    rounds.select(pl.col("id").alias("round"), "company", "investments")
    .explode("investments")
    .unnest("investments")
)
companies = doc.select(pl.col("companies").explode()).unnest("companies")
del doc
load_s = time.perf_counter() - t
load_cpu = cpu_s()
load_peak = peak_mb()
t = time.perf_counter()  # the rates table, and the rounds that count in a total, timed apart
rates = (pl.read_csv(RATES, infer_schema=False)
         .select("currency", pl.col("day").str.to_date(),
                 pl.col("to_usd").cast(pl.Decimal(38, 18)))
         .sort("day"))
announced = pl.col("announced")
counted = (rounds.filter(pl.col("stage") != "secondary")
           .select("id", "company",
                   pl.col("amount").struct.field("currency"),
                   pl.col("amount").struct.field("amount").cast(pl.Decimal(38, 2)),
                   pl.when(announced.str.len_chars() == 4).then(announced + "-01-01")
                   .when(announced.str.len_chars() == 7).then(announced + "-01")
                   .otherwise(announced).str.to_date().alias("first_day"))
           .sort("first_day"))
rates_s = time.perf_counter() - t
def total(company):
    mine = counted.filter(pl.col("company") == company)
    joined = mine.join_asof(rates, left_on="first_day", right_on="day", by="currency")
    usd = (pl.col("amount") * pl.col("to_usd")).round(2, mode="half_to_even")
    known = joined.select(usd.sum()).item() if joined["amount"].null_count() < len(joined) else None
    return [None if known is None else str(known), len(mine), mine["amount"].null_count()]
def co_investors(investor):
    mine = investments.filter(pl.col("investor") == investor).select("round")
    return (investments.join(mine, on="round").filter(pl.col("investor") != investor)
            .group_by("investor").len().sort(["len", "investor"], descending=[True, False]))
def portfolio(investor):
    return (investments.filter(pl.col("investor") == investor)
            .select(pl.col("company").unique().sort()))
_, total_t = first_then_repeated(total, COMPANIES)
co, co_t = first_then_repeated(co_investors, [INVESTOR] * CALLS)
port, port_t = first_then_repeated(portfolio, [INVESTOR] * CALLS)
report(load_s, load_peak, {"total_raised": total_t, "co_investors": co_t, "portfolio": port_t},
       {"totals": {c: total(c) for c in COMPANIES}, "co_investors": dict(co.iter_rows()),
        "portfolio": port["company"].to_list()})
"""
)

SCRIPTS = {"aiecosys": AIECOSYS, "duckdb": DUCKDB, "polars": POLARS}


def ecb_rates_to_usd() -> list[tuple[str, str, str]]:
    """(currency, day, USD per unit) for every ECB day, from aiecosys's own conversion."""
    import datetime as dt

    import aiecosys

    rows = []
    for currency in ("USD", "EUR", "GBP", "JPY", "CHF"):
        day = dt.date(2004, 1, 1)
        while day <= dt.date(2024, 12, 31):
            one = aiecosys.Money(amount=1, currency=currency)
            conversion = aiecosys.convert(one, "USD", on=day.isoformat())
            if conversion.rate_date == day:  # the ECB published a rate that day
                rows.append((currency, day.isoformat(), str(conversion.rate)))
            day += dt.timedelta(days=1)
    return rows


def choose(path: Path, companies: int) -> tuple[str, int, list[str]]:
    """The busiest investor (most rounds, then smallest id) and a sample of company ids."""
    document = json.loads(path.read_bytes())
    deals = Counter(i["investor"] for r in document["rounds"] for i in r["investments"])
    busiest = min(deals, key=lambda i: (-deals[i], i))
    ids = [c["id"] for c in document["companies"]]
    return busiest, deals[busiest], Random(11).sample(ids, min(companies, len(ids)))


def as_lines(path: Path) -> Path:
    """The JSON-lines form of the document *path* (written once, beside it)."""
    lines = path.with_suffix(".jsonl")
    if not lines.exists():
        document = json.loads(path.read_bytes())
        compact = {"ensure_ascii": False, "separators": (",", ":")}
        with lines.open("w", encoding="utf-8") as out:
            out.write(
                json.dumps(
                    {"format": document["format"], "version": document["version"]}, **compact
                )
                + "\n"
            )
            for name in ("sources", "people", "companies", "investors", "rounds", "claims"):
                for record in document.get(name, []):
                    out.write(json.dumps({name: record}, **compact) + "\n")
    return lines


def run(
    engine: str, path: Path, *, rates: Path, investor: str, companies: list[str], calls: int
) -> Any:
    """Run one engine's script in a fresh interpreter; return what it printed."""
    header = (
        f"PATH = {str(path)!r}\nRATES = {str(rates)!r}\nINVESTOR = {investor!r}\n"
        f"COMPANIES = {companies!r}\nCALLS = {calls}\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", header + SCRIPTS[engine]],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the {engine} script failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One engine's runs as one: each figure the median over the runs, the answers the first's."""

    def merged(values: list[Any]) -> Any:
        if isinstance(values[0], dict):
            return {k: merged([v[k] for v in values]) for k in values[0]}
        return statistics.median(values)

    figures = [{k: v for k, v in r.items() if k != "answers"} for r in runs]
    return {**merged(figures), "answers": runs[0]["answers"], "runs": runs}


def paired(r: dict[str, Any], theirs: str, figure: Any, *, ours_over_theirs: bool) -> str:
    """The median, over the runs taken side by side, of one figure's ratio, with its range.

    *figure* reads the figure off one run; the ratio is aiecosys / *theirs* with
    *ours_over_theirs* (a load: below 1 is faster), else *theirs* / aiecosys (a query).
    """
    ratios = sorted(
        figure(ours) / figure(other) if ours_over_theirs else figure(other) / figure(ours)
        for ours, other in zip(r["aiecosys"]["runs"], r[theirs]["runs"], strict=True)
    )
    shown = (lambda x: f"{x:.2f}") if ours_over_theirs else (lambda x: ratio(x, 1))
    middle = shown(statistics.median(ratios))
    if len(ratios) == 1:
        return f"**{middle}**"
    return f"**{middle}** ({shown(ratios[0])}-{shown(ratios[-1])})"


def machine() -> str:
    """Describe this machine: processor, cores, memory, Python, load average."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()}; load average {load}"
    )


def disagreements(results: dict[str, Any]) -> list[str]:
    """What the runs answered differently from aiecosys's first run (empty: they agree)."""
    ours = results["aiecosys"]["runs"][0]["answers"]
    found = []
    for engine, run_ in ((e, r) for e in ENGINES if e in results for r in results[e]["runs"]):
        theirs = run_["answers"]
        found.extend(
            f"{engine}: {what} differ"
            for what in ("co_investors", "portfolio")
            if ours[what] != theirs[what]
        )
        for company, answer in ours["totals"].items():
            other = theirs["totals"][company]
            if _exact(answer) != _exact(other):
                found.append(f"{engine}: total of {company}: {answer} against {other}")
    return found


def _exact(total: list[Any]) -> list[Any]:
    """A total as [amount, rounds, undisclosed] with the amount a Decimal (``1.50 == 1.5``)."""
    known, *counts = total
    return [None if known is None else Decimal(known), *counts]


def us(figure: float) -> str:
    """A time in microseconds, shown in the unit that reads best."""
    if figure >= 1e6:
        return f"{figure / 1e6:.2f} s"
    if figure >= 1e3:
        return f"{figure / 1e3:,.1f} ms"
    return f"{figure:,.1f} µs"


def ratio(theirs: float, ours: float) -> str:
    """How many times faster aiecosys is (``0.5x`` when it is twice slower)."""
    x = theirs / ours
    return f"{x:,.0f}x" if x >= 10 else f"{x:.2f}x"


def markdown(results: dict[int, dict[str, Any]]) -> str:
    """Render the figures as the table of docs/performance.md: one column per size."""
    sizes = sorted(results)
    lines = [
        "| | " + " | ".join(f"{n:,} rounds" for n in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]

    def row(label: str, cell: Any) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(results[n]) for n in sizes) + " |")

    row("JSON file", lambda r: f"{r['file_mb']:.0f} MB")
    row(
        "busiest investor (rounds, co-investors)",
        lambda r: f"{r['investor']} ({r['investor_rounds']:,}, {r['partners']:,})",
    )
    row("answers agree (all engines)", lambda r: "yes" if not r["disagreements"] else "NO")
    for engine in ENGINES:
        row(f"load, {engine}", lambda r, e=engine: f"{r[e]['load_s']:.2f} s")
    for engine in ENGINES[1:]:
        row(
            f"**load, aiecosys / {engine}**",
            lambda r, e=engine: paired(r, e, lambda x: x["load_s"], ours_over_theirs=True),
        )
    for engine in ENGINES:
        row(f"load, CPU time, {engine}", lambda r, e=engine: f"{r[e]['load_cpu_s']:.2f} s")
    row(
        "**load CPU time, aiecosys / DuckDB**",
        lambda r: paired(r, "duckdb", lambda x: x["load_cpu_s"], ours_over_theirs=True),
    )
    for engine in ENGINES:
        row(f"peak RSS, {engine}", lambda r, e=engine: f"{r[e]['peak_mb']:,.0f} MB")
    row(
        "**peak RSS, aiecosys / DuckDB**",
        lambda r: paired(r, "duckdb", lambda x: x["peak_mb"], ours_over_theirs=True),
    )
    for engine in ENGINES:
        row(f"rates ready (apart), {engine}", lambda r, e=engine: us(r[e]["rates_s"] * 1e6))
    for query in QUERIES:
        for when, stat in (("first call", "first_us"), ("repeated, median", "median_us")):
            for engine in ENGINES:
                row(
                    f"{query} {when}, {engine}", lambda r, e=engine, q=query, s=stat: us(r[e][q][s])
                )
            row(
                f"**{query} {when}, DuckDB / aiecosys**",
                lambda r, q=query, s=stat: paired(
                    r, "duckdb", lambda x: x[q][s], ours_over_theirs=False
                ),
            )
    return "\n".join(lines) + "\n"


def show(size: int, found: dict[str, Any], engines: list[str], repeat: int) -> None:
    """Print one size's figures, engine beside engine."""
    investor = found["investor"]
    print(
        f"\n{size:,} rounds ({found['file_mb']:.0f} MB); investor {investor}; "
        f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"median of {repeat} run(s) per engine"
    )
    for problem in found["disagreements"]:
        print(f"  DISAGREE {problem}")
    print(f"  {'':<34}" + "".join(f"{e:>14}" for e in engines))
    print(f"  {'load':<34}" + "".join(f"{found[e]['load_s']:>12.2f} s" for e in engines))
    print(
        f"  {'load, CPU time of the process':<34}"
        + "".join(f"{found[e]['load_cpu_s']:>12.2f} s" for e in engines)
    )
    print(f"  {'peak RSS':<34}" + "".join(f"{found[e]['peak_mb']:>11,.0f} MB" for e in engines))
    print(
        f"  {'rates ready (before the calls)':<34}"
        + "".join(f"{us(found[e]['rates_s'] * 1e6):>14}" for e in engines)
    )
    for query in ("co_investors", "portfolio"):
        print(
            f"  {query + ', a call read whole (aiecosys)':<34}"
            f"{us(found['aiecosys'][query]['read_all_us']):>14}"
        )
    for query in QUERIES:
        for stat in ("first_us", "median_us", "p99_us"):
            print(
                f"  {query + ' ' + stat.removesuffix('_us'):<34}"
                + "".join(f"{us(found[e][query][stat]):>14}" for e in engines)
            )


def main() -> None:
    """Measure every size and print the figures, the ratios and the Markdown table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--calls", type=int, default=200, help="Repeated calls per query.")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "aiecosys-bench"
    )
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--json", type=Path, help="Also write all figures to this file.")
    parser.add_argument(
        "--repeat", type=int, default=3, help="Fresh processes per engine and size, in turns."
    )
    parser.add_argument(
        "--lines", action="store_true", help="Read the JSON-lines form of each file instead."
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    args.cache.mkdir(parents=True, exist_ok=True)
    rates = args.cache / "rates-to-usd.csv"
    if not rates.exists():
        lines = ["currency,day,to_usd", *(",".join(row) for row in ecb_rates_to_usd())]
        rates.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"machine: {machine()}", flush=True)
    results: dict[int, dict[str, Any]] = {}
    for size in args.sizes:
        path = args.cache / f"eco-{size}.json"
        if not path.exists():
            path.write_text(json.dumps(generate(size), separators=(",", ":")), encoding="utf-8")
        investor, investor_rounds, companies = choose(path, args.calls)
        if args.lines:
            path = as_lines(path)
        runs: dict[str, list[Any]] = {e: [] for e in args.engines}
        for _ in range(args.repeat):
            for e in args.engines:
                runs[e].append(
                    run(
                        e,
                        path,
                        rates=rates,
                        investor=investor,
                        companies=companies,
                        calls=args.calls,
                    )
                )
        found: dict[str, Any] = {e: median_run(runs[e]) for e in args.engines}
        ours = found["aiecosys"]["answers"]
        found.update(
            file_mb=path.stat().st_size / 1e6,
            investor=investor,
            investor_rounds=investor_rounds,
            partners=len(ours["co_investors"]),
            disagreements=disagreements(found),
            load_average=os.getloadavg(),
        )
        results[size] = found
        show(size, found, args.engines, args.repeat)
        if found["disagreements"]:
            raise SystemExit("the engines disagree: no figure is worth reporting")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    if all(set(ENGINES) <= set(r) for r in results.values()):
        print("\n" + markdown(results))


if __name__ == "__main__":
    main()
