import json
import re

import pytest
from hypothesis import given

import aiecosys
from aiecosys import DataError, Ecosystem, dump, dumps, load, loads
from aiecosys import strategies as aist
from aiecosys._model import COLLECTIONS
from tests.helpers import small


def document(**collections: object) -> str:
    return json.dumps({"format": "aiecosys/1", **collections})


@given(aist.ecosystems())
def test_json_round_trip_is_lossless(eco):
    """loads(dumps(eco)) == eco, and writing again gives the same text."""
    text = dumps(eco)
    again = loads(text)
    assert again == eco
    assert dumps(again) == text


def test_file_round_trip(tmp_path):
    """Dump then load through a file gives an equal ecosystem."""
    path = tmp_path / "eco.json"
    dump(small(), path)
    assert load(path) == small()


def test_defaults_are_omitted_and_amounts_are_strings():
    """Fields at their default are not written; amounts are exact strings."""
    doc = json.loads(dumps(small()))
    seed = next(r for r in doc["rounds"] if r["id"] == "round:acme-seed")
    assert seed["amount"] == {"amount": "1000000", "currency": "EUR"}
    assert "valuation" not in seed
    assert seed["announced"] == "2020-03-02"


def test_every_problem_is_listed_with_its_path():
    """Type errors, bad codes, unknown keys and bad enums are all reported with paths."""
    text = document(
        rounds=[
            {
                "id": "r",
                "company": "c",
                "stage": "sed",
                "announced": "2023-02-30",
                "amount": {"amount": "5", "currency": "EURO"},
                "investments": [{"investor": "i", "lead": "yes", "leed": True}],
            }
        ],
        companies=[{"id": "c", "name": 7}],
    )
    with pytest.raises(DataError) as info:
        loads(text)
    messages = {str(p) for p in info.value.problems}
    assert "companies[0].name: must be a string (got a number)" in messages
    assert "rounds[0].amount.currency: 'EURO' is not an ISO 4217 code" in messages
    assert "rounds[0].investments[0].lead: must be true or false (got a string)" in messages
    assert "rounds[0].investments[0]: unknown key 'leed'" in messages
    assert "rounds[0].announced: 2023-02 has no day 30" in messages
    assert any(m.startswith("rounds[0].stage: 'sed' is not one of") for m in messages)


def test_integrity_errors_from_a_file_name_the_file(tmp_path):
    """Unknown ids in a file are reported with the file's name."""
    path = tmp_path / "bad.json"
    path.write_text(
        document(rounds=[{"id": "r", "company": "ghost", "stage": "seed", "announced": "2020"}])
    )
    with pytest.raises(DataError) as info:
        load(path)
    assert info.value.source == str(path)
    assert str(info.value).startswith(f"1 problem in {path}:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "the file must hold a JSON object (got an array)"),
        ("{}", "format: missing; expected 'aiecosys/1'"),
        ('{"format": "aiecosys/2"}', "unknown format 'aiecosys/2'"),
        ('{"format": "aiecosys/1", "rounds": 5}', "rounds: must be an array (got a number)"),
        ('{"format": "aiecosys/1", "rounds": [5]}', "rounds[0]: must be an object"),
        (
            '{"format": "aiecosys/1", "companies": [{"id": "x"}]}',
            "companies[0].name: required field missing",
        ),
        ('{"format": "aiecosys/1", "extra": 1}', "extra: unknown key"),
        ('{"format": "aiecosys/1", "version": 3}', "version: must be a string"),
        ('{"format": "aiecosys/1"', "not valid JSON"),
        ('{"format": NaN}', "format: must be 'aiecosys/1' (got NaN, which is not a number"),
    ],
)
def test_malformed_documents_raise_clear_data_errors(text, message):
    """Every malformed document raises DataError (a ValueError) saying what is wrong."""
    with pytest.raises(DataError, match=re.escape(message)) as info:
        loads(text)
    assert isinstance(info.value, ValueError)


def test_invalid_utf8_is_a_data_error():
    """Bytes that are not UTF-8 are reported with the offset."""
    with pytest.raises(DataError, match="not UTF-8 text"):
        loads(b'{"format": "aiecosys/1", "companies": [{"id": "\xff"}]}')


def test_json_decimal_literals_are_read_exactly():
    """A JSON number amount is read as an exact Decimal, never through float."""
    eco = loads(
        document(
            companies=[{"id": "c", "name": "C"}],
            rounds=[
                {
                    "id": "r",
                    "company": "c",
                    "stage": "seed",
                    "announced": "2020",
                    "amount": {"amount": 0.1, "currency": "USD"},
                }
            ],
        )
    )
    amount = eco.round("r").amount
    assert amount is not None
    assert str(amount.amount) == "0.1"


def test_missing_file_raises_file_not_found(tmp_path):
    """A path that does not exist raises FileNotFoundError, not a DataError."""
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nope.json")


def test_public_names_are_the_codec_functions():
    """aiecosys.dumps/loads/dump/load are the documented entry points."""
    assert aiecosys.FORMAT == "aiecosys/1"
    assert isinstance(loads(dumps(Ecosystem())), Ecosystem)


