"""Static checks of the Windows recipe: packaging/windows/sjsref.iss and build.ps1.

Neither ISCC nor PowerShell runs on the Linux CI, so these read the files:
the Inno Setup version guard, the directives a real installer needs, the
preprocessor names each build must pass, the relative paths against where
PyInstaller and build.ps1 put things, and build.ps1's error handling.
What only a Windows build shows (ISCC accepting the script, the [Code]
section, signing) is listed in README, Installers.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISS = WINDOWS / "sjsref.iss"
BUILD_PS1 = WINDOWS / "build.ps1"
APP_ID = "{{6F0B7C52-3E0A-4B7B-9C55-1D2A8E4F3B61}"
# The Inno Setup release that introduced the x64compatible identifier
# (jrsoftware.org/ishelp/topic_archidentifiers.htm; Inno Setup 6.3 release notes).
X64COMPATIBLE_SINCE = (6, 3, 0)


@dataclass(frozen=True)
class Line:
    number: int
    section: str | None  # "[Setup]", "[Code]"...
    condition: str | None  # name of the enclosing #ifdef, if any
    text: str


def read_iss() -> list[Line]:
    """The script's lines with their section and enclosing ``#ifdef``."""
    lines: list[Line] = []
    section: str | None = None
    conditions: list[str | None] = []
    for number, raw in enumerate(ISS.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if text.startswith("#"):
            words = text.split()
            if words[0] == "#ifdef":
                conditions.append(words[1])
            elif words[0] in ("#ifndef", "#if"):
                conditions.append(None)
            elif words[0] == "#endif":
                conditions.pop()
        elif re.fullmatch(r"\[\w+\]", text):
            section = text
        condition = next((c for c in reversed(conditions) if c), None)
        lines.append(Line(number, section, condition, text))
    assert not conditions, "unbalanced #if/#endif in sjsref.iss"
    return lines


def setup_directives() -> dict[str, Line]:
    found: dict[str, Line] = {}
    for line in read_iss():
        if line.section != "[Setup]" or not line.text or line.text[0] in ";#[":
            continue
        name = line.text.split("=", 1)[0]
        assert name not in found, f"{name} set twice (lines {found[name].number}, {line.number})"
        found[name] = line
    return found


def value(line: Line) -> str:
    return line.text.split("=", 1)[1]


def from_iss(relative: str) -> Path:
    """A path written in the .iss (relative to its folder, backslashes) on this disk."""
    return (ISS.parent / Path(*PureWindowsPath(relative).parts)).resolve()


@pytest.fixture(scope="module")
def setup() -> dict[str, Line]:
    return setup_directives()


def test_compiler_version_guard_comes_first_and_covers_x64compatible(setup):
    text = ISS.read_text(encoding="utf-8")
    guard = re.search(
        r"^#if VER < EncodeVer\((\d+), *(\d+)(?:, *(\d+))?\)\n\s*#error .+$", text, re.MULTILINE
    )
    assert guard, "no `#if VER < EncodeVer(...)` + `#error` guard"
    assert guard.start() < text.index("[Setup]")
    needed = tuple(int(g or 0) for g in guard.groups())
    uses_x64compatible = any("x64compatible" in value(line) for line in setup.values())
    assert uses_x64compatible
    assert needed >= X64COMPATIBLE_SINCE, f"x64compatible needs Inno Setup 6.3, guard says {needed}"


def test_every_preprocessor_name_is_required_or_optional():
    """A ``{#Name}`` is either demanded up front (#ifndef + #error) or used under #ifdef."""
    text = ISS.read_text(encoding="utf-8")
    required = set(re.findall(r"^#ifndef (\w+)\n\s*#error ", text, re.MULTILINE))
    assert {"AppVersion", "AppFileVersion"} <= required
    for line in read_iss():
        for name in re.findall(r"\{#(\w+)\}", line.text):
            if name not in required:
                assert line.condition == name, f"line {line.number}: {{#{name}}} outside #ifdef"


def test_setup_has_what_a_real_installer_needs(setup):
    meta = _platform_meta()
    expected = {
        "AppId": APP_ID,  # never changes: Windows finds the copy to upgrade by it
        "AppName": "SJSRef",
        "AppVersion": "{#AppVersion}",
        "AppPublisher": "SJSRef maintainers",
        "VersionInfoVersion": "{#AppFileVersion}",
        "VersionInfoProductVersion": "{#AppFileVersion}",
        "ArchitecturesAllowed": "x64compatible",
        "ArchitecturesInstallIn64BitMode": "x64compatible",
        "MinVersion": meta.WINDOWS_MINIMUM,  # Qt 6.11's floor, from one place
        "DefaultDirName": r"{autopf}\SJSRef",
        "PrivilegesRequired": "admin",  # all users, in Program Files, by default
        "UninstallDisplayIcon": r"{app}\sjsref.exe",
    }
    for name, wanted in expected.items():
        assert name in setup, f"[Setup] has no {name}"
        assert (value(setup[name]), setup[name].condition) == (wanted, None), name
    # "for me only" stays possible, by the first page or /CURRENTUSER
    assert {"dialog", "commandline"} <= set(
        value(setup["PrivilegesRequiredOverridesAllowed"]).split()
    )


def test_urls_and_signing_are_used_only_when_given(setup):
    assert setup["AppPublisherURL"].condition == "PublisherURL"
    assert setup["AppSupportURL"].condition == "SupportURL"
    assert (value(setup["SignTool"]), setup["SignTool"].condition) == ("{#SignWith}", "SignWith")
    assert (value(setup["SignedUninstaller"]), setup["SignedUninstaller"].condition) == (
        "yes",
        "SignWith",
    )


def test_relative_paths_point_where_the_build_puts_things(setup):
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    assert from_iss(value(setup["LicenseFile"])) == (WINDOWS / "license.txt").resolve()
    assert from_iss(value(setup["LicenseFile"])).is_file()
    # build.ps1 renders the icon there; the spec's COLLECT writes dist\sjsref.
    assert from_iss(value(setup["SetupIconFile"])) == ROOT / "build" / "icons" / "sjsref.ico"
    assert r'"build\icons\sjsref.ico"' in ps1
    (source,) = [line for line in read_iss() if line.text.startswith("Source:")]
    path = re.search(r'Source: "([^"]+)"', source.text)
    assert path and from_iss(path.group(1)) == ROOT / "dist" / "sjsref" / "*"
    # build.ps1 reports the file ISCC writes: OutputDir + OutputBaseFilename.
    assert from_iss(value(setup["OutputDir"])) == ROOT / "build" / "windows"
    assert value(setup["OutputBaseFilename"]) == "sjsref-{#AppVersion}-setup-x64"
    assert r'"build\windows\sjsref-$Version-setup-x64.exe"' in ps1


def test_path_for_the_command_line_is_an_unchecked_option_undone_on_uninstall():
    lines = read_iss()
    (task,) = [line for line in lines if line.section == "[Tasks]" and '"addtopath"' in line.text]
    assert "Flags: unchecked" in task.text
    code = "\n".join(line.text for line in lines if line.section == "[Code]")
    assert "WizardIsTaskSelected('addtopath')" in code
    assert re.search(r"usPostUninstall then\s+RemoveFromPath", code)
    # REG_EXPAND_SZ: rewriting PATH as REG_SZ would break %SystemRoot% entries.
    assert "RegWriteStringValue" not in code
    assert code.count("RegWriteExpandStringValue") == 2


def test_unattended_all_users_install_is_documented():
    command = "/ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART"
    assert command in ISS.read_text(encoding="utf-8")
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")


def test_licence_shown_by_setup_is_the_projects():
    def expat(text: str) -> str:
        start = text.index("Permission is hereby granted")
        end = text.index("SOFTWARE.", text.index("OTHER DEALINGS IN THE")) + len("SOFTWARE.")
        lines = [line.strip() for line in text[start:end].splitlines()]
        return " ".join(line for line in lines if line not in ("", "."))

    windows = (WINDOWS / "license.txt").read_text(encoding="utf-8")
    debian = (ROOT / "packaging" / "linux" / "copyright").read_text(encoding="utf-8")
    assert expat(windows) == expat(debian)


def _ps1_code() -> list[str]:
    """build.ps1 without comments."""
    lines = BUILD_PS1.read_text(encoding="utf-8").splitlines()
    return [line.split(" #", 1)[0] for line in lines if not line.lstrip().startswith("#")]


def test_build_ps1_runs_every_native_tool_through_the_exit_code_check():
    helpers = {"Invoke-Native", "Get-NativeOutput"}
    inside: str | None = None
    depth = 0
    for line in _ps1_code():
        match = re.match(r"function ([\w-]+)", line)
        if match and depth == 0:
            inside = match.group(1)
        depth += line.count("{") - line.count("}")
        if depth == 0:
            inside = None if not match else inside
        if re.search(r"(^|[;|(]\s*)&\s", line):
            assert inside in helpers, f"native call outside the checked helpers: {line.strip()}"
    code = "\n".join(_ps1_code())
    assert "if ($LASTEXITCODE -ne 0)" in code
    # stderr lines become plain text, not errors (Windows PowerShell 5.1)
    assert '2>&1 | ForEach-Object { "$_" }' in code


def test_build_ps1_reads_the_version_like_the_deb_and_starts_from_the_root():
    code = "\n".join(_ps1_code())
    assert re.search(r"Set-Location \$Root", code)
    assert '"packaging\\platform_meta.py", "version"' in code
    assert '"/DAppVersion=$Version", "/DAppFileVersion=$FileVersion"' in code
    # platform_meta's version is bundle_policy.project_version, as build_deb.sh reads it.
    deb = (ROOT / "packaging" / "build_deb.sh").read_text(encoding="utf-8")
    assert "bundle_policy.project_version" in deb
    assert "bundle_policy.project_version(root)" in (
        ROOT / "packaging" / "platform_meta.py"
    ).read_text(encoding="utf-8")
    # the icon path handed to the spec is absolute
    assert '$env:SJSREF_ICON = Join-Path $Root "build\\icons\\sjsref.ico"' in code


def test_build_ps1_finds_iscc_where_inno_setup_installs_it():
    code = "\n".join(_ps1_code())
    assert '"Inno Setup 6_is1"' in code  # the uninstall key Inno Setup writes
    assert '@("Inno Setup 7", "Inno Setup 6")' in code
    for folder in ("${env:ProgramFiles(x86)}", "$env:ProgramFiles", '"Programs"'):
        assert folder in code


def _platform_meta():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        return importlib.import_module("platform_meta")
    finally:
        sys.path.remove(str(ROOT / "packaging"))
