"""The checks an ecosystem passes before it exists: ids unique and resolvable, facts coherent.

Each check reports every problem it finds, with its path in the input, so that one error can
list them all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from aiecosys._model import Claim, Company, Investor, Person, Round, Source
from aiecosys.exceptions import Problem

__all__ = ["Records", "problems"]

Record = Source | Person | Company | Investor | Round | Claim


@attrs.frozen(kw_only=True)
class Records:
    """The records of an ecosystem, in the order they were given."""

    sources: Sequence[Source]
    people: Sequence[Person]
    companies: Sequence[Company]
    investors: Sequence[Investor]
    rounds: Sequence[Round]
    claims: Sequence[Claim]

    def each(self) -> Iterator[tuple[str, int, Record]]:
        """Yield (collection name, index, record) for every record."""
        for name in ("sources", "people", "companies", "investors", "rounds", "claims"):
            for i, record in enumerate(getattr(self, name)):
                yield name, i, record


def problems(records: Records) -> list[Problem]:
    """Return every integrity problem in *records* (empty when they form an ecosystem)."""
    found = _duplicate_ids(records)
    found += _unknown_references(records)
    found += _round_problems(records)
    return found


def _duplicate_ids(records: Records) -> list[Problem]:
    found: list[Problem] = []
    first_seen: dict[str, str] = {}
    for collection, i, record in records.each():
        here = f"{collection}[{i}]"
        if record.id in first_seen:
            message = f"{record.id!r} is already the id of {first_seen[record.id]}"
            found.append(Problem(f"{here}.id", message))
        else:
            first_seen[record.id] = here
    return found


def _references(records: Records) -> Iterator[tuple[str, str | None, str]]:  # noqa: C901 - one flat list of every reference reads best
    """Yield (path, id referred to, kind of record it must be) for every reference."""
    for collection, i, record in records.each():
        for j, source_id in enumerate(getattr(record, "sources", ())):
            yield f"{collection}[{i}].sources[{j}]", source_id, "source"
    for i, person in enumerate(records.people):
        for j, role in enumerate(person.roles):
            yield f"people[{i}].roles[{j}].organisation", role.organisation, "organisation"
    for i, company in enumerate(records.companies):
        yield f"companies[{i}].parent", company.parent, "company"
        for j, founder in enumerate(company.founders):
            yield f"companies[{i}].founders[{j}]", founder, "person"
    for i, investor in enumerate(records.investors):
        yield f"investors[{i}].company", investor.company, "company"
        yield f"investors[{i}].person", investor.person, "person"
    for i, round_ in enumerate(records.rounds):
        yield f"rounds[{i}].company", round_.company, "company"
        for j, investment in enumerate(round_.investments):
            yield f"rounds[{i}].investments[{j}].investor", investment.investor, "investor"
    for i, claim in enumerate(records.claims):
        yield f"claims[{i}].subject", claim.subject, "record"
        yield f"claims[{i}].source", claim.source, "source"
        for j, evidence in enumerate(claim.evidence):
            yield f"claims[{i}].evidence[{j}]", evidence, "source"


def _unknown_references(records: Records) -> list[Problem]:
    known: dict[str, set[str]] = {
        "source": {s.id for s in records.sources},
        "person": {p.id for p in records.people},
        "company": {c.id for c in records.companies},
        "investor": {v.id for v in records.investors},
    }
    known["organisation"] = known["company"] | known["investor"]
    known["record"] = {record.id for _, _, record in records.each()}
    return [
        Problem(path, f"unknown {kind} {value!r}")
        for path, value, kind in _references(records)
        if value is not None and value not in known[kind]
    ]


def _round_problems(records: Records) -> list[Problem]:
    found: list[Problem] = []
    companies = {c.id: c for c in records.companies}
    for i, round_ in enumerate(records.rounds):
        seen: set[str] = set()
        for j, investment in enumerate(round_.investments):
            if investment.investor in seen:
                found.append(
                    Problem(
                        f"rounds[{i}].investments[{j}].investor",
                        f"{investment.investor!r} is in this round twice",
                    )
                )
            seen.add(investment.investor)
        company = companies.get(round_.company)
        founded = company.founded if company is not None else None
        if (
            company is not None
            and founded is not None
            and (round_.announced.last_day < founded.first_day)
        ):
            found.append(
                Problem(
                    f"rounds[{i}].announced",
                    f"{round_.announced} is before {company.name} was founded ({founded})",
                )
            )
    return found
