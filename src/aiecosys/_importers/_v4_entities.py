"""API v4 JSON entities: one record from one entity, wherever in a response it was found.

An entity's identifier (``{"uuid", "value", "permalink", "entity_def_id"}``) names it; money
is a ``{"value", "currency", "value_usd"}`` triple. Each function here makes one record (or
reads one value) and reports what it cannot read, with the entity's path in its file.
"""

from __future__ import annotations

from typing import Any

import attrs

from aiecosys._model import Company, Investor, InvestorKind, Person

from ._builder import Builder, Where
from ._cells import country_from_name, day_date, number, stage
from ._common import money

__all__ = [
    "Item",
    "company",
    "investor",
    "kind_of",
    "listed",
    "money_triple",
    "name_of",
    "person",
    "stage_of",
    "url_of",
    "uuid_of",
]


@attrs.frozen
class Item:
    """One entity found in a file, and where: file, Source, path; card, owner, card size."""

    file: str
    source: str
    path: str
    props: Any
    card: str = ""
    owner: dict[str, Any] = attrs.field(factory=dict)
    card_size: int = 0

    @property
    def at(self) -> Where:
        """Where to report a problem: the file (JSON rows have no line; see ``column``)."""
        return (self.file, 0)

    def column(self, key: str) -> str:
        """The path of one of the entity's keys, reported as the column."""
        return f"{self.path}.{key}"


def kind_of(props: dict[str, Any]) -> str:
    """Return an entity's kind (``funding_round``, ``organization``, ``person``…)."""
    identifier = props.get("identifier")
    kind = props.get("entity_def_id") or (identifier or {}).get("entity_def_id")
    return str(kind or "")


def name_of(identifier: Any) -> str:
    """Return the name an identifier gives (empty if none)."""
    return str(identifier.get("value", "")) if isinstance(identifier, dict) else ""


def url_of(kind: str, identifier: Any) -> str | None:
    """Return the entity's Crunchbase page, from its permalink, if it has one."""
    if isinstance(identifier, dict) and identifier.get("permalink"):
        return f"https://www.crunchbase.com/{kind}/{identifier['permalink']}"
    return None


def uuid_of(props: Any) -> str:
    """Return an entity's or identifier's uuid (empty if none)."""
    if not isinstance(props, dict):
        return ""
    return str(props.get("uuid") or (props.get("identifier") or {}).get("uuid") or "")


def _country(locations: Any) -> str | None:
    for place in locations if isinstance(locations, list) else ():
        if isinstance(place, dict) and place.get("location_type") == "country":
            return country_from_name(str(place.get("value", "")))
    return None


def company(b: Builder, item: Item, props: Any, *, uuid: str = "") -> str | None:
    """Add the company an organisation entity or identifier names; return its id."""
    uuid = uuid or uuid_of(props)
    if not uuid:
        b.skip(item.at, "no uuid", item.path)
        return None
    founded = None
    if props.get("founded_on"):
        try:
            founded = day_date(props["founded_on"])
        except ValueError as error:
            b.change(item.at, f"founding date dropped: {error}", item.column("founded_on"))
    company = b.build(
        item.at,
        Company,
        {"id": item.column("uuid"), "name": item.column("identifier.value")},
        id=f"company:{uuid}",
        name=name_of(props.get("identifier")) or str(props.get("name") or props.get("value") or ""),
        founded=founded,
        country=_country(props.get("location_identifiers")),
        sources=b.cite(
            item.at, item.source, url_of("organization", props.get("identifier") or props)
        ),
    )
    return None if company is None else b.add(company, item.at).id


def person(b: Builder, item: Item, props: dict[str, Any]) -> str | None:
    """Add the person a person entity or identifier names; return its id."""
    uuid = uuid_of(props)
    if not uuid:
        b.skip(item.at, "no uuid", item.path)
        return None
    person = b.build(
        item.at,
        Person,
        {"id": item.column("uuid"), "name": item.column("identifier.value")},
        id=f"person:{uuid}",
        name=name_of(props.get("identifier")) or str(props.get("name") or props.get("value") or ""),
        sources=b.cite(item.at, item.source, url_of("person", props.get("identifier") or props)),
    )
    return None if person is None else b.add(person, item.at).id


def investor(b: Builder, item: Item, props: Any) -> str | None:
    """Add the investor an identifier (or an investor entity) names; return its id."""
    uuid = uuid_of(props)
    kind = kind_of(props)
    if not uuid:
        b.skip(item.at, "an investor with no uuid", item.path)
        return None
    person_id = None
    if kind == "person":
        person_id = person(b, item, props)
        if person_id is None:
            return None
    investor = b.build(
        item.at,
        Investor,
        {"id": item.column("uuid"), "name": item.column("value")},
        id=f"investor:{uuid}",
        name=name_of(props.get("identifier")) or str(props.get("value") or props.get("name") or ""),
        kind=InvestorKind.PERSON
        if person_id
        else InvestorKind.FIRM
        if kind == "organization"
        else InvestorKind.UNKNOWN,
        person=person_id,
        sources=b.cite(
            item.at, item.source, url_of(kind or "organization", props.get("identifier") or props)
        ),
    )
    return None if investor is None else b.add(investor, item.at).id


def stage_of(b: Builder, item: Item, props: dict[str, Any], name: str) -> Any:
    """Return a round's stage from its type, or from its name; skip the entity if unknown."""
    code = str(props.get("investment_type") or name.split(" - ", maxsplit=1)[0])
    try:
        return stage(code)
    except ValueError:
        b.skip(item.at, f"unknown round type: {code[:40]!r}", item.column("investment_type"))
        return None


def listed(value: Any) -> list[Any]:
    """Return the objects of a JSON list (nothing if it is not a list)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def money_triple(  # noqa: PLR0917 - the triple, where it is, and what it is for
    b: Builder, item: Item, value: Any, key: str, record: str, announced: Any
) -> Any:
    """Read a ``{value, currency, value_usd}`` triple; keep the provider's USD figure beside it."""
    if value is None:
        return None
    if not isinstance(value, dict):
        b.change(
            item.at,
            f"amount read as undisclosed: {str(value)[:30]!r} is not a money object",
            item.column(key),
        )
        return None
    amount, _ = money(b, item.at, value.get("value"), value.get("currency"), item.column(key))
    try:
        usd = number(value.get("value_usd"))
    except ValueError as error:
        b.change(
            item.at,
            f"provider USD figure not read: {error}",
            item.column(f"{key}.value_usd"),
            lossy=False,
        )
        usd = None
    if amount is not None and usd is not None:
        b.provider.usd.append((item.file, record, amount, announced, usd))
    return amount
