"""What the Windows and macOS installers say about themselves, from the one version.

Imported by ``packaging/sjsref.spec`` (Windows version resources, macOS
Info.plist, icon and entitlements paths) and run by the platform recipes:

    python packaging/platform_meta.py version        # 0.1.0 (pyproject.toml)
    python packaging/platform_meta.py file-version   # 0.1.0.0 (Windows resources)
    python packaging/platform_meta.py publisher-url  # [project.urls] Homepage, or ""
    python packaging/platform_meta.py support-url    # [project.urls] Issues, or ""

Like ``bundle_policy`` it needs only the standard library, so it runs inside
PyInstaller's spec namespace and in the tests on any platform.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

# Qt 6.11 (the pinned PySide6 6.11.3) supports macOS 13 or later
# (doc.qt.io/qt-6.11/macos.html, "Supported Configurations"); its wheels are
# built for 13, so a bundle that claimed 12 would fail to start there.
MACOS_MINIMUM = "13.0"
# Qt 6.11 supports Windows 10 1809 or later and Windows 11
# (doc.qt.io/qt-6.11/windows.html); 1809 is build 10.0.17763. The .iss
# repeats it as MinVersion, and tests/packaging checks they agree.
WINDOWS_MINIMUM = "10.0.17763"

BUNDLE_ID = "org.sjsref.SJSRef"
PRODUCT = "SJSRef"
PUBLISHER = "SJSRef maintainers"
COPYRIGHT = "SJSRef maintainers, MIT licence"

# Icon container each platform's executable takes; Linux uses the SVG theme icon.
ICON_SUFFIX = {"win32": ".ico", "darwin": ".icns"}

# Windows VERSIONINFO: US English (0x0409) strings in Unicode (code page 1200).
_LANG_CODEPAGE = "040904B0"
_TRANSLATION = [1033, 1200]
_VOS_NT_WINDOWS32 = 0x40004
_VFT_APP = 0x1


def numeric_version(version: str, parts: int) -> tuple[int, ...]:
    """The leading numbers of ``version``, cut or padded with zeros to ``parts``.

    Windows file versions take four numbers of at most 65535, and macOS
    ``CFBundleVersion`` one to three integers; a pre-release or local suffix
    (``0.2.0rc1``, ``0.2.0+hospital``) is dropped here and kept in the text
    versions.
    """
    match = re.match(r"\d+(\.\d+)*", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(n) for n in match.group(0).split(".")][:parts]
    numbers += [0] * (parts - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r}: each number must be at most 65535")
    return tuple(numbers)


def dotted(numbers: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in numbers)


def windows_version_info(version: str, exe_name: str, description: str) -> str:
    """A PyInstaller version file (``VSVersionInfo(...)`` text) for one exe.

    PyInstaller reads it with ``load_version_info_from_text_file``, which
    evaluates the text with its ``versioninfo`` classes in scope. The fixed
    part carries the numeric file and product version Explorer shows;
    ProductVersion in the strings keeps the full version text.
    """
    numbers = numeric_version(version, 4)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": dotted(numbers),
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers!r},\n"
        f"    prodvers={numbers!r},\n"
        "    mask=0x3F,\n"
        "    flags=0x0,\n"
        f"    OS={_VOS_NT_WINDOWS32:#x},\n"
        f"    fileType={_VFT_APP:#x},\n"
        "    subtype=0x0,\n"
        "    date=(0, 0),\n"
        "  ),\n"
        "  kids=[\n"
        f"    StringFileInfo([StringTable({_LANG_CODEPAGE!r}, [\n{structs},\n    ])]),\n"
        f"    VarFileInfo([VarStruct('Translation', {_TRANSLATION!r})]),\n"
        "  ],\n"
        ")\n"
    )


def macos_info_plist(version: str) -> dict[str, object]:
    """Info.plist entries for SJSRef.app (PyInstaller adds the bundle basics).

    Apple wants CFBundleShortVersionString as three integers and
    CFBundleVersion as one to three integers, digits and dots only.
    """
    short = dotted(numeric_version(version, 3))
    return {
        "CFBundleName": PRODUCT,
        "CFBundleDisplayName": PRODUCT,
        "CFBundleShortVersionString": short,
        "CFBundleVersion": short,
        "LSApplicationCategoryType": "public.app-category.medical",
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": COPYRIGHT,
        # follows the system light/dark appearance
        "NSRequiresAquaSystemAppearance": False,
    }


def existing_file(value: str | None, suffix: str, what: str) -> str | None:
    """``value`` as an absolute path to an existing ``suffix`` file, or None if unset.

    A relative path is taken from the current directory (the recipes run from
    the repository root). PyInstaller would otherwise take it from the spec's
    folder, packaging/, and stop with "icon not found".
    """
    if not value:
        return None
    path = Path(value).expanduser()
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if path.suffix.lower() != suffix:
        raise ValueError(f"{what} must be a {suffix} file: {path}")
    if not path.is_file():
        raise FileNotFoundError(f"{what} not found: {path} (relative paths start at {Path.cwd()})")
    return str(path)


def icon_path(value: str | None, platform: str) -> str | None:
    """The executable icon for ``platform`` (None on Linux and when unset)."""
    suffix = ICON_SUFFIX.get(platform)
    if suffix is None:
        return None
    return existing_file(value, suffix, "SJSREF_ICON")


def project_url(root: Path, label: str) -> str:
    """``[project.urls]`` entry ``label`` from pyproject.toml, or "" when there is none."""
    with (root / "pyproject.toml").open("rb") as handle:
        urls = tomllib.load(handle)["project"].get("urls", {})
    return str(urls.get(label, ""))


def _main(argv: list[str]) -> int:
    import bundle_policy  # packaging/ is sys.path[0] when run as a script

    root = Path(__file__).resolve().parent.parent
    version = bundle_policy.project_version(root)
    commands = {
        "version": version,
        "file-version": dotted(numeric_version(version, 4)),
        "publisher-url": project_url(root, "Homepage"),
        "support-url": project_url(root, "Issues"),
    }
    if len(argv) != 1 or argv[0] not in commands:
        sys.stderr.write(f"usage: platform_meta.py {{{','.join(commands)}}}\n")
        return 2
    print(commands[argv[0]])
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
