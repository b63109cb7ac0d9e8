"""The installer, end to end: build the bundle and the .deb, install, run, remove.

Slow (about two minutes) and needs root for ``dpkg -i``: selected with
``-m packaging``. The bundle and the .deb are built once per session. Tools:
``scripts/install_packaging_deps.sh`` installs the ones that are missing.

The tests run in file order and share one installation: install, check,
remove last.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sjsref.content.integrity import IntegrityStatus, check_integrity, verify_manifest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
PREFIX = Path("/usr/lib/sjsref")
LAUNCHER = Path("/usr/bin/sjsref")
APP_ID = "org.sjsref.SJSRef"
DESKTOP = Path("/usr/share/applications") / f"{APP_ID}.desktop"
METAINFO = Path("/usr/share/metainfo") / f"{APP_ID}.metainfo.xml"

# A case every criterion of SCORTEN is met in (7/7), with urea in mg/dL so
# that the unit conversion runs too.
SCORTEN_ARGS = [
    "scorten",
    "--age", "62",
    "--heart-rate", "128",
    "--malignancy", "yes",
    "--detached-bsa", "35",
    "--urea", "80",
    "--urea-unit", "mg/dL",
    "--bicarbonate", "17",
    "--glucose", "290",
    "--glucose-unit", "mg/dL",
    "--json",
]  # fmt: skip

TOOLS = ["dpkg-deb", "dpkg-shlibdeps", "lintian", "desktop-file-validate", "rsvg-convert"]
TOOLS += ["patchelf", "xvfb-run", "unshare", "ldd"]


@dataclass(frozen=True)
class Built:
    deb: Path
    version: str  # pyproject.toml's, as `sjsref --version` prints it (0.2.0rc1)
    deb_version: str  # its Debian spelling, in the file name and control file (0.2.0~rc1)


def _run(
    cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


def _app_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment for the installed app: its own HOME, no display."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "LANG": "C.UTF-8",
    }
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    env.update(extra)
    return env


def _versions() -> tuple[str, str]:
    """The version as the spec reads it, and as build_deb.sh spells it for Debian
    (packaging/bundle_policy.py; tests/packaging/test_versions.py checks the
    spelling without building)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import bundle_policy
    finally:
        sys.path.pop(0)
    version: str = bundle_policy.project_version(ROOT)
    deb_version: str = bundle_policy.debian_version(version)
    return version, deb_version


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("builds and installs a .deb: needs Linux and root (CI runs as root)")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"missing {missing}: run scripts/install_packaging_deps.sh")
    out = tmp_path_factory.mktemp("deb")
    env = dict(os.environ, PYTHON=sys.executable)
    done = _run([str(ROOT / "packaging" / "build_deb.sh"), "--out", str(out)], env=env, timeout=900)
    assert done.returncode == 0, done.stderr[-6000:]
    deb = Path(done.stdout.strip().splitlines()[-1])
    version, deb_version = _versions()
    return Built(deb=deb, version=version, deb_version=deb_version)


@pytest.fixture(scope="module")
def installed(built: Built) -> Iterator[Built]:
    _run(["dpkg", "--purge", "sjsref"])  # a leftover from an interrupted run
    done = _run(["dpkg", "-i", str(built.deb)])
    assert done.returncode == 0, done.stdout + done.stderr
    yield built
    _run(["dpkg", "--purge", "sjsref"])


def test_package_is_named_and_versioned_from_pyproject(built: Built) -> None:
    assert built.deb.name == f"sjsref_{built.deb_version}_amd64.deb"
    fields = _run(["dpkg-deb", "--field", str(built.deb), "Package", "Version", "Architecture"])
    assert fields.stdout.splitlines() == [
        "Package: sjsref",
        f"Version: {built.deb_version}",
        "Architecture: amd64",
    ]


def test_depends_names_the_xcb_libraries_the_bundle_does_not_carry(built: Built) -> None:
    depends = _run(["dpkg-deb", "--field", str(built.deb), "Depends"]).stdout
    packages = {item.split()[0] for item in depends.replace("|", ",").split(",") if item.strip()}
    # The two that are easy to miss (issue 7), and the rest of Qt's xcb plugin.
    for name in ["libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"]:
        assert name in packages, depends
    for name in ["libegl1", "libfontconfig1", "libx11-xcb1", "libxcb-randr0"]:
        assert name in packages, depends


