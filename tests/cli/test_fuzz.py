"""The whole command line under fuzz: any arguments give 0 or 2, one line, no traceback.

Each example builds an argument list for a sub-command from its real flags,
with values drawn from valid ones, boundaries, junk and random text (invalid
UTF-8 included, as a shell would pass it), and runs ``sjsref`` in-process.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sjsref.__main__ import main

NUMBERS = ["0", "1", "10", "10.0", "12,5", "2,000", "-5", "40", "120", "250", "1e3", "nan",
           "inf", "", " ", "9" * 20, "0,125", "1,234.5", "30", "100", "125"]  # fmt: skip
WORDS = ["yes", "no", "maybe", "mmol/L", "mg/dL", "BUN-mg/dL", "male", "female", "palm",
         "hand", "lund-browder", "rule-of-nines", "head=50", "anterior-trunk=100",
         "head-neck=9", "right-foot=101", "neck=-1", "=", "head", "1", "3", "2"]  # fmt: skip

# Each sub-command with its flags: None for a switch, else it takes a value.
COMMANDS: dict[str, dict[str, str | None]] = {
    "scorten": {
        "--age": "n", "--heart-rate": "n", "--malignancy": "w", "--detached-bsa": "n",
        "--urea": "n", "--urea-unit": "w", "--bicarbonate": "n", "--glucose": "n",
        "--glucose-unit": "w", "--day": "n", "--confirm-unusual": None, "--json": None,
    },
    "abcd10": {
        "--age": "n", "--bicarbonate": "n", "--cancer": "w", "--dialysis": "w",
        "--detached-bsa": "n", "--json": None,
    },
    "bsa": {
        "--age": "n", "--method": "w", "--region": "w", "--erythema": "w", "--palms": "n",
        "--hand": "w", "--sex": "w", "--json": None,
    },
    "classify": {"--detached-bsa": "n", "--spots": "w", "--no-spots": None, "--json": None},
    "search": {"--limit": "n", "--json": None},
    "show": {"--json": None},
    "articles": {"--json": None},
    "references": {"--json": None},
}  # fmt: skip
LIBRARY = {"search", "show", "articles", "references"}

junk = st.text(max_size=12) | st.binary(max_size=8).map(
    lambda b: b.decode("utf-8", "surrogateescape")  # how Python hands over invalid bytes
)


def _value(kind: str | None) -> st.SearchStrategy[list[str]]:
    if kind is None:
        return st.just([])
    pool = NUMBERS if kind == "n" else WORDS
    return st.one_of(st.sampled_from(pool), st.sampled_from(NUMBERS + WORDS), junk).map(
        lambda v: [v]
    )


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    # Library commands read the whole library: fewer of them keeps the test quick.
    name = draw(st.sampled_from([*COMMANDS, *[c for c in COMMANDS if c not in LIBRARY] * 3]))
    flags = COMMANDS[name]
    argv = [name]
    if name in ("search", "show"):
        argv += [draw(st.sampled_from(["scorten", "severity", "ivig", "--", ""]) | junk)]
    for flag in draw(st.lists(st.sampled_from([*flags, "--bogus"]), max_size=7)):
        argv += [flag, *draw(_value(flags.get(flag, "w")))]
    if draw(st.booleans()):  # and sometimes a stray word anywhere
        argv.insert(draw(st.integers(0, len(argv))), draw(junk))
    return argv


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as done:
            status = int(done.code or 0)
    return status, out.getvalue(), err.getvalue()


_TEXT_BSA = re.compile(r"Detached BSA: (\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))? %")


def _bsa_figures(stdout: str) -> list[float]:
    if stdout.startswith("{"):
        data = json.loads(stdout)
        values = [data.get("detached_bsa_percent"), *(data.get("detached_bsa_range") or [])]
        return [float(v) for v in values if v is not None]
    return [float(v) for m in _TEXT_BSA.finditer(stdout) for v in m.groups() if v]


@settings(
    max_examples=int(os.environ.get("SJSREF_FUZZ_EXAMPLES", "800")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(command_lines())
def test_any_command_line_gives_0_or_2_one_line_and_no_impossible_area(argv: list[str]) -> None:
    status, stdout, stderr = _run(argv)
    assert status in (0, 2), (argv, status, stderr)
    assert "Traceback" not in stderr + stdout
    assert stderr.count("\n") <= 1, (argv, stderr)
    assert status == 0 or stdout == "", (argv, stdout)
    assert all(0 <= v <= 100 for v in _bsa_figures(stdout)), (argv, stdout)
