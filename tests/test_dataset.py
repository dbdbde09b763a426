"""The bundled dataset: coverage of the article, sources, claims, and the questions users ask."""

import re
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

import aiecosys
from aiecosys import Reliability, Verdict

DOCS = Path(__file__).parent.parent / "docs" / "dataset.md"

# Every organisation, investor and person the article names, by the name it uses.
ARTICLE_COMPANIES = [
    "Hugging Face",
    "Mistral AI",
    "Mistral",
    "Poolside AI",
    "Poolside",
    "01.AI",
    "xAI",
    "OpenAI",
    "Salesforce",
    "Qualcomm",
    "Nvidia",
    "IBM",
    "Google",
    "Intel",
    "Amazon Web Services",
    "AWS",
    "Microsoft",
    "Meta Platforms",
    "MILA",
    "McGill University",
    "Forrester",
    "Alibaba",
    "Alphabet Deep Mind",
]
ARTICLE_INVESTORS = [
    "Salesforce Ventures",
    "Qualcomm Ventures",
    "Nvidia",
    "Eric Schmidt",
    "Lightspeed Venture Partners",
    "Sinovation Ventures",
    "Alibaba",
    "Sequoia Capital",
    "Qualcomm",
    "IBM",
    "Google",
    "Intel",
    "Salesforce",
    "Revolution",
]
ARTICLE_PEOPLE = [
    "Sam Altman",
    "Joelle Pineau",
    "Thomas Wolf",
    "Kai-Fu Lee",
    "Elon Musk",
    "Mike Gualtieri",
    "Delip Rao",
    "Quinn Li",
    "Bill Gurley",
    "Steve Case",
    "Thomas Malone",
    "Eric Schmidt",
    "Joe Biden",
]


@pytest.fixture(scope="module")
def eco() -> aiecosys.Ecosystem:
    return aiecosys.load()


@pytest.mark.parametrize("name", ARTICLE_COMPANIES)
def test_every_organisation_of_the_article_resolves_by_its_article_name(eco, name):
    """Each organisation named in the article is a company found by that name."""
    assert eco.company(name)


@pytest.mark.parametrize("name", ARTICLE_INVESTORS)
def test_every_investor_of_the_article_resolves(eco, name):
    """Each investor named in the article is found by that name."""
    assert eco.investor(name)


@pytest.mark.parametrize("name", ARTICLE_PEOPLE)
def test_every_person_of_the_article_resolves(eco, name):
    """Each person named in the article is found by that name."""
    assert eco.person(name)


def test_every_record_cites_a_source(eco):
    """Companies, investors, people and rounds each cite at least one source."""
    for record in (*eco.companies, *eco.investors, *eco.people, *eco.rounds):
        assert record.sources, record.id


def test_every_source_is_cited_and_has_an_address(eco):
    """No source is unused, and all but the article have a URL and a grade."""
    from aiecosys._integrity import references

    records = (*eco.people, *eco.companies, *eco.investors, *eco.rounds, *eco.claims)
    cited = {i for r in records for i in references(r)} & {s.id for s in eco.sources}
    assert {s.id for s in eco.sources} == cited
    for source in eco.sources:
        assert source.url or source.id == "source:article", source.id


def test_article_claims_cite_the_article_and_decided_claims_cite_other_evidence(eco):
    """claim:article/… ids are the article's, judged on other sources; every claim explains.

    A total-raised check may cite, as evidence, the page that published the figure when
    that page also reports a round summed: the evidence is the rounds' sources.
    """
    for claim in eco.claims:
        assert (claim.source == "source:article") == claim.id.startswith("claim:article/"), claim.id
        assert claim.explanation or claim.verdict is Verdict.SUPPORTED, claim.id
        if claim.verdict is not Verdict.UNVERIFIED:
            assert claim.evidence, claim.id
        if claim.source == "source:article":
            assert "source:article" not in claim.evidence, claim.id


def test_every_company_with_rounds_has_its_total_checked_or_says_why_not(eco):
    """A company with a disclosed amount has a total_raised claim against a published figure."""
    checked = {c.subject for c in eco.claims if c.field == "total_raised"}
    disclosed = {r.company for r in eco.rounds if r.amount is not None}
    missing = sorted(disclosed - checked)
    share = 1 - len(missing) / len(disclosed)
    assert share >= 0.8, f"total not checked against a published figure: {missing}"
    for claim in eco.claims:
        if claim.field == "total_raised":
            assert claim.explanation, claim.id
            assert claim.explanation.startswith("Sum of recorded rounds"), claim.id


