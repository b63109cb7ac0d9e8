"""PyInstaller's runtime hooks: each one the bundle could get is decided in bundle_policy.

No bundle is built here (these run in the normal test command). The hook
names are checked against the hooks the installed PyInstaller and
pyinstaller-hooks-contrib really ship, so a rename in an upgrade cannot leave
a rule that silently matches nothing.
"""

from __future__ import annotations

import importlib
import types
from pathlib import Path

import _pyinstaller_hooks_contrib
import PyInstaller
import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SHIPPED = {
    path.stem
    for folder in (
        Path(PyInstaller.__file__).parent / "hooks" / "rthooks",
        Path(_pyinstaller_hooks_contrib.__file__).parent / "rthooks",
    )
    for path in folder.glob("pyi_rth_*.py")
}
MAIN = ("__main__", "/src/sjsref/__main__.py", "PYSOURCE")


@pytest.fixture
def policy(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """packaging/bundle_policy.py, imported as the spec imports it."""
    monkeypatch.syspath_prepend(str(PACKAGING))
    return importlib.import_module("bundle_policy")


def _hook(name: str) -> tuple[str, str, str]:
    return (name, f"/pyinstaller/hooks/rthooks/{name}.py", "PYSOURCE")


def test_every_named_hook_is_one_pyinstaller_ships(policy: types.ModuleType) -> None:
    named = policy.RUNTIME_HOOKS_KEPT | set(policy.RUNTIME_HOOKS_LEFT_OUT)
    assert named - SHIPPED == set()


def test_no_hook_is_both_kept_and_left_out(policy: types.ModuleType) -> None:
    assert policy.RUNTIME_HOOKS_KEPT & set(policy.RUNTIME_HOOKS_LEFT_OUT) == set()


def test_left_out_hooks_go_and_the_rest_stay_in_order(policy: types.ModuleType) -> None:
    scripts = [_hook("pyi_rth_inspect"), _hook("pyi_rth_pyside6"), _hook("pyi_rth_pkgutil"), MAIN]
    assert policy.select_runtime_hooks(scripts) == [_hook("pyi_rth_pyside6"), MAIN]


def test_a_hook_nobody_decided_on_stops_the_build(policy: types.ModuleType) -> None:
    with pytest.raises(ValueError, match="pyi_rth_nltk is new to the bundle"):
        policy.select_runtime_hooks([_hook("pyi_rth_nltk"), MAIN])
