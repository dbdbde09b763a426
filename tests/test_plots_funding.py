"""Funding over time: lines, undisclosed rounds, partial dates, lower-bound notes."""

from decimal import Decimal

from aiecosys import load, plot_funding
from aiecosys._plots._timeline import span


def test_funding_points_add_up_to_total_raised():
    """Each line's last point is the known total_raised(); every round is a point."""
    eco = load()
    companies = ["Hugging Face", "Mistral AI", "OpenAI"]
    points = plot_funding(eco, companies, currency="EUR").content["points"]
    for name in companies:
        company = eco.company(name)
        line = points[company.id]
        assert sorted(r for _, _, r in line) == sorted(r.id for r in eco.rounds_of(company))
        known = eco.total_raised(company, currency="EUR").known
        assert known is not None
        assert Decimal(line[-1][1]) == known.amount


def test_a_company_with_nothing_disclosed_is_drawn_not_crashed(tmp_path):
    """01.AI's only round is undisclosed: a marker labelled 'undisclosed', a lower-bound note."""
    picture = plot_funding(load(), ["01.AI"])
    picture.save(tmp_path / "01ai.png")  # raised "Data cannot be log-scaled" before
    assert picture.content["undisclosed"] == {"company:01-ai": ["round:01-ai-2023-11"]}
    ax = picture.figure.axes[0]
    assert any("undisclosed" in t.get_text() for t in ax.texts)
    assert ax.get_yscale() == "linear"
    foot = " ".join(picture.figure.get_supxlabel().split())
    assert "lower bounds where rounds are undisclosed: 01.AI (1 of 1 rounds undisclosed)" in foot


def test_lower_bound_note_names_each_company_with_undisclosed_rounds():
    """OpenAI's undisclosed rounds (its secondary sales are not) are counted in the note."""
    eco = load()
    picture = plot_funding(eco, ["OpenAI", "xAI"])
    foot = " ".join(picture.figure.get_supxlabel().split())
    breakdown = eco.funding_breakdown("OpenAI")
    rounds = len(eco.rounds_of("OpenAI"))
    assert f"OpenAI ({len(breakdown.undisclosed)} of {rounds} rounds undisclosed)" in foot
    assert "xAI (" not in foot


def test_a_year_only_round_is_drawn_mid_year_with_a_bar_over_the_year():
    """Poolside's seed, known as '2023', is drawn at mid-2023 with a bar over all of 2023."""
    eco = load()
    picture = plot_funding(eco, ["Poolside"])
    seed = eco.round("round:poolside-seed")
    start, middle, end = span(seed.announced)
    ax = picture.figure.axes[0]
    xs = [c.get_offsets()[0][0] for c in ax.collections if len(c.get_offsets()) == 1]
    assert middle in xs
    assert start not in xs  # not on 1 January, before Poolside may have existed
    bars = [line.get_xdata() for line in ax.lines if len(line.get_xdata()) == 2]
    assert any(list(b) == [start, end] for b in bars)
    assert ("2023", "126000000", "round:poolside-seed") in picture.content["points"][
        "company:poolside"
    ]


def test_every_round_has_a_label_with_its_stage_and_amount():
    """Twenty rounds of the six companies, twenty labels; an undisclosed one says so."""
    eco = load()
    six = ["Hugging Face", "Mistral AI", "Poolside", "OpenAI", "xAI", "01.AI"]
    picture = plot_funding(eco, six)
    labels = [t.get_text() for t in picture.figure.axes[0].texts if t.get_gid()]
    assert len(labels) == sum(len(eco.rounds_of(c)) for c in six)
    assert "Series A · EUR 385M · 2023-12" in labels
    assert "Strategic · undisclosed · 2021" in labels
