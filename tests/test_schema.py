"""The JSON Schema of aiecosys/1: generated from the model, shipped, and true to the loader."""

import json
from importlib.resources import files

import jsonschema
import pytest
from hypothesis import given

import aiecosys
from aiecosys import strategies

VALIDATOR = jsonschema.Draft202012Validator(aiecosys.json_schema())


def test_the_schema_is_a_valid_draft_2020_12_schema():
    """jsonschema accepts the generated schema as a draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(aiecosys.json_schema())


def test_the_shipped_schema_file_is_the_generated_schema():
    """aiecosys/data/aiecosys-1.schema.json is what `aiecosys schema` prints now."""
    from aiecosys._schema import schema_text

    shipped = files("aiecosys").joinpath("data", "aiecosys-1.schema.json").read_text("utf-8")
    assert shipped == schema_text(), (
        "stale: run aiecosys schema > src/aiecosys/data/aiecosys-1.schema.json"
    )


def test_the_bundled_data_passes_the_schema():
    """The shipped dataset, as dumps() writes it, is valid against the schema."""
    VALIDATOR.validate(json.loads(aiecosys.dumps(aiecosys.load())))


@given(strategies.ecosystems(max_rounds=4))
def test_every_file_dumps_writes_passes_the_schema(eco):
    """Whatever ecosystem is written, the file is valid against the schema."""
    VALIDATOR.validate(json.loads(aiecosys.dumps(eco)))


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"format": "aiecosys/2"}, "format"),
        ({"format": "aiecosys/1", "companies": [{"id": "c", "nme": "C"}]}, "companies"),
        ({"format": "aiecosys/1", "companies": [{"id": "c"}]}, "companies"),
        ({"format": "aiecosys/1", "rounds": "none"}, "rounds"),
        (
            {
                "format": "aiecosys/1",
                "companies": [{"id": "c", "name": "C", "founded": "June 2023"}],
            },
            "companies",
        ),
        (
            {
                "format": "aiecosys/1",
                "investors": [{"id": "i", "name": "I", "kind": "angel"}],
            },
            "investors",
        ),
        (
            {
                "format": "aiecosys/1",
                "companies": [{"id": "c", "name": "C"}],
                "rounds": [
                    {
                        "id": "r",
                        "company": "c",
                        "stage": "seed",
                        "announced": "2024",
                        "amount": {"amount": "1", "currency": "usd"},
                    }
                ],
            },
            "rounds",
        ),
    ],
)
def test_what_the_schema_refuses_the_loader_refuses_too(document, where):
    """A document the schema refuses is refused by loads(), the problem in the same place."""
    errors = list(VALIDATOR.iter_errors(document))
    assert errors
    assert errors[0].absolute_path[0] == where if errors[0].absolute_path else where == "format"
    with pytest.raises(aiecosys.DataError):
        aiecosys.loads(json.dumps(document))
