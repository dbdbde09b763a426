"""How each library answer is shown: its JSON document, its rows and its text.

One function per result type, each returning a `Shown` for the output layer. JSON keeps
ids and exact amounts for scripts; text names records (a round as "Mistral AI · Series A ·
2023-12") and says what is unknown or only possibly so, as JSON does in its fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from aiecosys._model import Round, Stage

from ._output import Shown, Table, money

if TYPE_CHECKING:  # the answers' types, loaded by the queries that make them
    from aiecosys._coverage import Coverage
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._model import Claim
    from aiecosys._money import Money
    from aiecosys._reports import CompanyProfile, InvestorProfile, PersonProfile
    from aiecosys._results import AsOf, CoInvestor, CompanyTotal, FundingBy, FundingGroup, Summary

__all__ = [
    "amount",
    "co_investors",
    "company_profile",
    "coverage",
    "funding_by",
    "investor_profile",
    "person_profile",
    "record",
    "summary",
    "total",
    "total_fields",
]


def record(value: object) -> Any:
    """A record as in the aiecosys/1 file: ids, exact amounts, dates at their precision."""
    from aiecosys._codec import make_converter  # noqa: PLC0415 - loaded with the data

    return make_converter().unstructure(value)


def amount(value: Money | None) -> dict[str, str] | None:
    """An exact amount for scripts, ``None`` when unknown."""
    return None if value is None else {"amount": str(value.amount), "currency": value.currency}


def total_fields(total: CompanyTotal) -> dict[str, Any]:
    """A total for scripts: the known amount (null when unknown) and what it leaves out."""
    return {
        "total_raised": amount(total.known),
        "complete": total.complete,
        "rounds_counted": total.rounds,
        "undisclosed_rounds": total.undisclosed,
        "uncertain_rounds": total.uncertain,
        "uncertain_total": amount(total.uncertain_known),
        "uncertain_undisclosed_rounds": total.uncertain_undisclosed,
        "text": str(total),
    }


def rows_of(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list under *key* in *document*, as rows."""
    rows: list[dict[str, Any]] = document[key]
    return rows


def _possibly(as_of: object, items: Sequence[str]) -> str:
    if not items:
        return ""
    return (
        f"\n  possibly by {as_of}, rounds dated to the month or year ({len(items)}): "
        + ", ".join(items)
    )


def _claim_lines(eco: Ecosystem, found: Sequence[Claim]) -> list[str]:
    if not found:
        return []
    lines = [f"\nClaims ({len(found)})"]
    lines += [f"- [{c.verdict.value}] {eco.label(c.subject)}: “{c.statement}”" for c in found]
    return lines


def _data_version(version: str | None) -> str:
    from aiecosys import _bundled  # noqa: PLC0415 - loaded with the data

    if version is None:
        return ""
    if version == _bundled.DATA_VERSION:
        return f" (data version {version}, searched to {_bundled.DATA_HORIZON})"
    return f" (data version {version})"


ARTICLE = "source:article"
"""The seed article's source id in the bundled data."""


def summary(eco: Ecosystem, s: Summary) -> Shown:
    """Counts, who raised most, the most active investors, contradicted claims."""
    from aiecosys import _bundled  # noqa: PLC0415 - loaded with the data

    as_of = None if s.as_of is None else str(s.as_of)

    def ranked(t: CompanyTotal) -> dict[str, Any]:
        return {"company": t.company.id, "name": t.company.name, **total_fields(t)}

    document = {
        "version": s.version,
        "horizon": _bundled.DATA_HORIZON if s.version == _bundled.DATA_VERSION else None,
        "currency": s.currency,
        "as_of": as_of,
        "counts": s.counts,
        "raised_most": [ranked(t) for t in s.raised_most],
        "unranked": [ranked(t) for t in s.unranked],
        "most_active": [
            {
                "investor": a.investor.id,
                "name": a.investor.name,
                "rounds": a.rounds,
                "leads": a.leads,
                "uncertain_rounds": a.uncertain,
            }
            for a in s.most_active
        ],
        "contradicted": [record(c) for c in s.contradicted],
    }
    counts = ", ".join(f"{n} {k}" for k, n in s.counts.items())
    by = f", as of {as_of}" if as_of else ""
    text: list[str | Table] = [
        f"Ecosystem{_data_version(s.version)}: {counts}\n",
        f"Raised most ({s.currency}, each round converted at the ECB rate of its date{by})",
    ]
    if any(not t.complete for t in s.raised_most):
        text.append("≥ marks a lower bound: rounds undisclosed, or possibly announced by the date.")
    text.append(
        Table(
            columns=("company", "total raised", "rounds", "undisclosed", "possibly"),
            rows=tuple(
                (t.company.name, t.headline, t.rounds, t.undisclosed, t.uncertain)
                for t in s.raised_most
            ),
        )
    )
    if s.unranked:
        text.append("\nNot ranked, no amount surely known")
        text += [f"- {t.company.name}: {t}" for t in s.unranked]
    text.append("\nMost active investors")
    text.append(
        Table(
            columns=("investor", "rounds", "leads", "possibly"),
            rows=tuple((a.investor.name, a.rounds, a.leads, a.uncertain) for a in s.most_active),
        )
    )
    # The overview lists what the seed article got wrong; the other contradicted figures
    # (conflicting reports between sources) are counted and one command away.
    article = [c for c in s.contradicted if c.source == ARTICLE]
    text.append(f"\nContradicted claims ({len(s.contradicted)})")
    if article:
        text.append(f"What the seed article got wrong ({len(article)}):")
    text += [f"- {eco.label(c.subject)}: “{c.statement}”" for c in article]
    if others := len(s.contradicted) - len(article):
        text.append(
            f"and {others} figures of other sources contradicted by the evidence: "
            "aiecosys claims --verdict contradicted"
        )
    return Shown(
        document=document, rows=rows_of(document, "raised_most"), text=text, listing="raised_most"
    )


