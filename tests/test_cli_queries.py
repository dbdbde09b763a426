"""The query commands: each one's JSON is the library's answer, record for record."""

import json

import pytest
from click.testing import CliRunner

from aiecosys import load
from aiecosys._cli import cli
from aiecosys._codec import make_converter


def as_json(*args: str):
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def unstructured(records) -> list[object]:
    return [make_converter().unstructure(r) for r in records]


LISTS = [
    ("companies", {}),
    ("rounds", {}),
    ("companies", {"countries": ["FR"]}),
    ("investors", {"companies": ["Mistral AI"], "stages": ["seed"]}),
    ("people", {"countries": ["FR"]}),
    ("rounds", {"investors": ["Nvidia"], "since": "2024"}),
    ("rounds", {"kinds": ["startup"], "until": "2023-06"}),
    ("companies", {"stages": ["ipo", "post_ipo"]}),
]
OPTION = {
    "companies": "--company",
    "investors": "--investor",
    "countries": "--country",
    "stages": "--stage",
    "kinds": "--kind",
    "since": "--since",
    "until": "--until",
}


@pytest.mark.parametrize(("kind", "filters"), LISTS)
def test_list_json_is_find_records(kind, filters):
    """list KIND --filters --json gives exactly Ecosystem.find_records(KIND, filters)."""
    args = []
    for name, value in filters.items():
        for one in [value] if isinstance(value, str) else value:
            args += [OPTION[name], one]
    expected = load().find_records(kind, **filters)
    assert expected
    assert as_json("list", kind, *args) == unstructured(expected)


def test_source_json_is_citations():
    """source ID --json gives the source and the ids of what citations() finds."""
    eco = load()
    cited = eco.citations("source:tnw-mistral-seed")
    doc = as_json("source", "source:tnw-mistral-seed")
    assert doc["source"] == make_converter().unstructure(cited.source)
    assert doc["records"] == [r.id for r in cited.records]
    assert doc["claims"] == [c.id for c in cited.claims]
    assert doc["records"]
    assert doc["claims"]


def test_source_table_names_what_cites_it():
    """source shows publisher, date, grade and URL, and names each citing record."""
    out = CliRunner().invoke(cli, ["source", "source:tnw-mistral-seed"]).stdout
    assert "publisher: TNW (The Next Web)" in out
    assert "grade: B" in out
    assert "https://thenextweb.com/" in out
    assert "Mistral AI · Seed · 2023-06-13" in out


def test_rounds_json_is_priced_rounds():
    """rounds --json lists priced_rounds(): each record and its converted amount (null if none)."""
    priced = load().priced_rounds(currency="EUR", investor="Nvidia")
    doc = as_json("rounds", "--investor", "Nvidia", "--currency", "EUR")
    assert [r["id"] for r in doc] == [p.round.id for p in priced]
    for row, p in zip(doc, priced, strict=True):
        expected = p.converted
        assert row["converted"] == (
            None if expected is None else {"amount": str(expected.amount), "currency": "EUR"}
        )


def test_company_investor_and_person_json_are_their_profiles():
    """company, investor and person --json carry profile(), investor_profile(), person_profile()."""
    eco = load()
    p = eco.profile("xAI", currency="EUR", as_of="2024-06")
    doc = as_json("company", "xAI", "--currency", "EUR", "--as-of", "2024-06")
    assert [r["id"] for r in doc["rounds"]] == [r.id for r in p.rounds]
    assert doc["total"]["text"] == str(p.total)
    assert doc["founders"] == [f.name for f in p.founders]
    i = eco.investor_profile("Nvidia")
    doc = as_json("investor", "Nvidia")
    assert doc["portfolio"] == [c.id for c in i.portfolio]
    assert [c["investor"] for c in doc["co_investors"]] == [c.investor.id for c in i.co_investors]
    person = eco.person_profile("Arthur Mensch")
    doc = as_json("person", "Arthur Mensch")
    assert doc["roles"] == unstructured(person.roles)
