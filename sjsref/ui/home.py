"""What the window shows before anything is opened: the home page and the browse list.

Plain functions of the loaded library and the calculator registry, so the
window only places their HTML and rows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sjsref.ui.navigation import REFERENCES
from sjsref.ui.search_panel import Row

if TYPE_CHECKING:
    from sjsref.content.packed import Calculator, Library
    from sjsref.search.pack import Packed as Loaded


def home_html(library: Library, calculators: Sequence[Calculator]) -> str:
    """The start page: calculators, articles, references, in that order."""
    calcs = "".join(
        f'<li><a href="calc:{c.id}"><b>{html.escape(c.name)}</b></a>: {html.escape(c.purpose)}</li>'
        for c in calculators
    )
    articles = "".join(
        f'<li><a href="article:{a.id}"><b>{html.escape(a.title)}</b></a>: '
        f"{html.escape(a.summary)}</li>"
        for a in library.articles
    )
    return (
        "<h1>SJSRef</h1>"
        "<p>Type in the search box above (Ctrl+K) to find an article section, a calculator, "
        "a drug or a reference.</p>"
        f"<h2>Calculators</h2><ul>{calcs}</ul>"
        f"<h2>Articles</h2><ul>{articles}</ul>"
        "<h2>Tables</h2>"
        f'<p><a href="table:drugs"><b>Drug table</b></a>: the {len(library.tables.drugs)} '
        "drugs associated with SJS/TEN, with ALDEN's notoriety and latency. "
        f'<a href="table:hla"><b>HLA table</b></a>: {len(library.tables.hla)} alleles, their '
        "drugs and the CPIC recommendations.</p>"
        f'<h2>References</h2><p><a href="{REFERENCES}">All {len(library.references)} '
        "references</a>, in AMA style.</p>"
        "<p><i>A reference, not a substitute for clinical judgement.</i></p>"
    )


def calculator_rows(calculators: Sequence[Calculator] | None = None) -> list[Row]:
    """Every calculator as a row of the results list (from the registry if not given)."""
    if calculators is None:  # the library did not load: the registry still lists them
        from sjsref.clinical.registry import CALCULATORS

        listed = [(c.id, c.name, c.purpose) for c in CALCULATORS]
    else:
        listed = [(c.id, c.name, c.purpose) for c in calculators]
    return [Row("calculator", name, html.escape(text), f"calc:{c}") for c, name, text in listed]


def browse_rows(loaded: Loaded) -> list[Row]:
    """What the results list shows while the search box is empty."""
    rows = calculator_rows(loaded.calculators)
    rows += [
        Row("article", a.title, html.escape(a.summary), f"article:{a.id}")
        for a in loaded.library.articles
    ]
    tables = loaded.library.tables
    rows.append(Row("page", "Drug table", f"{len(tables.drugs)} drugs, sortable", "table:drugs"))
    rows.append(Row("page", "HLA table", f"{len(tables.hla)} alleles and drugs, CPIC", "table:hla"))
    count = len(loaded.library.references)
    rows.append(Row("page", "References", f"All {count} references, AMA style", REFERENCES))
    return rows


def load_failed_html(exc: BaseException) -> str:
    """The page-wide notice that replaces a library that is missing, damaged or modified."""
    problems = getattr(exc, "problems", None) or [str(exc)]
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:20])
    return (
        "<h1>The library could not be loaded</h1>"
        "<p>The articles and references bundled with SJSRef are missing, damaged or "
        "modified since they were reviewed, so none of them is shown. The calculators, "
        "whose numbers are part of the program, still work. Reinstall SJSRef to repair "
        "it.</p>"
        f"<p>Details for a bug report:</p><ul>{items}</ul>"
    )
