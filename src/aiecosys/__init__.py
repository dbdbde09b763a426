"""aiecosys: a typed, sourced model of the AI startup ecosystem.

Examples:
    >>> import aiecosys
    >>> eco = aiecosys.load()                       # the bundled dataset
    >>> eco.company("mistral ai").founded
    PartialDate.parse('2023-04')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from aiecosys._version import __version__
from aiecosys.exceptions import (
    AiecosysError,
    AmbiguousKey,
    ArgumentTypeError,
    ConversionError,
    CurrencyMismatch,
    DataError,
    IncompleteTotal,
    InvalidArgument,
    MissingDependency,
    NotFound,
    Problem,
    UnsupportedFormat,
    WriteError,
)

if TYPE_CHECKING:
    from aiecosys._arrow import to_arrow, write_parquet
    from aiecosys._bundled import (
        DATA_HORIZON,
        DATA_VERSION,
        claims_about,
        co_investors,
        company,
        funding_breakdown,
        investor,
        investors_in,
        load,
        person,
        portfolio,
        roles_of,
        rounds_of,
        summary,
        total_raised,
    )
    from aiecosys._codec import FORMAT, dump, dumps, loads
    from aiecosys._combine import Conflicts
    from aiecosys._coverage import Coverage
    from aiecosys._dates import PartialDate, Precision, Timing
    from aiecosys._ecosystem import Ecosystem
    from aiecosys._export import table, write_csv
    from aiecosys._frames import to_pandas, to_polars
    from aiecosys._fx import Conversion, convert
    from aiecosys._graph import co_investment_graph, investment_graph, write_graph
    from aiecosys._importers import (
        CrunchbaseImport,
        ImportReport,
        ProviderCheck,
        ProviderDifference,
        RowNote,
        read_crunchbase,
    )
    from aiecosys._model import (
        Claim,
        Company,
        CompanyKind,
        Investment,
        Investor,
        InvestorKind,
        Person,
        Reliability,
        Role,
        Round,
        Source,
        Stage,
        Valuation,
        ValuationBasis,
        Verdict,
    )
    from aiecosys._money import Money
    from aiecosys._plots import (
        Picture,
        PictureOptions,
        company_colour,
        plot_funding,
        plot_funding_by,
        plot_network,
        plot_portfolio,
    )
    from aiecosys._reports import (
        Citations,
        CompanyProfile,
        InvestorProfile,
        PersonProfile,
        PricedRound,
    )
    from aiecosys._results import (
        AsOf,
        CoInvestor,
        CompanyTotal,
        FundedRound,
        FundingBreakdown,
        FundingBy,
        FundingGroup,
        InvestorActivity,
        Summary,
    )
    from aiecosys._rows import Records
    from aiecosys._schema import json_schema

# Public names loaded on first use, so that ``import aiecosys`` stays cheap (attrs classes,
# pendulum and the query code load when a name is first touched). test_init.py checks this
# table against the imports above.
_LAZY: dict[str, str] = {
    "Citations": "_reports",
    "CompanyProfile": "_reports",
    "InvestorProfile": "_reports",
    "PersonProfile": "_reports",
    "PricedRound": "_reports",
    "AsOf": "_results",
    "Records": "_rows",
    "Timing": "_dates",
    "roles_of": "_bundled",
    "Claim": "_model",
    "CoInvestor": "_results",
    "to_arrow": "_arrow",
    "write_parquet": "_arrow",
    "to_pandas": "_frames",
    "to_polars": "_frames",
    "plot_funding": "_plots",
    "plot_funding_by": "_plots",
    "plot_network": "_plots",
    "plot_portfolio": "_plots",
    "Picture": "_plots",
    "PictureOptions": "_plots",
    "company_colour": "_plots",
    "FundingBy": "_results",
    "FundingGroup": "_results",
    "CrunchbaseImport": "_importers",
    "ImportReport": "_importers",
    "RowNote": "_importers",
    "ProviderCheck": "_importers",
    "ProviderDifference": "_importers",
    "read_crunchbase": "_importers",
    "co_investment_graph": "_graph",
    "investment_graph": "_graph",
    "write_graph": "_graph",
    "CompanyTotal": "_results",
    "InvestorActivity": "_results",
    "Summary": "_results",
    "summary": "_bundled",
    "table": "_export",
    "write_csv": "_export",
    "Company": "_model",
    "CompanyKind": "_model",
    "Conflicts": "_combine",
    "Conversion": "_fx",
    "Coverage": "_coverage",
    "DATA_HORIZON": "_bundled",
    "DATA_VERSION": "_bundled",
    "Ecosystem": "_ecosystem",
    "FORMAT": "_codec",
    "FundedRound": "_results",
    "FundingBreakdown": "_results",
    "Investment": "_model",
    "Investor": "_model",
    "InvestorKind": "_model",
    "Money": "_money",
    "PartialDate": "_dates",
    "Person": "_model",
    "Precision": "_dates",
    "Reliability": "_model",
    "Role": "_model",
    "Round": "_model",
    "Source": "_model",
    "Stage": "_model",
    "Valuation": "_model",
    "ValuationBasis": "_model",
    "Verdict": "_model",
    "claims_about": "_bundled",
    "co_investors": "_bundled",
    "company": "_bundled",
    "convert": "_fx",
    "dump": "_codec",
    "dumps": "_codec",
    "funding_breakdown": "_bundled",
    "investor": "_bundled",
    "investors_in": "_bundled",
    "json_schema": "_schema",
    "load": "_bundled",
    "loads": "_codec",
    "person": "_bundled",
    "portfolio": "_bundled",
    "rounds_of": "_bundled",
    "total_raised": "_bundled",
}

__all__ = [
    "DATA_HORIZON",
    "DATA_VERSION",
    "FORMAT",
    "AiecosysError",
    "AmbiguousKey",
    "ArgumentTypeError",
    "AsOf",
    "Citations",
    "Claim",
    "CoInvestor",
    "Company",
    "CompanyKind",
    "CompanyProfile",
    "CompanyTotal",
    "Conflicts",
    "Conversion",
    "ConversionError",
    "Coverage",
    "CrunchbaseImport",
    "CurrencyMismatch",
    "DataError",
    "Ecosystem",
    "FundedRound",
    "FundingBreakdown",
    "FundingBy",
    "FundingGroup",
    "ImportReport",
    "IncompleteTotal",
    "InvalidArgument",
    "Investment",
    "Investor",
    "InvestorActivity",
    "InvestorKind",
    "InvestorProfile",
    "MissingDependency",
    "Money",
    "NotFound",
    "PartialDate",
    "Person",
    "PersonProfile",
    "Picture",
    "PictureOptions",
    "Precision",
    "PricedRound",
    "Problem",
    "ProviderCheck",
    "ProviderDifference",
    "Records",
    "Reliability",
    "Role",
    "Round",
    "RowNote",
    "Source",
    "Stage",
    "Summary",
    "Timing",
    "UnsupportedFormat",
    "Valuation",
    "ValuationBasis",
    "Verdict",
    "WriteError",
    "__version__",
    "claims_about",
    "co_investment_graph",
    "co_investors",
    "company",
    "company_colour",
    "convert",
    "dump",
    "dumps",
    "funding_breakdown",
    "investment_graph",
    "investor",
    "investors_in",
    "json_schema",
    "load",
    "loads",
    "person",
    "plot_funding",
    "plot_funding_by",
    "plot_network",
    "plot_portfolio",
    "portfolio",
    "read_crunchbase",
    "roles_of",
    "rounds_of",
    "summary",
    "table",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "total_raised",
    "write_csv",
    "write_graph",
    "write_parquet",
]


def __getattr__(name: str) -> Any:
    """Load a public name on first use."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'aiecosys' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"aiecosys.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names."""
    return __all__
