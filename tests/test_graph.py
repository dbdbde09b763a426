import networkx as nx
import pytest
from hypothesis import given

from aiecosys import (
    UnsupportedFormat,
    co_investment_graph,
    investment_graph,
    load,
    write_graph,
)
from aiecosys import strategies as aist


@given(aist.ecosystems())
def test_co_investment_edge_weights_agree_with_co_investors(eco):
    """Each edge's weight and rounds are what co_investors() says, and every pair is an edge."""
    graph = co_investment_graph(eco)
    assert set(graph.nodes) == {i.id for i in eco.investors}
    expected_edges = 0
    for investor in eco.investors:
        for co in eco.co_investors(investor):
            edge = graph.edges[investor.id, co.investor.id]
            assert edge["weight"] == co.shared
            assert set(edge["rounds"].split(";")) == {r.id for r in co.rounds}
            expected_edges += 1
    assert graph.number_of_edges() * 2 == expected_edges


@given(aist.ecosystems())
def test_investment_graph_is_bipartite_and_agrees_with_portfolios(eco):
    """Investor-company edges are exactly the portfolios."""
    graph = investment_graph(eco)
    for investor in eco.investors:
        neighbours = set(graph.neighbors(investor.id))
        assert neighbours == {c.id for c in eco.portfolio(investor)}
    assert nx.is_bipartite(graph)


def test_bundled_graph_counts_deals():
    """Node 'deals' counts the rounds each investor joined."""
    eco = load()
    graph = co_investment_graph(eco)
    for investor in ("Nvidia", "Lightspeed Venture Partners", "Salesforce Ventures"):
        found = eco.investor(investor)
        assert graph.nodes[found.id]["deals"] == len(eco.find_rounds(investor=found))


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_graphs_write_to_gephi_formats_and_read_back(tmp_path, suffix):
    """GraphML and GEXF files read back with the same nodes and weights."""
    graph = co_investment_graph(load())
    path = tmp_path / f"g{suffix}"
    write_graph(graph, path)
    back = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_unknown_graph_format_is_refused(tmp_path):
    """Only .graphml and .gexf are written."""
    with pytest.raises(UnsupportedFormat, match=r"write \.graphml or \.gexf"):
        write_graph(co_investment_graph(load()), tmp_path / "g.png")
