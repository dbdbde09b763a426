# mypy: disable-error-code="arg-type, list-item"
# (the cases call aiecosys with the wrong types on purpose)
"""The cases of the standing adversarial suite, one table per family, and how a case is judged.

Each :class:`Case` is one attack: what is tried, and the clean aiecosys error it must get (its
type and a fragment of its message, which holds the path), or, for an input that is valid but
hard, the check its answer must pass. :func:`judge` runs a case under a time limit and says
what happened: ``clean``, ``unclear`` (an aiecosys error, but not of the type expected, or
without the path and message expected, or too long), ``escape`` (any other exception),
``hang``, ``silent`` (accepted where an error was due, or a wrong answer) or ``data loss``.

``python -m tests.adversarial`` prints the audit table.
"""

from __future__ import annotations

import contextlib
import copy
import decimal
import json
import random
import signal
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

import aiecosys
from aiecosys import (
    AiecosysError,
    ArgumentTypeError,
    Claim,
    Company,
    ConversionError,
    DataError,
    Ecosystem,
    InvalidArgument,
    Investment,
    Investor,
    InvestorKind,
    Money,
    NotFound,
    PartialDate,
    Person,
    Reliability,
    Role,
    Round,
    Source,
    Stage,
    Valuation,
    Verdict,
    convert,
)
from aiecosys._codec import from_document, to_document
from tests.helpers import small

TIME_LIMIT = 20
"""Seconds a case may take before it counts as a hang."""

MAX_MESSAGE = 2_000
"""A clean error's message is short, whatever the size of the bad input."""


