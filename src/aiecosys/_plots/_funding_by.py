"""Funding by year (or quarter) and stage: stacked bars from `Ecosystem.funding_by`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from aiecosys._funding_by import GroupKey
from aiecosys._model import Stage
from aiecosys._plots._labels import LABEL_GID
from aiecosys._plots._picture import (
    Picture,
    PictureOptions,
    canvas,
    finish,
    require_plot_extra,
)
from aiecosys._plots._words import amount_text, stage_text, wrap
from aiecosys.exceptions import InvalidArgument

if TYPE_CHECKING:
    from aiecosys._ecosystem import DateLike, Ecosystem
    from aiecosys._results import FundingBy, FundingGroup

__all__ = ["plot_funding_by"]

_LABELLED_MAX = 40  # beyond this many bars, labels cannot fit
_NAMED_MAX = 6  # uncertain rounds named in the notes
_ROOMY = 8  # up to this many bars, each label has room for words on two lines

# Priced rounds in order, drawn from light to dark; the others in their own hues.
_LADDER = (
    Stage.ANGEL,
    Stage.PRE_SEED,
    Stage.SEED,
    Stage.SERIES_A,
    Stage.SERIES_B,
    Stage.SERIES_C,
    Stage.SERIES_D,
    Stage.SERIES_E,
    Stage.SERIES_F,
    Stage.SERIES_G,
    Stage.SERIES_H,
    Stage.LATE_STAGE,
)
_OTHER_HUES = {
    Stage.VENTURE: "#8E8E8E",
    Stage.STRATEGIC: "#E69F00",
    Stage.PRIVATE_EQUITY: "#9C755F",
    Stage.CONVERTIBLE_NOTE: "#B07AA1",
    Stage.DEBT: "#7F5A3C",
    Stage.GRANT: "#009E73",
    Stage.CROWDFUNDING: "#CC79A7",
    Stage.IPO: "#332288",
    Stage.POST_IPO: "#4E4E4E",
    Stage.UNDISCLOSED: "#BDBDBD",
}


def plot_funding_by(
    eco: Ecosystem,
    period: str = "year",
    *,
    currency: str = "USD",
    as_of: DateLike | None = None,
    since: str | None = None,
    **options: Unpack[PictureOptions],
) -> Picture:
    """Draw the money raised in each year (or ``"quarter"``), stacked by stage.

    The bars are [`Ecosystem.funding_by`][aiecosys.Ecosystem.funding_by] of *period*, one segment
    per stage (priced rounds from light to dark, the others in their own hues): disclosed amounts,
    each converted to *currency* at the ECB rate of its date. Above each bar: its total, and how
    many of its rounds are undisclosed (the bar is then a lower bound) or uncertain (a round known
    only as "2023" lies in no quarter for sure: it is in no bar, and counted above the quarters it
    may lie in). Periods with no round are drawn empty, so time reads evenly. With *since* (a year,
    ``"2023"``), only the periods from that year on are drawn. Beyond 40 bars there is no room for
    labels: the notes then give the counts. *options* are those of every picture
    ([`PictureOptions`][aiecosys.PictureOptions]).

    ``content`` records ``periods``, the ``totals`` of each stage by period (amounts as
    strings), and each period's ``undisclosed`` and ``uncertain`` round counts.

    Examples:
        >>> import aiecosys
        >>> picture = aiecosys.plot_funding_by(aiecosys.load(), "year")
        >>> picture.content["periods"][:3], picture.content["undisclosed"]["2015"]
        (['2013', '2014', '2015'], 1)
    """
    require_plot_extra()
    if period not in {GroupKey.YEAR.value, GroupKey.QUARTER.value}:
        raise InvalidArgument("period", f"must be one of year, quarter (got {period!r})")
    overall = eco.funding_by(period, currency=currency, as_of=as_of)
    stages = sorted({r.stage for r in eco.rounds} - {Stage.SECONDARY}, key=_stage_order)
    by_stage = {
        stage: {
            row.key: row.known.amount
            for row in eco.subset(stages=stage)
            .funding_by(period, currency=currency, as_of=as_of)
            .rows
            if row.known is not None
        }
        for stage in stages
    }
    stages = [s for s in stages if any(by_stage[s].values())]
    periods = [p for p in _every_period(overall, period) if since is None or p[:4] >= since]
    rows = {row.key: row for row in overall.rows}

    with canvas(options, (8.0, 5.0)) as (figure, theme):
        ax = figure.add_subplot()
        xs = range(len(periods))
        bottom = [0.0] * len(periods)
        for stage in stages:
            heights = [float(by_stage[stage].get(p, 0)) for p in periods]
            ax.bar(
                xs,
                heights,
                bottom=bottom,
                width=0.72,
                color=_stage_colour(stage, stages),
                label=stage_text(stage),
                edgecolor=theme.background,
                linewidth=0.5,
            )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        top = max(bottom, default=0) or 1.0
        compact = len(periods) > _ROOMY  # narrow bars: one rotated line each
        for x, p in zip(xs, periods, strict=True):
            row = rows.get(p)
            if row is not None and len(periods) <= _LABELLED_MAX:
                ax.annotate(
                    _bar_words(row, compact=compact),
                    (x, bottom[x]),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7.5,
                    rotation=90 if compact else 0,
                    gid=LABEL_GID,
                )
        if period == GroupKey.YEAR.value:
            ax.set_xticks(list(xs), periods)
        else:  # a tick per quarter, a label per year
            ax.set_xticks(list(xs), minor=True)
            years = [x for x, p in zip(xs, periods, strict=True) if p.endswith("Q1")]
            ax.set_xticks(years, [periods[x][:4] for x in years])
        ax.set_ylim(0, top * (1.35 if compact else 1.25))
        from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: amount_text(v)))
        ax.set_ylabel(f"Raised, {currency}")
        ax.grid(visible=True, axis="y", alpha=0.6, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        figure.legend(
            loc="outside right upper", fontsize=8.5, title="Stage", title_fontsize=8.5, reverse=True
        )
        finish(
            eco,
            figure,
            ax,
            options,
            title=f"Funding by {period} and stage",
            subtitle=f"Disclosed amounts, each converted to {currency} at the ECB rate of its date"
            + (f"; rounds public by {overall.as_of}" if overall.as_of else ""),
            notes=wrap(_notes(eco, overall, periods), figure),
        )
        del theme
    return Picture(
        figure=figure,
        content={
            "periods": periods,
            "currency": currency,
            "as_of": None if overall.as_of is None else str(overall.as_of),
            "totals": {s.value: {p: str(v) for p, v in by_stage[s].items()} for s in stages},
            "undisclosed": {p: rows[p].undisclosed for p in periods if p in rows},
            "uncertain": {p: len(rows[p].uncertain) for p in periods if p in rows},
        },
    )


def _stage_order(stage: Stage) -> tuple[int, int]:
    order = list(Stage)
    return (0 if stage in _LADDER else 1, order.index(stage))


def _stage_colour(stage: Stage, shown: list[Stage]) -> Any:
    if stage not in _LADDER:
        return _OTHER_HUES[stage]
    from matplotlib import colormaps  # noqa: PLC0415

    ladder = [s for s in shown if s in _LADDER]
    share = ladder.index(stage) / max(len(ladder) - 1, 1)
    return colormaps["Blues"](0.35 + 0.6 * share)


def _every_period(result: FundingBy, period: str) -> list[str]:
    """Every year or quarter from the first group to the last, empty ones included."""
    keys = [row.key for row in result.rows]
    if not keys:
        return []
    if period == GroupKey.YEAR.value:
        return [str(y) for y in range(int(keys[0]), int(keys[-1]) + 1)]
    first, last = (int(k[:4]) * 4 + int(k[-1]) - 1 for k in (keys[0], keys[-1]))
    return [f"{q // 4}-Q{q % 4 + 1}" for q in range(first, last + 1)]


def _bar_words(row: FundingGroup, *, compact: bool) -> str:
    """What a bar's label says: its total, and what the total leaves out.

    Compact (one line, for narrow bars): ``+2`` for two undisclosed rounds, ``?`` where a
    round may lie in the period.
    """
    disclosed = row.rounds - row.undisclosed
    words = [amount_text(float(row.known.amount))] if row.known and disclosed else []
    if compact:
        if row.undisclosed:
            words.append(f"+{row.undisclosed}")
        if row.uncertain:
            words.append("?")
        return " ".join(words)
    if row.undisclosed:
        words.append(f"+{row.undisclosed} undisclosed" if disclosed else "undisclosed")
    if row.uncertain:
        words.append(f"{len(row.uncertain)} uncertain")
    return "\n".join(words)


def _notes(eco: Ecosystem, result: FundingBy, periods: list[str]) -> list[str]:
    """What the bars drawn leave out: partial last periods, undisclosed and uncertain rounds."""
    from aiecosys._bundled import DATA_HORIZON, DATA_VERSION  # noqa: PLC0415

    drawn = [row for row in result.rows if row.key in set(periods)]
    undisclosed = sum(row.undisclosed for row in drawn)
    uncertain = sorted(
        {r.id: r for row in drawn for r in row.uncertain}.values(),
        key=lambda r: (r.announced.first_day, r.id),
    )
    notes = []
    if eco.version == DATA_VERSION and periods and DATA_HORIZON.startswith(periods[-1][:4]):
        notes.append(f"The data was searched up to {DATA_HORIZON}: the last bars are partial.")
    if undisclosed:
        notes.append(
            f"{undisclosed} rounds have no disclosed amount (+n on a bar): "
            "those bars are lower bounds."
        )
    if uncertain:
        names = ", ".join(
            f"{eco.company(r.company).name} {stage_text(r.stage)} ({r.announced})"
            for r in uncertain[:_NAMED_MAX]
        )
        if len(uncertain) > _NAMED_MAX:
            names += f" and {len(uncertain) - _NAMED_MAX} more"
        mark = "?" if len(periods) > _ROOMY else "uncertain"
        notes.append(
            f"{mark}: a round may lie in this {result.key}, its date being too vague to say; "
            f"counted in no bar: {names}."
        )
    return notes
