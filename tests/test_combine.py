"""Combining ecosystems: merge, with_records, and what happens on conflicts."""

import attrs
import pytest
from hypothesis import given

import aiecosys
from aiecosys import (
    Company,
    Conflicts,
    DataError,
    Ecosystem,
    InvalidArgument,
    Round,
    Stage,
    strategies,
)
from aiecosys._model import COLLECTIONS
from tests.helpers import day, small, usd


def _acme_renamed() -> Ecosystem:
    return Ecosystem(companies=(Company(id="company:acme", name="Acme Corp", founded=day("2018")),))


def test_merging_an_ecosystem_with_itself_changes_nothing():
    """Equal records under the same id are one record."""
    eco = small()
    assert eco.merge(eco) == eco


def test_different_records_under_one_id_are_listed_with_the_fields_that_differ():
    """The DataError names the collection, the id and each differing field."""
    with pytest.raises(DataError) as caught:
        small().merge(_acme_renamed())
    (problem,) = caught.value.problems
    assert problem.path == "companies[id='company:acme']"
    assert "'name'" in problem.message
    assert "'aliases'" in problem.message
    assert "'founded'" in problem.message


def test_keep_and_replace_choose_a_side():
    """conflicts='keep' keeps the first ecosystem's record, 'replace' takes the other's."""
    assert small().merge(_acme_renamed(), conflicts="keep").company("acme").name == "Acme Café"
    replaced = small().merge(_acme_renamed(), conflicts=Conflicts.REPLACE)
    assert replaced.company("Acme Corp").founded == day("2018")


def test_an_unknown_policy_is_a_clear_error():
    """A misspelled policy names the allowed values."""
    with pytest.raises(
        InvalidArgument, match="conflicts: 'ignore' is not one of 'error', 'keep', 'replace'"
    ):
        small().merge(small(), conflicts="ignore")


def test_a_merge_that_leaves_a_reference_dangling_is_refused():
    """Merged records are checked like any ecosystem."""
    orphan = Round(id="round:x", company="company:x", stage=Stage.SEED, announced=day("2024"))
    with pytest.raises(DataError, match="unknown company 'company:x'"):
        small().with_records(orphan)


def test_with_records_adds_a_company_and_its_round_in_one_call():
    """Records given together may refer to each other."""
    company = Company(id="company:new", name="New AI")
    seed = Round(
        id="round:new-seed",
        company="company:new",
        stage=Stage.SEED,
        announced=day("2025-02"),
        amount=usd(1_000_000),
    )
    eco = small().with_records(seed, company)
    assert eco.total_raised("New AI").known == usd(1_000_000)


def test_with_records_refuses_a_taken_id_unless_replace_is_given():
    """Replacing a record is explicit."""
    renamed = attrs.evolve(small().company("acme"), name="Acme Labs")
    with pytest.raises(DataError, match="differs in 'name'"):
        small().with_records(renamed)
    assert small().with_records(renamed, replace=True).company("Acme Labs").id == "company:acme"


def test_something_that_is_not_a_record_is_a_clear_error():
    """A string given as a record is refused with what was expected."""
    with pytest.raises(DataError, match="must be a record"):
        small().with_records("company:acme")  # type: ignore[arg-type]


def test_the_version_is_kept_only_where_both_share_it():
    """A merge of the bundled data with a user's file is no longer that data version."""
    bundled = aiecosys.load()
    assert bundled.merge(bundled).version == aiecosys.DATA_VERSION
    assert bundled.merge(small()).version is None
    assert bundled.with_records().version == aiecosys.DATA_VERSION


@given(strategies.ecosystems(max_rounds=4), strategies.ecosystems(max_rounds=4))
def test_a_merge_holds_every_id_of_both_and_the_chosen_side_wins(first, second):
    """With 'replace' every record of the second is kept, with 'keep' every one of the first."""
    replaced = first.merge(second, conflicts="replace")
    kept = first.merge(second, conflicts="keep")
    for name, _ in COLLECTIONS:
        union = {r.id for r in getattr(first, name)} | {r.id for r in getattr(second, name)}
        assert {r.id for r in getattr(replaced, name)} == union
        assert {r.id for r in getattr(kept, name)} == union
        assert set(getattr(second, name)) <= set(getattr(replaced, name))
        assert set(getattr(first, name)) <= set(getattr(kept, name))
