"""Pictures: what they draw (nodes, edges, points), and that the docs' pictures are current."""

import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import aiecosys
from aiecosys import UnsupportedFormat, load, plot_funding, plot_network

DOCS = Path(__file__).parent.parent / "docs"


def test_network_draws_every_active_investor_and_every_co_investment():
    """Nodes are the investors with deals; edges are co_investors pairs, with their weights."""
    eco = load()
    picture = plot_network(eco)
    drawn = picture.content
    active = {i.id for i in eco.investors if eco.portfolio(i)}
    assert set(drawn["nodes"]) == active
    expected = {
        (a.id, c.investor.id): c.shared
        for a in eco.investors
        for c in eco.co_investors(a)
        if a.id < c.investor.id
    }
    assert {(a, b): w for a, b, w in drawn["edges"]} == expected
    edges_drawn, nodes_drawn = picture.figure.axes[0].collections[:2]
    assert len(nodes_drawn.get_offsets()) == len(active)
    assert len(edges_drawn.get_segments()) == len(expected)


def test_network_colours_investors_by_the_company_they_backed_most():
    """Each investor is coloured as a company it backed in the most rounds."""
    from collections import Counter

    eco = load()
    drawn = plot_network(eco).content
    for node, home in zip(drawn["nodes"], drawn["colours"], strict=True):
        backed = Counter(r.company for r in eco.find_rounds(investor=node))
        assert backed[home] == max(backed.values()), node


def test_network_focus_on_an_investor_or_a_company():
    """Focused on Nvidia: Nvidia and its co-investors. On a company: its investors."""
    eco = load()
    around = plot_network(eco, investor="Nvidia").content["nodes"]
    assert set(around) == {"investor:nvidia"} | {c.investor.id for c in eco.co_investors("Nvidia")}
    of = plot_network(eco, company="Hugging Face").content["nodes"]
    assert set(of) == {i.id for i in eco.investors_in("Hugging Face")}


def test_funding_points_add_up_to_total_raised():
    """Each line's last point is total_raised(); every round is a point."""
    eco = load()
    companies = ["Hugging Face", "Mistral AI", "OpenAI"]
    points = plot_funding(eco, companies, currency="EUR").content["points"]
    for name in companies:
        company = eco.company(name)
        line = points[company.id]
        assert [r for _, _, r in line] == [r.id for r in eco.rounds_of(company)]
        known = eco.total_raised(company, currency="EUR").known
        assert known is not None
        assert Decimal(line[-1][1]) == known.amount


def test_save_writes_svg_and_png_reproducibly(tmp_path: Path):
    """The same figure saves to the same bytes; other suffixes are refused."""
    for suffix in (".svg", ".png"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        plot_funding(load(), ["xAI"]).save(first)
        plot_funding(load(), ["xAI"]).save(second)
        assert first.read_bytes() == second.read_bytes()
        assert first.stat().st_size > 1000
    with pytest.raises(UnsupportedFormat):
        plot_funding(load(), ["xAI"]).save(tmp_path / "a.pdf")


def test_the_docs_pictures_are_current():
    """Each picture in docs/img shows what make_pictures.py would draw from today's data."""
    sys.path.insert(0, str(DOCS))
    try:
        from make_pictures import pictures  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(DOCS))
    for name, picture in pictures().items():
        svg = (DOCS / "img" / name).read_text(encoding="utf-8")
        found = re.search(r"aiecosys-content-digest: ([0-9a-f]+)", svg)
        assert found, name
        assert found.group(1) == picture.digest, (
            f"docs/img/{name} is stale: run python docs/make_pictures.py"
        )
        assert f"img/{name}" in (DOCS / "pictures.md").read_text(encoding="utf-8")


def test_plotting_libraries_load_only_when_drawing():
    """import aiecosys loads neither matplotlib nor networkx."""
    import subprocess

    code = (
        "import sys, aiecosys; "
        "print(sorted(m for m in ('matplotlib', 'networkx') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
    assert aiecosys.plot_network.__module__ == "aiecosys._plots"
