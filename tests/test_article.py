"""The seed article's statements (data/article-statements.csv) and the claims that judge them."""

import csv
import re
from pathlib import Path

import pytest

import aiecosys

STATEMENTS = Path(__file__).resolve().parents[1] / "data" / "article-statements.csv"


@pytest.fixture(scope="module")
def eco() -> aiecosys.Ecosystem:
    return aiecosys.load()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with STATEMENTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_statements_are_numbered_from_one(rows):
    """The file has the columns number, quote, claims and numbers its rows 1, 2, 3, … in order."""
    assert rows
    assert list(rows[0]) == ["number", "quote", "claims"]
    assert [int(row["number"]) for row in rows] == list(range(1, len(rows) + 1))


def test_every_statement_quotes_the_article_and_names_a_claim(rows):
    """No statement is listed without the article's words or without a claim that judges it."""
    for row in rows:
        assert row["quote"].strip(), f"statement {row['number']} has no quote"
        claims = row["claims"].split()
        assert claims, f"statement {row['number']} has no claim"
        assert len(claims) == len(set(claims)), f"statement {row['number']} repeats a claim"


def test_every_quote_is_the_articles_own_words(rows):
    """Each quote appears in the article (white space folded), so no statement is invented."""
    article = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
    if not article.exists():
        pytest.skip("needs ../shared/seed/article.txt, which is not beside this clone")
    text = " ".join(article.read_text(encoding="utf-8").split())
    for row in rows:
        for part in re.split(r" ?(?:…|\.\.\.) ?", row["quote"]):
            assert " ".join(part.split()) in text, f"statement {row['number']}: {part!r}"


def test_every_claim_named_in_the_file_is_an_article_claim(eco, rows):
    """Each claim id in the file exists in the dataset and is a claim made by the article."""
    known = {claim.id: claim for claim in eco.claims}
    for row in rows:
        for claim_id in row["claims"].split():
            assert claim_id in known, f"statement {row['number']}: no claim {claim_id}"
            assert known[claim_id].source == "source:article", claim_id


def test_every_article_claim_judges_a_listed_statement(eco, rows):
    """Every claim whose source is the article appears against at least one statement."""
    listed = {claim_id for row in rows for claim_id in row["claims"].split()}
    article_claims = {claim.id for claim in eco.claims if claim.source == "source:article"}
    assert sorted(article_claims - listed) == []
