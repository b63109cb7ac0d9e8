"""Where the content pack lives, and proof of what it was built from.

The pack is ``resources/library.sqlite``: inside ``resources/``, so the
integrity manifest of an installed app lists it beside the sources, and
every layout that finds ``resources/`` finds it. It records the digest of
every other content file (and, from a source checkout, of the code that
shaped it), so a pack built from other sources is refused, never shown
silently. ``python -m sjsref.search.build`` writes it.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Mapping
from pathlib import Path

from sjsref.content.integrity import IntegrityReport, content_files, sha256_file

PACK_NAME = "library.sqlite"
# What a build writes before moving it into place as PACK_NAME.
PARTIAL_NAME = f".{PACK_NAME}.partial"
# The SHA-256 of the pack's bytes, written beside it by the build (sha256sum's
# format). SQLite's own check finds a broken page structure, not a changed
# byte inside a row; this finds both, in about 2 ms for the real library.
DIGEST_NAME = f"{PACK_NAME}.sha256"
# The build's own output in resources/: never a source of the pack.
_NOT_SOURCES = frozenset({PACK_NAME, PARTIAL_NAME, DIGEST_NAME, f".{DIGEST_NAME}.partial"})
BUILD_COMMAND = "python -m sjsref.search.build"
# The packages whose code decides what goes into the pack: the calculators'
# names and citations, the checks and rendering, the search documents.
_SHAPING_PACKAGES = ("clinical", "content", "search")


def pack_path(root: Path) -> Path:
    """The content pack of the ``resources/`` directory ``root``."""
    return root / PACK_NAME


def partial_path(target: Path) -> Path:
    """Where a build writes the pack ``target`` before moving it into place."""
    return target.with_name(f".{target.name}.partial")


def digest_path(target: Path) -> Path:
    """Where the build records the SHA-256 of the pack ``target``."""
    return target.with_name(f"{target.name}.sha256")


def write_digest(target: Path) -> None:
    """Record the SHA-256 of the pack ``target`` beside it."""
    record = digest_path(target)
    partial = record.with_name(f".{record.name}.partial")
    partial.write_text(f"{sha256_file(target)}  {target.name}\n", encoding="utf-8")
    partial.replace(record)


def damage(target: Path, known: str | None = None) -> str | None:
    """Why the bytes of the pack ``target`` are not those its build recorded, or None.

    Args:
        target: The pack file.
        known: Its SHA-256 if already computed (the integrity check hashed it).
    """
    try:
        recorded = digest_path(target).read_text(encoding="utf-8").split(maxsplit=1)[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return f"{digest_path(target).name}, the record of its bytes, is missing or unreadable"
    actual = known or sha256_file(target)
    if actual != recorded:
        return "its bytes are not those its build recorded (truncated or changed since)"
    return None


def source_digests(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every content file of ``root`` but the pack."""
    digests = {}
    for path in content_files(root):
        rel = path.relative_to(root).as_posix()
        if rel not in _NOT_SOURCES:
            digests[rel] = sha256_file(path)
    return digests


def sources_digest(digests: Mapping[str, str]) -> str:
    """One digest over the sources: their paths and SHA-256s (the build's output left out)."""
    sources = sorted(rel for rel in digests if rel not in _NOT_SOURCES)
    lines = "".join(f"{digests[rel]}  {rel}\n" for rel in sources)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def code_digest() -> str | None:
    """Digest of the code that shapes the pack; None in a frozen app (no source files)."""
    if getattr(sys, "frozen", False):
        return None
    package = Path(__file__).resolve().parents[1]
    files = sorted(p for name in _SHAPING_PACKAGES for p in (package / name).glob("*.py"))
    if not files:
        return None
    lines = "".join(f"{sha256_file(p)}  {p.relative_to(package).as_posix()}\n" for p in files)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def staleness(root: Path, report: IntegrityReport, meta: Mapping[str, str]) -> str | None:
    """Why the pack of ``root`` does not match its sources (or this code), or None.

    Args:
        root: The ``resources/`` directory.
        report: Its integrity report; when verified, its digests are used
            instead of hashing the files again.
        meta: The pack's ``meta`` table.
    """
    digests = report.digests or source_digests(root)
    if meta.get("sources") != sources_digest(digests):
        return (
            f"The content pack {PACK_NAME} was built from other sources than those in "
            f"{root} now (an article, reference, table or synonym changed since). "
            f"Rebuild it: {BUILD_COMMAND}"
        )
    code = code_digest()
    if code is not None and meta.get("code") != code:
        return (
            f"The content pack {PACK_NAME} was built by other code than this copy of SJSRef "
            f"(sjsref/clinical, content or search changed since). Rebuild it: {BUILD_COMMAND}"
        )
    return None
