"""Full-text search over the library and the calculators (SQLite FTS5).

``documents_from`` turns the loaded library and the calculator registry into
:class:`Document` values; :class:`SearchIndex` indexes them in memory and
answers :meth:`SearchIndex.search` with a :class:`SearchResult`: ranked
:class:`Hit` values and the words corrected or dropped. Synonyms,
abbreviations and the HLA alleles the library discusses are data, in
``resources/synonyms.toml``. ``build_index`` does all three for the app.
"""

from sjsref.search.documents import build_index, documents_from
from sjsref.search.index import SearchIndex
from sjsref.search.results import Document, Hit, SearchResult
from sjsref.search.synonyms import SynonymError, Synonyms, load_synonyms

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
