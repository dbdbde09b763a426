"""Import benchmark: seconds to import Crunchbase exports of growing size; it must be linear.

For each case it writes a synthetic export once (cached in a temporary folder), then times
``aiecosys.read_crunchbase`` in a fresh process and prints the wall-clock seconds, the CPU
seconds (the fair figure on a shared machine), the CPU seconds per 10,000 rows and the peak
memory. The cases:

- ``2013``: an October-2013-style export (companies, rounds, investor rows), N rounds over
  N/2 companies, three investors per round;
- ``pro``: a Pro "Export CSV" of N seed rounds in GBP, EUR and USD, with the provider's USD
  figure (each one converted at the ECB rate for the check);
- ``identical``: N identical 2013 round rows (every one gets its own numbered id);
- ``one-round``: one 2013 round with N investors.

Run from the project root:

    python benchmarks/import_scale.py                        # 10k and 100k rows
    python benchmarks/import_scale.py --sizes 1000000 --cases 2013
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

COMPANIES = (
    "permalink,name,category_code,funding_total_usd,status,country_code,state_code,region,city,"
    "funding_rounds,founded_at,founded_month,founded_quarter,founded_year,first_funding_at,"
    "last_funding_at,last_milestone_at"
)
ROUNDS = (
    "company_permalink,company_name,company_category_code,company_country_code,"
    "company_state_code,company_region,company_city,funding_round_type,funded_at,funded_month,"
    "funded_quarter,funded_year,raised_amount_usd"
)
PRO = (
    "Transaction Name,Transaction Name URL,Organization Location,Organization Name,"
    "Organization Name URL,Funding Type,Money Raised,Money Raised Currency,"
    "Money Raised Currency (in USD),Announced Date,Investor Names,Number of Investors"
)
TYPES = ("angel", "series-a", "series-b", "venture")


def write_2013(folder: Path, n: int) -> list[str]:
    """Write an October-2013-style export of *n* rounds; return the paths to import."""
    companies = max(n // 2, 1)
    with (folder / "companies.csv").open("w") as out:
        out.write(COMPANIES + "\n")
        for c in range(companies):
            out.write(f"/company/c{c},Company {c},web,,operating,USA,CA,SF,SF,2,,,,,,,\n")
    with (folder / "rounds.csv").open("w") as out, (folder / "investors.csv").open("w") as inv:
        out.write(ROUNDS + "\n")
        inv.write("company_name,investor_name,funded_when,amount_usd\n")
        for r in range(n):
            c = r % companies
            day = f"{2000 + r % 13}-{1 + r % 12:02}-{2 + r % 27:02}"
            amount = 100_000 + r
            out.write(
                f"/company/c{c},Company {c},web,USA,CA,SF,SF,{TYPES[r % 4]},{day},,,,{amount}\n"
            )
            for k in range(3):
                inv.write(
                    f"Company {c},Investor {(r * 7 + k * 131) % (n // 10 + 3)},{day},{amount}\n"
                )
    return [str(folder)]


def write_pro(folder: Path, n: int) -> list[str]:
    """Write a Pro funding-rounds export of *n* rounds; return the paths to import."""
    rates = {"USD": 1, "GBP": 1.25, "EUR": 1.1}
    with (folder / "pro.csv").open("w") as out:
        out.write(PRO + "\n")
        for r in range(n):
            currency = ("GBP", "EUR", "USD")[r % 3]
            amount = 500_000 + r
            day = f"{2015 + r % 7}-{1 + r % 12:02}-{1 + r % 28:02}"
            usd = int(amount * rates[currency])
            names = f'"Fund {r % 997}, Angel {r % 101}"'
            out.write(
                f"Seed Round - Org {r},https://www.crunchbase.com/funding_round/r{r},"
                f'"London, England, United Kingdom, Europe",Org {r},'
                f"https://www.crunchbase.com/organization/o{r},Seed,{amount},{currency},{usd},"
                f"{day},{names},2\n"
            )
    return [str(folder / "pro.csv")]


def write_identical(folder: Path, n: int) -> list[str]:
    """Write *n* identical 2013 round rows; return the paths to import."""
    (folder / "companies.csv").write_text(
        COMPANIES + "\n/company/acme,Acme,web,,operating,USA,CA,SF,SF,1,,,,,,,\n"
    )
    row = "/company/acme,Acme,web,USA,CA,SF,SF,angel,2010-09-14,,,,1000\n"
    (folder / "rounds.csv").write_text(ROUNDS + "\n" + row * n)
    return [str(folder)]


def write_one_round(folder: Path, n: int) -> list[str]:
    """Write one 2013 round with *n* investor rows; return the paths to import."""
    write_identical(folder, 1)
    lines = (f"Acme,Investor {i},2010-09-14,1000\n" for i in range(n))
    (folder / "investors.csv").write_text(
        "company_name,investor_name,funded_when,amount_usd\n" + "".join(lines)
    )
    return [str(folder)]


WRITERS = {
    "2013": write_2013,
    "pro": write_pro,
    "identical": write_identical,
    "one-round": write_one_round,
}

RUN = """
import json, resource, sys, time
import aiecosys
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
t, c = time.perf_counter(), cpu()
result = aiecosys.read_crunchbase(json.loads(sys.argv[1]))
seconds, cpu_seconds = time.perf_counter() - t, cpu() - c
print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "rounds": len(result.ecosystem.rounds),
                  "investments": result.report.built["investments"],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    """Time each case and size in a fresh process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--cases", nargs="+", default=list(WRITERS), choices=list(WRITERS))
    args = parser.parse_args()
    root = Path(tempfile.gettempdir()) / "aiecosys-import-bench"
    print(f"{'case':<10} {'rows':>9} {'seconds':>9} {'CPU s':>9} {'CPU s/10k':>9} {'peak MB':>8}")
    for case in args.cases:
        for n in args.sizes:
            folder = root / f"{case}-{n}"
            if not folder.exists():
                folder.mkdir(parents=True)
                (folder / "paths.json").write_text(json.dumps(WRITERS[case](folder, n)))
            paths = (folder / "paths.json").read_text()
            done = subprocess.run(
                [sys.executable, "-c", RUN, paths], capture_output=True, text=True, check=True
            )
            got = json.loads(done.stdout)
            print(
                f"{case:<10} {n:>9,} {got['seconds']:>9.2f} {got['cpu']:>9.2f} "
                f"{got['cpu'] / n * 10_000:>9.2f} {got['peak_mb']:>8,.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
