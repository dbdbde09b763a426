"""Commands that draw: the Gephi graph files and the pictures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._app import cli, uses_data
from ._output import Shown, output_options, show
from ._queries import currency_option

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["graph", "plot", "plot_funding_command", "plot_network_command"]

_picture = click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="An .svg or .png file to write.",
)


def _done(document: dict[str, Any], line: str, fmt: str) -> None:
    show(Shown(document=document, rows=[document], text=[line]), fmt)


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["co-investment", "investment"]),
    default="co-investment",
    show_default=True,
    help="Investors linked by shared rounds, or the bipartite investor-company graph.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A .graphml or .gexf file (Gephi reads both).",
)
@output_options
@uses_data
def graph(*, eco: Ecosystem, fmt: str, limit: int | None, kind: str, output: Path) -> None:  # noqa: ARG001 - one row
    """Write the co-investment network or the investor-company graph for Gephi."""
    from aiecosys._graph import (  # noqa: PLC0415 - needs the graph extra
        co_investment_graph,
        investment_graph,
        write_graph,
    )

    built = co_investment_graph(eco) if kind == "co-investment" else investment_graph(eco)
    write_graph(built, output)
    nodes, edges = built.number_of_nodes(), built.number_of_edges()
    document = {"output": str(output), "kind": kind, "nodes": nodes, "edges": edges}
    _done(document, f"Wrote {nodes} nodes and {edges} edges to {output}", fmt)


@cli.group()
def plot() -> None:
    """Draw pictures of the ecosystem (needs the plot extra: matplotlib and networkx)."""


@plot.command("network")
@click.option("--investor", metavar="NAME", help="Only this investor and its co-investors.")
@click.option("--company", metavar="NAME", help="Only this company's investors.")
@_picture
@output_options
@uses_data
def plot_network_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    investor: str | None,
    company: str | None,
    output: Path,
) -> None:
    """Draw the co-investment network: investors sized by deals, edges by shared rounds."""
    from aiecosys._plots import plot_network  # noqa: PLC0415 - needs the plot extra

    picture = plot_network(eco, investor=investor, company=company)
    picture.save(output)
    nodes, edges = len(picture.content["nodes"]), len(picture.content["edges"])
    document = {"output": str(output), "nodes": nodes, "edges": edges}
    _done(document, f"Drew {nodes} investors and {edges} co-investment links to {output}", fmt)


@plot.command("funding")
@click.argument("companies", nargs=-1, required=True)
@currency_option
@_picture
@output_options
@uses_data
def plot_funding_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    companies: tuple[str, ...],
    currency: str,
    output: Path,
) -> None:
    """Draw cumulative funding over time for one or more companies, in one currency."""
    from aiecosys._plots import plot_funding  # noqa: PLC0415 - needs the plot extra

    picture = plot_funding(eco, companies, currency=currency)
    picture.save(output)
    points = picture.content["points"]
    document = {"output": str(output), "rounds": {c: len(p) for c, p in points.items()}}
    line = (
        f"Drew {sum(len(p) for p in points.values())} rounds of {len(points)} companies to {output}"
    )
    _done(document, line, fmt)
