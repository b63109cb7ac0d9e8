"""Build the content pack: validate, render and index the library once, into one file.

``python -m sjsref.search.build [RESOURCES] [--out FILE] [--check]`` reads
``resources/`` with the checking loader (pydantic: every rule of
resources/README.md), renders each article and the reference list, makes
the search documents and indexes them with FTS5, and writes it all into
``resources/library.sqlite`` with the digest of the sources it read. The
window then opens that file with ``sqlite3`` alone (:mod:`sjsref.search.pack`),
as Zeal and Dash docsets and Kiwix ZIM files ship a pre-built index.

It lives in the search layer, not in ``sjsref.content``, because the pack
holds the search index: the content layer sits below search and may not
import it. The set-up and test command (``scripts/dev.sh``) and the bundle
build (``packaging/sjsref.spec``) run it; it rewrites the pack only when the
sources or the code changed (``--force`` always does).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from sjsref.clinical.registry import CALCULATORS
from sjsref.content.errors import ContentError
from sjsref.content.integrity import check_integrity
from sjsref.content.loader import load_library
from sjsref.content.pack_sources import (
    BUILD_COMMAND,
    code_digest,
    damage,
    pack_path,
    partial_path,
    source_digests,
    sources_digest,
    staleness,
    write_digest,
)
from sjsref.content.pack_write import write_library
from sjsref.content.packed import PACK_FORMAT
from sjsref.content.paths import resources_dir
from sjsref.search.documents import SYNONYMS_FILE, documents_from
from sjsref.search.index import fill_docs
from sjsref.search.query import synonym_phrases
from sjsref.search.results import Document
from sjsref.search.synonyms import SynonymError, Synonyms, load_synonyms
from sjsref.search.weights import WEIGHTS_FORMAT, write_weights

INDEX_SCHEMA = """
CREATE TABLE documents(
    rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL,
    target TEXT NOT NULL, keywords TEXT NOT NULL, context TEXT NOT NULL);
"""


def write_index(db: sqlite3.Connection, documents: Sequence[Document], synonyms: Synonyms) -> None:
    """The search documents, their FTS5 index (bodies are kept in the index only) and weights."""
    db.executescript(INDEX_SCHEMA)
    db.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
        (
            (row, d.kind, d.title, d.target, json.dumps(d.keywords, ensure_ascii=False), d.context)
            for row, d in enumerate(documents)
        ),
    )
    fill_docs(db, documents)
    # One b-tree per column instead of one segment per insert batch: smaller
    # and quicker to query (https://sqlite.org/fts5.html#the_optimize_command).
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    # bm25 of every word in every document, so a query adds numbers up.
    write_weights(db, synonym_phrases(synonyms))


def build_pack(root: Path | None = None, out: Path | None = None) -> Path:
    """Check, render and index the library of ``root`` into a pack file; return its path.

    The file is written beside its destination and moved into place, so a
    build that fails or is interrupted never leaves a half-written pack.

    Raises:
        ContentError: The library breaks a rule, or a file changed during the build.
        SynonymError: ``synonyms.toml`` is malformed.
        OSError: A file cannot be read or written.
    """
    root = resources_dir() if root is None else root
    target = pack_path(root) if out is None else out
    partial = partial_path(target)
    partial.unlink(missing_ok=True)
    before = sources_digest(source_digests(root))
    library = load_library(root)
    synonyms = load_synonyms(root / SYNONYMS_FILE)
    documents = documents_from(library, CALCULATORS)
    db = sqlite3.connect(partial)
    try:
        # No journal file beside it in resources/: the file is thrown away on failure.
        db.execute("PRAGMA journal_mode = OFF")
        with db:
            write_library(db, library, CALCULATORS)
            write_index(db, documents, synonyms)
            if sources_digest(source_digests(root)) != before:
                raise ContentError(f"{root} changed during the build; build again")
            meta = {
                "format": PACK_FORMAT,
                "weights": WEIGHTS_FORMAT,
                "sources": before,
                "code": code_digest() or "",
                "synonyms": synonyms.to_json(),
                "documents": str(len(documents)),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.execute("VACUUM")  # no free pages: the same library gives the same bytes
    finally:
        db.close()
    os.replace(partial, target)
    write_digest(target)
    return target


def pack_problem(root: Path, pack: Path) -> str | None:
    """Why ``pack`` is not the up-to-date pack of ``root`` (missing, other format, stale)."""
    if not pack.is_file():
        return f"{pack} does not exist"
    broken = damage(pack)
    if broken is not None:
        return f"{pack}: {broken}"
    try:
        db = sqlite3.connect(f"{pack.resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            (verdict,) = db.execute("PRAGMA quick_check").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return f"{pack} cannot be read: {exc}"
    if verdict != "ok":
        return f"{pack} is damaged: {verdict}"
    if meta.get("format") != PACK_FORMAT:
        return f"{pack} has format {meta.get('format')!r}, not {PACK_FORMAT!r}"
    if meta.get("weights") != WEIGHTS_FORMAT:
        return f"{pack} has search weights {meta.get('weights')!r}, not {WEIGHTS_FORMAT!r}"
    return staleness(root, check_integrity(root, installed=False), meta)


def main(argv: list[str] | None = None) -> int:
    """Build the pack if missing or stale; exit 1, listing the problems, if the library breaks."""
    parser = argparse.ArgumentParser(prog=BUILD_COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("resources", nargs="?", type=Path, help="the resources/ directory")
    parser.add_argument("--out", type=Path, help="pack file (default: RESOURCES/library.sqlite)")
    parser.add_argument("--force", action="store_true", help="build even if up to date")
    parser.add_argument(
        "--check", action="store_true", help="build nothing; exit 1 if the pack is not up to date"
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        root = args.resources.resolve() if args.resources else resources_dir()
        target = args.out or pack_path(root)
        problem = None if args.force else pack_problem(root, target)
        if args.check:
            print(problem or f"{target} is up to date")
            return 1 if problem else 0
        if problem is None and not args.force:
            print(f"{target} is up to date")
            return 0
        built = build_pack(root, target)
    except ContentError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 1
    except (SynonymError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"built {built} ({built.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
