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

from aiecosys._model import Round
from aiecosys.exceptions import DataError, Problem

from ._builder import Builder
from ._cells import day_date, number
from ._v4_entities import (
    Item,
    company,
    investor,
    kind_of,
    listed,
    money_triple,
    name_of,
    person,
    stage_of,
    url_of,
    uuid_of,
)

__all__ = ["load_json", "read_v4_json"]

_ROUND_CARDS = frozenset({"raised_funding_rounds"})
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


def _items(  # noqa: C901 - one branch per shape of response
    file: str, source: str, document: dict[str, Any]
) -> Iterator[Item]:
    if isinstance(document.get("entities"), list):
        for i, entity in enumerate(document["entities"]):
            if isinstance(entity, dict) and isinstance(entity.get("properties"), dict):
                yield Item(file, source, f"entities[{i}].properties", entity["properties"])
        return
    owner = document.get("properties")
    if not isinstance(owner, dict):
        return
    cards = document.get("cards")
    if not isinstance(cards, dict):
        cards = {}
    if kind_of(owner) == "funding_round" and not isinstance(
        owner.get("funded_organization_identifier"), dict
    ):
        # A round lookup may omit its organisation; its investments card names it.
        for entry in listed(cards.get("investments")):
            if isinstance(entry.get("organization_identifier"), dict):
                owner = {
                    **owner,
                    "funded_organization_identifier": entry["organization_identifier"],
                }
                break
    yield Item(file, source, "properties", owner)
    for card, entries in cards.items():
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield Item(file, source, f"cards.{card}[{i}]", entry, card, owner, len(entries))


def read_v4_json(  # noqa: C901 - one branch per kind of entity
    b: Builder, documents: list[tuple[str, Any]]
) -> None:
    """Read parsed API v4 documents (file name, document) into *b*."""
    items: list[Item] = []
    for file, document in documents:
        source = b.file_source(file, "Crunchbase API v4 response")
        b.rows_read[file] = 0
        for item in _items(file, source, document):
            b.rows_read[file] += 1
            items.append(item)
    for item in items:  # companies, investors and people first, rounds next, investments last
        kind = kind_of(item.props)
        if item.card in _ENTITY_CARDS:  # organisations and people who invest
            investor(b, item, item.props)
        elif kind == "organization":
            company(b, item, item.props)
        elif kind == "person":
            person(b, item, item.props)
    cards: dict[tuple[str, str], tuple[Decimal, int, list[str]]] = {}
    for item in items:
        if kind_of(item.props) == "funding_round":
            _round(b, item, cards)
    for (file, company_id), (total, size, round_ids) in cards.items():
        complete = "" if size < _CARD_LIMIT else "the card may be cut at 100 rounds"
        b.provider.totals.append((file, company_id, total, complete, tuple(round_ids)))
    for item in items:
        if kind_of(item.props) == "investment":
            _investment(b, item)
        elif kind_of(item.props) not in {"organization", "person", "funding_round"}:
            b.skip(item.at, f"not read: an entity of kind {kind_of(item.props)[:40]!r}", item.path)


def _round(  # noqa: C901, PLR0911, PLR0912 - one step per part of a round entity
    b: Builder, item: Item, cards: dict[tuple[str, str], tuple[Decimal, int, list[str]]]
) -> None:
    props = item.props
    uuid = uuid_of(props)
    if not uuid:
        b.skip(item.at, "a funding round with no uuid", item.path)
        return
    organisation = props.get("funded_organization_identifier")
    if item.card in _ROUND_CARDS and not isinstance(organisation, dict):
        organisation = item.owner.get("identifier")
    org_uuid = uuid_of(organisation)
    if not org_uuid:
        b.skip(
            item.at,
            "a funding round with no funded organisation",
            item.column("funded_organization_identifier"),
        )
        return
    company_id = (
        company(b, item, organisation, uuid=org_uuid)
        if f"company:{org_uuid}" not in b.companies
        else f"company:{org_uuid}"
    )
    if company_id is None:
        return
    name = name_of(props.get("identifier")) or str(props.get("name") or "")
    stage_ = stage_of(b, item, props, name)
    if stage_ is None:
        return
    try:
        announced = day_date(props.get("announced_on"))
    except ValueError as error:
        b.skip(item.at, f"no date: {error}", item.column("announced_on"))
        return
    amount = money_triple(
        b, item, props.get("money_raised"), "money_raised", f"round:{uuid}", announced
    )
    round_ = b.build(
        item.at,
        Round,
        {"id": item.column("uuid")},
        id=f"round:{uuid}",
        company=company_id,
        stage=stage_,
        announced=announced,
        amount=amount,
        sources=b.cite(item.at, item.source, url_of("funding_round", props.get("identifier"))),
    )
    if round_ is None:
        return
    round_id = b.add_round(item.at, round_)
    leads = {uuid_of(i) for i in listed(props.get("lead_investor_identifiers"))}
    investors = listed(props.get("investor_identifiers"))
    for i, identifier in enumerate(investors):
        sub = Item(item.file, item.source, f"{item.path}.investor_identifiers[{i}]", identifier)
        investor_id = investor(b, sub, identifier)
        if investor_id is not None:
            b.invest(
                sub.at, round_id, investor_id, lead=uuid_of(identifier) in leads, repeat_skips=False
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


def _investment(b: Builder, item: Item) -> None:
    props = item.props
    round_identifier = props.get("funding_round_identifier")
    investor_identifier = props.get("investor_identifier")
    if item.card == "participated_investments" and not isinstance(investor_identifier, dict):
        investor_identifier = item.owner.get("identifier")
    round_uuid, investor_uuid = uuid_of(round_identifier), uuid_of(investor_identifier)
    if not round_uuid or not investor_uuid:
        b.skip(item.at, "an investment with no round or investor uuid", item.path)
        return
    round_id = f"round:{round_uuid}"
    if round_id not in b.rounds and not _round_from_investment(b, item, round_id):
        return
    sub = Item(item.file, item.source, f"{item.path}.investor_identifier", investor_identifier)
    investor_id = investor(b, sub, investor_identifier)
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
    invested = money_triple(
        b,
        item,
        props.get("money_invested"),
        "money_invested",
        f"{round_id}/{investor_id}",
        announced,
    )
    b.invest(item.at, round_id, investor_id, lead=bool(lead), amount=invested, repeat_skips=False)


def _round_from_investment(b: Builder, item: Item, round_id: str) -> bool:
    """Add the round an investment names, from what the investment says of it."""
    props = item.props
    organisation = props.get("organization_identifier")
    if not uuid_of(organisation) and item.card == "raised_investments":
        organisation = item.owner.get("identifier")
    org_uuid = uuid_of(organisation)
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
        else company(b, item, organisation, uuid=org_uuid)
    )
    if company_id is None:
        return False
    identifier = props.get("funding_round_identifier")
    stage_ = stage_of(b, item, {}, name_of(identifier))
    if stage_ is None:
        return False
    try:
        announced = day_date(props.get("announced_on"))
    except ValueError as error:
        b.skip(item.at, f"no date: {error}", item.column("announced_on"))
        return False
    amount = money_triple(
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
        sources=b.cite(item.at, item.source, url_of("funding_round", identifier)),
    )
    if round_ is None:
        return False
    b.add_round(item.at, round_)
    return True