def test_loading_leaves_nothing_for_the_young_collections_to_walk():
    """After a load, records are in the oldest generation and round rows are not tracked."""
    import gc

    text = aiecosys.dumps(aiecosys.load())
    eco = aiecosys.loads(text)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert gc.isenabled()
    assert id(eco.companies[-1]) in oldest
    rows = eco.rounds._rows
    assert not any(gc.is_tracked(row) for row in rows)


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"format": "aiecosys/1", "companies": [], "companies": []}', "companies"),
        (
            '{"format": "aiecosys/1", "companies": [{"id": "c", "name": "C", "name": "D"}]}',
            "companies[0].name",
        ),
        ('{"format": "aiecosys/1", "x": {"y": [{"z": 1, "z": 2}]}}', "x.y[0].z"),
    ],
)
def test_a_repeated_key_is_an_error_with_its_path(text, path):
    """A key given twice in one object is refused wherever it is, naming where."""
    with pytest.raises(DataError) as info:
        loads(text)
    assert [p.path for p in info.value.problems] == [path]
    assert "the key is given 2 times in one object" in info.value.problems[0].message


def test_from_document_leaves_its_input_as_it_was():
    """Reading a parsed document twice gives the same ecosystem; the document is unchanged."""
    import copy

    from aiecosys._codec import from_document, to_document

    doc = to_document(small())
    before = copy.deepcopy(doc)
    assert from_document(doc) == from_document(doc) == small()
    assert doc == before


def test_errors_name_the_place_of_nan_huge_integers_and_deep_nesting():
    """NaN and over-long integers are reported at their path, deep nesting at its line."""
    with pytest.raises(DataError, match=r"version: must be a string \(got NaN"):
        loads('{"format": "aiecosys/1", "version": NaN}')
    with pytest.raises(DataError, match=r"version: must be a string \(got a number\)"):
        loads('{"format": "aiecosys/1", "version": ' + "1" * 10_000 + "}")
    deep = '{"format": "aiecosys/1",\n "claims": ' + "[" * 50_000 + "]" * 50_000 + "}"
    with pytest.raises(DataError, match="nested more than 100 levels deep at line 2, column 111"):
        loads(deep)


def test_error_messages_quote_a_short_excerpt_of_a_huge_value():
    """A 20 MB bad value gives a message of a few hundred characters."""
    text = document(rounds=[{"id": "r", "company": "c", "stage": "x" * 20_000_000}])
    with pytest.raises(DataError) as info:
        loads(text)
    assert len(str(info.value)) < 1_000


@given(aist.ecosystems())
def test_json_lines_round_trip_is_lossless_and_read_in_bulk(eco):
    """loads(dumps(eco, lines=True)) == eco; the lines are read by the bulk reader."""
    from aiecosys._bulk import decode_lines

    text = dumps(eco, lines=True)
    assert text.splitlines()[0].startswith('{"format":"aiecosys/1"')
    assert len(text.splitlines()) == 1 + sum(len(getattr(eco, n)) for n, _ in COLLECTIONS)
    assert decode_lines(text, "aiecosys/1") is not None
    assert loads(text) == eco


def test_dump_chooses_json_lines_by_suffix_and_load_by_content(tmp_path):
    """A .jsonl or .ndjson file is written as lines; load tells the form from the content."""
    for name in ("eco.jsonl", "eco.NDJSON"):
        dump(small(), tmp_path / name)
        assert (tmp_path / name).read_text().count("\n") > 2
        assert load(tmp_path / name) == small()
    dump(small(), tmp_path / "lines.json", lines=True)
    assert load(tmp_path / "lines.json") == small()
    dump(small(), tmp_path / "doc.jsonl", lines=False)
    assert load(tmp_path / "doc.jsonl") == small()


def test_json_lines_problems_name_their_line():
    """Each problem of a JSON-lines file is placed on its line, as the record path reads it."""
    lines = dumps(small(), lines=True).splitlines()
    at = next(i for i, line in enumerate(lines) if '"round:acme-a"' in line)
    lines[at] = lines[at].replace('"USD"', '"USDX"')
    lines.insert(2, '{"rounds": {"id": "round:z"}, "claims": {}}')
    lines.insert(3, "not json")
    lines.insert(4, '{"companies": {"id": "company:q", "name": "Q", "name": "R"}}')
    lines.insert(5, "")  # a blank line is allowed
    with pytest.raises(DataError) as info:
        loads("\n".join(lines))
    shown = [str(p) for p in info.value.problems]
    assert shown[0].startswith("line 3: must hold one record under its collection's name")
    assert shown[1].startswith("line 4: not valid JSON")
    assert shown[2] == (
        "line 5: companies.name: the key is given 2 times in one object; a key may be given once"
    )


def test_json_lines_value_problems_name_their_line():
    """A bad value is reported at the line of its record, with the field's path."""
    lines = dumps(small(), lines=True).splitlines()
    at = next(i for i, line in enumerate(lines) if '"round:acme-a"' in line)
    lines[at] = lines[at].replace('"USD"', '"USDX"')
    with pytest.raises(DataError) as info:
        loads("\n".join(lines))
    (problem,) = info.value.problems
    assert problem.path == f"line {at + 1}: rounds.amount.currency"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"format": "aiecosys/1"}\n{"format": "aiecosys/1"}\n', "must hold one record"),
        ('{"format": "aiecosys/2"}\n', "unknown format"),
        ('{"format": "aiecosys/1"}\n[1]\n', "must hold one record"),
        ('{"format": "aiecosys/1"}\n{"rounds": []}\n', "rounds"),
    ],
)
def test_malformed_json_lines_are_refused_with_a_reason(text, says):
    """Header repeated, wrong format, a line that is not one record: refused, never half-read."""
    with pytest.raises(DataError, match=says):
        loads(text)
