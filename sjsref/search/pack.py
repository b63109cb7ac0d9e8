"""Open the content pack: the library and its search index, with ``sqlite3`` alone.

What the window loads (on a worker thread, after its first paint). The pack
was checked, rendered and indexed when it was built (:mod:`sjsref.search.build`);
here it is only verified and read: the integrity manifest first (in an
installed app it lists the pack), then the pack's own record of the sources
it was built from. A missing, stale, damaged or modified pack raises a
:class:`ContentError` with one plain message, as a broken library always did,
and nothing of it is shown. Neither pydantic nor markdown-it is imported.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sjsref.content.errors import ContentError
from sjsref.content.integrity import require_integrity
from sjsref.content.pack_sources import BUILD_COMMAND, PACK_NAME, damage, pack_path, staleness
from sjsref.content.packed import PACK_FORMAT, Calculator, Library, read_library
from sjsref.content.paths import resources_dir
from sjsref.search.index import SearchIndex
from sjsref.search.results import KINDS, Document, Kind
from sjsref.search.synonyms import SynonymError, Synonyms
from sjsref.search.weights import WEIGHTS_FORMAT

# What open_pack raises when the pack or the resources are broken or unreadable;
# a front end reports these plainly (anything else is a bug).
LOAD_ERRORS = (ContentError, OSError)

# Map the pack into memory rather than copying pages into SQLite's cache: the
# index is read, never written, and the operating system shares the pages.
MMAP_BYTES = 1 << 30


@dataclass(frozen=True)
class Packed:
    """Everything the window shows and searches, read from the pack.

    Attributes:
        library: The library's articles, references and tables.
        index: The warmed search index.
        calculators: The calculators as the pack lists them (ids, names, purposes).
        integrity: The content check's one-line summary.
    """

    library: Library
    index: SearchIndex
    calculators: tuple[Calculator, ...]
    integrity: str


def open_pack(root: Path | None = None) -> Packed:
    """Verify and read the content pack of ``root`` (``resources/`` when None).

    Raises:
        ContentError: The content was modified (a manifest says so), or the
            pack is missing, built from other sources, or damaged.
        OSError: A file cannot be read.
    """
    root = resources_dir() if root is None else root
    report = require_integrity(root)  # modified content is never read, let alone shown
    path = pack_path(root)
    if not path.is_file():
        raise ContentError(
            f"The content pack {PACK_NAME} is missing from {root}. Reinstall SJSRef "
            f"(in a source checkout, build it: {BUILD_COMMAND})."
        )
    broken = damage(path, report.digests.get(PACK_NAME))
    if broken is not None:
        raise ContentError(_damaged(broken))
    db = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    try:
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        written = (meta.get("format"), meta.get("weights"))
        if written != (PACK_FORMAT, WEIGHTS_FORMAT):
            raise ContentError(
                f"The content pack {PACK_NAME} was written by another version of SJSRef "
                f"(format {written!r}, this one reads {(PACK_FORMAT, WEIGHTS_FORMAT)!r}). "
                f"Reinstall SJSRef (in a source checkout: {BUILD_COMMAND})."
            )
        stale = staleness(root, report, meta)
        if stale is not None:
            raise ContentError(stale)
        library = read_library(db, report.summary())
        index = read_index(db, Synonyms.from_json(meta["synonyms"]))
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError, SynonymError) as exc:
        db.close()
        raise ContentError(_damaged(f"{type(exc).__name__}: {exc}")) from exc
    except ContentError:
        db.close()
        raise
    return Packed(library, index, library.calculators, report.summary())


def _damaged(why: str) -> str:
    """The one message for a pack that cannot be trusted, whatever broke it."""
    return (
        f"The content pack {PACK_NAME} is damaged ({why}), so nothing of it is shown. "
        f"Reinstall SJSRef (in a source checkout: {BUILD_COMMAND})."
    )


def read_index(db: sqlite3.Connection, synonyms: Synonyms) -> SearchIndex:
    """The pack's index, checked page by page, with its documents read back and warmed.

    Raises:
        sqlite3.DatabaseError, ValueError: The pack is damaged.
    """
    # A truncated or overwritten file can keep a valid header and table list;
    # reading every page once here turns that into one load error, not a
    # failure on some later keystroke (about 2 ms for the real library).
    (verdict,) = db.execute("PRAGMA quick_check").fetchone()
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {verdict}")
    documents: list[Document] = []
    kinds = frozenset(KINDS)
    rows = db.execute(
        "SELECT d.rowid, d.kind, d.title, x.body, d.target, d.keywords, d.context "
        "FROM documents AS d JOIN docs AS x ON x.rowid = d.rowid ORDER BY d.rowid"
    )
    for row, kind, title, body, target, keywords, context in rows:
        if row != len(documents) or kind not in kinds:
            raise ValueError(f"document {row} is out of place or of no known kind ({kind!r})")
        documents.append(_document(kind, title, body, target, keywords, context))
    index = SearchIndex.prebuilt(db, documents, [d.body for d in documents], synonyms)
    index.warm()
    return index


def _document(
    kind: Kind, title: str, body: str, target: str, keywords: str, context: str
) -> Document:
    # The body is the indexed (cleaned) text: what snippets are cut from.
    return Document(kind, title, body, target, tuple(json.loads(keywords)), context)
