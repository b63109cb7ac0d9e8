"""packaging/sjsref.spec evaluated for each platform's branch, without building.

The Windows and macOS branches never run on the Linux CI, so the spec is
executed here as PyInstaller executes it (a script with Analysis, EXE,
COLLECT and BUNDLE in its namespace), with ``sys.platform`` set to the
platform under test. The build steps are recording stand-ins for PyInstaller's
classes; everything of ours (the version, the manifest written and checked
against the collected resources, the version resource files, the plist, the
icon and signing options) is the real code. COLLECT's stand-in copies the
data files where PyInstaller would, so the spec's own check of the bundled
content runs on every branch.

What stays unverified without a Windows or macOS machine: that PyInstaller,
ISCC, codesign and notarytool accept the result (see README, Installers).
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Imported before sys.platform is changed: PyInstaller fixes its platform
# flags at import time, and the spec imports this module itself.
import PyInstaller.utils.hooks  # noqa: F401
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "sjsref.spec"

SIGNING = ("SJSREF_ICON", "SJSREF_CODESIGN_IDENTITY", "SJSREF_ENTITLEMENTS")


@pytest.fixture
def meta(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """packaging/platform_meta.py, imported as the spec imports it."""
    monkeypatch.syspath_prepend(str(PACKAGING))
    return importlib.import_module("platform_meta")


@pytest.fixture
def version(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.syspath_prepend(str(PACKAGING))
    return str(importlib.import_module("bundle_policy").project_version(ROOT))


@dataclass
class Build:
    """What the spec asked PyInstaller to build."""

    dist: Path
    staging: Path
    exes: list[dict[str, Any]] = field(default_factory=list)
    collect: dict[str, Any] | None = None
    bundle: dict[str, Any] | None = None

    def exe(self, name: str) -> dict[str, Any]:
        (found,) = [e for e in self.exes if e["name"] == name]
        return found


def _data_toc(datas: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(source, destination folder) pairs as PyInstaller's TOC of DATA files."""
    toc = []
    for src, dest in datas:
        source = Path(src)
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        for file in files:
            relative = file.relative_to(source) if source.is_dir() else Path(file.name)
            toc.append((str(Path(dest) / relative), str(file), "DATA"))
    return toc


def evaluate_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> Build:
    """Run the spec as PyInstaller would on ``platform``; return what it asked for."""
    build = Build(dist=tmp_path / "dist", staging=tmp_path / "work" / "staging")

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            self.scripts = [("sjsref", scripts[0], "PYSOURCE")]
            self.pure: list[tuple[str, str, str]] = []
            self.binaries: list[tuple[str, str, str]] = []
            self.datas = _data_toc(options["datas"])

    def pyz(pure: list[Any]) -> tuple[str, list[Any]]:
        return ("PYZ", pure)

    def exe(pyz: Any, scripts: Any, binaries: Any, **options: Any) -> dict[str, Any]:
        build.exes.append(options)
        return options

    def collect(*parts: Any, name: str, **options: Any) -> dict[str, Any]:
        internal = build.dist / name / "_internal"
        for part in parts:
            for entry in part if isinstance(part, list) else []:
                dest, src, kind = entry
                if kind == "DATA":
                    (internal / dest).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, internal / dest)
        build.collect = {"name": name, **options}
        return build.collect

    def bundle(coll: Any, **options: Any) -> dict[str, Any]:
        build.bundle = options
        return options

    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(build.dist),
        "Analysis": Analysis,
        "PYZ": pyz,
        "EXE": exe,
        "COLLECT": collect,
        "BUNDLE": bundle,
    }
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec prepends packaging/
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return build


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No signing or icon settings from the caller; the current directory is tmp_path."""
    for name in SIGNING:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _icon(folder: Path, name: str) -> Path:
    # The spec checks the path and the suffix; the bytes are the platform tools' business.
    path = folder / "build" / "icons" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\0")
    return path


def _load_version_file(path: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Parse a version file with PyInstaller's own loader, as its Windows build does.

    PyInstaller's ``versioninfo`` imports ``pefile`` and ``compat.win32api`` at
    the top for writing the resource into an exe; both exist only on Windows,
    and neither the loader nor the structures use them, so empty stand-ins
    let the module import here.
    """
    import PyInstaller.compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    versioninfo = importlib.import_module("PyInstaller.utils.win32.versioninfo")
    return versioninfo.load_version_info_from_text_file(path)