@attrs.frozen
class Case:
    """One attack and what it must get.

    *error* is the aiecosys error expected, *fragment* a part of its message; with no
    *error* the attempt must succeed and *check* its answer (else: *wrong*).
    """

    family: str
    name: str
    attempt: Callable[[], Any]
    error: type[AiecosysError] | None = None
    fragment: str = ""
    check: Callable[[Any], bool] | None = None
    wrong: str = "silent"


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():  # signals: main thread only
        yield
        return

    def stop(*_: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def judge(case: Case) -> tuple[str, str]:  # noqa: PLR0911 - one return per outcome
    """Run *case*; return what happened (clean, escape, hang, silent, data loss) and details."""
    try:
        with _time_limit(TIME_LIMIT):
            result = case.attempt()
    except _Hang:
        return "hang", f"still running after {TIME_LIMIT} s"
    except AiecosysError as error:
        message = str(error)
        if case.error is None:
            return "unclear", f"unexpected {type(error).__name__}: {message[:300]}"
        if not isinstance(error, case.error):
            return "unclear", f"{type(error).__name__}, not {case.error.__name__}: {message[:300]}"
        if case.fragment not in message:
            return "unclear", f"message lacks {case.fragment!r}: {message[:300]}"
        if len(message) > MAX_MESSAGE:
            return "unclear", f"message of {len(message):,} characters"
        return "clean", message
    except Exception as error:  # noqa: BLE001 - the audit counts every escape
        return "escape", f"{type(error).__name__}: {str(error)[:300]}"
    if case.error is not None:
        return "silent", f"no error; got {str(result)[:200]}"
    if case.check is not None and not case.check(result):
        return case.wrong, f"wrong answer: {str(result)[:200]}"
    return "clean", "right answer"


# Documents ----------------------------------------------------------------------------------


def document() -> dict[str, Any]:
    """A valid document: two companies, four investors, five rounds."""
    return to_document(small())


def text() -> str:
    """A valid document as JSON text."""
    return json.dumps(document())


def edited(change: Callable[[dict[str, Any]], object]) -> str:
    """The valid document's text after *change* has been made to it."""
    doc = document()
    change(doc)
    return json.dumps(doc)


def put(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets the value at *path* (keys and indexes) to *value*."""

    def change(doc: dict[str, Any]) -> None:
        node: Any = doc
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


def loads_text(source: str | bytes) -> Callable[[], Ecosystem]:
    """An attempt that reads *source*."""
    return lambda: aiecosys.loads(source)


def json_case(name: str, source: str | bytes, fragment: str) -> Case:
    """A document that loads() must refuse with a DataError holding *fragment*."""
    return Case("JSON", name, loads_text(source), DataError, fragment)


def field_case(name: str, path: tuple[Any, ...], value: Any, fragment: str) -> Case:
    """A valid document with one value replaced, which loads() must refuse."""
    return json_case(name, edited(put(path, value)), fragment)


NAME_0 = ("companies", 0, "name")
AMOUNT_0 = ("rounds", 0, "amount", "amount")
CURRENCY_0 = ("rounds", 0, "amount", "currency")

BAD_TEXT = {
    "NUL": "\x00",
    "ESC sequence": "\x1b[2J",
    "CSI": "\x9b31m",
    "bell": "\x07",
    "carriage return": "\r",
    "RLO bidi override": "\u202e",
    "LRI bidi isolate": "\u2066",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "tag character": "\U000e0041",
    "lone surrogate": "\ud800",
    "private use": "\ue000",
    "unassigned": "\u0378",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
}


def _repeated(key_text: str) -> str:
    return key_text


def json_cases() -> list[Case]:
    """Documents that are not valid aiecosys/1 JSON, each with the error it must get."""
    valid = text()
    first_company = json.dumps(document()["companies"][0])
    cases = [
        json_case(
            "repeated top-level key",
            valid[:-1] + ', "companies": []}',
            "companies: the key is given 2 times",
        ),
        json_case(
            "repeated key in a record",
            valid.replace(first_company, first_company[:-1] + ', "name": "Other"}', 1),
            "companies[0].name: the key is given 2 times",
        ),
        json_case(
            "repeated key in an amount",
            valid.replace('"currency": "EUR"', '"currency": "EUR", "currency": "USD"', 1),
            ".amount.currency: the key is given 2 times",
        ),
        json_case(
            "repeated key in an investment",
            valid.replace('"lead": true', '"lead": true, "lead": false', 1),
            ".lead: the key is given 2 times",
        ),
        json_case(
            "repeated format key",
            valid.replace('"format": "aiecosys/1"', '"format": "aiecosys/1", "format": "x"', 1),
            "format: the key is given 2 times",
        ),
        json_case(
            "key repeated three times",
            '{"format": "aiecosys/1", "claims": [], "claims": [], "claims": []}',
            "claims: the key is given 3 times",
        ),
        json_case(
            "repeated key with control characters",
            '{"format": "aiecosys/1", "\\u001b[2J": 1, "\\u001b[2J": 2}',
            "'\\x1b[2J': the key is given 2 times",
        ),
    ]
    for literal in ("NaN", "Infinity", "-Infinity"):
        cases += [
            json_case(
                f"{literal} as an amount",
                valid.replace('"1000000"', literal, 1),
                f".amount.amount: must be a number or a string of digits (got {literal}",
            ),
            json_case(
                f"{literal} as a name",
                valid.replace('"Acme Caf\\u00e9"', literal, 1),
                f"companies[0].name: must be a string (got {literal}",
            ),
            json_case(
                f"{literal} as the format",
                '{"format": ' + literal + "}",
                f"format: must be 'aiecosys/1' (got {literal}",
            ),
            json_case(
                f"{literal} as a lead flag",
                valid.replace('"lead": true', f'"lead": {literal}', 1),
                f".lead: must be true or false (got {literal}",
            ),
        ]
    cases += [
        json_case(
            "5,000-digit integer amount",
            valid.replace('"1000000"', "9" * 5000, 1),
            ".amount.amount: must be less than 10**20 in size (got 5,000 digits",
        ),
        json_case(
            "5,000-digit integer as a name",
            valid.replace('"Acme Caf\\u00e9"', "9" * 5000, 1),
            "companies[0].name: must be a string (got a number)",
        ),
        json_case(
            "100,000-digit integer at the top",
            '{"format": "aiecosys/1", "version": ' + "7" * 100_000 + "}",
            "version: must be a string (got a number)",
        ),
        json_case(
            "integer amount of 10**30",
            valid.replace('"1000000"', str(10**30), 1),
            ".amount.amount: must be less than 10**20 in size",
        ),
        json_case(
            "decimal literal with 19 places",
            valid.replace('"1000000"', "0.0000000000000000001", 1),
            ".amount.amount: has 19 decimal places; at most 18",
        ),
        json_case(
            "exponent literal 1e999999999",
            valid.replace('"1000000"', "1e999999999", 1),
            ".amount.amount: must be less than 10**20 in size",
        ),
        json_case(
            "5 MB amount string",
            valid.replace('"1000000"', '"' + "9" * 5_000_000 + '"', 1),
            ".amount.amount: '9999",
        ),
        json_case(
            "5 MB unknown key",
            valid[:-1] + ', "' + "k" * 5_000_000 + '": 1}',
            "unknown key",
        ),
        json_case(
            "5 MB name",
            valid.replace('"Acme Caf\\u00e9"', '"' + "n" * 5_000_000 + '"', 1),
            "companies[0].name: a name is 5,000,000 characters; at most 500",
        ),
        json_case(
            "nesting 100,000 deep",
            '{"format": "aiecosys/1", "companies": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "nested more than 100 levels deep at line 1, column",
        ),
        json_case(
            "nesting 100,000 deep on line 3",
            '{\n"format": "aiecosys/1",\n"companies": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "at line 3, column",
        ),
        json_case("truncated", valid[: len(valid) // 2], "not valid JSON"),
        json_case("empty", "", "not valid JSON: Expecting value at line 1, column 1"),
        json_case("invalid UTF-8", b'{"format": "aiecosys/1", "x": "\xff"}', "not UTF-8"),
        json_case("byte-order mark", "\ufeff" + valid, "not valid JSON"),
        json_case("top-level array", "[]", "must hold a JSON object (got an array)"),
        json_case("top-level null", "null", "must hold a JSON object (got null)"),
        json_case("top-level number", "3", "must hold a JSON object (got a number)"),
        json_case("no format", "{}", "format: missing"),
        json_case("other format", '{"format": "aiecosys/2"}', "format: unknown format"),
        field_case("collection is an object", ("companies",), {}, "companies: must be an array"),
        field_case("amount '1_000'", AMOUNT_0, "1_000", "amount.amount: '1_000' is not a number"),
        field_case(
            "full-width digits",
            AMOUNT_0,
            "\uff11\uff12\uff13",
            "amount.amount: '\uff11\uff12\uff13' is not",
        ),
        field_case("Arabic-Indic digits", AMOUNT_0, "\u0661\u0662", "amount.amount: '١٢' is not"),
        field_case("amount 'Infinity'", AMOUNT_0, "Infinity", "amount.amount: 'Infinity' is not"),
        field_case("amount '1e999999999'", AMOUNT_0, "1e999999999", "less than 10**20 in size"),
        field_case("amount ' '", AMOUNT_0, " ", "amount.amount: ' ' is not a number"),
        field_case("currency XAU", CURRENCY_0, "XAU", "'XAU' is an ISO 4217 code but not a"),
        field_case("currency XXX", CURRENCY_0, "XXX", "'XXX' is an ISO 4217 code but not a"),
        field_case("currency usd", CURRENCY_0, "usd", "did you mean 'USD'?"),
        field_case("currency 840", CURRENCY_0, 840, "must be a string (got a number)"),
        json_case(
            "parent cycle",
            edited(
                lambda d: (
                    put(("companies", 0, "parent"), "company:bolt")(d),
                    put(("companies", 1, "parent"), "company:acme")(d),
                )
            ),
            "companies[0].parent: the parents form a cycle: 'company:acme' -> 'company:bolt'",
        ),
        json_case(
            "a claim about itself",
            edited(
                put(
                    ("claims",),
                    [
                        {
                            "id": "claim:k",
                            "subject": "claim:k",
                            "field": "name",
                            "statement": "s",
                            "source": "source:s",
                            "verdict": "unverified",
                        }
                    ],
                )
            ),
            "claims[0].subject: a claim cannot be about itself",
        ),
    ]
    for label, char in BAD_TEXT.items():
        cases += [
            field_case(f"{label} in a name", NAME_0, f"Acme{char}", "companies[0].name: must not"),
            field_case(
                f"{label} in an id", ("investors", 0, "id"), f"x{char}", "investors[0].id: must not"
            ),
        ]
    for label, char in list(BAD_TEXT.items())[:8]:
        cases.append(
            field_case(
                f"{label} in a description",
                ("companies", 0, "description"),
                f"Line{char}",
                "companies[0].description: must not",
            )
        )
    return cases


# Records built in Python ---------------------------------------------------------------------


def model_case(name: str, build: Callable[[], Any], fragment: str) -> Case:
    """A record that must not be built, refused with a DataError holding *fragment*."""
    return Case("model", name, build, DataError, fragment)


def _day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _eur(amount: Any) -> Money:
    return Money(amount=amount, currency="EUR")


def _company(**fields: Any) -> Callable[[], Company]:
    return lambda: Company(**{"id": "c", "name": "C", **fields})


def _chain(length: int) -> Callable[[], Ecosystem]:
    """Companies c0 to c{length-1}, each the parent of the previous, the last of the first."""
    return lambda: Ecosystem(
        companies=[
            Company(id=f"c{i}", name=f"C{i}", parent=f"c{(i + 1) % length}") for i in range(length)
        ]
    )


def model_cases() -> list[Case]:
    """Records that must not be built, each with the error it must get."""
    cases = [
        model_case("id None", _company(id=None), "id: must be a string (got NoneType)"),
        model_case("id with a space", _company(id="a b"), "id: must not contain U+0020"),
        model_case("id with NBSP", _company(id="a\u00a0b"), "white space"),
        model_case("empty id", _company(id=""), "id: an id must not be empty"),
        model_case("id of 201 characters", _company(id="i" * 201), "at most 200"),
        model_case("name of 10**6 characters", _company(name="n" * 10**6), "at most 500"),
        model_case("blank name", _company(name=" \u3000 "), "a name must not be empty"),
        model_case("name with a newline", _company(name="A\nB"), "name: must not contain U+000A"),
        model_case("name of bytes", _company(name=b"C"), "name: must be a string (got bytes)"),
        model_case("alias with LRI", _company(aliases=("ok", "\u2066x")), "aliases[1]: must not"),
        model_case("aliases as a list", _company(aliases=["a"]), "aliases: must be a tuple"),
        model_case("founder id with ZWSP", _company(founders=("p\u200b",)), "founders[0]:"),
        model_case("founder listed twice", _company(founders=("p", "p")), "listed twice"),
        model_case("description with ESC", _company(description="\x1b[31m"), "U+001B"),
        model_case("headquarters with BEL", _company(headquarters="Paris\x07"), "U+0007"),
        model_case("country 'fr'", _company(country="fr"), "'fr' is not an ISO 3166-1"),
        model_case("country 10**5000", _company(country=10**5000), "an integer of about"),
        model_case("own parent", _company(parent="c"), "a company cannot be its own parent"),
        model_case("parent cycle of 2", _chain(2), "'c0' -> 'c1' -> 'c0'"),
        model_case("parent cycle of 5", _chain(5), "'c0' -> 'c1' -> 'c2' -> 'c3' -> 'c4' -> 'c0'"),
        model_case("parent cycle of 300", _chain(300), "-> … (300 companies in all)"),
        model_case(
            "claim about itself",
            lambda: Claim(
                id="k",
                subject="k",
                field="f",
                statement="s",
                source="s",
                verdict=Verdict.UNVERIFIED,
            ),
            "subject: a claim cannot be about itself",
        ),
        model_case(
            "claim statement with RLO",
            lambda: Claim(
                id="k",
                subject="c",
                field="f",
                statement="fine\u202eenif",
                source="s",
                verdict=Verdict.UNVERIFIED,
            ),
            "statement: must not contain U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        model_case(
            "person name with a lone surrogate",
            lambda: Person(id="p", name="\udc00"),
            "name: must not contain U+DC00",
        ),
        model_case(
            "role title with NUL",
            lambda: Role(organisation="c", title="CEO\x00"),
            "title: must not contain U+0000",
        ),
        model_case(
            "source url with a newline",
            lambda: Source(
                id="s", title="T", publisher="P", url="https://x\n", reliability=Reliability.A
            ),
            "url:",
        ),
        model_case(
            "source publisher with BOM",
            lambda: Source(id="s", title="T", publisher="\ufeffP", reliability=Reliability.A),
            "publisher: must not contain U+FEFF",
        ),
        model_case(
            "investment by an empty id",
            lambda: Investment(investor=""),
            "investor: an id must not be empty",
        ),
        model_case(
            "lead given as 'yes'",
            lambda: Investment(investor="i", lead="yes"),
            "lead: must be a bool",
        ),
        model_case(
            "round of 0",
            lambda: Round(
                id="r", company="c", stage=Stage.SEED, announced=_day("2023"), amount=_eur(0)
            ),
            "amount: must be more than 0",
        ),
        model_case(
            "round of 10**15",
            lambda: Round(
                id="r",
                company="c",
                stage=Stage.SEED,
                announced=_day("2023"),
                amount=_eur(10**15),
            ),
            "amount: must be more than 0 and less than 10**15",
        ),
        model_case(
            "post-money valuation below the amount",
            lambda: Round(
                id="r",
                company="c",
                stage=Stage.SEED,
                announced=_day("2023"),
                amount=_eur(10),
                valuation=Valuation(amount=_eur(5), sources=("s",)),
            ),
            "valuation: a post-money valuation (EUR 5) cannot be below",
        ),
        model_case(
            "round note with DEL",
            lambda: Round(
                id="r", company="c", stage=Stage.SEED, announced=_day("2023"), note="x\x7f"
            ),
            "note: must not contain U+007F",
        ),
        model_case(
            "stage given as text",
            lambda: Round(id="r", company="c", stage="seed", announced=_day("2023")),
            "stage: must be a Stage (got str)",
        ),
        model_case(
            "investor person kind without a person",
            lambda: Investor(id="i", name="I", kind=InvestorKind.PERSON),
            "person: an investor of kind 'person' must name the person",
        ),
        model_case(
            "ecosystem version with ESC",
            lambda: Ecosystem(version="1\x1b[2J"),
            "version: must not contain U+001B",
        ),
        model_case(
            "ecosystem companies as a string",
            lambda: Ecosystem(companies="acme"),
            "companies: must be a sequence of Company records",
        ),
        model_case(
            "ecosystem holding an investor among companies",
            lambda: Ecosystem(companies=[Investor(id="i", name="I", kind=InvestorKind.FIRM)]),
            "companies[0]: must be a Company (got Investor)",
        ),
        model_case(
            "partial date 2023-02-30",
            lambda: PartialDate.parse("2023-02-30"),
            "2023-02 has no day 30",
        ),
    ]
    doc = document()
    before = copy.deepcopy(doc)

    def read_twice() -> bool:
        return from_document(doc) == from_document(doc) and doc == before

    cases.append(Case("model", "from_document twice on one dict", read_twice, check=bool))
    cases.append(
        Case(
            "model",
            "from_document leaves its input",
            lambda: (read_twice(), doc == before)[1],
            check=bool,
            wrong="data loss",
        )
    )
    return cases


# Money ---------------------------------------------------------------------------------------


def money_case(name: str, amount: Any, currency: str, fragment: str) -> Case:
    """Money that must not be built, refused with a DataError holding *fragment*."""
    return Case("Money", name, lambda: Money(amount=amount, currency=currency), DataError, fragment)


# Contexts a caller may have set, none of which may change an answer.
HOSTILE = {
    "precision 1": decimal.Context(prec=1),
    "precision 6": decimal.Context(prec=6),
    "every trap set": decimal.Context(traps=list(decimal.Context().flags)),
    "rounding down, precision 3": decimal.Context(prec=3, rounding=decimal.ROUND_DOWN),
    "rounding up, Emax 3": decimal.Context(rounding=decimal.ROUND_UP, Emax=3, traps=[]),
}


def _equals(want: Any) -> Callable[[Any], bool]:
    return lambda got: bool(got == want)


def in_context(context: decimal.Context, compute: Callable[[], Any]) -> Callable[[], Any]:
    """An attempt that runs *compute* in *context* (FX rates looked up afresh)."""

    def attempt() -> Any:
        from aiecosys import _fx

        _fx._rate.cache_clear()
        with decimal.localcontext(context):
            return compute()

    return attempt


def money_cases() -> list[Case]:
    """Amounts and currencies that must be refused, and answers no context may change."""
    cases = [
        money_case("'1e999999999'", "1e999999999", "EUR", "less than 10**20 in size"),
        money_case("'-1e999999999'", "-1e999999999", "EUR", "less than 10**20 in size"),
        money_case("Decimal 1e999999999", Decimal("1e999999999"), "EUR", "less than 10**20"),
        money_case("'0e999999999'", "0e999999999", "EUR", "less than 10**20 in size"),
        money_case("10**5000", 10**5000, "EUR", "got an integer of about 5,000 digits"),
        money_case("-(10**20)", -(10**20), "EUR", "less than 10**20 in size"),
        money_case("'1e20'", "1e20", "EUR", "got 21 digits before the point"),
        money_case("'1e-19'", "1e-19", "EUR", "has 19 decimal places; at most 18"),
        money_case("'1e-999999999'", "1e-999999999", "EUR", "decimal places; at most 18"),
        money_case("'1_000'", "1_000", "EUR", "'1_000' is not a number"),
        money_case("full-width digits", "\uff11\uff12\uff13", "EUR", "is not a number"),
        money_case("Devanagari digits", "\u0967\u0968", "EUR", "is not a number"),
        money_case("'1,000'", "1,000", "EUR", "'1,000' is not a number"),
        money_case("'5 000'", "5 000", "EUR", "is not a number"),
        money_case("'0x10'", "0x10", "EUR", "is not a number"),
        money_case("'1e'", "1e", "EUR", "is not a number"),
        money_case("'--1'", "--1", "EUR", "is not a number"),
        money_case("'NaN'", "NaN", "EUR", "'NaN' is not a number"),
        money_case("'sNaN'", "sNaN", "EUR", "is not a number"),
        money_case("'-Infinity'", "-Infinity", "EUR", "is not a number"),
        money_case("Decimal NaN", Decimal("NaN"), "EUR", "must be a finite number"),
        money_case("Decimal sNaN", Decimal("sNaN"), "EUR", "must be a finite number"),
        money_case("''", "", "EUR", "'' is not a number"),
        money_case("1 MB of digits", "9" * 10**6, "EUR", "(1,000,000 characters)"),
        money_case("float 0.1", 0.1, "EUR", "got float; pass a str"),
        money_case("True", True, "EUR", "got bool"),  # noqa: FBT003 - the bad value tried
        money_case("None", None, "EUR", "got NoneType"),
    ]
    not_currencies = (
        "XXX",
        "XTS",
        "XAU",
        "XAG",
        "XPT",
        "XPD",
        "XDR",
        "XBA",
        "XBD",
        "XSU",
        "XUA",
        "BOV",
        "CHE",
        "CLF",
        "USN",
        "UYI",
    )
    cases += [money_case(f"currency {c}", 1, c, "ISO 4217 code but not a") for c in not_currencies]
    cases += [
        money_case("currency 'usd'", 1, "usd", "did you mean 'USD'?"),
        money_case("currency 'EURO'", 1, "EURO", "'EURO' is not an ISO 4217 code"),
        money_case("currency ''", 1, "", "'' is not an ISO 4217 code"),
        money_case("currency 840", 1, 840, "currency: must be a string (got int)"),
        Case(
            "Money",
            "convert to XAU",
            lambda: convert(_eur(1), "XAU", on="2023-06-13"),
            ConversionError,
            "currency 'XAU' is an ISO 4217 code but not a currency",
        ),
        Case(
            "Money",
            "convert a Decimal",
            lambda: convert(Decimal(1), "USD", on="2023-06-13"),
            ConversionError,
            "can only convert Money",
        ),
    ]
    eco = small()
    expected = {
        "sum": "EUR 1,234,567.90",
        "conversion": str(convert(_eur("1234567.89"), "USD", on="2023-06-13").converted),
        "total": str(eco.total_raised("company:acme", currency="GBP")),
        "comparison": True,
        "negation": "EUR -1,234,567.89",
        "summary": [str(t.known) for t in eco.summary(currency="JPY").raised_most],
        "hard sum": "EUR 99999999999999999999.999999999999999998",
    }
    big = Money(amount="99999999999999999999.999999999999999999", currency="EUR")
    tiny = Money(amount="-0.000000000000000001", currency="EUR")
    computations: dict[str, Callable[[], Any]] = {
        "sum": lambda: str(_eur("1234567.89") + _eur("0.01")),
        "conversion": lambda: str(convert(_eur("1234567.89"), "USD", on="2023-06-13").converted),
        "total": lambda: str(eco.total_raised("company:acme", currency="GBP")),
        "comparison": lambda: _eur("1234567.89") < _eur("1234567.90"),
        "negation": lambda: str(-_eur("1234567.89")),
        "summary": lambda: [str(t.known) for t in eco.summary(currency="JPY").raised_most],
        "hard sum": lambda: "EUR " + str((big + tiny).amount),
    }
    for label, context in HOSTILE.items():
        for what, compute in computations.items():
            want = expected[what]
            cases.append(
                Case(
                    "Money",
                    f"{what} in a caller's context of {label}",
                    in_context(context, compute),
                    check=_equals(want),
                )
            )
    return cases


# Queries -------------------------------------------------------------------------------------


ACME = small().company("company:acme")
ALPHA = small().investor("investor:alpha")
T, V, N, C = ArgumentTypeError, InvalidArgument, NotFound, ConversionError

# (query, positional arguments, keyword arguments, error, fragment of its message). A query
# named "aiecosys.x" is the module-level shortcut over the bundled data; others are methods of
# the small test ecosystem.
ATTACKS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[AiecosysError], str]] = [
    ("company", (None,), {}, T, "company: must be a Company or its id or name (got NoneType)"),
    ("company", (7,), {}, T, "(got int)"),
    ("company", (ALPHA,), {}, T, "(got Investor)"),
    ("company", ("Acme Cafx",), {}, N, "did you mean 'Acme Café'?"),
    ("company", ("x" * 10**7,), {}, N, "(10,000,000 characters)"),
    ("company", ("\x1b[2J",), {}, N, "no company '\\x1b[2J'"),
    ("investor", (123,), {}, T, "investor: must be an Investor"),
    ("investor", (b"alpha",), {}, T, "(got bytes)"),
    ("investor", ("Alpha Capitl",), {}, N, "did you mean 'Alpha Capital'?"),
    ("person", ([],), {}, T, "person: must be a Person"),
    ("person", ("nobody",), {}, N, "no person 'nobody'"),
    ("round", (None,), {}, T, "round: must be a Round"),
    ("round", (ACME,), {}, T, "(got Company)"),
    ("round", ("round:acme-sed",), {}, N, "did you mean 'round:acme-seed'"),
    ("source", (5,), {}, T, "source: must be a Source"),
    ("claim", (1.5,), {}, T, "claim: must be a Claim"),
    ("record", (None,), {}, T, "record_id: must be a string"),
    ("record", (("a",),), {}, T, "(got tuple)"),
    ("record", ("company:acm",), {}, N, "did you mean 'company:acme'"),
    ("rounds_of", (None,), {}, T, "company: must be"),
    ("rounds_of", (ACME,), {"as_of": 5}, T, "as_of: must be a PartialDate"),
    ("rounds_of", (ACME,), {"as_of": "2023-13"}, V, "as_of: must be a month from 1 to 12"),
    ("rounds_of", (ACME,), {"as_of": "soon"}, V, "as_of: 'soon' is not a date"),
    ("rounds_of", (ACME,), {"as_of": "x" * 10**6}, V, "as_of:"),
    ("funding_breakdown", (ACME,), {"currency": "EURO"}, V, "'EURO' is not an ISO 4217 code"),
    ("funding_breakdown", (ACME,), {"currency": None}, T, "currency: must be a currency code"),
    ("funding_breakdown", (ACME,), {"as_of": []}, T, "as_of:"),
    ("total_raised", (ACME,), {"currency": "usd"}, V, "did you mean 'USD'?"),
    ("total_raised", (ACME,), {"currency": "XAU"}, V, "not a currency (a precious metal)"),
    ("total_raised", (ACME,), {"currency": "BTC"}, V, "'BTC' is not an ISO 4217 code"),
    ("total_raised", (ACME,), {"currency": "AFN"}, C, "no reference rate for AFN"),
    ("total_raised", (ALPHA,), {}, T, "(got Investor)"),
    ("funding_by", ("month",), {}, V, "key: must be one of year, quarter"),
    ("funding_by", (None,), {}, V, "(got None)"),
    ("investors_in", (ACME,), {"lead_only": "yes"}, T, "lead_only: must be True or False"),
    ("investors_in", (ACME,), {"lead_only": None}, T, "lead_only:"),
    ("investors_in", (ACME,), {"lead_only": 1}, T, "lead_only:"),
    ("portfolio", (None,), {}, T, "investor: must be an Investor"),
    ("portfolio", (ACME,), {}, T, "(got Company)"),
    ("co_investors", (1.5,), {}, T, "investor:"),
    ("co_investors", ("Gama",), {}, N, "did you mean 'Gamma'?"),
    ("find_rounds", (), {"stage": "bogus"}, V, "stage: 'bogus' is not one of"),
    ("find_rounds", (), {"stage": "Series A"}, V, "did you mean 'series_a'"),
    ("find_rounds", (), {"stage": 3}, T, "stage: must be a Stage"),
    ("find_rounds", (), {"stage": Verdict.SUPPORTED}, T, "(got Verdict)"),
    ("find_rounds", (), {"company": 5}, T, "company:"),
    ("find_rounds", (), {"investor": 5}, T, "investor:"),
    ("find_rounds", (), {"since": []}, T, "since: must be"),
    ("find_rounds", (), {"until": "x"}, V, "until: 'x' is not a date"),
    ("find_rounds", (), {"since": 2023}, T, "since:"),
    ("claims_about", (5,), {}, T, "entity: must be a record"),
    ("claims_about", (None,), {}, T, "entity:"),
    ("claims_about", ("nobody",), {}, N, "no record 'nobody'"),
    ("claims_about", (ACME,), {"verdict": "maybe"}, V, "verdict: 'maybe' is not one of"),
    ("summary", (), {"top": -1}, V, "top: must be 0 or more"),
    ("summary", (), {"top": "3"}, T, "top: must be an int"),
    ("summary", (), {"top": True}, T, "(got bool)"),
    ("summary", (), {"top": 2.5}, T, "(got float)"),
    ("summary", (), {"currency": "eur"}, V, "did you mean 'EUR'?"),
    ("summary", (), {"currency": 978}, T, "currency:"),
    ("find_claims", (), {"verdict": "true"}, V, "verdict:"),
    ("find_claims", (), {"verdict": 1}, T, "verdict: must be a Verdict"),
    ("find_claims", (), {"verdict": "Supported"}, V, "did you mean 'supported'"),
    ("portfolio", ("investor:alpha",), {"as_of": 5}, T, "as_of: must be a PartialDate"),
    ("co_investors", ("investor:alpha",), {"as_of": "x"}, V, "as_of: 'x' is not a date"),
    ("investors_in", (ACME,), {"as_of": []}, T, "as_of:"),
    ("summary", (), {"as_of": 5}, T, "as_of:"),
    ("total_raised", (ACME,), {"strict": "yes"}, T, "strict: must be True or False"),
    ("roles_of", (None,), {}, T, "person: must be a Person"),
    ("roles_of", ("nobody",), {"as_of": 5}, T, "as_of:"),
    ("merge", (5,), {}, T, "other: must be an Ecosystem (got int)"),
    ("merge", (Ecosystem(),), {"conflicts": "bogus"}, V, "conflicts: 'bogus' is not one of"),
    ("merge", (Ecosystem(),), {"conflicts": 5}, T, "conflicts: must be a Conflicts"),
    ("with_records", (5,), {}, DataError, "must be a record"),
    ("with_records", (), {"replace": "yes"}, T, "replace: must be True or False"),
    ("subset", (), {"countries": "fr"}, V, "countries: 'fr' is not an ISO 3166-1"),
    ("subset", (), {"countries": 33}, T, "countries: must be one value or an iterable"),
    ("subset", (), {"stages": "bogus"}, V, "stages: 'bogus' is not one of"),
    ("subset", (), {"stages": ["seed", "seeed"]}, V, "did you mean 'seed'"),
    ("subset", (), {"kinds": 5}, T, "kinds: must be one value or an iterable"),
    ("subset", (), {"companies": 5}, T, "companies: must be one value or an iterable"),
    ("subset", (), {"companies": ["Acme", None]}, T, "company: must be a Company"),
    ("subset", (), {"investors": "Nobody"}, N, "no investor 'Nobody'"),
    ("subset", (), {"since": 5}, T, "since:"),
    ("subset", (), {"until": "x"}, V, "until:"),
    ("citations", (None,), {}, T, "source: must be a Source"),
    ("citations", ("source:nope",), {}, N, "no source 'source:nope'"),
    ("find_records", ("firms",), {}, DataError, "kind: must be one of"),
    ("find_records", (None,), {}, DataError, "kind: must be one of"),
    ("investor_profile", (None,), {}, T, "investor: must be an Investor"),
    ("investor_profile", ("investor:alpha",), {"as_of": 5}, T, "as_of:"),
    ("label", (None,), {}, T, "record: must be a record or its id"),
    ("label", (5,), {}, T, "(got int)"),
    ("label", ("nobody",), {}, N, "no record 'nobody'"),
    ("person_profile", (5,), {}, T, "person: must be a Person"),
    ("priced_rounds", (), {"currency": "usd"}, V, "did you mean 'USD'?"),
    ("priced_rounds", (), {"stage": "seeed"}, V, "did you mean 'seed'"),
    ("priced_rounds", (), {"company": 5}, T, "company:"),
    ("priced_rounds", (), {"since": 5}, T, "since:"),
    ("profile", (None,), {}, T, "company: must be a Company"),
    ("profile", (ACME,), {"currency": "XAU"}, V, "not a currency"),
    ("profile", (ACME,), {"as_of": "soon"}, V, "as_of: 'soon' is not a date"),
    ("aiecosys.roles_of", (None,), {}, T, "person:"),
    ("aiecosys.loads", (5,), {}, T, "text: must be str or bytes"),
    ("aiecosys.load", (5,), {}, T, "path: must be a str or a path"),
    ("aiecosys.company", (None,), {}, T, "company:"),
    ("aiecosys.company", ("Mistal AI",), {}, N, "did you mean 'Mistral AI'?"),
    ("aiecosys.investor", (123,), {}, T, "investor:"),
    ("aiecosys.person", (0,), {}, T, "person:"),
    ("aiecosys.rounds_of", ("mistral",), {"as_of": 1}, T, "as_of:"),
    ("aiecosys.total_raised", ("mistral",), {"currency": "XTS"}, V, "reserved for testing"),
    ("aiecosys.funding_breakdown", (None,), {}, T, "company:"),
    ("aiecosys.investors_in", ("mistral",), {"lead_only": "no"}, T, "lead_only:"),
    ("aiecosys.portfolio", (None,), {}, T, "investor:"),
    ("aiecosys.co_investors", ([],), {}, T, "investor:"),
    ("aiecosys.claims_about", (5,), {}, T, "entity:"),
    ("aiecosys.summary", (), {"top": -1}, V, "top:"),
    ("aiecosys.convert", (Money(amount=1, currency="EUR"), "usd"), {"on": "2023-06-13"}, C, "USD"),
    ("aiecosys.convert", (Money(amount=1, currency="EUR"), "USD"), {"on": 5}, DataError, "date"),
]


def _call(query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
    def attempt() -> Any:
        if query.startswith("aiecosys."):
            function = getattr(aiecosys, query.removeprefix("aiecosys."))
        else:
            function = getattr(small(), query)
        return function(*args, **kwargs)

    return attempt


def _shown(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    def short(value: Any) -> str:
        text = repr(value)
        return text if len(text) <= 30 else f"{text[:30]}…"

    return ", ".join([*map(short, args), *(f"{k}={short(v)}" for k, v in kwargs.items())])


def query_cases() -> list[Case]:
    """Every public query of Ecosystem and every module-level shortcut, given bad arguments."""
    return [
        Case("queries", f"{query}({_shown(args, kwargs)})", _call(query, args, kwargs), error, part)
        for query, args, kwargs, error, part in ATTACKS
    ]


QUERIED = frozenset(query for query, *_ in ATTACKS if not query.startswith("aiecosys."))
"""The public queries of Ecosystem that query_cases() attacks (a test keeps it complete)."""


# Concurrency ---------------------------------------------------------------------------------


def crowd(investors: int = 600, rounds: int = 1_500) -> Ecosystem:
    """An ecosystem with many investors (more than the query caches keep), sharing rounds."""
    companies = [Company(id=f"c{i}", name=f"Company {i}") for i in range(investors // 3)]
    firms = [
        Investor(id=f"i{i}", name=f"Firm {i}", kind=InvestorKind.FIRM) for i in range(investors)
    ]
    made = []
    for r in range(rounds):
        members = sorted({(r * 7 + k * 13) % investors for k in range(1 + r % 5)})
        made.append(
            Round(
                id=f"r{r}",
                company=f"c{r % len(companies)}",
                stage=Stage.SEED,
                announced=PartialDate(year=2000 + r % 20),
                amount=Money(amount=1 + r, currency="EUR"),
                investments=tuple(Investment(investor=f"i{m}") for m in members),
            )
        )
    return Ecosystem(companies=companies, investors=firms, rounds=made)


def hammer(eco_factory: Callable[[], Ecosystem], threads: int = 16, asks: int = 3_000) -> bool:
    """Ask portfolio() and co_investors() of every investor from many threads at once.

    Returns whether every thread got what one thread alone gets (an error in a thread is
    raised again here).
    """
    reference_eco = eco_factory()
    ids = [i.id for i in reference_eco.investors]
    expected = {i: (reference_eco.portfolio(i), reference_eco.co_investors(i)) for i in ids}
    shared = eco_factory()
    errors: list[BaseException] = []
    mismatches: list[str] = []
    start = threading.Barrier(threads)

    # Just more investors than the caches keep, asked at random: most asks hit the cache while
    # others evict from it, the moment a racy cache fails.
    window = ids[: min(len(ids), 300)]

    def work(offset: int) -> None:
        rnd = random.Random(offset)  # noqa: S311 - a reproducible order, not a secret
        try:
            start.wait()
            for _ in range(asks):
                investor_id = rnd.choice(window)
                got = (shared.portfolio(investor_id), shared.co_investors(investor_id))
                if got != expected[investor_id]:
                    mismatches.append(investor_id)
        except BaseException as error:  # noqa: BLE001 - carried to the main thread
            errors.append(error)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show up
    try:
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    finally:
        sys.setswitchinterval(interval)
    if errors:
        raise errors[0]
    return not mismatches


class _Meddling(OrderedDict[str, Any]):
    """A cache that lets other threads run between a look at it and what follows."""

    def __contains__(self, key: object) -> bool:
        found = super().__contains__(key)
        time.sleep(0.0002)  # a thread switch here is what a racy cache cannot survive
        return found


def meddled(eco: Ecosystem) -> Ecosystem:
    """*eco* with query caches that force thread switches at their most delicate moment."""
    caches = eco._index.caches
    assert isinstance(caches, dict)
    caches["portfolio"] = _Meddling()
    caches["co_investors"] = _Meddling()
    return eco


def same_answers_in_hostile_threads(threads: int = 8) -> bool:
    """Totals computed in threads with different decimal contexts all agree."""
    eco = small()
    want = str(eco.total_raised("company:acme", currency="CHF"))
    answers: list[str] = []
    contexts = list(HOSTILE.values())

    def work(n: int) -> None:
        decimal.setcontext(contexts[n % len(contexts)].copy())
        answers.extend(str(eco.total_raised("company:acme", currency="CHF")) for _ in range(20))

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return len(answers) == threads * 20 and set(answers) == {want}


def loads_in_threads(threads: int = 8) -> bool:
    """One document read by many threads at once gives equal ecosystems."""
    source = text()
    results: list[Ecosystem] = []

    def work() -> None:
        results.append(aiecosys.loads(source))

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return len(results) == threads and all(r == results[0] for r in results)


def concurrency_cases() -> list[Case]:
    """Many threads at once: the answers are those of one thread alone."""
    return [
        Case(
            "concurrency",
            "600 investors x 16 threads, 3 times",
            lambda: all(hammer(crowd, asks=1_500) for _ in range(3)),
            check=bool,
        ),
        Case(
            "concurrency",
            "600 investors x 16 threads, forced thread switches",
            lambda: hammer(lambda: meddled(crowd()), asks=300),
            check=bool,
        ),
        Case(
            "concurrency",
            "400 investors x 32 threads",
            lambda: hammer(lambda: crowd(400, 1_000), threads=32, asks=500),
            check=bool,
        ),
        Case(
            "concurrency",
            "hostile contexts per thread",
            same_answers_in_hostile_threads,
            check=bool,
        ),
        Case("concurrency", "loads() in 8 threads", loads_in_threads, check=bool),
    ]


# Round trips ---------------------------------------------------------------------------------


def hard_ecosystem() -> Ecosystem:
    """Valid records at the edges: amounts of 18 places near their bounds, odd text and dates.

    The name holds a character of every category the name rule allows.
    """
    from aiecosys._checks import NAME

    samples = {
        "Lu": "Ä",
        "Ll": "ß",
        "Lt": "ǅ",
        "Lm": "ʰ",
        "Lo": "智",
        "Mn": "\u0301",
        "Mc": "\u0903",
        "Me": "\u20dd",
        "Nd": "٣",
        "Nl": "Ⅻ",
        "No": "½",
        "Pc": "_",
        "Pd": "—",
        "Ps": "「",
        "Pe": "」",
        "Pi": "«",
        "Pf": "»",
        "Po": "¡",
        "Sm": "∑",
        "Sc": "€",
        "Sk": "^",
        "So": "🦜",
        "Zs": "\u3000",
    }
    assert set(samples) == NAME.categories
    name = "A" + "".join(samples.values()) + "Z"
    return Ecosystem(
        companies=[
            Company(
                id="company:智-Ä½",
                name=name,
                aliases=("\u00a0x\u00a0",),
                description="line one\n\tline two",
                founded=PartialDate(year=1999),
            )
        ],
        investors=[Investor(id="investor:i", name="I", kind=InvestorKind.FIRM)],
        rounds=[
            Round(
                id="round:max",
                company="company:智-Ä½",
                stage=Stage.SEED,
                announced=PartialDate(year=2023, month=6),
                amount=Money(amount="999999999999999.999999999999999999", currency="JPY"),
                investments=(
                    Investment(
                        investor="investor:i",
                        lead=True,
                        amount=Money(amount="0.000000000000000001", currency="JPY"),
                    ),
                ),
            ),
            Round(
                id="round:exp",
                company="company:智-Ä½",
                stage=Stage.SERIES_A,
                announced=PartialDate(year=2024, month=2, day=29),
                amount=Money(amount=Decimal("1.50E+3"), currency="EUR"),
            ),
        ],
    )


def round_trips_exactly() -> bool:
    """dumps() then loads() gives an equal ecosystem, every amount written the same way."""
    eco = hard_ecosystem()
    back = aiecosys.loads(aiecosys.dumps(eco))
    amounts = [r.amount.amount.as_tuple() for r in eco.rounds if r.amount]
    back_amounts = [r.amount.amount.as_tuple() for r in back.rounds if r.amount]
    return (
        back == eco and amounts == back_amounts and back.companies[0].name == eco.companies[0].name
    )


def round_trip_cases() -> list[Case]:
    """Valid but hard data survives writing and reading, exactly."""
    return [
        Case(
            "data loss",
            "hard values round-trip through JSON",
            round_trips_exactly,
            check=bool,
            wrong="data loss",
        ),
        Case(
            "data loss",
            "an 18-place total is exact",
            lambda: str(
                hard_ecosystem().total_raised("company:智-Ä½", currency="JPY", as_of="2023").known
            ),
            check=lambda got: got == "JPY 999,999,999,999,999.999999999999999999",
            wrong="data loss",
        ),
    ]


def all_cases() -> list[Case]:
    """Every case of every family."""
    return [
        *json_cases(),
        *model_cases(),
        *money_cases(),
        *query_cases(),
        *concurrency_cases(),
        *round_trip_cases(),
    ]


OUTCOMES = ("clean", "unclear", "escape", "hang", "silent", "data loss")


def audit(cases: list[Case]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Judge every case: the outcomes counted per family, and a line per case not clean."""
    table: dict[str, dict[str, int]] = {}
    failures: list[str] = []
    for case in cases:
        outcome, detail = judge(case)
        table.setdefault(case.family, dict.fromkeys(OUTCOMES, 0))[outcome] += 1
        if outcome != "clean":
            failures.append(f"{case.family}: {case.name}: {outcome}: {detail}")
    return table, failures


def main() -> None:
    """Print every case that is not clean, then the audit table."""
    table, failures = audit(all_cases())
    rows = [*table.items(), ("all", {o: sum(r[o] for r in table.values()) for o in OUTCOMES})]
    lines = [
        *failures,
        "| family | cases | " + " | ".join(OUTCOMES) + " |",
        "|---" * (len(OUTCOMES) + 2) + "|",
        *(
            f"| {family} | {sum(row.values())} | "
            + " | ".join(str(row[o]) for o in OUTCOMES)
            + " |"
            for family, row in rows
        ),
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
