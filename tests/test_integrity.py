"""The integrity checks: unique ids, resolvable references, coherent rounds, reported at once."""

import pytest

from aiecosys import (
    Claim,
    Company,
    DataError,
    Ecosystem,
    Investment,
    Investor,
    InvestorKind,
    Money,
    Person,
    Reliability,
    Role,
    Round,
    Source,
    Stage,
    Valuation,
    Verdict,
)
from aiecosys._integrity import references
from tests.helpers import day

SOURCE = Source(id="s", title="T", publisher="P", reliability=Reliability.B)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (SOURCE, []),
        (
            Person(id="p", name="P", roles=(Role(organisation="c", title="CEO"),), sources=("s",)),
            ["s", "c"],
        ),
        (Company(id="c", name="C", parent="g", founders=("p",), sources=("s",)), ["s", "g", "p"]),
        (Investor(id="i", name="I", kind=InvestorKind.COMPANY, company="c"), ["c"]),
        (
            Round(
                id="r",
                company="c",
                stage=Stage.SEED,
                announced=day("2024"),
                amount=Money(amount=1, currency="USD"),
                valuation=Valuation(amount=Money(amount=9, currency="USD"), sources=("v",)),
                investments=(Investment(investor="i"),),
                sources=("s",),
            ),
            ["s", "c", "v", "i"],
        ),
        (
            Claim(
                id="k",
                subject="c",
                field="name",
                statement="x",
                source="s",
                verdict=Verdict.SUPPORTED,
                evidence=("e",),
            ),
            ["c", "s", "e"],
        ),
    ],
)
def test_references_names_every_id_a_record_refers_to(record, expected):
    """references() yields each id the checks resolve, for every kind of record."""
    assert sorted(references(record)) == sorted(expected)


def test_every_dangling_reference_is_reported_with_its_path_at_once():
    """Four dangling ids in four kinds of record give four problems, each with its path."""
    with pytest.raises(DataError) as caught:
        Ecosystem(
            people=(Person(id="p", name="P", roles=(Role(organisation="nowhere", title="X"),)),),
            companies=(Company(id="c", name="C", parent="ghost"),),
            rounds=(
                Round(
                    id="r",
                    company="c",
                    stage=Stage.SEED,
                    announced=day("2024"),
                    investments=(Investment(investor="nobody"),),
                ),
            ),
            claims=(
                Claim(
                    id="k",
                    subject="c",
                    field="name",
                    statement="x",
                    source="missing",
                    verdict=Verdict.UNVERIFIED,
                ),
            ),
        )
    paths = sorted(p.path for p in caught.value.problems)
    assert paths == [
        "claims[0].source",
        "companies[0].parent",
        "people[0].roles[0].organisation",
        "rounds[0].investments[0].investor",
    ]


def test_a_valuation_must_cite_sources_the_ecosystem_holds():
    """A valuation's sources are references like any other."""
    valued = Round(
        id="r",
        company="c",
        stage=Stage.SEED,
        announced=day("2024"),
        valuation=Valuation(amount=Money(amount=9, currency="USD"), sources=("unknown",)),
    )
    with pytest.raises(DataError, match=r"rounds\[0\]\.valuation\.sources\[0\]: unknown source"):
        Ecosystem(companies=(Company(id="c", name="C"),), rounds=(valued,))


def test_an_investor_twice_in_one_round_is_reported():
    """One investor, two investments in the same round: the second is named."""
    twice = Round(
        id="r",
        company="c",
        stage=Stage.SEED,
        announced=day("2024"),
        investments=(Investment(investor="i"), Investment(investor="i", lead=True)),
    )
    with pytest.raises(DataError, match=r"rounds\[0\]\.investments\[1\]\.investor: 'i' is in"):
        Ecosystem(
            companies=(Company(id="c", name="C"),),
            investors=(Investor(id="i", name="I", kind=InvestorKind.FIRM),),
            rounds=(twice,),
        )
