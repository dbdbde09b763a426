"""Pictures: the co-investment network and funding timelines (the ``plot`` extra).

Both functions return a [`Picture`][aiecosys.Picture]: its ``figure`` is a matplotlib ``Figure`` to
tweak, its ``content`` says what was drawn, and [`Picture.save`][aiecosys.Picture.save] writes SVG
or PNG, reproducibly. Nothing here is imported by ``import aiecosys``: matplotlib and networkx load
on the first call.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._atomic import replacing
from aiecosys._graph import co_investment_graph
from aiecosys._model import Company, Investor
from aiecosys.exceptions import MissingDependency, UnsupportedFormat

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from aiecosys._ecosystem import Ecosystem

__all__ = ["Picture", "plot_funding", "plot_network"]

_SMALL_GROUP = 3  # investors in groups this small are always labelled
_PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
]


@attrs.frozen(kw_only=True)
class Picture:
    """A drawn figure and a record of what it shows.

    ``figure`` is the matplotlib ``Figure``: change it as you like before saving.
    ``content`` records what was drawn (for the network: ``nodes``, ``edges`` with weights
    and ``colours``; for funding: the ``points`` of each line), so that tests and tools can
    check a picture without reading pixels.
    """

    figure: Any
    content: dict[str, Any]

    @property
    def digest(self) -> str:
        """A short hash of `content`; saved SVG and PNG files carry it."""
        text = json.dumps(self.content, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def save(self, path: str | Path) -> None:
        """Save as ``.svg`` or ``.png``, reproducibly (no timestamps, fixed ids).

        The file is replaced atomically: a failure leaves the old file as it was.

        Raises:
            UnsupportedFormat: another suffix.
            WriteError: the file cannot be written.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in {".svg", ".png"}:
            msg = f"{path.name}: save as .svg or .png"
            raise UnsupportedFormat(msg)
        import matplotlib as mpl  # noqa: PLC0415 - optional, loaded on use

        metadata: dict[str, Any] = {"Description": f"aiecosys-content-digest: {self.digest}"}
        if suffix == ".svg":
            metadata["Date"] = None
        with (
            mpl.rc_context({"svg.hashsalt": "aiecosys", "svg.fonttype": "none"}),
            replacing(path) as temporary,
        ):
            self.figure.savefig(temporary, format=suffix[1:], metadata=metadata, dpi=110)


def _plot_extra() -> None:
    """Check, before anything is drawn, that the ``plot`` extra is installed."""
    try:
        import matplotlib.figure  # noqa: F401, PLC0415 - optional, loaded on use
        import networkx as nx  # noqa: F401, PLC0415
    except ImportError:
        msg = "pictures need matplotlib and networkx: pip install 'aiecosys[plot]'"
        raise MissingDependency(msg) from None


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure  # noqa: PLC0415 - checked by _plot_extra()

    return Figure(figsize=(width, height), layout="constrained")