_SUM = re.compile(r"Sum of recorded rounds to (\d{4}(?:-\d\d){0,2}): (.*)", re.DOTALL)
_STATED = re.compile(r"([A-Z]{3}) (\d[\d,]*)(?:,? (?:\+|and) |(?=[^\d,]|,\D|$))")


def stated_sum(text: str) -> dict[str, Decimal]:
    """The amounts a sum states first, by currency: ``USD 1,000 + CNY 5`` (empty for "none")."""
    found: dict[str, Decimal] = {}
    at = 0
    while (match := _STATED.match(text, at)) is not None:
        found[match[1]] = Decimal(match[2].replace(",", ""))
        at = match.end()
    return found


def test_stated_sum_reads_the_leading_amounts_only():
    """The parser of the test below: the first amounts, joined by + or and, and nothing after."""
    assert stated_sum("USD 1,004,000,000. The published $1.1B") == {"USD": Decimal(1004000000)}
    assert stated_sum("CNY 7,040,000,000 and USD 400,000,000, all") == {
        "CNY": Decimal(7040000000),
        "USD": Decimal(400000000),
    }
    assert stated_sum("USD 25 + JPY 2 (mixed; USD 9 later)") == {"USD": 25, "JPY": 2}
    assert stated_sum("USD 300, plus the USD 50 angel round") == {"USD": 300}
    assert stated_sum("none with a known amount") == stated_sum("unknown (USD 5)") == {}


def test_each_total_check_states_the_sum_the_library_gives_on_its_date(eco):
    """A total check's "Sum of recorded rounds to DATE: ..." is what aiecosys answers then.

    The sum is stated by currency as recorded, over the rounds a total counts (no secondary
    sale) surely announced by DATE; "none" or "unknown" when no such round has a known
    amount (unknown is not zero). A round with an amount only possibly announced by DATE
    (dated to a month or year that runs past it) is not in the sum, and the explanation says
    it is dated only to that month or year.
    """
    checked = 0
    for claim in eco.claims:
        if claim.field != "total_raised":
            continue
        match = _SUM.match(claim.explanation)
        assert match, f"{claim.id}: no 'Sum of recorded rounds to DATE: ...'"
        day, rest = match.groups()
        breakdown = eco.funding_breakdown(claim.subject, as_of=day)
        surely: dict[str, Decimal] = {}
        for funded in breakdown.rounds:
            amount = funded.round.amount
            surely[amount.currency] = surely.get(amount.currency, Decimal(0)) + amount.amount
        assert stated_sum(rest) == surely, claim.id
        if not surely:
            assert rest.startswith(("none", "unknown")), claim.id
        possibly = breakdown.possibly.rounds if breakdown.possibly else ()
        for funded in possibly:
            assert f"dated only to {funded.round.announced}" in rest, (claim.id, funded.round.id)
        checked += 1
    assert checked >= 50


def test_the_article_is_a_low_reliability_source(eco):
    """The garbled article is graded C and has a month-precision date."""
    article = eco.source("source:article")
    assert article.reliability is Reliability.C
    assert str(article.published) == "2023-11"


def test_the_file_is_in_canonical_form_with_its_data_version(eco):
    """The shipped file is exactly what dumps() writes, and carries DATA_VERSION."""
    text = files("aiecosys").joinpath("data", "ecosystem.json").read_text(encoding="utf-8")
    assert aiecosys.dumps(eco) == text
    assert eco.version == aiecosys.DATA_VERSION


# The questions users ask -------------------------------------------------------------------


def test_how_much_mistral_raised_in_euros_and_dollars(eco):
    """By the end of 2023 Mistral had raised €490M: the €105M seed and the €385M Series A."""
    total = eco.total_raised("Mistral AI", currency="EUR", as_of="2023-12-31")
    assert total.known == aiecosys.Money(amount=490_000_000, currency="EUR")
    assert total.complete
    breakdown = eco.funding_breakdown("Mistral AI", currency="USD", as_of="2023-12-31")
    assert [f.conversion.rate for f in breakdown.rounds] == [Decimal("1.0793"), Decimal("1.0875")]
    assert breakdown.total.known == aiecosys.Money(amount="532014000.00", currency="USD")