def test_every_installed_library_resolves(installed: Built) -> None:
    unresolved = []
    for path in sorted(PREFIX.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        for line in _run(["ldd", str(path)]).stdout.splitlines():
            if "not found" in line:
                unresolved.append(f"{path}: {line.strip()}")
    assert unresolved == []


def test_installed_version_is_the_pyproject_version(installed: Built, tmp_path: Path) -> None:
    done = _run([str(LAUNCHER), "--version"], env=_app_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"sjsref {installed.version}"


def test_desktop_entry_and_metainfo_validate(installed: Built) -> None:
    done = _run(["desktop-file-validate", str(DESKTOP)])
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    entry = DESKTOP.read_text(encoding="utf-8")
    assert "Categories=Science;MedicalSoftware;" in entry
    assert f"Icon={APP_ID}" in entry
    icon = Path("/usr/share/icons/hicolor/48x48/apps") / f"{APP_ID}.png"
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if shutil.which("appstreamcli"):
        done = _run(["appstreamcli", "validate", "--no-net", str(METAINFO)])
        assert done.returncode == 0, done.stdout + done.stderr


def test_installed_content_is_verified(installed: Built) -> None:
    report = check_integrity(PREFIX / "_internal" / "resources")
    assert report.status is IntegrityStatus.VERIFIED, report.problems


def _self_test_ok(done: subprocess.CompletedProcess[str]) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "Could not load the Qt platform plugin" not in output
    assert "Content verified" in output, output[-4000:]


def test_self_test_offscreen_without_network(installed: Built, tmp_path: Path) -> None:
    env = _app_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    done = _run(["unshare", "--net", str(LAUNCHER), "--self-test"], env=env)
    _self_test_ok(done)


def test_self_test_in_a_real_x_server_without_network(installed: Built, tmp_path: Path) -> None:
    # Xvfb runs outside the empty network namespace; the app reaches it
    # through the socket file in /tmp/.X11-unix, not over a network.
    # QT_DEBUG_PLUGINS shows that the xcb plugin (and so every system
    # library it links) was really loaded.
    env = _app_env(tmp_path, QT_QPA_PLATFORM="xcb", QT_DEBUG_PLUGINS="1")
    cmd = ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1366x768x24 -nolisten tcp"]
    cmd += ["unshare", "--net", str(LAUNCHER), "--self-test"]
    done = _run(cmd, env=env)
    _self_test_ok(done)
    assert 'plugins/platforms/libqxcb.so" loaded library' in done.stderr


def test_installed_calculator_matches_the_source_checkout(installed: Built, tmp_path: Path) -> None:
    frozen = _run(["unshare", "--net", str(LAUNCHER), *SCORTEN_ARGS], env=_app_env(tmp_path))
    assert frozen.returncode == 0, frozen.stderr
    source_env = dict(os.environ, PYTHONPATH=str(ROOT))
    source = _run([sys.executable, "-m", "sjsref", *SCORTEN_ARGS], env=source_env)
    assert source.returncode == 0, source.stderr
    frozen_result = json.loads(frozen.stdout)
    assert frozen_result == json.loads(source.stdout)
    assert frozen_result["score"] == 7


def test_a_modified_content_file_is_caught(installed: Built, tmp_path: Path) -> None:
    copy = tmp_path / "sjsref"
    shutil.copytree(PREFIX, copy, symlinks=True)
    article = sorted((copy / "_internal" / "resources" / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    rel = article.relative_to(copy / "_internal" / "resources").as_posix()
    expected = f"Content file changed since it was shipped: {rel}"
    assert verify_manifest(copy / "_internal" / "resources") == [expected]
    home = tmp_path / "home"
    home.mkdir()
    env = _app_env(home, QT_QPA_PLATFORM="offscreen")
    done = _run(["unshare", "--net", str(copy / "sjsref"), "--self-test"], env=env)
    assert done.returncode != 0
    assert expected in done.stdout + done.stderr


def _tamper_edit(resources: Path, name: str) -> str:
    path = resources / name
    path.write_text(path.read_text(encoding="utf-8").replace("120", "100") + "\n", "utf-8")
    return name


TAMPERS = {
    # The probe of issue 12: each was read by the installed app without a word.
    "article": (lambda r: _tamper_edit(r, "articles/08-severity.md"), ["show", "severity"]),
    "rendered": (lambda r: _tamper_edit(r, "references.rendered.json"), ["references"]),
    "synonyms": (lambda r: _tamper_edit(r, "synonyms.toml"), ["search", "lyell"]),
    "hidden": (
        lambda r: (
            shutil.copy(r / "articles/08-severity.md", r / "articles/.rogue.md")
            and "articles/.rogue.md"
        ),
        ["articles"],
    ),
    "no manifest": (lambda r: (r / "MANIFEST.sha256").unlink() or "MANIFEST.sha256", ["articles"]),
}


@pytest.mark.parametrize("kind", list(TAMPERS))
def test_every_way_of_reading_tampered_content_refuses_it(
    installed: Built, tmp_path: Path, kind: str
) -> None:
    copy = tmp_path / "sjsref"
    shutil.copytree(PREFIX, copy, symlinks=True)
    tamper, command = TAMPERS[kind]
    named = tamper(copy / "_internal" / "resources")
    home = tmp_path / "home"
    home.mkdir()
    env = _app_env(home, QT_QPA_PLATFORM="offscreen")
    done = _run(["unshare", "--net", str(copy / "sjsref"), *command], env=env)
    assert done.returncode == 1 and done.stdout == "", done.stdout + done.stderr
    assert "Content modified, so it is not shown" in done.stderr and named in done.stderr
    checked = _run(["unshare", "--net", str(copy / "sjsref"), "--self-test"], env=env)
    assert checked.returncode != 0 and named in checked.stdout + checked.stderr


def test_removal_leaves_nothing_behind(installed: Built) -> None:
    done = _run(["dpkg", "-r", "sjsref"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert not PREFIX.exists()
    assert not LAUNCHER.is_symlink() and not LAUNCHER.exists()
    assert not DESKTOP.exists()
    assert not (Path("/usr/share/icons/hicolor/48x48/apps") / f"{APP_ID}.png").exists()
    assert not Path("/usr/share/doc/sjsref").exists()
    status = _run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}", "sjsref"]).stdout
    assert not status.startswith("ii"), status