def coverage(report: Coverage) -> Shown:
    """How complete and how well sourced the data is."""
    document = attrs.asdict(report) | {"share_on_a_or_b": float(report.share_on_a_or_b)}
    rows = report.rows()
    return Shown(
        document=document,
        rows=[{"what": what, "figure": figure} for what, figure in rows],
        text=[Table(columns=("what", "figure"), rows=tuple(tuple(r) for r in rows))],
    )


def _rounds_table(eco: Ecosystem, p: CompanyProfile, found: Sequence[Round]) -> Table:
    def converted(r: Round) -> str:
        if r.stage is Stage.SECONDARY:
            return "(secondary)"
        return money(p.converted(r)) if r.amount else ""

    return Table(
        columns=("announced", "stage", "amount", f"in {p.currency}", "lead"),
        rows=tuple(
            (
                r.announced,
                r.stage.value,
                money(r.amount),
                converted(r),
                ", ".join(eco.label(i) for i in r.leads) or "-",
            )
            for r in found
        ),
    )


def company_profile(eco: Ecosystem, p: CompanyProfile) -> Shown:
    """A company's profile: founders, rounds with converted amounts, investors, claims."""
    as_of = p.rounds.as_of
    total = p.total

    def listed(found: Sequence[Round]) -> list[Any]:
        return [{**record(r), "converted": amount(p.converted(r))} for r in found]

    document = {
        "company": record(p.company),
        "founders": [f.name for f in p.founders],
        "as_of": None if as_of is None else str(as_of),
        "rounds": listed(p.rounds),
        "possibly_rounds": listed(p.rounds.possibly),
        "total": total_fields(total),
        "total_raised": amount(total.known),
        "currency": p.currency,
        "investors": [i.id for i in p.investors],
        "possibly_investors": [i.id for i in p.investors.possibly],
        "claims": [record(c) for c in p.claims],
    }
    found = p.company
    text: list[str | Table] = [
        f"{found.name} ({found.id})",
        f"  founded: {found.founded or 'unknown'}    country: {found.country or '?'}",
    ]
    if p.founders:
        text.append(f"  founders: {', '.join(f.name for f in p.founders)}")
    text += ["", _rounds_table(eco, p, p.rounds)]
    if p.rounds.possibly:
        text.append(f"\nPossibly announced by {as_of} (dated only to the month or year)")
        text.append(attrs.evolve(_rounds_table(eco, p, p.rounds.possibly), listing=False))
    text.append(f"\nTotal raised{f' as of {as_of}' if as_of else ''}: {total}")
    text.append(
        f"Investors ({len(p.investors)}): {', '.join(i.name for i in p.investors)}"
        + _possibly(as_of, [i.name for i in p.investors.possibly])
    )
    text += _claim_lines(eco, p.claims)
    rows = [{**r, "possibly": False} for r in document["rounds"]]
    rows += [{**r, "possibly": True} for r in document["possibly_rounds"]]
    return Shown(document=document, rows=rows, text=text, listing="rounds")


def funding_by(result: FundingBy) -> Shown:
    """Funding by group: each group's known amount, rounds, undisclosed and uncertain rounds."""
    rows = [
        {
            "key": row.key,
            "label": row.label,
            "known": amount(row.known),
            "rounds": row.rounds,
            "undisclosed": row.undisclosed,
            "uncertain": [r.id for r in row.uncertain],
            "complete": row.complete,
        }
        for row in result.rows
    ]
    document = {
        "key": result.key,
        "currency": result.currency,
        "as_of": None if result.as_of is None else str(result.as_of),
        "complete": result.complete,
        "rows": rows,
    }
    text: list[str | Table] = [
        Table(
            columns=(
                result.key,
                f"known ({result.currency})",
                "rounds",
                "undisclosed",
                "uncertain",
            ),
            rows=tuple(
                (row.label, _group_known(row), row.rounds, row.undisclosed, len(row.uncertain))
                for row in result.rows
            ),
        )
    ]
    if not result.complete:
        text.append(
            f"Not complete: {result.undisclosed} undisclosed amounts; "
            f"{len(result.uncertain)} rounds of uncertain {result.key} counted in no group."
        )
    return Shown(document=document, rows=rows, text=text, listing="rows")


