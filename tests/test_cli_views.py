"""How answers read: JSON keeps ids and exact amounts; text names records, says what is unsure."""

from aiecosys import load
from aiecosys._cli import _views as views
from aiecosys._cli._output import Table


def test_total_fields_keep_unknown_as_null_and_say_what_is_left_out():
    """An undisclosed-only total is null with its count; text is the library's str()."""
    total = load().total_raised("01.AI", as_of="2023-12-31")
    fields = views.total_fields(total)
    assert fields["total_raised"] is None
    assert (fields["complete"], fields["undisclosed_rounds"]) == (False, 1)
    assert fields["text"] == str(total)


def test_company_profile_rows_mark_possible_rounds_and_text_names_leads():
    """Rows carry 'possibly'; the rounds table names the lead investors, never their ids."""
    eco = load()
    shown = views.company_profile(eco, eco.profile("Mistral AI", as_of="2023-12-15"))
    assert [r["possibly"] for r in shown.rows] == [False, True]
    tables = [b for b in shown.text if isinstance(b, Table)]
    assert [t.listing for t in tables] == [True, False]
    cells = [str(c) for t in tables for row in t.rows for c in row]
    assert "Lightspeed Venture Partners" in cells
    assert not any(c.startswith("investor:") for c in cells)


def test_co_investors_rows_keep_ids_and_tables_name_rounds():
    """JSON rows list round ids; the table lists 'Company · Stage · date' labels."""
    eco = load()
    shown = views.co_investors(eco, eco.co_investors("Lightspeed Venture Partners"))
    assert all(r.startswith("round:") for row in shown.rows for r in row["rounds"])
    (table,) = shown.text
    assert isinstance(table, Table)
    assert all("round:" not in str(c) for row in table.rows for c in row)


def test_summary_text_lists_what_the_article_got_wrong_and_counts_the_rest():
    """The overview lists the article's contradicted claims; other ones are counted, in JSON all."""
    eco = load()
    s = eco.summary()
    shown = views.summary(eco, s)
    lines = [line for line in shown.text if isinstance(line, str)]
    article = [c for c in s.contradicted if c.source == "source:article"]
    assert f"What the seed article got wrong ({len(article)}):" in lines
    assert sum(line.startswith("- ") and "“" in line for line in lines) == len(article)
    others = len(s.contradicted) - len(article)
    assert any(line.startswith(f"and {others} figures of other sources") for line in lines)
    assert len(shown.document["contradicted"]) == len(s.contradicted)
