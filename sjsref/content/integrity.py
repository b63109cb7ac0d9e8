"""Proof that the content on disk is the content that was reviewed and shipped.

When the installer is built, every content file under ``resources/`` is hashed
into ``resources/MANIFEST.sha256``. Every way of reading the library (the
window, each command, the self-test) goes through the loader, which checks the
files against it first and refuses modified content. A source checkout has no
manifest: its content is then *unverified*, which is reported as such and is
not an error. An installed (frozen) app without its manifest is *modified*:
deleting the manifest must not switch the check off.

The manifest uses the format of GNU ``sha256sum`` (``<hex>  <path>``, one file
a line, paths relative to ``resources/`` with ``/`` separators), so an
administrator can check an installation without the app::

    cd /usr/lib/sjsref/_internal/resources && sha256sum -c MANIFEST.sha256
"""

from __future__ import annotations

import enum
import hashlib
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sjsref.content.errors import ContentError

MANIFEST_NAME = "MANIFEST.sha256"

# One manifest line: 64 lowercase hex digits, two spaces (text mode in
# sha256sum's notation), then the relative path.
_LINE = re.compile(r"^(?P<digest>[0-9a-f]{64})  (?P<path>[^\n]+)$")

# Files that are never content: the manifest itself, and what Python or a file
# browser may leave behind. Anything else, hidden or not, is content: the loader
# reads from this same list, so a file the check skips is a file never loaded.
_IGNORED_PARTS = {"__pycache__", ".DS_Store", "Thumbs.db"}


class IntegrityStatus(enum.Enum):
    """Outcome of comparing the content on disk with the manifest."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    MODIFIED = "modified"


@dataclass(frozen=True)
class IntegrityReport:
    """What ``check_integrity`` found.

    Attributes:
        status: verified, unverified (no manifest) or modified.
        problems: one plain sentence per problem; empty unless modified.
        files_checked: number of files the manifest lists.
        digests: relative path -> SHA-256 of every content file, when verified
            (so the content pack's freshness check need not hash them again).
    """

    status: IntegrityStatus
    problems: tuple[str, ...]
    files_checked: int
    digests: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def summary(self) -> str:
        """One line for a clinician: what the content check means for them."""
        if self.status is IntegrityStatus.VERIFIED:
            return f"Content verified: {self.files_checked} files match the shipped manifest."
        if self.status is IntegrityStatus.UNVERIFIED:
            return "Content unverified: no manifest (running from a source checkout)."
        return (
            "Content modified: the files on disk are not the content that was reviewed "
            f"and shipped ({len(self.problems)} problem(s)). Reinstall SJSRef."
        )


def content_files(resources_dir: Path) -> Iterator[Path]:
    """Every content file under ``resources_dir``, sorted, manifest excluded.

    The one enumeration: the manifest is written from it, checked against it,
    and the loader reads its articles from it.
    """
    for path in sorted(resources_dir.rglob("*")):
        rel = path.relative_to(resources_dir)
        if not path.is_file() or rel.as_posix() == MANIFEST_NAME:
            continue
        if any(part in _IGNORED_PARTS for part in rel.parts):
            continue
        yield path


def is_installed() -> bool:
    """True in a shipped build (PyInstaller bundle, .deb), which must carry its manifest."""
    return bool(getattr(sys, "frozen", False))


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (read in 1 MiB blocks)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_manifest(resources_dir: Path) -> str:
    """Manifest text for every content file under ``resources_dir``.

    Raises:
        ValueError: a file name holds a newline or a backslash, which the
            sha256sum format cannot carry unescaped.
    """
    lines = []
    for path in content_files(resources_dir):
        rel = path.relative_to(resources_dir).as_posix()
        if "\n" in rel or "\\" in rel:
            raise ValueError(f"content file name cannot go in a manifest: {rel!r}")
        lines.append(f"{sha256_file(path)}  {rel}\n")
    return "".join(lines)


def write_manifest(resources_dir: Path, dest: Path | None = None) -> Path:
    """Write the manifest of ``resources_dir`` (into it unless ``dest`` is given)."""
    target = dest if dest is not None else resources_dir / MANIFEST_NAME
    target.write_text(build_manifest(resources_dir), encoding="utf-8", newline="\n")
    return target


def _parse(text: str) -> tuple[dict[str, str], list[str]]:
    entries: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line)
        if match is None:
            problems.append(f"{MANIFEST_NAME} line {number} is not '<sha256>  <path>'.")
            continue
        rel = match["path"]
        if rel.startswith("/") or ".." in rel.split("/"):
            problems.append(f"{MANIFEST_NAME} line {number} points outside resources: {rel}")
        elif rel in entries:
            problems.append(f"{MANIFEST_NAME} lists {rel} twice.")
        else:
            entries[rel] = match["digest"]
    return entries, problems


def check_integrity(resources_dir: Path, installed: bool | None = None) -> IntegrityReport:
    """Compare every content file with the manifest in ``resources_dir``.

    A missing manifest gives ``UNVERIFIED`` in a source checkout and
    ``MODIFIED`` in an installed app (``installed`` defaults to
    :func:`is_installed`). Otherwise every listed file must exist with the
    listed hash, and no unlisted content file may be present (an added
    article, hidden or not, would change what the app shows).
    """
    manifest = resources_dir / MANIFEST_NAME
    if not manifest.is_file():
        if installed if installed is not None else is_installed():
            problem = f"{MANIFEST_NAME} is missing, so this installed copy cannot be verified."
            return IntegrityReport(IntegrityStatus.MODIFIED, (problem,), 0)
        return IntegrityReport(IntegrityStatus.UNVERIFIED, (), 0)
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"{MANIFEST_NAME} cannot be read: {exc}"
        return IntegrityReport(IntegrityStatus.MODIFIED, (problem,), 0)
    entries, problems = _parse(text)
    if not entries and not problems:
        problems.append(f"{MANIFEST_NAME} is empty.")
    for rel, expected in entries.items():
        path = resources_dir / rel
        if not path.is_file():
            problems.append(f"Missing content file: {rel}")
        elif sha256_file(path) != expected:
            problems.append(f"Content file changed since it was shipped: {rel}")
    for path in content_files(resources_dir):
        rel = path.relative_to(resources_dir).as_posix()
        if rel not in entries:
            problems.append(f"Content file not in the shipped manifest: {rel}")
    if problems:
        return IntegrityReport(IntegrityStatus.MODIFIED, tuple(problems), len(entries))
    return IntegrityReport(IntegrityStatus.VERIFIED, (), len(entries), entries)


def require_integrity(resources_dir: Path) -> IntegrityReport:
    """Check the content and refuse it if modified; return the report otherwise.

    Raises:
        ContentError: naming every changed, missing or extra file, one plain
            message first ("Content modified: ... Reinstall SJSRef.").
    """
    report = check_integrity(resources_dir)
    if report.status is IntegrityStatus.MODIFIED:
        first = f"Content modified, so it is not shown: {report.problems[0]} Reinstall SJSRef."
        raise ContentError(first, [first, *report.problems[1:]])
    return report


def verify_manifest(resources_dir: Path) -> list[str]:
    """Problems found comparing the content with its manifest; empty if it matches.

    Also empty when there is no manifest (a source checkout): call
    ``check_integrity`` to tell verified from unverified.
    """
    return list(check_integrity(resources_dir).problems)