def _strings(info: Any) -> dict[str, str]:
    (string_file_info, _var_file_info) = info.kids
    (table,) = string_file_info.kids
    return {s.name: s.val for s in table.kids}


def test_windows_branch_builds_two_exes_with_version_resources(
    tmp_path, monkeypatch, clean_env, meta, version
):
    icon = _icon(clean_env, "sjsref.ico")
    monkeypatch.setenv("SJSREF_ICON", "build/icons/sjsref.ico")  # relative, as the .iss recipe

    build = evaluate_spec(tmp_path, monkeypatch, "win32")

    window, cli = build.exe("sjsref"), build.exe("sjsref-cli")
    assert (window["console"], cli["console"]) == (False, True)
    assert build.bundle is None
    numbers = meta.numeric_version(version, 4)
    for options, exe_name in ((window, "sjsref.exe"), (cli, "sjsref-cli.exe")):
        assert options["icon"] == str(icon.resolve())  # absolute: PyInstaller would use packaging/
        assert Path(options["version"]).is_absolute()
        info = _load_version_file(options["version"], monkeypatch)
        assert info.ffi.fileVersionMS == numbers[0] << 16 | numbers[1]
        assert info.ffi.fileVersionLS == numbers[2] << 16 | numbers[3]
        assert info.ffi.productVersionMS == info.ffi.fileVersionMS
        assert info.ffi.productVersionLS == info.ffi.fileVersionLS
        strings = _strings(info)
        assert strings["FileVersion"] == ".".join(map(str, numbers))
        assert strings["ProductVersion"] == version
        assert strings["OriginalFilename"] == exe_name
        assert strings["ProductName"] == "SJSRef"
        assert len(info.toRaw()) > 0  # serialises to the binary resource
    assert window["codesign_identity"] is None  # codesign is macOS only


def test_windows_branch_stops_early_on_a_missing_icon(tmp_path, monkeypatch, clean_env):
    monkeypatch.setenv("SJSREF_ICON", "build/icons/sjsref.ico")
    with pytest.raises(
        FileNotFoundError, match=r"SJSREF_ICON not found: .*build/icons/sjsref\.ico"
    ):
        evaluate_spec(tmp_path, monkeypatch, "win32")


def test_windows_branch_refuses_a_macos_icon(tmp_path, monkeypatch, clean_env):
    _icon(clean_env, "sjsref.icns")
    monkeypatch.setenv("SJSREF_ICON", "build/icons/sjsref.icns")
    with pytest.raises(ValueError, match=r"must be a \.ico file"):
        evaluate_spec(tmp_path, monkeypatch, "win32")


def test_macos_branch_builds_a_signed_app_for_macos_13(
    tmp_path, monkeypatch, clean_env, meta, version
):
    icon = _icon(clean_env, "sjsref.icns")
    monkeypatch.setenv("SJSREF_ICON", str(icon))
    monkeypatch.setenv("SJSREF_CODESIGN_IDENTITY", "Developer ID Application: Test (TEAMID)")

    build = evaluate_spec(tmp_path, monkeypatch, "darwin")

    (exe,) = build.exes
    assert (exe["name"], exe["console"], exe["version"]) == ("sjsref", False, None)
    # PyInstaller signs every collected binary and the .app with this identity,
    # adding the hardened runtime and a timestamp: the recipe only verifies.
    assert exe["codesign_identity"] == "Developer ID Application: Test (TEAMID)"
    assert exe["entitlements_file"] is None
    assert exe["icon"] == str(icon.resolve())
    assert build.bundle is not None
    plist = build.bundle["info_plist"]
    assert build.bundle["name"] == "SJSRef.app"
    assert build.bundle["bundle_identifier"] == "org.sjsref.SJSRef"
    assert build.bundle["icon"] == str(icon.resolve())
    assert plist["LSMinimumSystemVersion"] == "13.0"
    assert re.fullmatch(r"\d+\.\d+\.\d+", plist["CFBundleShortVersionString"])
    assert re.fullmatch(r"\d+(\.\d+){0,2}", plist["CFBundleVersion"])
    assert plist["CFBundleShortVersionString"] == ".".join(
        map(str, meta.numeric_version(version, 3))
    )
    assert build.bundle["version"] == plist["CFBundleShortVersionString"]


