"""Load the library and build its index: the one start-up path of every front end.

The window (on a worker thread), ``sjsref search``, the view previews and the
search benchmark all call :func:`load_content`, so they read and index the
same things the same way. It never touches Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sjsref.clinical.registry import CALCULATORS, CalculatorInfo
from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.models import Library
from sjsref.content.paths import resources_dir
from sjsref.search.documents import build_index
from sjsref.search.index import SearchIndex
from sjsref.search.synonyms import SynonymError

# What load_content raises when the resources are broken or unreadable; a front
# end reports these plainly (anything else is a bug and keeps its traceback).
LOAD_ERRORS = (ContentError, SynonymError, OSError)


@dataclass(frozen=True)
class Loaded:
    """Everything the app shows and searches.

    Attributes:
        library: The checked library.
        index: The warmed search index over the library and the calculators.
        calculators: The calculator registry the index was built from.
        integrity: The content check's one-line summary.
    """

    library: Library
    index: SearchIndex
    calculators: tuple[CalculatorInfo, ...]
    integrity: str


def load_content(root: Path | None = None) -> Loaded:
    """Read and check the library, then build and warm its search index.

    ``root`` is the ``resources/`` directory, as for
    :func:`~sjsref.content.loader.load_library`. Raises one of
    :data:`LOAD_ERRORS` when the library breaks a rule, was modified,
    ``synonyms.toml`` is malformed, or a file cannot be read.
    """
    root = resources_dir() if root is None else root
    library = load_library(root)
    index = build_index(library, CALCULATORS, root)
    return Loaded(library, index, CALCULATORS, library.integrity)
