"""resources_dir() in each layout: override, source checkout, frozen bundle, wheel."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.paths import ENV_VAR, resources_dir
from tests.content.conftest import REPO_RESOURCES, LibraryMaker

REPO = REPO_RESOURCES.parent


@pytest.fixture(autouse=True)
def _no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_source_checkout_finds_repo_resources() -> None:
    assert resources_dir() == REPO_RESOURCES.resolve()


def test_env_var_overrides(make_library: LibraryMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_library()
    monkeypatch.setenv(ENV_VAR, str(root))
    assert resources_dir() == root.resolve()
    assert [a.id for a in load_library().articles] == ["alpha", "beta"]


def test_env_var_to_a_folder_without_articles_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(ContentError, match=f"{ENV_VAR}=.*: no articles/ folder there"):
        resources_dir()


def test_frozen_bundle_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "articles").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == (tmp_path / "resources").resolve()


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "sjsref").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert config["tool"]["setuptools"]["package-dir"] == {"sjsref.resources": "resources"}


def _can_build_wheels() -> bool:
    # bdist_wheel is built into setuptools from 70.1; before, the `wheel` package adds it.
    version = tuple(int(p) for p in metadata.version("setuptools").split(".")[:2])
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


def _build(tree: Path, out: Path) -> Path:
    """Build the wheel of ``tree`` and unpack it; return the unpacked folder."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", str(tree), "-w", str(out)]
    if _can_build_wheels():
        command.append("--no-build-isolation")
    # WORKAROUND(setuptools 65 in the venv): it has no bdist_wheel and rejects
    # `license = {text = ...}`, so pip fetches setuptools>=68 (build-system) into
    # an isolated build environment; that needs the package index.
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 and not _can_build_wheels() and "setuptools" in done.stderr:
        pytest.skip("no wheel-capable setuptools offline: " + done.stderr.splitlines()[-1])
    assert done.returncode == 0, done.stderr
    unpacked = out / "unpacked"
    with zipfile.ZipFile(next(out.glob("sjsref-*.whl"))) as wheel:
        wheel.extractall(unpacked)
    return unpacked


def test_wheel_ships_resources_and_loads_them(make_library: LibraryMaker, tmp_path: Path) -> None:
    resources = make_library()
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "sjsref", tree / "sjsref", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tree)
    readme = REPO / "README.md"
    (tree / "README.md").write_text(readme.read_text() if readme.exists() else "SJSRef\n")
    shutil.copytree(resources, tree / "resources")

    built = _build(tree, tmp_path / "out")
    shipped = {
        p.relative_to(built / "sjsref" / "resources")
        for p in (built / "sjsref" / "resources").rglob("*")
        if p.is_file()
    }
    expected = {p.relative_to(resources) for p in resources.rglob("*") if p.is_file()}
    assert shipped == expected

    site_packages = next(p for p in sys.path if p.endswith("site-packages"))
    script = (
        "import sjsref\n"
        "from sjsref.content.loader import load_library\n"
        "from sjsref.content.paths import resources_dir\n"
        "library = load_library()\n"
        "print(sjsref.__file__)\n"
        "print(resources_dir())\n"
        "print(len(library.articles), len(library.references))\n"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(built), site_packages]),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    module_file, found, counts = done.stdout.splitlines()
    assert Path(module_file).is_relative_to(built)
    assert Path(found) == (built / "sjsref" / "resources").resolve()
    assert counts == "2 3"
