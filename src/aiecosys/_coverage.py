"""How complete and how well sourced an ecosystem is: the coverage report.

Examples:
    >>> import aiecosys
    >>> report = aiecosys.load().coverage()
    >>> parts = report.rounds_disclosed, report.rounds_undisclosed, report.rounds_secondary
    >>> sum(parts) == report.rounds
    True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from aiecosys._dates import Precision
from aiecosys._model import Reliability, Stage, Verdict

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = ["Coverage", "coverage_of"]

TOTAL_CHECK_FIELD = "total_raised"
"""The claim field that records a published "has raised X to date" figure for a company."""


@attrs.frozen(kw_only=True)
class Coverage:
    """What an ecosystem holds, what it leaves unknown, and what its facts rest on.

    A *fact* is a record that cites sources (a company, investor, person or round) or a
    round's valuation; it *rests on A or B* when at least one of its sources is graded A or B.
    Every count is exact; nothing is estimated.

    Attributes:
        companies: Companies in the ecosystem.
        companies_with_rounds: Companies with at least one round.
        companies_with_total_check: Companies with a claim checking a published "raised to
            date" figure.
        investors: Investors.
        people: People.
        rounds: Rounds.
        rounds_disclosed: Rounds with a known amount (secondary sales apart).
        rounds_undisclosed: Rounds whose amount is unknown (secondary sales apart).
        rounds_secondary: Secondary sales, where the company raises nothing.
        rounds_by_precision: Rounds by how precisely their date is known (``day``, ``month``,
            ``year``).
        rounds_without_investors: Rounds with no participant recorded.
        rounds_without_lead: Rounds with participants but no lead.
        valuations: Rounds with a valuation.
        valuations_reported: Valuations from press reports rather than the parties.
        sources: Sources.
        sources_by_grade: Sources by reliability grade (``A``, ``B``, ``C``).
        facts: Facts (see above).
        facts_on_a_or_b: Facts that rest on an A or B source.
        facts_without_source: Facts that cite no source.
        claims: Claims.
        claims_by_verdict: Claims by verdict.
    """

    companies: int
    companies_with_rounds: int
    companies_with_total_check: int
    investors: int
    people: int
    rounds: int
    rounds_disclosed: int
    rounds_undisclosed: int
    rounds_secondary: int
    rounds_by_precision: dict[str, int]
    rounds_without_investors: int
    rounds_without_lead: int
    valuations: int
    valuations_reported: int
    sources: int
    sources_by_grade: dict[str, int]
    facts: int
    facts_on_a_or_b: int
    facts_without_source: int
    claims: int
    claims_by_verdict: dict[str, int]

    @property
    def share_on_a_or_b(self) -> Fraction:
        """The share of facts resting on an A or B source (1 when there are no facts)."""
        return Fraction(self.facts_on_a_or_b, self.facts) if self.facts else Fraction(1)

    def rows(self) -> tuple[tuple[str, str], ...]:
        """The report as (what, figure) rows, for a table; the same rows everywhere.

        Examples:
            >>> import aiecosys
            >>> dict(aiecosys.load().coverage().rows())["rounds without a participant list"]
            '...'
        """
        precision = self.rounds_by_precision
        grades = self.sources_by_grade
        verdicts = self.claims_by_verdict
        strong = f"{self.facts_on_a_or_b} of {self.facts} ({float(self.share_on_a_or_b):.1%})"
        return (
            ("companies", str(self.companies)),
            ("companies with funding rounds", str(self.companies_with_rounds)),
            ("companies whose total is checked against a published figure",
             str(self.companies_with_total_check)),
            ("investors", str(self.investors)),
            ("people", str(self.people)),
            ("rounds", str(self.rounds)),
            ("rounds with a disclosed amount", str(self.rounds_disclosed)),
            ("rounds with an undisclosed amount", str(self.rounds_undisclosed)),
            ("secondary sales (the company raises nothing)", str(self.rounds_secondary)),
            ("rounds dated to the day / month / year",
             f"{precision['day']} / {precision['month']} / {precision['year']}"),
            ("rounds without a participant list", str(self.rounds_without_investors)),
            ("rounds with investors but no lead named", str(self.rounds_without_lead)),
            ("valuations (of which reported, not announced)",
             f"{self.valuations} ({self.valuations_reported})"),
            ("sources graded A / B / C",
             f"{grades['A']} / {grades['B']} / {grades['C']}"),
            ("facts resting on an A or B source", strong),
            ("facts citing no source", str(self.facts_without_source)),
            ("claims supported / contradicted / unverified",
             f"{verdicts['supported']} / {verdicts['contradicted']} / {verdicts['unverified']}"),
        )  # fmt: skip


def _count(values: Iterable[str], keys: Iterable[str]) -> dict[str, int]:
    counted = Counter(values)
    return {key: counted[key] for key in keys}


def coverage_of(eco: Ecosystem) -> Coverage:
    """Return the [`Coverage`][aiecosys.Coverage] report of *eco*.

    See [`Ecosystem.coverage`][aiecosys.Ecosystem.coverage].
    """
    grade = {s.id: s.reliability for s in eco.sources}
    strong = {Reliability.A, Reliability.B}
    cited: list[tuple[str, ...]] = [
        *(c.sources for c in eco.companies),
        *(i.sources for i in eco.investors),
        *(p.sources for p in eco.people),
        *(r.sources for r in eco.rounds),
    ]
    cited += [r.valuation.sources for r in eco.rounds if r.valuation is not None]
    secondary = [r for r in eco.rounds if r.stage is Stage.SECONDARY]
    raising = [r for r in eco.rounds if r.stage is not Stage.SECONDARY]
    checked = {c.subject for c in eco.claims if c.field == TOTAL_CHECK_FIELD}
    return Coverage(
        companies=len(eco.companies),
        companies_with_rounds=len({r.company for r in eco.rounds}),
        companies_with_total_check=len(checked & {c.id for c in eco.companies}),
        investors=len(eco.investors),
        people=len(eco.people),
        rounds=len(eco.rounds),
        rounds_disclosed=sum(r.amount is not None for r in raising),
        rounds_undisclosed=sum(r.amount is None for r in raising),
        rounds_secondary=len(secondary),
        rounds_by_precision=_count(
            (r.announced.precision.value for r in eco.rounds), (p.value for p in Precision)
        ),
        rounds_without_investors=sum(not r.investments for r in raising),
        rounds_without_lead=sum(bool(r.investments) and not r.leads for r in raising),
        valuations=sum(r.valuation is not None for r in eco.rounds),
        valuations_reported=sum(
            r.valuation is not None and r.valuation.reported for r in eco.rounds
        ),
        sources=len(eco.sources),
        sources_by_grade=_count(
            (s.reliability.value for s in eco.sources), (g.value for g in Reliability)
        ),
        facts=len(cited),
        facts_on_a_or_b=sum(any(grade.get(s) in strong for s in ids) for ids in cited),
        facts_without_source=sum(not ids for ids in cited),
        claims=len(eco.claims),
        claims_by_verdict=_count((c.verdict.value for c in eco.claims), (v.value for v in Verdict)),
    )
