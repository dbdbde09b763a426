from decimal import Decimal

import pytest

from aiecosys import (
    AsOf,
    Claim,
    Company,
    DataError,
    Ecosystem,
    IncompleteTotal,
    Investor,
    InvestorKind,
    Money,
    NotFound,
    Person,
    Reliability,
    Role,
    Source,
    Verdict,
    convert,
)
from tests.helpers import day, firm, round_, small, usd


def test_construction_reports_every_problem_at_once():
    """Unknown ids, duplicates, twice-listed investors and early rounds all come in one error."""
    with pytest.raises(DataError) as info:
        Ecosystem(
            companies=(Company(id="company:c", name="C", founded=day("2020")),),
            investors=(firm("a"), firm("a")),
            rounds=(
                round_("r1", "c", "2019", None, "a", "a"),
                round_("r2", "nowhere", "2021", None, "ghost"),
            ),
        )
    found = {str(p) for p in info.value.problems}
    assert found == {
        "investors[1].id: 'investor:a' is already the id of investors[0]",
        "rounds[0].investments[1].investor: 'investor:a' is in this round twice",
        "rounds[0].announced: 2019 is before C was founded (2020)",
        "rounds[1].company: unknown company 'company:nowhere'",
        "rounds[1].investments[0].investor: unknown investor 'investor:ghost'",
    }


def test_ids_are_unique_across_kinds_of_record():
    """A company and an investor cannot share an id."""
    with pytest.raises(DataError, match="already the id of companies"):
        Ecosystem(
            companies=(Company(id="x", name="X"),),
            investors=(Investor(id="x", name="X", kind=InvestorKind.FIRM),),
        )


def test_a_round_in_the_founding_year_is_not_before_the_founding():
    """Overlapping partial dates are not 'before': a 2020 round of a 2020-06 company is fine.

    A round whose whole interval ends before the founding is refused.
    """
    founded = Company(id="company:c", name="C", founded=day("2020-06"))
    eco = Ecosystem(companies=(founded,), rounds=(round_("r", "c", "2020", None),))
    assert [r.id for r in eco.rounds_of("C")] == ["round:r"]
    with pytest.raises(DataError, match=r"rounds\[0\]\.announced: 2020-05 is before C was founded"):
        Ecosystem(companies=(founded,), rounds=(round_("r", "c", "2020-05", None),))


def test_references_to_sources_people_and_organisations_are_checked():
    """Every kind of reference is resolved: sources, founders, roles, parents, claims."""
    with pytest.raises(DataError) as info:
        Ecosystem(
            companies=(
                Company(id="c", name="C", parent="p", founders=("nobody",), sources=("s",)),
            ),
            people=(Person(id="pp", name="P", roles=(Role(organisation="o", title="CEO"),)),),
            claims=(
                Claim(
                    id="k",
                    subject="ghost",
                    field="f",
                    statement="s",
                    source="s",
                    verdict=Verdict.UNVERIFIED,
                ),
            ),
        )
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "companies[0].sources[0]",
        "people[0].roles[0].organisation",
        "companies[0].parent",
        "companies[0].founders[0]",
        "claims[0].subject",
        "claims[0].source",
    ]


def test_records_of_the_wrong_type_are_data_errors():
    """Passing a company where an investor belongs names the place."""
    with pytest.raises(DataError, match=r"investors\[0\]: must be a Investor"):
        Ecosystem(investors=(Company(id="c", name="C"),))  # type: ignore[arg-type]


def test_order_of_records_does_not_matter():
    """Collections are sorted by id, so any input order gives an equal ecosystem."""
    eco = small()
    shuffled = Ecosystem(
        companies=reversed(eco.companies),
        investors=reversed(eco.investors),
        rounds=reversed(eco.rounds),
    )
    assert shuffled == eco
    assert hash(shuffled) == hash(eco)
    assert [c.id for c in eco.companies] == sorted(c.id for c in eco.companies)


def test_ecosystem_is_immutable():
    """Attributes cannot be set."""
    eco = small()
    with pytest.raises(AttributeError):
        eco.rounds = ()  # type: ignore[misc, assignment]


def test_lookups_accept_records_ids_names_and_aliases():
    """company() finds by record, id, name, alias, ignoring case and accents."""
    eco = small()
    acme = eco.company("company:acme")
    assert eco.company(acme) is acme
    assert eco.company("acme cafe") is acme
    assert eco.company("ACME") is acme
    with pytest.raises(NotFound, match="did you mean 'Bolt'"):
        eco.company("Bolr")
    with pytest.raises(NotFound):
        eco.round("round:nope")