def plot_network(
    eco: Ecosystem,
    *,
    investor: str | Investor | None = None,
    company: str | Company | None = None,
    label_min_deals: int = 2,
) -> Picture:
    """Draw the co-investment network.

    Investors are nodes sized by the rounds they joined; an edge joins two investors that shared a
    round, thicker the more rounds they shared (see
    [`Ecosystem.co_investors`][aiecosys.Ecosystem.co_investors]). Each node is coloured by the
    company it backed in most rounds, so the investors around each company form visible clusters.
    With *investor*, only that investor and its co-investors are drawn; with *company*, only that
    company's investors. Investors in at least *label_min_deals* rounds are labelled (all of them
    when focused).

    The picture's ``content`` records what was drawn: ``nodes`` (ids, in drawing order),
    ``edges`` (id pairs with weights) and ``colours`` (company id per node).
    """
    _plot_extra()
    import networkx as nx  # noqa: PLC0415 - the plot extra, checked above

    graph = co_investment_graph(eco)
    focused = investor is not None or company is not None
    if investor is not None:
        centre = eco.investor(investor).id
        keep = {centre, *graph.neighbors(centre)}
        graph = graph.subgraph(keep).copy()
    elif company is not None:
        graph = graph.subgraph(i.id for i in eco.investors_in(company)).copy()
    else:
        graph = graph.subgraph(n for n, d in graph.nodes(data=True) if d["deals"]).copy()

    nodes = sorted(graph.nodes)
    home = _home_companies(eco, nodes)
    companies = sorted(set(home.values()), key=lambda c: eco.company(c).name)
    colour_of = {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(companies)}
    positions = _layout(nx, graph)
    small = {
        n for part in nx.connected_components(graph) if len(part) <= _SMALL_GROUP for n in part
    }

    figure = _figure(12, 9)
    ax = figure.add_subplot()
    edges = sorted((tuple(sorted(e)), d["weight"]) for *e, d in graph.edges(data=True))
    from matplotlib.collections import LineCollection  # noqa: PLC0415

    ax.add_collection(
        LineCollection(
            [[positions[a], positions[b]] for (a, b), _ in edges],
            linewidths=[0.6 + 1.2 * (w - 1) for _, w in edges],
            colors="#9a9a9a",
            alpha=0.55,
            zorder=1,
        )
    )
    deals = [graph.nodes[n]["deals"] for n in nodes]
    ax.scatter(
        [positions[n][0] for n in nodes],
        [positions[n][1] for n in nodes],
        s=[60 + 90 * d for d in deals],
        c=[colour_of[home[n]] for n in nodes],
        edgecolors="white",
        linewidths=0.8,
        zorder=2,
    )
    labelled = [
        n
        for n, d in zip(nodes, deals, strict=True)
        if focused or d >= label_min_deals or n in small
    ]
    _place_labels(
        ax,
        {n: graph.nodes[n]["name"] for n in labelled},
        positions,
        {n: graph.nodes[n]["deals"] for n in labelled},
    )
    for c in companies:
        ax.scatter([], [], c=colour_of[c], label=f"backed {eco.company(c).name} most")
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    title = "Co-investment network"
    if investor is not None:
        title += f" around {eco.investor(investor).name}"
    elif company is not None:
        title += f" of {eco.company(company).name}'s investors"
    ax.set_title(f"{title}: node size = rounds joined, edge width = rounds shared")
    ax.set_axis_off()
    ax.autoscale_view()
    return Picture(
        figure=figure,
        content={
            "nodes": nodes,
            "edges": [[a, b, w] for (a, b), w in edges],
            "colours": [home[n] for n in nodes],
        },
    )


def _place_labels(
    ax: Any, names: dict[str, str], positions: dict[str, Any], deals: dict[str, int]
) -> None:
    """Label nodes, busiest first, where the label overlaps none placed before.

    Each label goes above, below, right or left of its node: the first of those places whose
    (estimated) box overlaps no label already placed.
    """
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    width = (max(xs) - min(xs)) or 1.0
    height = (max(ys) - min(ys)) or 1.0
    placed: list[tuple[float, float, float, float]] = []
    for node in sorted(names, key=lambda n: (-deals[n], names[n])):
        x, y = positions[node]
        w, h = 0.0068 * width * len(names[node]), 0.03 * height
        gap = 0.016 * height + 0.003 * height * deals[node]
        options = [
            (x, y + gap, "center", "bottom"),
            (x, y - gap, "center", "top"),
            (x + gap, y, "left", "center"),
            (x - gap, y, "right", "center"),
        ]
        chosen = options[0]
        for tx, ty, ha, va in options:
            left = tx - w / 2 if ha == "center" else (tx if ha == "left" else tx - w)
            bottom = ty if va == "bottom" else (ty - h if va == "top" else ty - h / 2)
            box = (left, bottom, left + w, bottom + h)
            if not any(
                box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
            ):
                chosen = (tx, ty, ha, va)
                placed.append(box)
                break
        else:
            placed.append((x - w / 2, y + gap, x + w / 2, y + gap + h))
        tx, ty, ha, va = chosen
        ax.text(
            tx,
            ty,
            names[node],
            ha=ha,
            va=va,
            fontsize=8,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
        )


