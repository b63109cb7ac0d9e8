"""``sjsref --self-test``: load, index, compute, render; non-zero on any fault.

The packaging tests run it from the installed bundle, so it checks what a
broken install would break: the resources, the index, each calculator on a
known case (through its widgets), and every page drawn offscreen.
"""

from __future__ import annotations

import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from sjsref.ui.navigation import REFERENCES

READY_TIMEOUT_S = 60


class SelfTestFailure(Exception):
    """One check failed; the message says which and why."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailure(what)


def _content_checks(say: Callable[[str], None]) -> None:
    from sjsref.content.integrity import IntegrityStatus, check_integrity
    from sjsref.content.paths import resources_dir

    root = resources_dir()
    say(f"ok: resources found at {root}")
    report = check_integrity(root)
    _check(
        report.status is not IntegrityStatus.MODIFIED,
        report.summary() + " " + "; ".join(report.problems),
    )
    say(f"ok: {report.summary()}")
    _pack_checks(root, say)


def _pack_checks(root: Path, say: Callable[[str], None]) -> None:
    """The pack is what its sources build: by its record; in a checkout, by its bytes."""
    from sjsref.content.pack_sources import code_digest, pack_path
    from sjsref.search.build import build_pack, pack_problem

    pack = pack_path(root)
    problem = pack_problem(root, pack)
    _check(problem is None, f"content pack: {problem}")
    if code_digest() is None:
        # An installed app: its manifest lists the pack, checked above.
        say(f"ok: content pack {pack.name} records exactly these sources")
        return
    # A source checkout: build it again (the same sources and code give the same bytes).
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build_pack(root, Path(tmp) / pack.name)
        same = fresh.read_bytes() == pack.read_bytes()
    _check(same, f"content pack {pack} differs from one built now from the same sources")
    say(f"ok: content pack {pack.name} is byte for byte what these sources and this code build")


def _clinical_checks(say: Callable[[str], None]) -> None:
    from sjsref.clinical import abcd10, bsa, bsa_charts, classification, scorten
    from sjsref.clinical.units import UreaUnit

    all_met = {
        "age_years": 50,
        "heart_rate_bpm": 130,
        "malignancy": True,
        "detached_bsa_percent": 20,
        "bicarbonate_mmol_l": 18,
        "glucose": 15,
        "glucose_unit": "mmol/L",
    }
    for urea, unit in ((12.0, UreaUnit.MMOL_L), (72.1, UreaUnit.MG_DL), (33.7, UreaUnit.BUN_MG_DL)):
        result = scorten.compute(scorten.ScortenInput(**all_met, urea=urea, urea_unit=unit))
        _check(
            result.score == 7,
            f"SCORTEN all criteria met with urea in {unit.label}: got {result.score}",
        )
    say("ok: SCORTEN 7/7 with urea in mmol/L, mg/dL and BUN mg/dL")
    a = abcd10.compute(abcd10.Abcd10Input(age_years=60))
    _check(a.criteria[0].met is True and a.mortality_percent is None, "ABCD-10 age criterion")
    say("ok: ABCD-10 predictors evaluated, mortality withheld")
    b = bsa.from_regions(
        bsa.RegionsInput(
            method="rule-of-nines",
            age_years=40,
            regions=[bsa.RegionEntry(region="anterior-trunk", detached_percent=100)],
        )
    )
    trunk = bsa_charts.RULE_OF_NINES["anterior-trunk"]  # the whole front of the trunk
    _check(b.detached_bsa_percent == trunk, f"BSA rule of nines: got {b.detached_bsa_percent}")
    c = classification.classify(classification.ClassifyInput(detached_bsa_percent=35, spots=None))
    _check(c.classification is not None and c.classification.value == "TEN", "35 % is TEN")
    say(f"ok: BSA (rule of nines, anterior trunk {trunk:g} %) and classification (35 % is TEN)")


def _fill_scorten(page: Any) -> None:
    values = {
        "age_years": "50",
        "heart_rate_bpm": "130",
        "detached_bsa_percent": "20",
        "urea": "12",
        "bicarbonate_mmol_l": "18",
        "glucose": "15",
    }
    from sjsref.clinical.units import GlucoseUnit, UreaUnit

    page.lab("urea").set_unit(UreaUnit.MMOL_L)  # no unit is ever assumed: the self-test chooses
    page.lab("glucose").set_unit(GlucoseUnit.MMOL_L)
    for name, text in values.items():
        page.fields[name].set_text(text)
    page.fields["malignancy"].set_value(True)


def _window_checks(make_window: Callable[[], Any], say: Callable[[str], None]) -> None:
    app = QApplication.instance()
    assert app is not None  # the self-test made it before building the window
    window = make_window()
    window.show()
    deadline = time.monotonic() + READY_TIMEOUT_S
    while window.content is None and time.monotonic() < deadline:
        app.processEvents()
        if window.load_failed:
            raise SelfTestFailure("the library did not load (see the window's home page)")
        time.sleep(0.01)
    _check(window.content is not None, "the library did not load in time")
    content = window.content
    say(
        f"ok: library loaded: {len(content.library.articles)} articles, "
        f"{len(content.library.references)} references; index of {len(content.index)} documents"
    )
    window.search.setText("scor")
    app.processEvents()
    _check("calc:scorten" in window.results.targets()[:5], "search 'scor' does not offer SCORTEN")
    say("ok: search 'scor' finds the SCORTEN calculator")
    for article in content.library.articles:
        window.navigate(f"article:{article.id}")
        _check(not window.grab().isNull(), f"article {article.id} did not render")
    say(f"ok: {len(content.library.articles)} articles rendered offscreen")
    window.navigate(REFERENCES)
    _check(not window.grab().isNull(), "reference list did not render")
    for calc in content.calculators:
        window.navigate(f"calc:{calc.id}")
        _check(
            window.stack.currentWidget() is window.calculators.get(calc.id),
            f"calculator {calc.id} did not open",
        )
        _check(not window.grab().isNull(), f"calculator {calc.id} did not render")
    page = window.calculators["scorten"]
    _fill_scorten(page)
    _check(
        page.panel.headline.text().startswith("SCORTEN 7 of 7"),
        f"SCORTEN page shows {page.panel.headline.text()!r}",
    )
    _check(page.chart_note() is not None, "SCORTEN chart note")
    say("ok: every calculator page opened; SCORTEN page computed 7/7 from its fields")
    window.close()


def self_test(make_window: Callable[[], Any], say: Callable[[str], None]) -> int:
    """Run every check; print one line each; 0 if all pass, 1 otherwise."""
    steps: tuple[tuple[str, Callable[[], None]], ...] = (
        ("content", lambda: _content_checks(say)),
        ("calculators", lambda: _clinical_checks(say)),
        ("window", lambda: _window_checks(make_window, say)),
    )
    for name, step in steps:
        try:
            step()
        except SelfTestFailure as exc:
            say(f"FAIL ({name}): {exc}")
            return 1
        except Exception as exc:
            say(f"FAIL ({name}): {type(exc).__name__}: {exc}")
            say(traceback.format_exc())
            return 1
    say("self-test passed")
    return 0
