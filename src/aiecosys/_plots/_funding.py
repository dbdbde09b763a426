"""Funding over time: one cumulative line per company, every round marked."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Unpack

from aiecosys._dates import Precision
from aiecosys._model import Company, Round, Stage
from aiecosys._plots._colours import company_colour
from aiecosys._plots._labels import place_labels
from aiecosys._plots._picture import (
    Picture,
    PictureOptions,
    canvas,
    finish,
    require_plot_extra,
)
from aiecosys._plots._timeline import draw_span, span
from aiecosys._plots._words import amount_text, stage_text, wrap

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["plot_funding"]

_LOG_FLOOR_FACTOR = 4  # the log axis starts this many times below the smallest total


def plot_funding(
    eco: Ecosystem,
    companies: Sequence[str | Company],
    *,
    currency: str = "USD",
    log: bool = True,
    **options: Unpack[PictureOptions],
) -> Picture:
    """Draw cumulative funding over time, one line per company, in one currency.

    Each disclosed round adds its amount converted at the ECB rate of its own date (so each line
    ends at [`Ecosystem.total_raised`][aiecosys.Ecosystem.total_raised]). A round dated to the day
    is drawn on that day; a round known only to the month or the year is drawn at the middle of that
    period, with a bar spanning it, never on its first day. Rounds that add nothing are hollow
    circles: undisclosed amounts (on the line, or on the axis's floor when nothing was disclosed
    before them) and secondary sales. The notes say which lines are lower bounds because rounds are
    undisclosed. Every round is labelled with its stage and amount, placed so that no label overlaps
    another. The scale is logarithmic unless *log* is false. Each company has its fixed colour
    ([`company_colour`][aiecosys.company_colour]); *options* are those of every picture
    ([`PictureOptions`][aiecosys.PictureOptions]).

    The picture's ``content["points"]`` maps each company id to its rounds in drawing order:
    (announced date at its own precision, cumulative amount as a string, round id).
    ``content["undisclosed"]`` maps each company id to its undisclosed rounds' ids.

    Examples:
        >>> import aiecosys
        >>> picture = aiecosys.plot_funding(aiecosys.load(), ["01.AI"])
        >>> picture.content["points"]["company:01-ai"]
        [('2023-11', '0', 'round:01-ai-2023-11')]
        >>> picture.content["undisclosed"]
        {'company:01-ai': ['round:01-ai-2023-11']}
    """
    require_plot_extra()
    found = [eco.company(key) for key in companies]
    lines = {c.id: _line(eco, c, currency) for c in found}
    positive = [t for line in lines.values() for _, t, _ in line if t > 0]
    log = log and bool(positive)
    floor = float(min(positive)) / _LOG_FLOOR_FACTOR if log else 0.0

    with canvas(options, (9.0, 6.0)) as (figure, theme):
        ax = figure.add_subplot()
        anchors: list[tuple[float, float, str]] = []
        spans: list[tuple[float, float]] = []
        for company in found:
            colour = company_colour(company)
            shown = [(x, float(t), r) for x, t, r in lines[company.id] if t > 0 or not log]
            if shown:
                ax.step(
                    [x for x, _, _ in shown],
                    [t for _, t, _ in shown],
                    where="post",
                    color=colour,
                    linewidth=1.8,
                    zorder=2,
                )
            for x, total, r in lines[company.id]:
                y = float(total) if total > 0 else (floor * 1.6 if log else 0.08)
                adds = r.amount is not None and r.stage is not Stage.SECONDARY
                ax.scatter(
                    [x],
                    [y],
                    s=42,
                    zorder=6,
                    edgecolors=colour,
                    facecolors=colour if adds else theme.background,
                    linewidths=1.6,
                )
                spans += draw_span(ax, r.announced, y, colour)
                anchors.append((x, y, _label(r)))
            ax.plot([], [], color=colour, marker="o", linewidth=1.8, label=_legend(eco, company))
        ax.xaxis_date()
        if log:
            ax.set_yscale("log")
            ax.set_ylim(bottom=floor)
        elif not positive:
            ax.set_ylim(0, 1)
            ax.set_yticks([])
            ax.text(
                0.5,
                0.55,
                "No amount disclosed",
                transform=ax.transAxes,
                ha="center",
                color=theme.muted,
            )
        if positive:
            from matplotlib.ticker import (  # noqa: PLC0415
                FuncFormatter,
                LogLocator,
                NullFormatter,
            )

            if log:
                ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: amount_text(v)))
            ax.yaxis.set_minor_formatter(NullFormatter())
            ax.set_ylabel(f"Raised to date, {currency}" + (" (log scale)" if log else ""))
        ax.grid(visible=True, alpha=0.6, linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        start, end = ax.get_xlim()
        pad = max(60.0, (365 * 1.5 - (end - start)) / 2)  # at least eighteen months shown
        ax.set_xlim(start - pad, end + pad)
        figure.legend(loc="outside right upper", fontsize=8.5)
        finish(
            eco,
            figure,
            ax,
            options,
            title="Funding raised over time",
            subtitle=f"Each round converted to {currency} at the ECB rate of its date",
            notes=wrap(_notes(found, lines), figure),
        )
        place_labels(figure, ax, anchors, theme, avoid=spans)
    return Picture(
        figure=figure,
        content={
            "points": {
                c: [(str(r.announced), str(t), r.id) for _, t, r in line]
                for c, line in lines.items()
            },
            "undisclosed": {
                c: [r.id for _, _, r in line if _undisclosed(r)]
                for c, line in lines.items()
                if any(_undisclosed(r) for _, _, r in line)
            },
            "currency": currency,
        },
    )


def _line(eco: Ecosystem, company: Company, currency: str) -> list[tuple[float, Decimal, Round]]:
    """The company's rounds at the middle of their dates, with the total raised by each."""
    converted = {
        f.round.id: f.converted.amount
        for f in eco.funding_breakdown(company, currency=currency).rounds
    }
    rounds = sorted(eco.rounds_of(company), key=lambda r: (span(r.announced)[1], r.id))
    total, line = Decimal(0), []
    for r in rounds:
        total += converted.get(r.id, Decimal(0))
        line.append((span(r.announced)[1], total, r))
    return line


