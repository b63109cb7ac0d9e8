"""Every calculator and every constant: invariants checked in one loop."""

import dataclasses
import importlib
import inspect
import pkgutil

import sjsref.clinical
from sjsref.clinical import abcd10, citations, classification, registry, scorten, scorten_mortality
from sjsref.clinical.citations import Source
from sjsref.clinical.numbers import format_number
from sjsref.clinical.rules import Op, Threshold
from sjsref.clinical.scoring import NumericCriterion

_KEYS = {v for k, v in vars(citations).items() if k.isupper() and isinstance(v, str)}


def test_calculator_ids_are_unique_and_known() -> None:
    ids = [c.id for c in registry.CALCULATORS]
    assert len(ids) == len(set(ids)) == 5
    assert registry.CALCULATOR_IDS == {"scorten", "abcd10", "bsa", "classify", "alden"}
    assert registry.calculator("scorten").name == "SCORTEN"


def test_unknown_calculator_is_a_key_error() -> None:
    try:
        registry.calculator("apache")
    except KeyError:
        return
    raise AssertionError("expected KeyError")


def test_every_calculator_cites_known_sources_and_lists_criteria() -> None:
    for calc in registry.CALCULATORS:
        assert calc.criteria and calc.purpose
        assert set(calc.citation_keys) <= _KEYS


def _thresholds() -> list[Threshold]:
    found = []
    for module in (scorten, abcd10, classification):
        found += [v for _, v in inspect.getmembers(module) if isinstance(v, Threshold)]
    return found


def test_every_threshold_is_cited_with_a_locator() -> None:
    thresholds = _thresholds()
    assert len(thresholds) >= 12
    for t in thresholds:
        assert isinstance(t.source, Source)
        assert t.source.key in _KEYS and t.source.locator


def _sources_in(value: object, seen: set[int]) -> list[Source]:
    """Every Source a constant carries: itself, its dataclass fields, its items."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, Source):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = [getattr(value, f.name) for f in dataclasses.fields(value)]
        return [s for v in inner for s in _sources_in(v, seen)]
    if isinstance(value, tuple | list):
        return [s for v in value for s in _sources_in(v, seen)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _sources_in(v, seen)]
    return []


def _clinical_constants() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.iter_modules(sjsref.clinical.__path__):
        module = importlib.import_module(f"sjsref.clinical.{info.name}")
        found += [(f"{info.name}.{n}", v) for n, v in vars(module).items() if n.isupper()]
    return found


def test_every_constant_that_carries_a_source_cites_a_known_key_with_a_locator() -> None:
    # Thresholds, criteria, populations, observed bands, formula sources: every one.
    cited = [
        (name, source)
        for name, value in _clinical_constants()
        for source in _sources_in(value, set())
    ]
    assert len({name for name, _ in cited}) >= 25
    for name, source in cited:
        assert source.key in _KEYS, name
        assert source.locator.strip(), name


def test_criterion_labels_are_generated_from_their_rules() -> None:
    scorten_labels = registry.calculator("scorten").criteria
    for criterion in scorten.CRITERIA:
        if isinstance(criterion, NumericCriterion):
            assert f"{criterion.name} {criterion.threshold.label()}" in scorten_labels


def test_scorten_bands_cover_every_score_and_never_fall() -> None:
    bands = scorten_mortality.OBSERVED_BANDS
    covered = [s for band in bands for s in range(band.low, band.high + 1)]
    assert covered == list(range(scorten.MAX_SCORE + 1))
    values = [band.percent for band in bands]
    assert values == sorted(values)
    model = [scorten_mortality.model_mortality_percent(s) for s in range(8)]
    assert model == sorted(model)


def test_near_equal_values_count_as_on_the_threshold() -> None:
    # BUN 28.014 mg/dL converts to 10.000000000000002 mmol/L: still "not above 10".
    assert Op.GT.holds(10.000000000000002, 10) is False
    assert Op.GE.holds(9.999999999999998, 10) is True
    assert Op.LE.holds(10, 10) is True
    assert Op.LT.holds(10, 10) is False


def test_numbers_are_written_as_a_clinician_writes_them() -> None:
    assert format_number(28.014) == "28"
    assert format_number(252.2) == "252.2"
    assert format_number(-0.01) == "0"
    assert format_number(6.0, 2) == "6"
