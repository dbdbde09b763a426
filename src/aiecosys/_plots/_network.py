"""The co-investment network: investors as nodes, shared rounds as edges."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Unpack

from aiecosys._graph import co_investment_graph
from aiecosys._model import Company, Investor
from aiecosys._plots._colours import company_colour
from aiecosys._plots._labels import place_labels
from aiecosys._plots._picture import (
    Picture,
    PictureOptions,
    canvas,
    finish,
    require_plot_extra,
)
from aiecosys._plots._words import wrap

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["DEFAULT_TOP", "plot_network"]

DEFAULT_TOP = 40  # investors drawn by default: more cannot be labelled legibly
_LEGEND_MAX = 10  # companies named in the legend, the rest drawn grey


def plot_network(
    eco: Ecosystem,
    *,
    investor: str | Investor | None = None,
    company: str | Company | None = None,
    top: int | None = DEFAULT_TOP,
    **options: Unpack[PictureOptions],
) -> Picture:
    """Draw the co-investment network.

    Investors are nodes sized by the rounds they joined; an edge joins two investors that shared a
    round, thicker the more rounds they shared (see
    [`Ecosystem.co_investors`][aiecosys.Ecosystem.co_investors]). Each node has the colour of the
    company it backed in most rounds (see [`company_colour`][aiecosys.company_colour]), so the
    investors around each company form visible clusters. With *investor*, only that investor and its
    co-investors are drawn; with *company*, only that company's investors.

    Only the *top* investors in most rounds (then by name; the focused investor always) are
    drawn, 40 by default, ``None`` for all: a network of hundreds of investors cannot be read
    (and placing hundreds of labels takes minutes).
    The notes under the picture say how many were left out, and ``content["not_drawn"]``
    lists them. Every node drawn is labelled, no label overlapping another. The legend, outside
    the network, names the companies whose colour is shown; a company whose colour another
    company in the picture already has is drawn in grey, as "another company".
    *options* are those of every picture ([`PictureOptions`][aiecosys.PictureOptions]).

    The picture's ``content`` records what was drawn: ``nodes`` (ids, in drawing order),
    ``edges`` (id pairs with weights), ``colours`` (company id per node), ``labels``
    (node id to label) and ``not_drawn`` (investor ids left out by *top*, busiest first).

    Examples:
        >>> import aiecosys
        >>> picture = aiecosys.plot_network(aiecosys.load(), company="Poolside")
        >>> len(picture.content["labels"]) == len(picture.content["nodes"])
        True
    """
    require_plot_extra()
    import networkx as nx  # noqa: PLC0415 - the plot extra, checked just above

    graph = co_investment_graph(eco)
    if investor is not None:
        centre = eco.investor(investor).id
        graph = graph.subgraph({centre, *graph.neighbors(centre)}).copy()
    elif company is not None:
        graph = graph.subgraph(i.id for i in eco.investors_in(company)).copy()
    else:
        graph = graph.subgraph(n for n, d in graph.nodes(data=True) if d["deals"]).copy()

    ranked = sorted(graph.nodes, key=lambda n: (-graph.nodes[n]["deals"], graph.nodes[n]["name"]))
    if investor is not None:  # the investor in focus is always drawn, first
        ranked = [centre, *(n for n in ranked if n != centre)]
    kept = ranked if top is None else ranked[:top]
    not_drawn = [n for n in ranked if n not in set(kept)]
    graph = graph.subgraph(kept).copy()
    nodes = sorted(graph.nodes)
    home = _home_companies(eco, nodes)
    deals = {n: graph.nodes[n]["deals"] for n in nodes}
    names = {n: graph.nodes[n]["name"] for n in nodes}
    busiest = [n for n in ranked if n in graph]
    labelled = set(busiest)
    shown = _legend_companies(eco, home)
    positions = _layout(nx, graph)
    edges = sorted((tuple(sorted(e)), d["weight"]) for *e, d in graph.edges(data=True))

    with canvas(options, (9.0, 8.0)) as (figure, theme):
        from matplotlib.collections import LineCollection  # noqa: PLC0415

        ax = figure.add_subplot()
        ax.add_collection(
            LineCollection(
                [[positions[a], positions[b]] for (a, b), _ in edges],
                linewidths=[0.5 + 1.0 * (w - 1) for _, w in edges],
                colors=theme.edge,
                alpha=0.45,
                zorder=1,
            )
        )
        ax.scatter(
            [positions[n][0] for n in nodes],
            [positions[n][1] for n in nodes],
            s=[_dot_area(deals[n]) for n in nodes],
            c=[company_colour(home[n]) if home[n] in shown else theme.other for n in nodes],
            edgecolors=theme.background,
            linewidths=0.8,
            zorder=2,
            clip_on=False,
        )
        for c in shown:
            ax.scatter([], [], s=40, c=company_colour(c), label=eco.company(c).name)
        if set(home.values()) - set(shown):
            ax.scatter([], [], s=40, c=theme.other, label="another company")
        figure.legend(
            loc="outside right upper",
            title="Colour: the company\nbacked in most rounds",
            title_fontsize=8.5,
            fontsize=8.5,
            handletextpad=0.2,
            columnspacing=1.0,
        )
        ax.set_axis_off()
        ax.margins(0.06)
        ax.autoscale_view()
        notes = []
        if not_drawn:
            notes.append(
                f"Shown: the {len(nodes)} investors in most rounds, of {len(ranked)}; "
                f"{len(not_drawn)} investors in fewer rounds are not drawn."
            )
        finish(
            eco,
            figure,
            ax,
            options,
            title=_title(eco, investor, company),
            subtitle="Investors linked when they joined the same round. "
            "Dot size: rounds joined; line width: rounds shared.",
            notes=wrap(notes, figure),
        )
        place_labels(
            figure,
            ax,
            [(*positions[n], names[n]) for n in busiest if n in labelled],
            theme,
            # A dot's radius in pixels: half the square root of its area in points squared.
            marker_px=[
                _dot_area(deals[n]) ** 0.5 / 2 * figure.dpi / 72 + 2
                for n in busiest
                if n in labelled
            ],
        )
    return Picture(
        figure=figure,
        content={
            "nodes": nodes,
            "edges": [[a, b, w] for (a, b), w in edges],
            "colours": [home[n] for n in nodes],
            "labels": {n: names[n] for n in nodes if n in labelled},
            "not_drawn": not_drawn,
        },
    )


def _legend_companies(eco: Ecosystem, home: dict[str, str]) -> list[str]:
    """The companies drawn in their own colour: by investors drawn, at most one per colour."""
    counts = Counter(home.values())
    ranked = sorted(counts, key=lambda c: (-counts[c], eco.company(c).name.casefold()))
    shown: dict[str, str] = {}
    for company in ranked:
        colour = company_colour(company)
        if colour not in shown and len(shown) < _LEGEND_MAX:
            shown[colour] = company
    return sorted(shown.values(), key=lambda c: eco.company(c).name.casefold())


def _dot_area(deals: int) -> float:
    """A node's area in points squared: it grows with the square root of the rounds joined.

    Damped so that the busiest investor (34 rounds) does not hide its neighbours.
    """
    return 20.0 + 60.0 * math.sqrt(deals)


def _title(eco: Ecosystem, investor: str | Investor | None, company: str | Company | None) -> str:
    if investor is not None:
        return f"Who invests alongside {eco.investor(investor).name}"
    if company is not None:
        return f"{eco.company(company).name}'s investors and their co-investments"
    return "Who invests alongside whom"


def _layout(nx: Any, graph: Any) -> dict[str, Any]:
    """Lay the graph out with springs, keeping separate groups of investors in view.

    A hidden hub, loosely tied to every node, stops groups drifting to the corners.
    """
    hub = "\0hub"
    laid = graph.copy()
    laid.add_edges_from(((hub, n) for n in graph.nodes), weight=0.15)
    k = 3.5 / max(len(graph), 1) ** 0.5
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
