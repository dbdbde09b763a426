"""Checking an import against the figures the provider computed: FX, totals, investor counts.

Our amounts are the announced ones; the provider's US-dollar figures stay beside them.
Here each file's figures are compared with what we compute from the imported records, so
that a user sees, per file, how far the two agree and every case where they do not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem
from aiecosys._fx import convert
from aiecosys._model import Round
from aiecosys._money import Money
from aiecosys.exceptions import ConversionError

from ._report import ProviderCheck, ProviderDifference

__all__ = ["THRESHOLDS", "check_provider"]

THRESHOLDS = (("0.5%", Decimal("0.005")), ("1%", Decimal("0.01")), ("2%", Decimal("0.02")))


def check_provider(  # noqa: C901 - three checks, each a short loop, share their tallies
    eco: Ecosystem,
    usd: Sequence[tuple[str, str, Money, PartialDate, Decimal]],
    totals: Sequence[tuple[str, str, Decimal, str, tuple[str, ...] | None]],
    investor_counts: Sequence[tuple[str, str, int]],
    *,
    files: Sequence[str],
) -> tuple[ProviderCheck, ...]:
    """Return one check per file that carries any of the provider's figures, in file order."""
    by_file: defaultdict[str, dict[str, list[ProviderDifference]]] = defaultdict(
        lambda: defaultdict(list)
    )
    fx_within: defaultdict[str, dict[str, int]] = defaultdict(
        lambda: {name: 0 for name, _ in THRESHOLDS}
    )
    counts: defaultdict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    worst: dict[str, Decimal] = {}
    for file, round_id, amount, announced, provider in usd:
        if amount.currency == "USD" or not provider:
            continue
        try:
            ours = convert(amount, "USD", on=announced).converted.amount
        except ConversionError as error:
            by_file[file]["not_converted"].append(
                ProviderDifference(record=round_id, ours=None, provider=provider, detail=str(error))
            )
            continue
        counts[file]["fx"] += 1
        off = abs(ours - provider) / provider
        worst[file] = max(worst.get(file, off), off)
        for name, limit in THRESHOLDS:
            fx_within[file][name] += off <= limit
        if off > THRESHOLDS[1][1]:
            by_file[file]["fx"].append(
                ProviderDifference(
                    record=round_id,
                    ours=ours,
                    provider=provider,
                    detail=f"{amount} on {announced} at the ECB rate, "
                    f"{off:.2%} from the provider's USD figure",
                )
            )
    rounds = {r.id: r for r in eco.rounds}
    for file, company_id, provider, completeness, round_ids in totals:
        if completeness:  # why the file may not hold every round: not checked
            continue
        counts[file]["totals"] += 1
        over = (
            eco.rounds_of(company_id).surely  # without as_of, every round is sure
            if round_ids is None
            else tuple(rounds[r] for r in dict.fromkeys(round_ids))
        )
        summed, detail = _our_total(over)
        if summed != provider:
            by_file[file]["totals"].append(
                ProviderDifference(record=company_id, ours=summed, provider=provider, detail=detail)
            )
    for file, round_id, provider_count in investor_counts:
        round_ = rounds.get(round_id)
        if round_ is None:
            continue
        counts[file]["investors"] += 1
        if len(round_.investments) != provider_count:
            by_file[file]["investors"].append(
                ProviderDifference(
                    record=round_id,
                    ours=Decimal(len(round_.investments)),
                    provider=Decimal(provider_count),
                    detail="investors imported for the round",
                )
            )
    named = {f for f, *_ in usd} | {f for f, *_ in totals} | {f for f, *_ in investor_counts}
    return tuple(
        ProviderCheck(
            file=file,
            fx_checked=counts[file]["fx"],
            fx_within=dict(fx_within[file]) if counts[file]["fx"] else {},
            fx_worst=worst.get(file),
            fx_outside_1pct=tuple(by_file[file]["fx"]),
            fx_not_converted=tuple(by_file[file]["not_converted"]),
            totals_checked=counts[file]["totals"],
            totals_differ=tuple(by_file[file]["totals"]),
            investor_counts_checked=counts[file]["investors"],
            investor_counts_differ=tuple(by_file[file]["investors"]),
        )
        for file in files
        if file in named
    )


def _our_total(rounds: Sequence[Round]) -> tuple[Decimal | None, str]:
    """Sum round amounts in US dollars, as the provider sums them (secondaries included)."""
    total, unknown, converted = Decimal(0), 0, 0
    for round_ in rounds:
        if round_.amount is None:
            unknown += 1
            continue
        if round_.amount.currency == "USD":
            total += round_.amount.amount
            continue
        try:
            total += convert(round_.amount, "USD", on=round_.announced).converted.amount
        except ConversionError:
            return None, f"{round_.id}: {round_.amount} has no ECB rate"
        converted += 1
    detail = f"sum of {len(rounds) - unknown} known amounts"
    if unknown:
        detail += f"; {unknown} rounds without an amount are unknown, not counted"
    if converted:
        detail += f"; {converted} converted at ECB rates"
    return total, detail
