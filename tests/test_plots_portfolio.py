"""An investor's portfolio timeline: its rounds, leads and undisclosed amounts."""

from aiecosys import load, plot_portfolio


def test_portfolio_draws_each_round_the_investor_joined():
    """Microsoft: every round it joined, one row per company, in order of its first round."""
    eco = load()
    drawn = plot_portfolio(eco, "Microsoft").content
    assert {r[0] for r in drawn["rounds"]} == {r.id for r in eco.find_rounds(investor="Microsoft")}
    assert drawn["companies"][0] == "company:openai"
    assert set(drawn["companies"]) == {c.id for c in eco.portfolio("Microsoft")}


def test_leads_are_stars_and_undisclosed_rounds_hollow():
    """Microsoft led its 2021 OpenAI round, amount undisclosed: a hollow star."""
    picture = plot_portfolio(load(), "Microsoft")
    assert (
        "round:openai-microsoft-2021",
        "company:openai",
        "2021",
        True,
        False,
    ) in picture.content["rounds"]
    joined = ("round:openai-2024-10", "company:openai", "2024-10-02", False, True)
    assert joined in picture.content["rounds"]
    foot = " ".join(picture.figure.get_supxlabel().split())
    hidden = sum(1 for r in picture.content["rounds"] if not r[4])
    assert f"{hidden} of {len(picture.content['rounds'])} rounds have no disclosed amount" in foot
