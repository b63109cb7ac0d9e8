"""Full-text search over the library and the calculators (SQLite FTS5).

``documents_from`` turns the loaded library and the calculator registry into
:class:`Document` values; :class:`SearchIndex` indexes them in memory and
answers :meth:`SearchIndex.search` with a :class:`SearchResult`: ranked
:class:`Hit` values and the words corrected or dropped. Synonyms,
abbreviations and the HLA alleles the library discusses are data, in
``resources/synonyms.toml``. ``build_index`` does all three for the app.
``sjsref.search.build`` writes the same index into the content pack, and
``sjsref.search.pack`` opens it.

This package imports nothing on its own: the window opens the pack without
the pydantic models that ``documents_from`` reads (they stay off its
start-up path), so each name is imported from its module when first asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sjsref.search.documents import build_index, documents_from
    from sjsref.search.index import SearchIndex
    from sjsref.search.results import Document, Hit, SearchResult
    from sjsref.search.synonyms import SynonymError, Synonyms, load_synonyms

_MODULES = {
    "Document": "results",
    "Hit": "results",
    "SearchIndex": "index",
    "SearchResult": "results",
    "SynonymError": "synonyms",
    "Synonyms": "synonyms",
    "build_index": "documents",
    "documents_from": "documents",
    "load_synonyms": "synonyms",
}

__all__ = [
    "Document",
    "Hit",
    "SearchIndex",
    "SearchResult",
    "SynonymError",
    "Synonyms",
    "build_index",
    "documents_from",
    "load_synonyms",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'sjsref.search' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sjsref.search.{_MODULES[name]}"), name)