def test_macos_branch_passes_an_entitlements_file(tmp_path, monkeypatch, clean_env):
    entitlements = clean_env / "entitlements.plist"
    entitlements.write_text("<plist/>")
    monkeypatch.setenv("SJSREF_ENTITLEMENTS", "entitlements.plist")

    build = evaluate_spec(tmp_path, monkeypatch, "darwin")

    (exe,) = build.exes
    assert exe["entitlements_file"] == str(entitlements.resolve())
    assert exe["codesign_identity"] is None  # unset: PyInstaller signs ad hoc


def test_linux_branch_is_one_exe_without_icon_or_version_resource(tmp_path, monkeypatch, clean_env):
    # The .deb takes its icons from the SVG; a stray SJSREF_ICON is ignored, not checked.
    monkeypatch.setenv("SJSREF_ICON", "no/such/icon.ico")

    build = evaluate_spec(tmp_path, monkeypatch, "linux")

    (exe,) = build.exes
    assert (exe["name"], exe["icon"], exe["version"]) == ("sjsref", None, None)
    assert build.bundle is None
    assert build.collect is not None and build.collect["strip"] is True


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_every_branch_bundles_the_checked_content(tmp_path, monkeypatch, clean_env, platform):
    """The spec's own check (manifest against copied resources) passes on each branch."""
    if platform in ("win32", "darwin"):
        monkeypatch.delenv("SJSREF_ICON", raising=False)
    build = evaluate_spec(tmp_path, monkeypatch, platform)
    resources = build.dist / "sjsref" / "_internal" / "resources"
    assert (resources / "MANIFEST.sha256").is_file()
    assert (resources / "references.json").is_file()


def test_version_numbers_fit_each_platform(meta):
    assert meta.numeric_version("0.1.0", 4) == (0, 1, 0, 0)
    assert meta.numeric_version("1.2.0rc1", 4) == (1, 2, 0, 0)
    assert meta.numeric_version("2.0+hospital.3", 3) == (2, 0, 0)
    assert meta.numeric_version("1.2.3.4.5", 3) == (1, 2, 3)
    assert meta.macos_info_plist("0.2.0rc1")["CFBundleVersion"] == "0.2.0"
    with pytest.raises(ValueError, match="65535"):
        meta.numeric_version("70000.0", 4)
    with pytest.raises(ValueError, match="does not start with a number"):
        meta.numeric_version("v1.0", 4)


# The minimum OS versions follow from the Qt the app is pinned to. If PySide6
# moves past 6.11, look up the new release's "Supported Configurations" pages
# (doc.qt.io/qt-6.N/macos.html and windows.html) and extend this table.
QT_MINIMUMS = {(6, 11): ("13.0", "10.0.17763")}


def test_minimum_os_versions_match_the_pinned_qt(meta):
    pins = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    match = re.search(r"^PySide6_Essentials==(\d+)\.(\d+)\.", pins, re.MULTILINE)
    assert match, "constraints.txt pins no PySide6_Essentials"
    qt = (int(match.group(1)), int(match.group(2)))
    assert qt in QT_MINIMUMS, f"PySide6 {qt}: check Qt's supported platforms, then add it"
    assert (meta.MACOS_MINIMUM, meta.WINDOWS_MINIMUM) == QT_MINIMUMS[qt]


@pytest.mark.parametrize(
    ("command", "pattern"), [("version", None), ("file-version", r"\d+(\.\d+){3}")]
)
def test_platform_meta_prints_the_version_for_the_recipes(command, pattern, version, meta):
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "platform_meta.py"), command],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip()
    if pattern is None:
        assert printed == version
    else:
        assert re.fullmatch(pattern, printed)
        assert printed == ".".join(map(str, meta.numeric_version(version, 4)))