def test_rounds_of_is_in_announcement_order_and_respects_as_of():
    """Rounds come by first day; as_of keeps rounds whose whole interval has ended, surely."""
    eco = small()
    assert [r.id for r in eco.rounds_of("Acme")] == [
        "round:acme-seed",
        "round:acme-a",
        "round:acme-b",
        "round:acme-tender",
    ]
    assert [r.id for r in eco.rounds_of("Acme", as_of="2021-06-15")] == ["round:acme-seed"]
    assert [r.id for r in eco.rounds_of("Acme", as_of="2021-06-15").possibly] == ["round:acme-a"]
    assert [r.id for r in eco.rounds_of("Acme", as_of="2021-06")] == [
        "round:acme-seed",
        "round:acme-a",
    ]


def test_total_raised_converts_each_round_at_its_date():
    """The total sums disclosed rounds converted at each round's own date."""
    eco = small()
    seed = convert(Money(amount=1_000_000, currency="EUR"), "USD", on="2020-03-02").converted
    total = eco.total_raised("Acme", currency="USD")
    assert total.known == seed + usd(5_000_000)
    assert (total.rounds, total.disclosed, total.undisclosed) == (3, 2, 1)


def test_breakdown_lists_undisclosed_and_secondary_rounds_apart():
    """Undisclosed rounds and secondary sales are shown, and left out of the total."""
    breakdown = small().funding_breakdown("Acme", currency="EUR")
    assert [f.round.id for f in breakdown.rounds] == ["round:acme-seed", "round:acme-a"]
    assert [r.id for r in breakdown.undisclosed] == ["round:acme-b"]
    assert [r.id for r in breakdown.excluded] == ["round:acme-tender"]
    assert breakdown.rounds[0].original == Money(amount=1_000_000, currency="EUR")
    assert breakdown.rounds[0].converted.amount == Decimal(1_000_000)
    assert breakdown.total.known == breakdown.rounds[0].converted + breakdown.rounds[1].converted


def test_total_raised_of_a_company_without_rounds_is_zero_and_says_so():
    """No rounds: an exact zero in the asked currency, whose text says no round is recorded."""
    eco = Ecosystem(companies=(Company(id="c", name="C"),))
    total = eco.total_raised("c", currency="JPY")
    assert total.known == Money(amount=0, currency="JPY")
    assert total.complete
    assert str(total) == "JPY 0 (no round recorded)"


def test_a_round_dated_astride_as_of_is_possibly_counted_never_silently():
    """Acme's 2021-06 Series A on 15 June 2021: left out of known, reported as uncertain."""
    eco = small()
    seed = convert(Money(amount=1_000_000, currency="EUR"), "USD", on="2020-03-02").converted
    total = eco.total_raised("Acme", currency="USD", as_of="2021-06-15")
    assert (total.known, total.rounds, total.uncertain) == (seed, 1, 1)
    assert total.uncertain_known == usd(5_000_000)
    assert not total.complete
    assert str(total) == (
        f"USD ≥ {seed.amount:,f} (1 round possibly announced by 2021-06-15: USD 5,000,000)"
    )
    assert eco.total_raised("Acme", currency="USD", as_of="2021-06").complete


def test_an_undisclosed_round_dated_astride_as_of_is_counted_as_such():
    """Acme's Series B, '2023' with no amount, is an uncertain undisclosed round mid-2023."""
    total = small().total_raised("Acme", currency="USD", as_of="2023-06")
    assert (total.rounds, total.undisclosed, total.uncertain) == (2, 0, 1)
    assert (total.uncertain_known, total.uncertain_undisclosed) == (None, 1)
    breakdown = small().funding_breakdown("Acme", currency="USD", as_of="2023-06")
    assert breakdown.possibly is not None
    assert [r.id for r in breakdown.possibly.undisclosed] == ["round:acme-b"]


def test_strict_totals_raise_unless_exact():
    """strict=True raises IncompleteTotal (a ValueError) for a lower bound, not for an exact one."""
    eco = small()
    with pytest.raises(IncompleteTotal, match="Acme Café is not exact") as info:
        eco.total_raised("Acme", strict=True)
    assert isinstance(info.value, ValueError)
    assert info.value.total.undisclosed == 1
    assert eco.total_raised("Bolt", strict=True).known == usd(2_000_000)
    with pytest.raises(IncompleteTotal):
        eco.total_raised("Acme", as_of="2021-06-15", strict=True)


