"""The .deb's version, derived from pyproject.toml's, sorts as the Python version does.

No bundle is built here (these run in the normal test command): the version
logic is ``packaging/bundle_policy.py``, and dpkg itself judges the order.
"""

from __future__ import annotations

import importlib
import itertools
import shutil
import subprocess
import types
from pathlib import Path

import pytest
from packaging.version import Version

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"

# Ascending by PEP 440; the first test checks that against `packaging`, the
# reference implementation pip uses, so the list cannot be wrong unnoticed.
ASCENDING = [
    "0.1.0",
    "0.2.0.dev1",
    "0.2.0a1.dev1",
    "0.2.0a1",
    "0.2.0a2",
    "0.2.0b1",
    "0.2.0rc1.dev2",
    "0.2.0rc1",
    "0.2.0rc1.post1",
    "0.2.0rc2",
    "0.2.0rc10",
    "0.2.0",
    "0.2.0.post1.dev1",
    "0.2.0.post1",
    "0.2.0.post2",
    "0.2.0.1",
    "0.2.1",
    "0.10.0",
    "1.0.0rc1",
    "1.0.0",
]


@pytest.fixture
def policy(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """packaging/bundle_policy.py, imported as build_deb.sh and the spec import it."""
    monkeypatch.syspath_prepend(str(PACKAGING))
    return importlib.import_module("bundle_policy")


def _dpkg() -> str:
    tool = shutil.which("dpkg")
    if tool is None:
        pytest.skip("dpkg is not installed (the .deb is built on Debian)")
    return tool


def test_the_list_is_in_pep_440_order() -> None:
    assert sorted(ASCENDING, key=Version) == ASCENDING
    assert len({Version(v) for v in ASCENDING}) == len(ASCENDING)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", "0.1.0"),
        ("0.2.0rc1", "0.2.0~rc1"),
        ("0.2.0a3", "0.2.0~a3"),
        ("0.2.0b2", "0.2.0~b2"),
        ("0.2.0.dev4", "0.2.0~~dev4"),
        ("0.2.0.post1", "0.2.0+post1"),
        ("0.2.0rc1.post2.dev3", "0.2.0~rc1+post2~~dev3"),
    ],
)
def test_debian_spelling(policy: types.ModuleType, version: str, expected: str) -> None:
    assert policy.debian_version(version) == expected


def test_debian_versions_are_valid_and_sort_as_pep_440(policy: types.ModuleType) -> None:
    dpkg = _dpkg()
    debs = [policy.debian_version(v) for v in ASCENDING]
    for deb in debs:
        done = subprocess.run([dpkg, "--validate-version", deb], capture_output=True, check=False)
        assert done.returncode == 0, (deb, done.stderr)
    for lower, higher in itertools.pairwise(debs):
        done = subprocess.run([dpkg, "--compare-versions", lower, "lt", higher], check=False)
        assert done.returncode == 0, f"dpkg does not sort {lower} below {higher}"


@pytest.mark.parametrize(
    "version",
    ["1!0.2.0", "0.2.0+hospital", "0.2.0-rc.1", "0.2.0RC1", "0.2.0c1", "0.2.0~rc1", "v0.2.0", ""],
)
def test_versions_without_a_faithful_debian_spelling_are_refused(
    policy: types.ModuleType, version: str
) -> None:
    with pytest.raises(ValueError, match="normalised PEP 440 public version"):
        policy.debian_version(version)


def test_a_pre_release_in_pyproject_gives_a_tilde_version(
    policy: types.ModuleType, tmp_path: Path
) -> None:
    # The path build_deb.sh and tests/packaging/test_deb.py take: the version
    # from pyproject.toml, then its Debian spelling.
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "0.2.0rc1"\n', encoding="utf-8")
    version = policy.project_version(tmp_path)
    assert (version, policy.debian_version(version)) == ("0.2.0rc1", "0.2.0~rc1")
