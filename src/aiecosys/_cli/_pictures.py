"""Commands that draw: the Gephi graph files and the pictures."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._app import cli, uses_data
from ._output import Shown, output_options, show
from ._queries import as_of_option, currency_option

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._plots import PictureOptions

__all__ = [
    "graph",
    "plot",
    "plot_funding_by_command",
    "plot_funding_command",
    "plot_network_command",
    "plot_portfolio_command",
]


def _picture_options(command: Any) -> Any:
    """Add the options every picture takes (see ``PictureOptions``) and pass them as ``options``."""

    @click.option(
        "--output",
        "-o",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="The file to write: .svg, .png or .pdf.",
    )
    @click.option("--title", help="Replace the picture's title ('' for none).")
    @click.option("--subtitle", help="Replace the picture's subtitle ('' for none).")
    @click.option(
        "--credit", help="Replace the credit line (default: the data version and its sources)."
    )
    @click.option("--size", metavar="WxH", help="Size in inches, width x height (for example 8x5).")
    @click.option("--dpi", type=click.IntRange(min=1), help="Dots per inch of a PNG.")
    @click.option(
        "--theme", type=click.Choice(["light", "dark"]), default="light", show_default=True
    )
    @functools.wraps(command)
    def run(
        *,
        title: str | None,
        subtitle: str | None,
        credit: str | None,
        size: str | None,
        dpi: int | None,
        theme: str,
        **kwargs: Any,
    ) -> Any:
        options: dict[str, Any] = {"title": title, "subtitle": subtitle, "credit": credit}
        options["theme"] = theme
        if size is not None:
            options["size"] = _size(size)
        if dpi is not None:
            options["dpi"] = dpi
        return command(options=options, **kwargs)

    return run


def _size(text: str) -> tuple[float, float]:
    try:
        width, height = (float(part) for part in text.lower().split("x"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not WxH in inches (for example 8x5)") from None
    return width, height


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
    """Draw pictures (needs the plot extra: matplotlib, networkx and adjustText)."""


@plot.command("network")
@click.option("--investor", metavar="NAME", help="Only this investor and its co-investors.")
@click.option("--company", metavar="NAME", help="Only this company's investors.")
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=40,
    show_default=True,
    help="Draw the N investors in most rounds (0 for all).",
)
@_picture_options
@output_options
@uses_data
def plot_network_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    investor: str | None,
    company: str | None,
    top: int,
    output: Path,
    options: PictureOptions,
) -> None:
    """Draw the co-investment network: investors sized by deals, edges by shared rounds."""
    from aiecosys._plots import plot_network  # noqa: PLC0415 - needs the plot extra

    picture = plot_network(eco, investor=investor, company=company, top=top or None, **options)
    picture.save(output)
    nodes, edges = len(picture.content["nodes"]), len(picture.content["edges"])
    document = {"output": str(output), "nodes": nodes, "edges": edges}
    _done(document, f"Drew {nodes} investors and {edges} co-investment links to {output}", fmt)


@plot.command("funding")
@click.argument("companies", nargs=-1, required=True)
@currency_option
@click.option("--linear", is_flag=True, help="A linear scale instead of a logarithmic one.")
@_picture_options
@output_options
@uses_data
def plot_funding_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    companies: tuple[str, ...],
    currency: str,
    linear: bool,
    output: Path,
    options: PictureOptions,
) -> None:
    """Draw cumulative funding over time for one or more companies, in one currency."""
    from aiecosys._plots import plot_funding  # noqa: PLC0415 - needs the plot extra

    picture = plot_funding(eco, companies, currency=currency, log=not linear, **options)
    picture.save(output)
    points = picture.content["points"]
    document = {"output": str(output), "rounds": {c: len(p) for c, p in points.items()}}
    line = (
        f"Drew {sum(len(p) for p in points.values())} rounds of {len(points)} companies to {output}"
    )
    _done(document, line, fmt)


@plot.command("funding-by")
@click.argument("period", type=click.Choice(["year", "quarter"]), default="year")
@currency_option
@as_of_option
@click.option("--since", metavar="YEAR", help="Only the periods from YEAR on.")
@_picture_options
@output_options
@uses_data
def plot_funding_by_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    period: str,
    currency: str,
    as_of: str | None,
    since: str | None,
    output: Path,
    options: PictureOptions,
) -> None:
    """Draw funding by year (or quarter) and stage, as stacked bars."""
    from aiecosys._plots import plot_funding_by  # noqa: PLC0415 - needs the plot extra

    picture = plot_funding_by(eco, period, currency=currency, as_of=as_of, since=since, **options)
    picture.save(output)
    drawn = picture.content
    document = {
        "output": str(output),
        "periods": len(drawn["periods"]),
        "stages": len(drawn["totals"]),
    }
    _done(document, f"Drew {document['periods']} {period}s by stage to {output}", fmt)


@plot.command("portfolio")
@click.argument("investor")
@_picture_options
@output_options
@uses_data
def plot_portfolio_command(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,  # noqa: ARG001 - one row
    investor: str,
    output: Path,
    options: PictureOptions,
) -> None:
    """Draw an investor's rounds over time, one row per company, leads marked."""
    from aiecosys._plots import plot_portfolio  # noqa: PLC0415 - needs the plot extra

    picture = plot_portfolio(eco, investor, **options)
    picture.save(output)
    rounds, companies = len(picture.content["rounds"]), len(picture.content["companies"])
    document = {"output": str(output), "rounds": rounds, "companies": companies}
    _done(document, f"Drew {rounds} rounds in {companies} companies to {output}", fmt)