def test_who_led_hugging_faces_series_d(eco):
    """Salesforce Ventures led the $235M Series D of August 2023."""
    series_d = eco.round("round:hugging-face-series-d")
    assert [eco.investor(i).name for i in series_d.leads] == ["Salesforce Ventures"]
    assert series_d.amount == aiecosys.Money(amount=235_000_000, currency="USD")


def test_co_investors_of_nvidia(eco):
    """By the end of 2024, Nvidia co-invested most with Salesforce Ventures (5 rounds)."""
    top = eco.co_investors("Nvidia", as_of="2024-12-31")[:3]
    assert [(c.investor.name, c.shared) for c in top] == [
        ("Salesforce Ventures", 5),
        ("Andreessen Horowitz", 3),
        ("Elad Gil", 3),
    ]


def test_which_claims_of_the_article_are_contradicted(eco):
    """The article's false statements about Mistral, Poolside, Wolf and Lee are contradicted."""
    contradicted = {
        c.id.removeprefix("claim:article/") for c in eco.find_claims(verdict="contradicted")
    }
    assert {
        "mistral-founded-2019",
        "mistral-seed-3m",
        "mistral-seed-led-by-salesforce",
        "mistral-mila-spinout",
        "mistral-led-by-pineau",
        "poolside-headed-by-pineau",
        "wolf-ceo",
        "lee-google-president",
        "01ai-launched-november",
    } <= contradicted


def test_hugging_face_total_is_near_the_reported_400m(eco):
    """The rounds add up to $390M, matching 'nearly $400m to date' (Sifted, April 2024)."""
    total = eco.total_raised("Hugging Face", as_of="2024-04-05")
    assert total.known == aiecosys.Money(amount=390_000_000, currency="USD")
    assert total.complete


def test_investor_kinds_link_to_their_parents_and_people(eco):
    """Venture arms name their parent company; angels name their person."""
    assert eco.investor("Salesforce Ventures").company == "company:salesforce"
    assert eco.investor("Eric Schmidt").person == "person:eric-schmidt"


# docs/dataset.md stays true to the data ----------------------------------------------------


def test_the_coverage_table_in_the_docs_is_generated_from_the_data():
    """docs/dataset.md holds what `python docs/coverage_table.py` writes now."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "coverage_table", DOCS.with_name("coverage_table.py")
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = DOCS.read_text(encoding="utf-8")
    assert module.START in text
    assert module.page(text) == text, "stale: run python docs/coverage_table.py"


def test_the_shipped_file_is_what_the_data_fragments_compile_to():
    """src/aiecosys/data/ecosystem.json is the compiled form of data/ (no hand edits)."""
    import importlib.util

    root = Path(__file__).resolve().parents[1] / "data"
    spec = importlib.util.spec_from_file_location("compile_data", root / "compile.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = files("aiecosys").joinpath("data", "ecosystem.json").read_text(encoding="utf-8")
    assert module.render(module.compile_document(root)) == text


def test_01ai_2023_total_is_unknown_not_zero(eco):
    """01.AI's only 2023 round is undisclosed: its 2023 total is unknown, never 0."""
    total = eco.total_raised("01.AI", as_of="2023-12-31")
    assert [r.amount for r in eco.rounds_of("01.AI", as_of="2023-12-31")] == [None]
    assert (total.known, total.complete, total.undisclosed) == (None, False, 1)


def test_poolside_seed_known_only_as_2023_is_uncertain_at_the_article_date(eco):
    """On 2023-11-30 Poolside's seed, dated '2023', is possibly announced, not $0 and not sure."""
    seed = eco.round("round:poolside-seed")
    assert str(seed.announced) == "2023"
    total = eco.total_raised("Poolside", as_of="2023-11-30")
    assert seed in eco.rounds_of("Poolside", as_of="2023-11-30").possibly
    assert total.uncertain >= 1
    assert not total.complete
    assert seed in eco.rounds_of("Poolside", as_of="2023-12-31")


def test_mistral_series_a_known_as_2023_12_is_uncertain_mid_december(eco):
    """Mistral's Series A, dated '2023-12', is possibly announced by 15 December, surely by 31."""
    series_a = eco.round("round:mistral-ai-series-a")
    assert str(series_a.announced) == "2023-12"
    assert series_a in eco.rounds_of("Mistral AI", as_of="2023-12-15").possibly
    total = eco.total_raised("Mistral AI", currency="EUR", as_of="2023-12-15")
    assert total.uncertain_known is not None
    assert total.uncertain_known.amount >= 385_000_000
    assert series_a in eco.rounds_of("Mistral AI", as_of="2023-12-31")