def test_queries_of_investors_split_sure_and_possible_by_as_of():
    """investors_in, portfolio and co_investors put investors of straddling rounds in possibly."""
    eco = small()
    found = eco.investors_in("Acme", as_of="2021-06-15")
    assert [i.name for i in found] == ["Alpha Capital", "Beta Ventures"]
    assert [i.name for i in found.possibly] == ["Gamma"]
    assert [i.name for i in eco.investors_in("Acme", as_of="2023-06").possibly] == ["Delta"]
    portfolio = eco.portfolio("Delta", as_of="2023-06")
    assert ([c.name for c in portfolio], [c.name for c in portfolio.possibly]) == (
        ["Bolt"],
        ["Acme Café"],
    )
    co = eco.co_investors("Beta Ventures", as_of="2021-06-15")
    assert [
        (c.investor.name, [r.id for r in c.rounds], [r.id for r in c.uncertain]) for c in co
    ] == [("Alpha Capital", ["round:acme-seed"], ["round:acme-a"])]
    assert [(c.investor.name, c.shared, [r.id for r in c.uncertain]) for c in co.possibly] == [
        ("Gamma", 0, ["round:acme-a"])
    ]


def test_summary_ranks_sure_amounts_and_lists_unknown_totals_apart():
    """A company with only undisclosed rounds is unranked; as_of counts uncertain activity."""
    base = small()
    eco = Ecosystem(
        companies=(*base.companies, Company(id="company:quiet", name="Quiet")),
        investors=base.investors,
        rounds=(*base.rounds, round_("quiet-a", "quiet", "2022-05-01", None, "gamma")),
    )
    s = eco.summary(currency="USD")
    assert [t.company.name for t in s.raised_most] == ["Acme Café", "Bolt"]
    assert [(t.company.name, str(t)) for t in s.unranked] == [
        ("Quiet", "USD unknown (1 round undisclosed)")
    ]
    assert not s.raised_most[0].complete
    early = eco.summary(currency="USD", as_of="2021-06-15")
    assert [t.company.name for t in early.raised_most] == ["Acme Café"]
    assert early.unranked == ()
    gamma = next(a for a in early.most_active if a.investor.name == "Gamma")
    assert (gamma.rounds, gamma.uncertain) == (0, 1)


def test_roles_of_lists_roles_held_on_a_day_surely_and_possibly():
    """roles_of keeps every role without as_of; with it, held surely, or possibly."""
    ceo = Role(organisation="company:acme", title="CEO", start=day("2020-03"), end=day("2022"))
    adviser = Role(organisation="company:bolt", title="Adviser")
    base = small()
    eco = Ecosystem(
        companies=base.companies,
        people=(Person(id="person:p", name="Pat", roles=(ceo, adviser)),),
    )
    assert eco.roles_of("Pat") == AsOf(as_of=None, surely=(ceo, adviser))
    held = eco.roles_of("Pat", as_of="2021-05-01")
    assert (held.surely, held.possibly) == ((ceo,), (adviser,))
    later = eco.roles_of("Pat", as_of="2022-06")
    assert (later.surely, later.possibly) == ((), (ceo, adviser))
    assert eco.roles_of("Pat", as_of="2023").possibly == (adviser,)


def test_investors_in_and_portfolio_sort_by_name():
    """investors_in lists by name, with lead_only; portfolio lists companies by name."""
    eco = small()
    assert [i.name for i in eco.investors_in("Acme")] == [
        "Alpha Capital",
        "Beta Ventures",
        "Delta",
        "Gamma",
    ]
    assert [i.name for i in eco.investors_in("Acme", lead_only=True)] == ["Alpha Capital", "Gamma"]
    assert [c.name for c in eco.portfolio("Beta Ventures")] == ["Acme Café", "Bolt"]


def test_co_investors_rank_by_shared_rounds_then_name():
    """Beta shared two rounds with Alpha, one with Delta and one with Gamma."""
    result = small().co_investors("investor:beta")
    assert [(c.investor.name, c.shared) for c in result] == [
        ("Alpha Capital", 2),
        ("Delta", 1),
        ("Gamma", 1),
    ]
    assert [r.id for r in result[0].rounds] == ["round:acme-seed", "round:acme-a"]


def test_find_rounds_filters_combine():
    """Filters by company, investor, stage and dates combine with AND."""
    eco = small()
    assert [r.id for r in eco.find_rounds(investor="Delta")] == ["round:bolt-seed", "round:acme-b"]
    assert [r.id for r in eco.find_rounds(stage="seed", since="2021")] == ["round:bolt-seed"]
    assert [r.id for r in eco.find_rounds(company="Acme", until="2021-12")] == [
        "round:acme-seed",
        "round:acme-a",
    ]


