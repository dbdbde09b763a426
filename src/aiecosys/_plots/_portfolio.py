"""An investor's portfolio over time: its rounds, one row per company, leads marked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from aiecosys._model import Investor, Round
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

__all__ = ["plot_portfolio"]

_ROW_HEIGHT = 0.42  # inches per company row


def plot_portfolio(
    eco: Ecosystem, investor: str | Investor, **options: Unpack[PictureOptions]
) -> Picture:
    """Draw an investor's rounds over time, one row per company it backed.

    Each round the investor joined is a circle on its company's row (in the company's fixed colour,
    [`company_colour`][aiecosys.company_colour]), a star where the investor led or co-led it; hollow
    when the round's amount is undisclosed. A round known only to the month or the year is drawn
    mid-period with a bar spanning the period. Labels give the stage and the round's whole amount
    (not the investor's share, which is rarely known). Companies come in the order of the investor's
    first round in them. *options* are those of every picture
    ([`PictureOptions`][aiecosys.PictureOptions]).

    ``content`` records the ``companies`` (ids, top row first) and the ``rounds``: (round id,
    company id, announced date, led, amount disclosed).

    Examples:
        >>> import aiecosys
        >>> picture = aiecosys.plot_portfolio(aiecosys.load(), "Microsoft")
        >>> [r for r in picture.content["rounds"] if r[0] == "round:openai-microsoft-2021"]
        [('round:openai-microsoft-2021', 'company:openai', '2021', True, False)]
    """
    require_plot_extra()
    found = eco.investor(investor)
    rounds = sorted(eco.find_rounds(investor=found), key=lambda r: (span(r.announced)[1], r.id))
    companies = list(dict.fromkeys(r.company for r in rounds))
    row = {c: i for i, c in enumerate(companies)}
    height = max(3.4, 2.2 + _ROW_HEIGHT * len(companies))

    with canvas(options, (8.0, height)) as (figure, theme):
        ax = figure.add_subplot()
        spans: list[tuple[float, float]] = []
        anchors = []
        for company in companies:
            mine = [r for r in rounds if r.company == company]
            xs = [span(r.announced)[1] for r in mine]
            ax.plot(
                [min(xs), max(xs)],
                [row[company]] * 2,
                color=company_colour(company),
                linewidth=1,
                alpha=0.5,
                zorder=1,
            )
        for r in rounds:
            x, y, colour = span(r.announced)[1], row[r.company], company_colour(r.company)
            led = found.id in r.leads
            spans += draw_span(ax, r.announced, y, colour)
            ax.scatter(
                [x],
                [y],
                s=150 if led else 60,
                marker="*" if led else "o",
                facecolors=colour if r.amount is not None else theme.background,
                edgecolors=colour,
                linewidths=1.5,
                zorder=3,
            )
            anchors.append((x, y, _label(r)))
        for marker, size, text in (("*", 150, "led or co-led"), ("o", 60, "joined")):
            ax.scatter([], [], marker=marker, s=size, c=theme.muted, label=text)
        ax.scatter(
            [],
            [],
            marker="o",
            s=60,
            facecolors=theme.background,
            edgecolors=theme.muted,
            label="amount undisclosed",
        )
        ax.xaxis_date()
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: PLC0415

        locator = AutoDateLocator()  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.set_yticks(range(len(companies)), [eco.company(c).name for c in companies])
        ax.set_ylim(len(companies) - 0.4, -0.6)
        start, end = ax.get_xlim()
        ax.set_xlim(start - 90, end + 90)
        ax.grid(visible=True, axis="x", alpha=0.6, linewidth=0.6)
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.tick_params(axis="y", length=0)
        figure.legend(loc="outside right upper", fontsize=8.5)
        hidden = sum(r.amount is None for r in rounds)
        notes = [f"{hidden} of {len(rounds)} rounds have no disclosed amount."] if hidden else []
        finish(
            eco,
            figure,
            ax,
            options,
            title=f"{found.name}'s rounds",
            subtitle=f"{len(rounds)} rounds in {len(companies)} companies; amounts of whole rounds",
            notes=wrap(notes, figure),
        )
        place_labels(figure, ax, anchors, theme, avoid=spans)
    return Picture(
        figure=figure,
        content={
            "investor": found.id,
            "companies": companies,
            "rounds": [
                (r.id, r.company, str(r.announced), found.id in r.leads, r.amount is not None)
                for r in rounds
            ],
        },
    )


def _label(r: Round) -> str:
    amount = (
        "undisclosed"
        if r.amount is None
        else (f"{r.amount.currency} {amount_text(float(r.amount.amount))}")
    )
    return f"{stage_text(r.stage)} · {amount}"