def _label(r: Round) -> str:
    if r.stage is Stage.SECONDARY:
        what = "no new money"
    elif r.amount is None:
        what = "undisclosed"
    else:
        what = f"{r.amount.currency} {amount_text(float(r.amount.amount))}"
    when = "" if r.announced.precision is Precision.DAY else f" · {r.announced}"
    return f"{stage_text(r.stage)} · {what}{when}"


def _undisclosed(r: Round) -> bool:
    """Whether a round raised money of which the amount is not known."""
    return r.amount is None and r.stage is not Stage.SECONDARY


def _legend(eco: Ecosystem, company: Company) -> str:
    rounds = eco.rounds_of(company)
    if all(r.amount is None for r in rounds):
        return f"{company.name} (none disclosed)"
    return company.name


def _notes(companies: Sequence[Company], lines: dict[str, list[Any]]) -> list[str]:
    """What the lines cannot show: undisclosed rounds, secondary sales, partial dates."""
    bounds = []
    for company in companies:
        rounds = [r for _, _, r in lines[company.id]]
        hidden = sum(_undisclosed(r) for r in rounds)
        if hidden:
            bounds.append(f"{company.name} ({hidden} of {len(rounds)} rounds undisclosed)")
    notes = []
    if any(
        _undisclosed(r) or r.stage is Stage.SECONDARY for line in lines.values() for *_, r in line
    ):
        notes.append("Hollow circles: rounds that add nothing known to the line.")
    if bounds:
        notes.append(
            "Lines are lower bounds where rounds are undisclosed: " + "; ".join(bounds) + "."
        )
    if any(r.announced.precision is not Precision.DAY for line in lines.values() for *_, r in line):
        notes.append(
            "A round dated only to a month or a year is drawn mid-period, "
            "with a bar spanning the period."
        )
    return notes
