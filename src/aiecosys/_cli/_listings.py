"""How listings are shown: rounds with amounts, claims, records of one kind, a source.

Like ``_views``, one function per answer, each returning a `Shown`; rows keep ids and
exact amounts, tables name each record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._output import Shown, Table, money
from ._views import amount, record

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._model import Claim
    from aiecosys._reports import Citations, PricedRound

__all__ = ["citations", "claims", "priced_rounds", "records"]


def priced_rounds(eco: Ecosystem, found: Sequence[PricedRound], currency: str) -> Shown:
    """Rounds with their amounts as announced and converted."""
    rows = [{**record(p.round), "converted": amount(p.converted)} for p in found]
    table = Table(
        columns=("round", "amount", f"in {currency}", "lead"),
        rows=tuple(
            (
                eco.label(p.round),
                money(p.round.amount),
                money(p.converted) if p.round.amount else "",
                ", ".join(eco.label(i) for i in p.round.leads) or "-",
            )
            for p in found
        ),
    )
    return Shown(document=rows, rows=rows, text=[table])


def claims(eco: Ecosystem, found: Sequence[Claim]) -> Shown:
    """Claims with their verdicts and evidence."""
    rows = [record(c) for c in found]
    text: list[str | Table] = []
    for claim in found:
        subject = eco.label(claim.subject)
        text.append(f"[{claim.verdict.value}] {subject} · {claim.field}: “{claim.statement}”")
        if claim.explanation:
            text.append(f"    {claim.explanation}")
        if claim.evidence:
            text.append(f"    evidence: {', '.join(claim.evidence)}")
    return Shown(document=rows, rows=rows, text=text)


_COLUMNS = {
    "companies": ("name", "country", "founded", "kind"),
    "investors": ("name", "kind", "country"),
    "people": ("name", "roles"),
    "rounds": ("round", "amount", "lead"),
}


def records(eco: Ecosystem, kind: str, found: Sequence[Any]) -> Shown:
    """Records of one kind, named in the table."""
    rows = [record(r) for r in found]

    def cells(r: Any) -> tuple[object, ...]:
        if kind == "rounds":
            leads = ", ".join(eco.label(i) for i in r.leads) or "-"
            return (eco.label(r), money(r.amount), leads)
        if kind == "people":
            return (
                r.name,
                "; ".join(f"{role.title}, {eco.label(role.organisation)}" for role in r.roles),
            )
        values = (getattr(r, c, None) for c in _COLUMNS[kind])
        return tuple(getattr(v, "value", v) or "unknown" for v in values)

    table = Table(columns=_COLUMNS[kind], rows=tuple(cells(r) for r in found))
    return Shown(document=rows, rows=rows, text=[table])


def citations(eco: Ecosystem, c: Citations) -> Shown:
    """A source: where to read it, how reliable it is, and what cites it."""
    s = c.source
    document = {
        "source": record(s),
        "records": [r.id for r in c.records],
        "claims": [cl.id for cl in c.claims],
    }
    rows = [{"kind": "record", "id": r.id, "label": eco.label(r)} for r in c.records]
    rows += [{"kind": "claim", "id": cl.id, "label": eco.label(cl)} for cl in c.claims]
    text: list[str | Table] = [
        f"{s.title} ({s.id})",
        f"  publisher: {s.publisher}    published: {s.published or 'unknown'}",
        f"  grade: {s.reliability.value}",
        f"  url: {s.url or 'none (see the note)'}",
    ]
    if s.note:
        text.append(f"  note: {s.note}")
    text.append(f"\nCited by {len(c.records)} records and {len(c.claims)} claims")
    text.append(
        Table(
            columns=("kind", "cited by"),
            rows=tuple((row["kind"], row["label"]) for row in rows),
        )
    )
    return Shown(document=document, rows=rows, text=text, listing="records")
