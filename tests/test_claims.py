"""Claims about a record: by record, id or name; a company's include its rounds'."""

import pytest

from aiecosys import Claim, NotFound, Verdict
from aiecosys._claims import claims_about, with_verdict


def test_with_verdict_filters_and_sorts_by_id():
    """Only the claims with the verdict, by id."""
    claims = [
        Claim(id=f"claim:{n}", subject="company:x", field="name", statement="s",
              source="source:s", verdict=v, evidence=("source:e",), explanation="why")
        for n, v in (("b", Verdict.UNVERIFIED), ("a", Verdict.UNVERIFIED),
                     ("c", Verdict.CONTRADICTED))
    ]  # fmt: skip
    assert [c.id for c in with_verdict(claims, "unverified")] == ["claim:a", "claim:b"]
    assert [c.id for c in with_verdict(claims, None)] == ["claim:a", "claim:b", "claim:c"]


def test_claims_about_a_company_include_its_rounds_and_unknown_names_are_not_found():
    """The bundled claims about Mistral AI cover its rounds; a bad name suggests close ones."""
    import aiecosys

    eco = aiecosys.load()
    index = eco._index  # the ecosystem's own index
    about = claims_about(index, "Mistral AI", None)
    assert {c.subject for c in about} <= {"company:mistral-ai"} | {
        r.id for r in eco.rounds_of("Mistral AI")
    }
    assert about == eco.claims_about("company:mistral-ai")
    with pytest.raises(NotFound) as caught:
        claims_about(index, "Mistrall AI", None)
    assert "Mistral AI" in caught.value.suggestions
