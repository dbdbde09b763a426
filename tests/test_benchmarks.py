"""The benchmark's generator: deterministic, realistic in shape, and valid."""

import json
import sys
from collections import Counter
from pathlib import Path

import aiecosys

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate  # type: ignore[import-not-found]


def test_the_generator_is_deterministic_and_valid():
    """The same size gives the same document, and aiecosys loads it."""
    first, second = generate(2_000), generate(2_000)
    assert json.dumps(first) == json.dumps(second)
    eco = aiecosys.loads(json.dumps(first))
    assert (len(eco.rounds), len(eco.companies), len(eco.investors)) == (2_000, 400, 100)


def test_the_generated_shape_is_long_tailed_and_mixed():
    """Investor activity follows a power law; currencies, precisions and gaps all occur."""
    eco = aiecosys.loads(json.dumps(generate(5_000)))
    deals = Counter(i for r in eco.rounds for i in r.investor_ids)
    counts = sorted(deals.values(), reverse=True)
    assert counts[0] > 20 * counts[len(counts) // 2]  # the busiest dwarfs the median investor
    assert {r.amount.currency for r in eco.rounds if r.amount} == {
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CHF",
    }
    assert {r.announced.precision.value for r in eco.rounds} == {"year", "month", "day"}
    assert any(r.amount is None for r in eco.rounds)
    assert all(1 <= len(r.investments) <= 10 for r in eco.rounds)