def test_find_rounds_reports_rounds_straddling_a_bound_as_possibly_in_range():
    """A round whose partial date straddles since or until is in possibly, never dropped."""
    eco = small()  # Acme: seed 2020-03-02, Series A 2021-06, Series B 2023, a tender later
    found = eco.find_rounds(company="Acme", until="2021-06-15")
    assert [r.id for r in found] == ["round:acme-seed"]
    assert [r.id for r in found.possibly] == ["round:acme-a"]
    assert found.as_of == day("2021-06-15")
    found = eco.find_rounds(company="Acme", since="2021-06-15")
    assert [r.id for r in found] == ["round:acme-b", "round:acme-tender"]
    assert [r.id for r in found.possibly] == ["round:acme-a"]
    assert found.as_of is None
    found = eco.find_rounds(company="Acme", since="2021-06-01", until="2021-06-30")
    assert ([r.id for r in found], found.possibly) == (["round:acme-a"], ())


def test_claims_about_include_the_company_rounds_and_filter_by_verdict():
    """Claims about a company include its rounds'; verdict filters."""
    eco = small()
    source = Source(id="s", title="T", publisher="P", reliability=Reliability.C)
    claims = (
        Claim(
            id="k1",
            subject="company:acme",
            field="founded",
            statement="1999",
            source="s",
            verdict=Verdict.CONTRADICTED,
            evidence=("s",),
        ),
        Claim(
            id="k2",
            subject="round:acme-a",
            field="amount",
            statement="$5M",
            source="s",
            verdict=Verdict.SUPPORTED,
            evidence=("s",),
        ),
    )
    eco = Ecosystem(
        sources=(source,),
        companies=eco.companies,
        investors=eco.investors,
        rounds=eco.rounds,
        claims=claims,
    )
    assert [c.id for c in eco.claims_about("Acme")] == ["k1", "k2"]
    assert [c.id for c in eco.claims_about("Acme", verdict="supported")] == ["k2"]
    assert [c.id for c in eco.find_claims(verdict=Verdict.CONTRADICTED)] == ["k1"]
    with pytest.raises(NotFound):
        eco.claims_about("Nobody")


def test_query_caches_are_safe_under_many_threads():
    """16 threads asking portfolio() and co_investors() of 600 investors get correct answers."""
    from tests.adversarial import crowd, hammer, meddled

    assert hammer(lambda: meddled(crowd()), asks=200)
    assert hammer(crowd, asks=500)


def test_parent_cycles_of_any_length_are_errors_naming_the_companies():
    """A company that is, through its parents, its own parent is refused, once per cycle."""
    with pytest.raises(DataError) as info:
        Ecosystem(
            companies=[
                Company(id="a", name="A", parent="b"),
                Company(id="b", name="B", parent="c"),
                Company(id="c", name="C", parent="a"),
                Company(id="d", name="D", parent="a"),  # under the cycle, not in it
                Company(id="e", name="E", parent="f"),
                Company(id="f", name="F", parent="e"),
            ]
        )
    why = " (each company's parent is the next; no company can own itself)"
    assert [str(p) for p in info.value.problems] == [
        "companies[0].parent: the parents form a cycle: 'a' -> 'b' -> 'c' -> 'a'" + why,
        "companies[4].parent: the parents form a cycle: 'e' -> 'f' -> 'e'" + why,
    ]


def test_a_chain_of_parents_is_not_a_cycle():
    """Long chains of ownership without a loop are fine."""
    chain = [Company(id=f"c{i}", name=f"C{i}", parent=f"c{i + 1}") for i in range(500)]
    eco = Ecosystem(companies=[*chain, Company(id="c500", name="C500")])
    assert len(eco.companies) == 501


def test_a_claim_cannot_be_about_itself():
    """A claim whose subject is its own id is refused."""
    with pytest.raises(DataError, match="subject: a claim cannot be about itself"):
        Claim(
            id="claim:k",
            subject="claim:k",
            field="name",
            statement="s",
            source="source:s",
            verdict=Verdict.UNVERIFIED,
        )


def test_the_version_follows_the_name_rule():
    """An ecosystem's version is one line of printable text."""
    with pytest.raises(DataError, match=r"version: must not contain U\+001B"):
        Ecosystem(version="2026\x1b[2J")
