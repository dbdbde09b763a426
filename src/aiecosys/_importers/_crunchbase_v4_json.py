"""API v4 JSON: search responses and entity lookups with cards, one file or many.

A search response is ``{"count": …, "entities": [{"uuid": …, "properties": {…}}]}``; an
entity lookup is ``{"properties": {…}, "cards": {"raised_funding_rounds": [...], …}}``.
Every entity names its kind in ``identifier.entity_def_id``. Records are keyed by uuid, so
the same round in several files is one round; where two files describe it differently the
first description is kept and the difference reported. Full round descriptions are read
before rounds known only through an investment, whatever the order of the files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from aiecosys._model import Company, Investor, InvestorKind, Person, Round
from aiecosys.exceptions import DataError, Problem

from ._builder import Builder, Where
from ._cells import country_from_name, day_date, number, stage
from ._common import money

__all__ = ["load_json", "read_v4_json"]

_ROUND_CARDS = frozenset({"raised_funding_rounds"})
_INVESTMENT_CARDS = frozenset({"raised_investments", "participated_investments", "investments"})
_ENTITY_CARDS = frozenset({"investors"})
_CARD_LIMIT = 100  # the API returns at most this many items per card


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        twice = next(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        msg = f"the key {twice[:40]!r} appears twice in one object"
        raise ValueError(msg)
    return found


def load_json(name: str, text: str) -> Any:
    """Parse a JSON file exactly (decimals, never floats); raise ``DataError`` with its line.

    A key given twice in one object is an error (JSON parsers silently keep the last).
    """
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        where, what = f"{name}:{error.lineno}", f"{error.msg} (column {error.colno})"
        raise DataError([Problem(where, f"not valid JSON: {what}")]) from None
    except RecursionError:
        raise DataError([Problem(name, "not valid JSON: nested too deeply")]) from None
    except ValueError as error:  # a duplicated key, or an integer over Python's digit limit
        raise DataError([Problem(name, f"not valid JSON: {str(error)[:200]}")]) from None


class _Item:
    """One entity found in a file, with where it was found."""

    __slots__ = ("card", "card_size", "file", "owner", "path", "props", "source")

    def __init__(  # noqa: PLR0917 - one entity and where it was found
        self,
        file: str,
        source: str,
        path: str,
        props: Any,
        card: str = "",
        owner: dict[str, Any] | None = None,
        card_size: int = 0,
    ) -> None:
        self.file, self.source, self.path, self.props = file, source, path, props
        self.card, self.owner, self.card_size = card, owner or {}, card_size

    @property
    def at(self) -> Where:
        return (self.file, 0)

    def column(self, key: str) -> str:
        return f"{self.path}.{key}"


def _kind(props: dict[str, Any]) -> str:
    identifier = props.get("identifier")
    kind = props.get("entity_def_id") or (identifier or {}).get("entity_def_id")
    return str(kind or "")


def _items(  # noqa: C901 - one branch per shape of response
    file: str, source: str, document: dict[str, Any]
) -> Iterator[_Item]:
    if isinstance(document.get("entities"), list):
        for i, entity in enumerate(document["entities"]):
            if isinstance(entity, dict) and isinstance(entity.get("properties"), dict):
                yield _Item(file, source, f"entities[{i}].properties", entity["properties"])
        return
    owner = document.get("properties")
    if not isinstance(owner, dict):
        return
    cards = document.get("cards")
    if not isinstance(cards, dict):
        cards = {}
    if _kind(owner) == "funding_round" and not isinstance(
        owner.get("funded_organization_identifier"), dict
    ):
        # A round lookup may omit its organisation; its investments card names it.
        for entry in _list(cards.get("investments")):
            if isinstance(entry.get("organization_identifier"), dict):
                owner = {
                    **owner,
                    "funded_organization_identifier": entry["organization_identifier"],
                }
                break
    yield _Item(file, source, "properties", owner)
    for card, entries in cards.items():
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield _Item(file, source, f"cards.{card}[{i}]", entry, card, owner, len(entries))


def read_v4_json(  # noqa: C901 - one branch per kind of entity
    b: Builder, documents: list[tuple[str, Any]]
) -> None:
    """Read parsed API v4 documents (file name, document) into *b*."""
    items: list[_Item] = []
    for file, document in documents:
        source = b.file_source(file, "Crunchbase API v4 response")
        b.rows_read[file] = 0
        for item in _items(file, source, document):
            b.rows_read[file] += 1
            items.append(item)
    for item in items:  # companies, investors and people first, rounds next, investments last
        kind = _kind(item.props)
        if item.card in _ENTITY_CARDS:  # organisations and people who invest
            _investor(b, item, item.props)
        elif kind == "organization":
            _company(b, item, item.props)
        elif kind == "person":
            _person(b, item, item.props)
    cards: dict[tuple[str, str], tuple[Decimal, int, list[str]]] = {}
    for item in items:
        if _kind(item.props) == "funding_round":
            _round(b, item, cards)
    for (file, company_id), (total, size, round_ids) in cards.items():
        complete = "" if size < _CARD_LIMIT else "the card may be cut at 100 rounds"
        b.provider.totals.append((file, company_id, total, complete, tuple(round_ids)))
    for item in items:
        if _kind(item.props) == "investment":
            _investment(b, item)
        elif _kind(item.props) not in {"organization", "person", "funding_round"}:
            b.skip(item.at, f"not read: an entity of kind {_kind(item.props)[:40]!r}", item.path)


def _name(identifier: Any) -> str:
    return str(identifier.get("value", "")) if isinstance(identifier, dict) else ""


def _url(kind: str, identifier: Any) -> str | None:
    if isinstance(identifier, dict) and identifier.get("permalink"):
        return f"https://www.crunchbase.com/{kind}/{identifier['permalink']}"
    return None


def _uuid(props: Any) -> str:
    if not isinstance(props, dict):
        return ""
    return str(props.get("uuid") or (props.get("identifier") or {}).get("uuid") or "")


def _country(locations: Any) -> str | None:
    for place in locations if isinstance(locations, list) else ():
        if isinstance(place, dict) and place.get("location_type") == "country":
            return country_from_name(str(place.get("value", "")))
    return None


def _company(b: Builder, item: _Item, props: Any, *, uuid: str = "") -> str | None:
    uuid = uuid or _uuid(props)
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
        name=_name(props.get("identifier")) or str(props.get("name") or props.get("value") or ""),
        founded=founded,
        country=_country(props.get("location_identifiers")),
        sources=b.cite(
            item.at, item.source, _url("organization", props.get("identifier") or props)
        ),
    )
    return None if company is None else b.add(company, item.at).id


def _person(b: Builder, item: _Item, props: dict[str, Any]) -> str | None:
    uuid = _uuid(props)
    if not uuid:
        b.skip(item.at, "no uuid", item.path)
        return None
    person = b.build(
        item.at,
        Person,
        {"id": item.column("uuid"), "name": item.column("identifier.value")},
        id=f"person:{uuid}",
        name=_name(props.get("identifier")) or str(props.get("name") or props.get("value") or ""),
        sources=b.cite(item.at, item.source, _url("person", props.get("identifier") or props)),
    )
    return None if person is None else b.add(person, item.at).id


def _investor(b: Builder, item: _Item, props: Any) -> str | None:
    """Add the investor an identifier (or an investor entity) names; return its id."""
    uuid = _uuid(props)
    kind = _kind(props)
    if not uuid:
        b.skip(item.at, "an investor with no uuid", item.path)
        return None
    person_id = None
    if kind == "person":
        person_id = _person(b, item, props)
        if person_id is None:
            return None
    investor = b.build(
        item.at,
        Investor,
        {"id": item.column("uuid"), "name": item.column("value")},
        id=f"investor:{uuid}",
        name=_name(props.get("identifier")) or str(props.get("value") or props.get("name") or ""),
        kind=InvestorKind.PERSON
        if person_id
        else InvestorKind.FIRM
        if kind == "organization"
        else InvestorKind.UNKNOWN,
        person=person_id,
        sources=b.cite(
            item.at, item.source, _url(kind or "organization", props.get("identifier") or props)
        ),
    )
    return None if investor is None else b.add(investor, item.at).id


def _stage_of(b: Builder, item: _Item, props: dict[str, Any], name: str) -> Any:
    code = str(props.get("investment_type") or name.split(" - ", maxsplit=1)[0])
    try:
        return stage(code)
    except ValueError:
        b.skip(item.at, f"unknown round type: {code[:40]!r}", item.column("investment_type"))
        return None


def _round(  # noqa: C901, PLR0911, PLR0912 - one step per part of a round entity
    b: Builder, item: _Item, cards: dict[tuple[str, str], tuple[Decimal, int, list[str]]]
) -> None:
    props = item.props
    uuid = _uuid(props)
    if not uuid:
        b.skip(item.at, "a funding round with no uuid", item.path)
        return
    organisation = props.get("funded_organization_identifier")
    if item.card in _ROUND_CARDS and not isinstance(organisation, dict):
        organisation = item.owner.get("identifier")
    org_uuid = _uuid(organisation)
    if not org_uuid:
        b.skip(
            item.at,
            "a funding round with no funded organisation",
            item.column("funded_organization_identifier"),
        )
        return
    company_id = (
        _company(b, item, organisation, uuid=org_uuid)
        if f"company:{org_uuid}" not in b.companies
        else f"company:{org_uuid}"
    )
    if company_id is None:
        return
    name = _name(props.get("identifier")) or str(props.get("name") or "")
    stage_ = _stage_of(b, item, props, name)
    if stage_ is None:
        return
    try:
        announced = day_date(props.get("announced_on"))
    except ValueError as error:
        b.skip(item.at, f"no date: {error}", item.column("announced_on"))
        return
    amount = _money(b, item, props.get("money_raised"), "money_raised", f"round:{uuid}", announced)
    round_ = b.build(
        item.at,
        Round,
        {"id": item.column("uuid")},
        id=f"round:{uuid}",
        company=company_id,
        stage=stage_,
        announced=announced,
        amount=amount,
        sources=b.cite(item.at, item.source, _url("funding_round", props.get("identifier"))),
    )
    if round_ is None:
        return
    round_id = b.add_round(item.at, round_)
    leads = {_uuid(i) for i in _list(props.get("lead_investor_identifiers"))}
    investors = _list(props.get("investor_identifiers"))
    for i, identifier in enumerate(investors):
        sub = _Item(item.file, item.source, f"{item.path}.investor_identifiers[{i}]", identifier)
        investor_id = _investor(b, sub, identifier)
        if investor_id is not None:
            b.invest(
                sub.at, round_id, investor_id, lead=_uuid(identifier) in leads, repeat_skips=False
            )
    if isinstance(props.get("num_investors"), int) and "investor_identifiers" in props:
        b.provider.investor_counts.append((item.file, round_id, props["num_investors"]))
    total = props.get("funded_organization_funding_total")
    if item.card in _ROUND_CARDS and isinstance(total, dict) and total.get("value_usd") is not None:
        try:
            value = number(total["value_usd"])
        except ValueError as error:
            b.change(
                item.at,
                f"provider total not read: {error}",
                item.column("funded_organization_funding_total"),
                lossy=False,
            )
            return
        if value is not None:
            cards.setdefault((item.file, company_id), (value, item.card_size, []))[2].append(
                round_id
            )


def _list(value: Any) -> list[Any]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _money(  # noqa: PLR0917 - the triple, where it is, and what it is for
    b: Builder, item: _Item, value: Any, key: str, record: str, announced: Any
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


def _investment(b: Builder, item: _Item) -> None:
    props = item.props
    round_identifier = props.get("funding_round_identifier")
    investor_identifier = props.get("investor_identifier")
    if item.card == "participated_investments" and not isinstance(investor_identifier, dict):
        investor_identifier = item.owner.get("identifier")
    round_uuid, investor_uuid = _uuid(round_identifier), _uuid(investor_identifier)
    if not round_uuid or not investor_uuid:
        b.skip(item.at, "an investment with no round or investor uuid", item.path)
        return
    round_id = f"round:{round_uuid}"
    if round_id not in b.rounds and not _round_from_investment(b, item, round_id):
        return
    sub = _Item(item.file, item.source, f"{item.path}.investor_identifier", investor_identifier)
    investor_id = _investor(b, sub, investor_identifier)
    if investor_id is None:
        return
    lead = props.get("is_lead_investor")
    if lead is not None and not isinstance(lead, bool):
        b.change(
            item.at,
            f"lead flag read as not a lead: {str(lead)[:20]!r} is not true or false",
            item.column("is_lead_investor"),
        )
        lead = False
    try:
        announced = day_date(props.get("announced_on"))
    except ValueError:
        announced = b.rounds[round_id].announced
    invested = _money(
        b,
        item,
        props.get("money_invested"),
        "money_invested",
        f"{round_id}/{investor_id}",
        announced,
    )
    b.invest(item.at, round_id, investor_id, lead=bool(lead), amount=invested, repeat_skips=False)


def _round_from_investment(b: Builder, item: _Item, round_id: str) -> bool:
    """Add the round an investment names, from what the investment says of it."""
    props = item.props
    organisation = props.get("organization_identifier")
    if not _uuid(organisation) and item.card == "raised_investments":
        organisation = item.owner.get("identifier")
    org_uuid = _uuid(organisation)
    if not org_uuid:
        b.skip(
            item.at,
            "an investment whose round names no organisation",
            item.column("organization_identifier"),
        )
        return False
    company_id = (
        f"company:{org_uuid}"
        if f"company:{org_uuid}" in b.companies
        else _company(b, item, organisation, uuid=org_uuid)
    )
    if company_id is None:
        return False
    identifier = props.get("funding_round_identifier")
    stage_ = _stage_of(b, item, {}, _name(identifier))
    if stage_ is None:
        return False
    try:
        announced = day_date(props.get("announced_on"))
    except ValueError as error:
        b.skip(item.at, f"no date: {error}", item.column("announced_on"))
        return False
    amount = _money(
        b,
        item,
        props.get("funding_round_money_raised"),
        "funding_round_money_raised",
        round_id,
        announced,
    )
    round_ = b.build(
        item.at,
        Round,
        {"id": item.column("funding_round_identifier.uuid")},
        id=round_id,
        company=company_id,
        stage=stage_,
        announced=announced,
        amount=amount,
        sources=b.cite(item.at, item.source, _url("funding_round", identifier)),
    )
    if round_ is None:
        return False
    b.add_round(item.at, round_)
    return True