def _layout(nx: Any, graph: Any) -> dict[str, Any]:
    """Lay the graph out with springs, keeping separate groups of investors in view.

    A hidden hub, loosely tied to every node, stops groups drifting to the corners.
    """
    hub = "\0hub"
    laid = graph.copy()
    laid.add_edges_from(((hub, n) for n in graph.nodes), weight=0.15)
    k = 2.4 / max(len(graph), 1) ** 0.5
    positions: dict[str, Any] = nx.spring_layout(laid, seed=7, weight="weight", k=k)
    del positions[hub]
    return positions


def _home_companies(eco: Ecosystem, investor_ids: Sequence[str]) -> dict[str, str]:
    """Map each investor to the company it backed in most rounds (ties: company name)."""
    home = {}
    for investor_id in investor_ids:
        counts = Counter(r.company for r in eco.find_rounds(investor=investor_id))
        home[investor_id] = min(counts, key=lambda c: (-counts[c], eco.company(c).name))
    return home


def plot_funding(
    eco: Ecosystem, companies: Sequence[str | Company], *, currency: str = "USD", log: bool = True
) -> Picture:
    """Draw cumulative funding over time, one line per company, in one currency.

    Each disclosed round adds its amount converted at the rate of its own date (the total of
    [`Ecosystem.total_raised`][aiecosys.Ecosystem.total_raised]); it is plotted at the first day of
    its announced date and marked with its stage and lead investors. Rounds that add nothing
    (undisclosed amounts, secondary sales) are marked with a hollow circle. The scale is logarithmic
    unless *log* is false, so that small and large raisers can be read on one picture.

    The picture's ``content["points"]`` maps each company id to its line's points:
    (date, cumulative amount as a string, round id).
    """
    _plot_extra()
    from matplotlib.dates import date2num  # noqa: PLC0415
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    figure = _figure(12, 7)
    ax = figure.add_subplot()
    drawn: dict[str, list[tuple[str, str, str]]] = {}
    floor = None
    for i, key in enumerate(companies):
        found = eco.company(key)
        colour = _PALETTE[i % len(_PALETTE)]
        breakdown = eco.funding_breakdown(found, currency=currency)
        converted = {f.round.id: f.converted.amount for f in breakdown.rounds}
        total, points = Decimal(0), []
        for r in eco.rounds_of(found):
            total += converted.get(r.id, Decimal(0))
            day = r.announced.first_day
            points.append((dt.date(day.year, day.month, day.day), total, r))
        drawn[found.id] = [(d.isoformat(), str(t), r.id) for d, t, r in points]
        shown = [(date2num(d), float(t), r) for d, t, r in points if t > 0 or not log]  # type: ignore[no-untyped-call]
        if not shown:
            ax.plot([], [], color=colour, label=f"{found.name} (no amount disclosed)")
        if shown:
            ax.step(
                [d for d, _, _ in shown],
                [t for _, t, _ in shown],
                where="post",
                color=colour,
                label=found.name,
                zorder=2,
            )
            low = min(t for _, t, _ in shown)
            floor = low if floor is None else min(floor, low)
        for when, amount, r in shown:
            adds = r.id in converted
            leads = ", ".join(eco.investor(i).name for i in r.leads)
            label = r.stage.value.replace("_", " ") + (f" · {leads}" if leads else "")
            if not adds:
                label += " (undisclosed)" if r.amount is None else " (no new money)"
            ax.scatter(
                [when],
                [amount],
                s=36,
                zorder=3,
                edgecolors=colour,
                facecolors=colour if adds else "white",
            )
            ax.annotate(
                label,
                (when, amount),
                xytext=(4, 3),
                textcoords="offset points",
                fontsize=7,
                color=colour,
                rotation=25,
            )
    ax.xaxis_date()
    if log:
        ax.set_yscale("log")
        if floor is not None:
            ax.set_ylim(bottom=floor / 2)
    ax.yaxis.set_major_formatter(FuncFormatter(_short_amount))
    ax.set_ylabel(f"cumulative funding ({currency}{', log scale' if log else ''})")
    ax.set_title(
        f"Funding over time in {currency}, each round converted at the ECB rate of its date"
    )
    ax.grid(visible=True, alpha=0.3)
    ax.legend(loc="upper left", frameon=False)
    return Picture(figure=figure, content={"points": drawn, "currency": currency})


def _short_amount(value: float, _: object) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"
