"""Graphs of an ecosystem as networkx graphs (the ``graph`` extra), and files for Gephi."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiecosys._atomic import replacing
from aiecosys._optional import require
from aiecosys.exceptions import UnsupportedFormat

if TYPE_CHECKING:
    import networkx as nx

    from aiecosys._ecosystem import Ecosystem

__all__ = ["co_investment_graph", "investment_graph", "write_graph"]


def _networkx() -> Any:
    return require("networkx", extra="graph", needed_for="graphs")


def co_investment_graph(eco: Ecosystem) -> nx.Graph[str]:
    """Return the co-investment network: investors as nodes, shared rounds as edges.

    Each node has ``name``, ``kind`` and ``deals`` (rounds joined). Each edge joins two investors
    that were in the same round (see [`Ecosystem.co_investors`][aiecosys.Ecosystem.co_investors]);
    its ``weight`` is the number of rounds they shared and ``rounds`` lists their ids, joined with
    ``;`` so the graph can be written as GraphML or GEXF.

    Examples:
        >>> import aiecosys
        >>> graph = aiecosys.co_investment_graph(aiecosys.load())
        >>> graph.edges["investor:nvidia", "investor:salesforce-ventures"]["weight"]
        9
    """
    nx = _networkx()
    graph = nx.Graph()
    deals: dict[str, int] = {}
    shared: dict[tuple[str, str], list[str]] = {}
    for round_ in eco.find_rounds():
        ids = sorted(set(round_.investor_ids))
        for investor_id in ids:
            deals[investor_id] = deals.get(investor_id, 0) + 1
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared.setdefault((a, b), []).append(round_.id)
    for investor in eco.investors:
        graph.add_node(
            investor.id,
            name=investor.name,
            kind=investor.kind.value,
            deals=deals.get(investor.id, 0),
        )
    for (a, b), rounds in shared.items():
        graph.add_edge(a, b, weight=len(rounds), rounds=";".join(rounds))
    return graph


def investment_graph(eco: Ecosystem) -> nx.Graph[str]:
    """Return the bipartite investor-company graph.

    Nodes carry ``name`` and ``bipartite`` (0 for investors, 1 for companies); an edge joins
    an investor to a company it put money into, with ``weight`` the number of rounds and
    ``rounds`` their ids (``;``-joined), and ``leads`` how many of them it led.
    """
    nx = _networkx()
    graph = nx.Graph()
    for investor in eco.investors:
        graph.add_node(investor.id, name=investor.name, kind=investor.kind.value, bipartite=0)
    for company in eco.companies:
        graph.add_node(company.id, name=company.name, kind=company.kind.value, bipartite=1)
    for round_ in eco.find_rounds():
        for investment in round_.investments:
            key = (investment.investor, round_.company)
            if graph.has_edge(*key):
                edge = graph.edges[key]
                edge["weight"] += 1
                edge["rounds"] += f";{round_.id}"
                edge["leads"] += int(investment.lead)
            else:
                graph.add_edge(*key, weight=1, rounds=round_.id, leads=int(investment.lead))
    return graph


def write_graph(graph: nx.Graph[str], path: str | Path) -> None:
    """Write *graph* as GraphML (``.graphml``) or GEXF (``.gexf``), for Gephi and friends.

    The file is replaced atomically: a failure leaves the old file as it was.

    Raises:
        UnsupportedFormat: another suffix.
        WriteError: the file cannot be written.
    """
    nx = _networkx()
    path = Path(path)
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    try:
        writer = writers[path.suffix.lower()]
    except KeyError:
        msg = f"{path.name}: write .graphml or .gexf"
        raise UnsupportedFormat(msg) from None
    with replacing(path) as temporary:
        writer(graph, temporary)