def _group_known(row: FundingGroup) -> str:
    """A group's known amount for people: never a bare zero where amounts are unknown."""
    if row.known is None:
        return "unknown"
    if not row.rounds:
        return "none counted"
    whole = f"{row.known.currency} {row.known.amount:,.0f}"
    return ("≥ " if row.undisclosed else "") + whole


def total(t: CompanyTotal) -> Shown:
    """A company's total raised, and what it leaves out."""
    as_of = None if t.as_of is None else str(t.as_of)
    document = {
        "company": t.company.id,
        "name": t.company.name,
        "as_of": as_of,
        "currency": t.currency,
        **total_fields(t),
    }
    return Shown(
        document=document,
        rows=[document],
        text=[f"{t.company.name}{f', as of {as_of}' if as_of else ''}: {t}"],
    )


def _co_investor_rows(partners: AsOf[CoInvestor]) -> list[dict[str, Any]]:
    return [
        {
            "investor": c.investor.id,
            "name": c.investor.name,
            "rounds": [r.id for r in c.rounds],
            "uncertain_rounds": [r.id for r in c.uncertain],
            "possibly": possibly,
        }
        for possibly, found in ((False, partners.surely), (True, partners.possibly))
        for c in found
    ]


def _co_investor_table(eco: Ecosystem, partners: AsOf[CoInvestor]) -> Table:
    def rounds(c: CoInvestor) -> str:
        sure = [eco.label(r) for r in c.rounds]
        return "; ".join(sure + [f"{eco.label(r)} (possibly)" for r in c.uncertain])

    rows = [(c.investor.name, c.shared, rounds(c)) for c in partners.surely]
    rows += [(f"{c.investor.name} (possibly)", 0, rounds(c)) for c in partners.possibly]
    return Table(columns=("co-investor", "shared rounds", "rounds"), rows=tuple(rows))


def co_investors(eco: Ecosystem, partners: AsOf[CoInvestor]) -> Shown:
    """Who invested alongside an investor, most shared rounds first."""
    rows = _co_investor_rows(partners)
    return Shown(document=rows, rows=rows, text=[_co_investor_table(eco, partners)])


def investor_profile(eco: Ecosystem, p: InvestorProfile) -> Shown:
    """An investor's portfolio and co-investors."""
    as_of = p.portfolio.as_of
    partners = _co_investor_rows(p.co_investors)
    document = {
        "investor": record(p.investor),
        "as_of": None if as_of is None else str(as_of),
        "portfolio": [c.id for c in p.portfolio],
        "possibly_portfolio": [c.id for c in p.portfolio.possibly],
        "co_investors": partners,
    }
    maybe = f", and {len(p.co_investors.possibly)} possibly" if p.co_investors.possibly else ""
    text: list[str | Table] = [
        f"{p.investor.name} ({p.investor.id}, {p.investor.kind.value})",
        f"Portfolio ({len(p.portfolio)}): {', '.join(c.name for c in p.portfolio)}"
        + _possibly(as_of, [c.name for c in p.portfolio.possibly]),
        f"\nCo-investors ({len(p.co_investors)}{maybe})",
        _co_investor_table(eco, p.co_investors),
    ]
    return Shown(document=document, rows=partners, text=text, listing="co_investors")


def person_profile(eco: Ecosystem, p: PersonProfile) -> Shown:
    """A person's roles and the claims about them."""
    as_of = p.roles.as_of
    document = {
        "person": record(p.person),
        "as_of": None if as_of is None else str(as_of),
        "roles": [record(r) for r in p.roles],
        "possibly_roles": [record(r) for r in p.roles.possibly],
        "claims": [record(c) for c in p.claims],
    }
    listed = ((True, p.roles.surely), (False, p.roles.possibly))
    table = Table(
        columns=("organisation", "title", "from", "to"),
        rows=tuple(
            (
                eco.label(r.organisation),
                r.title if sure else f"{r.title} (possibly)",
                r.start or "",
                r.end or "",
            )
            for sure, found in listed
            for r in found
        ),
    )
    rows = [{**r, "possibly": False} for r in document["roles"]]
    rows += [{**r, "possibly": True} for r in document["possibly_roles"]]
    held = f", roles held on {as_of}" if as_of else ""
    text: list[str | Table] = [f"{p.person.name} ({p.person.id}){held}", table]
    text += _claim_lines(eco, p.claims)
    return Shown(document=document, rows=rows, text=text, listing="roles")
