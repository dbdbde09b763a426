"""Write a deterministic, realistic synthetic ecosystem as an aiecosys/1 JSON file.

Shape (per N rounds): N/5 companies, N/20 investors, 1 to 10 investors per round (3 on
average), investor activity drawn from a power law (a few investors join many rounds),
five currencies, dates at year, month and day precision, one round in six undisclosed.

    python benchmarks/generate.py 1000000 /tmp/eco-1m.json
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import sys
from pathlib import Path

CURRENCIES = ("USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "CHF")
STAGES = (
    "pre_seed",
    "seed",
    "seed",
    "series_a",
    "series_a",
    "series_b",
    "series_c",
    "series_d",
    "venture",
    "late_stage",
    "debt",
    "grant",
    "secondary",
)


def _weights(n: int, exponent: float = 1.1) -> list[float]:
    """Cumulative power-law (Zipf) weights over n investors."""
    return list(itertools.accumulate(1 / (k + 1) ** exponent for k in range(n)))


def _date(rnd: random.Random) -> str:
    year = rnd.randint(2005, 2024)
    precision = rnd.random()
    if precision < 0.1:
        return f"{year}"
    month = rnd.randint(1, 12)
    if precision < 0.35:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rnd.randint(1, 28):02d}"


def generate(rounds: int, seed: int = 2026) -> dict[str, object]:
    """Build the document for *rounds* rounds (same seed, same document)."""
    rnd = random.Random(seed)
    n_companies, n_investors = max(rounds // 5, 1), max(rounds // 20, 2)
    cumulative = _weights(n_investors)
    total = cumulative[-1]
    companies = [
        {
            "id": f"company:c{i}",
            "name": f"Company {i}",
            "founded": "2004",
            "sources": ["source:synthetic"],
        }
        for i in range(n_companies)
    ]
    investors = [
        {
            "id": f"investor:i{i}",
            "name": f"Investor {i}",
            "kind": "firm",
            "sources": ["source:synthetic"],
        }
        for i in range(n_investors)
    ]
    out_rounds = []
    for r in range(rounds):
        size = min(1 + int(rnd.expovariate(0.5)), 10)
        chosen: set[int] = set()
        while len(chosen) < min(size, n_investors):
            chosen.add(bisect.bisect(cumulative, rnd.random() * total))
        investments = [{"investor": f"investor:i{i}"} for i in sorted(chosen)]
        investments[0]["lead"] = True
        record: dict[str, object] = {
            "id": f"round:r{r}",
            "company": f"company:c{rnd.randrange(n_companies)}",
            "stage": rnd.choice(STAGES),
            "announced": _date(rnd),
            "investments": investments,
            "sources": ["source:synthetic"],
        }
        if rnd.random() > 1 / 6:
            record["amount"] = {
                "amount": str(rnd.randint(1, 500) * 100_000),
                "currency": rnd.choice(CURRENCIES),
            }
        out_rounds.append(record)
    return {
        "format": "aiecosys/1",
        "version": f"synthetic-{rounds}-{seed}",
        "sources": [
            {
                "id": "source:synthetic",
                "title": "Synthetic benchmark data",
                "publisher": "aiecosys benchmarks",
                "reliability": "C",
            }
        ],
        "people": [],
        "companies": companies,
        "investors": investors,
        "rounds": out_rounds,
        "claims": [],
    }


def main() -> None:
    """Write the document for the round count and path given on the command line."""
    rounds, path = int(sys.argv[1]), Path(sys.argv[2])
    path.write_text(json.dumps(generate(rounds), separators=(",", ":")), encoding="utf-8")
    print(f"{path}: {rounds:,} rounds, {path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
