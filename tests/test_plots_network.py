"""The co-investment network: nodes, edges, colours, labels, top-N and the legend's place."""

from collections import Counter

import pytest

from aiecosys import company_colour, load, plot_network


@pytest.fixture(scope="module")
def whole():
    return plot_network(load())


def test_network_accounts_for_every_active_investor_and_draws_their_co_investments(whole):
    """Drawn and not_drawn are the investors with deals; edges are co_investors pairs drawn."""
    eco = load()
    drawn = whole.content
    active = {i.id for i in eco.investors if eco.portfolio(i)}
    assert set(drawn["nodes"]) | set(drawn["not_drawn"]) == active
    assert not set(drawn["nodes"]) & set(drawn["not_drawn"])
    nodes = set(drawn["nodes"])
    expected = {
        (a.id, c.investor.id): c.shared
        for a in eco.investors
        for c in eco.co_investors(a)
        if a.id < c.investor.id and {a.id, c.investor.id} <= nodes
    }
    assert {(a, b): w for a, b, w in drawn["edges"]} == expected
    edges_drawn, nodes_drawn = whole.figure.axes[0].collections[:2]
    assert len(nodes_drawn.get_offsets()) == len(nodes)
    assert len(edges_drawn.get_segments()) == len(expected)


def test_by_default_the_40_busiest_are_drawn_and_the_rest_listed():
    """top=40: the 40 investors in most rounds are drawn; the others are in not_drawn."""
    eco = load()
    picture = plot_network(eco)
    drawn = picture.content
    deals = Counter(i for r in eco.rounds for i in set(r.investor_ids))
    assert len(drawn["nodes"]) == 40
    assert min(deals[n] for n in drawn["nodes"]) >= max(deals[n] for n in drawn["not_drawn"])
    assert len(drawn["nodes"]) + len(drawn["not_drawn"]) == len(deals)
    foot = " ".join(picture.figure.get_supxlabel().split())
    assert f"{len(drawn['not_drawn'])} investors in fewer rounds are not drawn" in foot


def test_every_node_drawn_is_labelled():
    """All nodes carry a label (before: 30 of 61 had none)."""
    picture = plot_network(load(), company="Mistral AI")
    drawn = picture.content
    assert set(drawn["labels"]) == set(drawn["nodes"])
    texts = {t.get_text() for t in picture.figure.axes[0].texts}
    assert set(drawn["labels"].values()) <= texts


def test_nodes_have_their_home_company_colour_or_grey(whole):
    """Each node is coloured as a company it backed in most rounds, in that company's colour."""
    from matplotlib.colors import to_hex

    eco = load()
    drawn = whole.content
    dots = whole.figure.axes[0].collections[1].get_facecolors()
    legend = {t.get_text() for t in whole.figure.legends[0].get_texts()}
    for i, (node, home) in enumerate(zip(drawn["nodes"], drawn["colours"], strict=True)):
        backed = Counter(r.company for r in eco.find_rounds(investor=node))
        assert backed[home] == max(backed.values()), node
        if eco.company(home).name in legend:
            assert to_hex(dots[i]).upper() == company_colour(home)


def test_the_legend_sits_outside_the_network():
    """In the Mistral view the legend's box does not meet the axes (Microsoft sat on it)."""
    figure = plot_network(load(), company="Mistral AI").figure
    renderer = figure.canvas.get_renderer()
    legend = figure.legends[0].get_window_extent(renderer)
    assert not legend.overlaps(figure.axes[0].get_window_extent(renderer))


def test_network_focus_on_an_investor_or_a_company():
    """Focused on Nvidia: Nvidia and its busiest co-investors. On a company: its investors."""
    eco = load()
    around = plot_network(eco, investor="Nvidia", top=8).content
    drawn = set(around["nodes"]) | set(around["not_drawn"])
    assert drawn == {"investor:nvidia"} | {c.investor.id for c in eco.co_investors("Nvidia")}
    assert "investor:nvidia" in around["nodes"]
    assert len(around["nodes"]) == 8
    of = plot_network(eco, company="Poolside").content["nodes"]
    assert set(of) == {i.id for i in eco.investors_in("Poolside")}
