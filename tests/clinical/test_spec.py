"""The calculator specs: every input declared once, and each spec really runs its calculator."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import BaseModel

from sjsref.clinical import registry
from sjsref.clinical.bsa import BsaResult
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.spec import Kind


@pytest.mark.parametrize("spec", registry.SPECS, ids=lambda s: s.id)
def test_every_input_has_one_name_flag_and_alt_letter_of_its_own(spec) -> None:
    names = [i.name for i in spec.inputs]
    flags = [i.flag for i in spec.inputs] + [i.off_flag for i in spec.inputs if i.off_flag]
    assert len(names) == len(set(names)) and len(flags) == len(set(flags))
    assert all(f.startswith("--") for f in flags)
    letters = [i.mnemonic.lower() for i in spec.inputs if i.mnemonic]
    assert len(letters) == len(set(letters)), letters  # no two Alt+letters alike
    for i in spec.inputs:
        assert not i.mnemonic or i.mnemonic.lower() in (i.question or i.label).lower()
        assert spec.input(i.name) is i
        assert spec.field_labels()[i.name] == i.label
        assert spec.flags()[i.name] == i.flag
        if i.kind is Kind.LAB:
            assert spec.flags()[f"{i.name}_unit"] == f"{i.flag}-unit"
            assert i.lab is not None and i.choices


@pytest.mark.parametrize("spec", registry.SPECS, ids=lambda s: s.id)
def test_every_criterion_is_answered_by_one_input(spec) -> None:
    answered = [i.criterion for i in spec.inputs if i.criterion]
    assert sorted(answered) == sorted(c.id for c in spec.criteria)
    for i in spec.inputs:
        rule = spec.rule(i)
        numeric = i.criterion and i.kind in (Kind.NUMBER, Kind.LAB)
        assert (rule is not None) == bool(numeric)


def test_the_registry_dispatches_by_id() -> None:
    assert registry.spec("scorten") is registry.SCORTEN
    assert registry.calculator("bsa") is registry.BSA.info
    with pytest.raises(KeyError):
        registry.spec("apache")


@pytest.mark.parametrize(
    ("values", "detached"),
    [
        ({"count": 10, "sex": "male"}, 8.0),  # the palm method: 10 x 0.8 %
        ({"age_years": 30, "regions": [("head", 100)], "erythema": [("neck", 50)]}, 7.0),
        ({"method": "rule-of-nines", "regions": [("head-neck", 100)]}, 9.0),
    ],
)
def test_the_bsa_spec_runs_the_method_its_inputs_name(values, detached) -> None:
    result = registry.BSA.run(values)
    assert isinstance(result, BsaResult) and result.detached_bsa_percent == detached


def test_the_score_specs_run_their_models() -> None:
    scorten = registry.SCORTEN.run({"age_years": 45, "day": 3})
    assert isinstance(scorten, ScoreResult) and scorten.day == 3
    abcd = registry.ABCD10.run({"active_cancer": True})
    assert isinstance(abcd, ScoreResult) and abcd.criteria[2].met


def test_a_chart_note_is_only_for_a_calculator_result() -> None:
    class Other(BaseModel):
        x: int = 1

    with pytest.raises(TypeError, match="no chart note for a Other"):
        chart_note(Other(), datetime(2026, 1, 1))
