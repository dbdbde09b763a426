"""The bulk reader: it takes a document only if the record path would, and gives equal records."""

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import DataError, Ecosystem, dumps, loads
from aiecosys import strategies as aist
from aiecosys._bulk import RECORD_RULES, decode, record_rule_fields
from aiecosys._codec import FORMAT, from_document
from aiecosys._model import Investment, Round
from tests.helpers import small


def record_path(text: str):
    return from_document(json.loads(text, parse_float=Decimal))


def taken_in_bulk(text: str) -> bool:
    """Whether the bulk reader builds an ecosystem of *text* (without the record path)."""
    bulk = decode(text, FORMAT)
    if bulk is None:
        return False
    reads = (bulk.build, bulk.totals)
    return (
        Ecosystem._of_rows(bulk.version, bulk.records, bulk.round_rows, reads, bulk.distinct)
        is not None
    )


@given(aist.ecosystems())
def test_a_written_ecosystem_is_read_in_bulk_into_equal_records(eco):
    """What dumps() writes is taken in bulk, and equals what the record path builds."""
    text = dumps(eco)
    assert taken_in_bulk(text)
    assert loads(text) == record_path(text) == eco


def test_bulk_rounds_are_the_records_the_record_path_builds():
    """Each round read in bulk equals the record path's, field by field, in the same order."""
    text = dumps(small())
    bulk, records = loads(text), record_path(text)
    assert list(bulk.rounds) == list(records.rounds)
    assert [attrs.asdict(r) for r in bulk.rounds] == [attrs.asdict(r) for r in records.rounds]


@given(aist.ecosystems(), st.data())
def test_a_key_given_twice_anywhere_is_refused(eco, data):
    """A key repeated in any object sends the document to the record path, which refuses it."""
    doc = json.loads(dumps(eco))
    objects = [doc, *(r for name in ("sources", "companies", "rounds") for r in doc.get(name, []))]
    target = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(target)))
    text = json.dumps(doc)
    member = json.dumps({key: target[key]})[1:-1]
    spot = json.dumps(target)[1:-1]
    doubled = text.replace(spot, f"{member}, {spot}", 1)
    assert doubled != text
    assert decode(doubled, FORMAT) is None
    with pytest.raises(DataError, match="given 2 times"):
        loads(doubled)


def test_a_default_written_out_or_an_escaped_colon_goes_to_the_record_path():
    """Documents the colon count cannot vouch for are read record by record, and still load."""
    doc = json.loads(dumps(small()))
    doc["rounds"][0]["note"] = None
    with_default = json.dumps(doc)
    escaped = dumps(small()).replace('"company:acme"', '"company\\u003aacme"')
    for text in (with_default, escaped):
        assert decode(text, FORMAT) is None
        assert loads(text) == small()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["rounds"][0].update(amount={"amount": "0", "currency": "EUR"}),
        lambda d: d["rounds"][0].update(announced="2023-02-30"),
        lambda d: d["rounds"][0].update(note="a\u202eb"),
        lambda d: d["rounds"][0].update(sources=["source:a", "source:a"]),
        lambda d: d["rounds"][0]["investments"][0].update(investor="has space"),
        lambda d: d["rounds"][0]["investments"][0].update(amount={"amount": 5, "currency": "XAU"}),
        lambda d: d["rounds"][0].update(stage="sed"),
        lambda d: d["rounds"][0].update(stage=None),
        lambda d: d["rounds"][0]["investments"][0].update(lead="yes"),
        lambda d: d["rounds"][0]["investments"][0].update(lead=1),
        lambda d: d["rounds"][0].update(amount={"amount": 1.5, "currency": "EUR"}),
        lambda d: d["companies"][0].update(founded="yesterday"),
        lambda d: d.update(format="aiecosys/2"),
        lambda d: d["rounds"][0].update(company="has space"),
        lambda d: d["rounds"][0].update(company="company:nobody"),
        lambda d: d["rounds"][0]["investments"][0].update(investor="investor:nobody"),
        lambda d: d["rounds"][0]["investments"].append(d["rounds"][0]["investments"][0]),
        lambda d: d["rounds"][0].update(announced="1066"),
    ],
)
@pytest.mark.parametrize("large", [False, True], ids=["lists", "numpy"])
def test_a_bad_value_is_not_taken_in_bulk(change, large, monkeypatch):
    """Anything the bulk path does not take is read by the record path, which says where.

    The rounds' numbers (``_columns``) are lists in a small ecosystem, numpy arrays in a large
    one: both find the faults looked for on them.
    """
    if large:
        monkeypatch.setattr("aiecosys._columns.LARGE", 0)
    doc = json.loads(dumps(small()))
    doc["rounds"][0].setdefault("investments", [{"investor": "investor:alpha"}])
    change(doc)
    text = json.dumps(doc)
    assert not taken_in_bulk(text)
    try:
        expected = record_path(text)
    except DataError as error:
        by_records = error.problems
    else:  # a JSON decimal amount: valid, but read by the record path
        assert loads(text) == expected
        return
    with pytest.raises(DataError) as raised:
        loads(text)
    assert raised.value.problems == by_records


def test_an_id_with_a_space_where_a_round_names_its_investor_is_refused_as_an_id():
    """A reference resolved by numbering still reports the id rule it breaks, with its path."""
    doc = json.loads(dumps(small()))
    doc["rounds"][0]["investments"] = [{"investor": "has space"}]
    with pytest.raises(DataError, match=r"rounds\[0\]\.investments\[0\]\.investor.*SPACE"):
        loads(json.dumps(doc))


def test_a_decimal_amount_is_read_by_the_record_path_exactly():
    """A JSON decimal amount, which the bulk reader does not take, is still read, exactly."""
    doc = json.loads(dumps(small()))
    doc["rounds"][0]["amount"] = {"amount": "AMOUNT", "currency": "EUR"}
    eco = loads(json.dumps(doc).replace('"AMOUNT"', "1000000.50"))
    assert str(eco.round(doc["rounds"][0]["id"]).amount.amount) == "1000000.50"  # type: ignore[union-attr]


def test_every_rule_that_reads_the_record_is_known():
    """A rule written as a method of its class reads the record, not one value.

    The bulk reader builds each row that sets a field of ``RECORD_RULES`` and builds every
    row of a class with another such rule: each must be found, and only those listed may
    pass when the field is unset.
    """
    from aiecosys._model import Claim, Company, Investor, Person, Role, Source

    assert record_rule_fields(Round) == RECORD_RULES[Round] == {"valuation"}
    assert record_rule_fields(Company) == RECORD_RULES[Company] == {"parent"}
    assert record_rule_fields(Investor) == {"company", "person"}
    assert record_rule_fields(Claim) == {"subject", "evidence"}
    assert record_rule_fields(Role) == {"end"}
    for kind in (Investment, Source, Person):
        assert record_rule_fields(kind) == set()


def test_a_post_money_valuation_below_the_amount_is_refused_with_its_path():
    """A round whose whole-record rule fails is reported at its path, as ever."""
    doc = json.loads(dumps(small()))
    doc["rounds"][0]["valuation"] = {
        "amount": {"amount": "1", "currency": doc["rounds"][0]["amount"]["currency"]},
        "sources": ["source:a"],
    }
    with pytest.raises(DataError, match=r"rounds\[0\]\.valuation"):
        loads(json.dumps(doc))
