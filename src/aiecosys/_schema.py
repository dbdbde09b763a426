"""The JSON Schema of the ``aiecosys/1`` format, generated from the record classes.

The schema describes the shape of a file (keys, types, patterns, closed vocabularies); the
loader checks more than a schema can say (ids resolve, a lead is an investor of its round,
a valuation is not below the amount raised), so a file that passes the schema can still be
refused by [`aiecosys.loads`][aiecosys.loads], never the other way round.

Examples:
    >>> import aiecosys
    >>> schema = aiecosys.json_schema()
    >>> schema["properties"]["format"]
    {'const': 'aiecosys/1'}
    >>> schema["$defs"]["Money"]["required"]
    ['amount', 'currency']
"""

from __future__ import annotations

import enum
import json
import types
from typing import Any, Union, get_args, get_origin

import attrs

from aiecosys._codec import FORMAT
from aiecosys._dates import PartialDate
from aiecosys._model import COLLECTIONS
from aiecosys._money import Money

__all__ = ["SCHEMA_ID", "json_schema", "schema_text"]

SCHEMA_ID = "urn:aiecosys:schema:aiecosys-1"

_DATE = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "description": "A date at its own precision: YYYY, YYYY-MM or YYYY-MM-DD.",
}
_MONEY = {
    "type": "object",
    "description": "An exact amount in an ISO 4217 currency; amounts are strings of digits.",
    "properties": {
        "amount": {
            "description": "A decimal number, written as a string (a JSON number is read exactly).",
            "anyOf": [
                {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"},
                {"type": "number"},
            ],
        },
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
    },
    "required": ["amount", "currency"],
    "additionalProperties": False,
}


def _summary(kind: type[Any]) -> str:
    return (kind.__doc__ or kind.__name__).strip().splitlines()[0]


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string", "minLength": 1},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
}
_NAMED: dict[Any, tuple[str, dict[str, Any]]] = {
    PartialDate: ("PartialDate", _DATE),
    Money: ("Money", _MONEY),
}


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        inner = _type_schema(next(a for a in args if a is not type(None)), defs)
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    if kind in _NAMED:
        name, schema = _NAMED[kind]
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        name = kind.__name__
        schema = {"enum": [member.value for member in kind], "description": _summary(kind)}
    elif attrs.has(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # reserved first, so that recursion ends
            defs[name] = _record_schema(kind, defs)
        schema = defs[name]
    else:
        msg = f"no JSON Schema for {kind!r}"
        raise TypeError(msg)
    defs.setdefault(name, schema)
    return {"$ref": f"#/$defs/{name}"}


def _record_schema(kind: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    fields = [f for f in attrs.fields(attrs.resolve_types(kind)) if f.init]
    return {
        "type": "object",
        "description": _summary(kind),
        "properties": {f.name: _type_schema(f.type, defs) for f in fields},
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def schema_text() -> str:
    """Return [`json_schema`][aiecosys.json_schema] as the text of the shipped schema file."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an ``aiecosys/1`` file.

    It is built from the record classes themselves, so it cannot drift from the model; the
    same schema ships as ``aiecosys/data/aiecosys-1.schema.json`` for tools that want a file.
    """
    defs: dict[str, Any] = {}
    collections = {
        name: {"type": "array", "items": _type_schema(kind, defs)} for name, kind in COLLECTIONS
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "aiecosys/1",
        "description": "An ecosystem of companies, investors, people, rounds, sources and claims.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "string", "description": "The data's own version."},
            **collections,
        },
        "required": ["format"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
