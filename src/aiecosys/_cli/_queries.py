"""Commands that ask a question of an ecosystem: each calls one query and shows its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from aiecosys._model import CompanyKind, Stage, Verdict

from . import _listings as listings
from . import _views as views
from ._app import cli, uses_data
from ._output import output_options, show

if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem

__all__ = [
    "claims",
    "co_investors",
    "company",
    "investor",
    "list_records",
    "person",
    "rounds",
    "source",
    "summary",
    "total_raised",
]

currency_option = click.option(
    "--currency",
    default="USD",
    show_default=True,
    help="ISO 4217 code of the currency to convert amounts to.",
)
as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Only what was surely so by DATE (YYYY, YYYY-MM or YYYY-MM-DD; a month or year means "
    "its last day); what a date known only to the month or year may put either side of DATE "
    "is shown as possibly.",
)
_since = click.option("--since", metavar="DATE", help="Rounds announced on or after DATE.")
_until = click.option("--until", metavar="DATE", help="Rounds announced on or before DATE.")
_stages = [s.value for s in Stage]


@cli.command()
@currency_option
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="How many companies and investors to rank.",
)
@as_of_option
@output_options
@uses_data
def summary(
    *, eco: Ecosystem, fmt: str, limit: int | None, currency: str, top: int, as_of: str | None
) -> None:
    r"""An overview: counts, who raised most, the most active investors, contradicted claims.

    \b
    Example:
        aiecosys summary --currency EUR --as-of 2024
    """
    found = eco.summary(currency=currency, top=top, as_of=as_of)
    show(views.summary(eco, found), fmt, limit)


@cli.command()
@click.argument("name")
@currency_option
@as_of_option
@output_options
@uses_data
def company(
    *, eco: Ecosystem, fmt: str, limit: int | None, name: str, currency: str, as_of: str | None
) -> None:
    r"""A company's profile: founders, rounds with original and converted amounts, claims.

    \b
    Example:
        aiecosys company "Mistral AI" --currency EUR --as-of 2023-12-15
    """
    found = eco.profile(name, currency=currency, as_of=as_of)
    show(views.company_profile(eco, found), fmt, limit)


@cli.command()
@click.argument("name")
@as_of_option
@output_options
@uses_data
def investor(*, eco: Ecosystem, fmt: str, limit: int | None, name: str, as_of: str | None) -> None:
    r"""An investor's portfolio and co-investors.

    \b
    Example:
        aiecosys investor Lightspeed --limit 10
    """
    show(views.investor_profile(eco, eco.investor_profile(name, as_of=as_of)), fmt, limit)


@cli.command()
@click.argument("name")
@as_of_option
@output_options
@uses_data
def person(*, eco: Ecosystem, fmt: str, limit: int | None, name: str, as_of: str | None) -> None:
    r"""A person's roles (those held on --as-of DATE) and the claims about them.

    \b
    Example:
        aiecosys person "Arthur Mensch"
    """
    show(views.person_profile(eco, eco.person_profile(name, as_of=as_of)), fmt, limit)


@cli.command("total-raised")
@click.argument("name")
@currency_option
@as_of_option
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 2) unless the total is exact: no round undisclosed or possibly announced.",
)
@output_options
@uses_data
def total_raised(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,
    name: str,
    currency: str,
    as_of: str | None,
    strict: bool,
) -> None:
    r"""How much a company raised, converted at each round's date; ≥ marks a lower bound.

    \b
    Example:
        aiecosys total-raised "Mistral AI" --currency EUR --format json
    """
    found = eco.total_raised(name, currency=currency, as_of=as_of, strict=strict)
    show(views.total(found), fmt, limit)


@cli.command("funding-by")
@click.argument(
    "key", type=click.Choice(["year", "quarter", "country", "stage", "investor", "company"])
)
@currency_option
@as_of_option
@output_options
@uses_data
def funding_by(
    *, eco: Ecosystem, fmt: str, limit: int | None, key: str, currency: str, as_of: str | None
) -> None:
    r"""Funding grouped by year, quarter, country, stage, investor or company.

    Each round's disclosed amount is converted at the ECB rate of its own date; ≥ marks a
    lower bound (rounds undisclosed), "unknown" a group with no amount disclosed. UNCERTAIN
    counts the rounds that may lie in the group but are counted in none (a round known only
    as "2023", by quarter). By investor, a round counts in full for each of its investors.

    \b
    Example:
        aiecosys funding-by year --currency EUR --format json
    """
    show(views.funding_by(eco.funding_by(key, currency=currency, as_of=as_of)), fmt, limit)


@cli.command("co-investors")
@click.argument("name")
@as_of_option
@output_options
@uses_data
def co_investors(
    *, eco: Ecosystem, fmt: str, limit: int | None, name: str, as_of: str | None
) -> None:
    r"""Who invested in the same rounds as an investor, most shared rounds first.

    \b
    Example:
        aiecosys co-investors "Lightspeed Venture Partners" --limit 5
    """
    show(views.co_investors(eco, eco.co_investors(name, as_of=as_of)), fmt, limit)


@cli.command()
@click.option("--company", help="Only this company's rounds.")
@click.option("--investor", help="Only rounds this investor took part in.")
@click.option("--stage", type=click.Choice(_stages), help="Only this stage.")
@_since
@_until
@currency_option
@output_options
@uses_data
def rounds(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,
    company: str | None,
    investor: str | None,
    stage: str | None,
    since: str | None,
    until: str | None,
    currency: str,
) -> None:
    r"""Funding rounds, in announcement order, with amounts converted to --currency.

    \b
    Example:
        aiecosys rounds --investor Lightspeed --since 2024 --format csv
    """
    found = eco.priced_rounds(
        currency=currency,
        company=company,
        investor=investor,
        stage=stage,
        since=since,
        until=until,
    )
    show(listings.priced_rounds(eco, found, currency), fmt, limit)


@cli.command()
@click.option(
    "--verdict",
    type=click.Choice([v.value for v in Verdict]),
    help="Only claims with this verdict.",
)
@click.option("--about", metavar="NAME", help="Only claims about this record (by name or id).")
@output_options
@uses_data
def claims(
    *, eco: Ecosystem, fmt: str, limit: int | None, verdict: str | None, about: str | None
) -> None:
    r"""Claims made by sources, with their verdicts and the evidence.

    \b
    Example:
        aiecosys claims --verdict contradicted
    """
    found = eco.claims_about(about, verdict=verdict) if about else eco.find_claims(verdict=verdict)
    show(listings.claims(eco, found), fmt, limit)


def _many(values: tuple[str, ...]) -> tuple[str, ...] | None:
    return values or None


@cli.command("list")
@click.argument("kind", type=click.Choice(["companies", "investors", "people", "rounds"]))
@click.option("--company", "companies", multiple=True, help="Only this company (repeatable).")
@click.option(
    "--investor", "investors", multiple=True, help="Only rounds of this investor (repeatable)."
)
@click.option(
    "--country", "countries", multiple=True, help="ISO 3166 code of companies (repeatable)."
)
@click.option(
    "--stage", "stages", multiple=True, type=click.Choice(_stages), help="Stage (repeatable)."
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice([k.value for k in CompanyKind]),
    help="Company kind (repeatable).",
)
@_since
@_until
@output_options
@uses_data
def list_records(
    *,
    eco: Ecosystem,
    fmt: str,
    limit: int | None,
    kind: str,
    companies: tuple[str, ...],
    investors: tuple[str, ...],
    countries: tuple[str, ...],
    stages: tuple[str, ...],
    kinds: tuple[str, ...],
    since: str | None,
    until: str | None,
) -> None:
    r"""List the companies, investors, people or rounds that pass every filter given.

    The filters are those of Ecosystem.subset(): a round passes when it passes all of them
    (its company's country and kind included). Companies are those of the rounds that pass
    (or, with only company filters, those that pass them); investors those in the rounds;
    people those who founded or work at the companies.

    \b
    Example:
        aiecosys list rounds --country FR --stage seed --stage series_a
        aiecosys list companies --investor Lightspeed --format csv
    """
    found = eco.find_records(
        kind,
        companies=_many(companies),
        investors=_many(investors),
        countries=_many(countries),
        stages=_many(stages),
        kinds=_many(kinds),
        since=since,
        until=until,
    )
    show(listings.records(eco, kind, found), fmt, limit)


@cli.command()
@click.argument("source_id", metavar="ID")
@output_options
@uses_data
def source(*, eco: Ecosystem, fmt: str, limit: int | None, source_id: str) -> None:
    r"""A source: its URL, publisher, date and grade, and every record and claim citing it.

    \b
    Example:
        aiecosys source source:tnw-mistral-seed
    """
    show(listings.citations(eco, eco.citations(source_id)), fmt, limit)
