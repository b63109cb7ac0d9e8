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
from sjsref.ui.shortcuts import NUMBERED, keys_of, shown

TABLE_TITLES = {"table:drugs": "Drug table", "table:hla": "HLA table"}

if TYPE_CHECKING:
    from sjsref.content.packed import Calculator, Library
    from sjsref.search.pack import Packed as Loaded


def home_html(
    library: Library,
    calculators: Sequence[Calculator],
    pinned: Sequence[str] = (),
    recent: Sequence[str] = (),
) -> str:
    """The start page: pinned, recent, then calculators, articles, tables, references.

    Args:
        library: The loaded library.
        calculators: The registry, in order (Alt+1.. opens them in this order).
        pinned: Pinned targets; one no longer in the library is left out.
        recent: Targets opened last, newest first.
    """
    calcs = "".join(
        f'<li><a href="calc:{c.id}"><b>{html.escape(c.name)}</b></a>'
        f"{f' (Alt+{n})' if n <= NUMBERED else ''}: {html.escape(c.purpose)}</li>"
        for n, c in enumerate(calculators, start=1)
    )
    articles = "".join(
        f'<li><a href="article:{a.id}"><b>{html.escape(a.title)}</b></a>: '
        f"{html.escape(a.summary)}</li>"
        for a in library.articles
    )
    pins = _links(library, calculators, pinned)
    pins_html = (
        f"<h2>Pinned</h2><ul>{pins}</ul>"
        if pins
        else f"<p>Pin a calculator or an article section ({_key('toggle_pin')}) to keep it "
        "here.</p>"
    )
    recent_links = _links(library, calculators, recent)
    recent_html = f"<h2>Recently opened</h2><ul>{recent_links}</ul>" if recent_links else ""
    return (
        "<h1>SJSRef</h1>"
        f"<p>Type in the search box above ({_key('focus_search')}) to find an article section, "
        f"a calculator, a drug or a reference. {_key('show_shortcuts')} lists every keyboard "
        "shortcut.</p>"
        f"{pins_html}{recent_html}"
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


def _key(action: str) -> str:
    return html.escape(shown(keys_of(action)))


def _links(library: Library, calculators: Sequence[Calculator], targets: Sequence[str]) -> str:
    items = []
    for target in targets:
        title = target_title(library, target, calculators)
        if title is not None:
            items.append(f'<li><a href="{html.escape(target)}">{html.escape(title)}</a></li>')
    return "".join(items)


def target_title(
    library: Library, target: str, calculators: Sequence[Calculator] = ()
) -> str | None:
    """What a pinned or recent page is called; None when it is no longer there."""
    scheme, _, rest = target.partition(":")
    ident, _, anchor = rest.partition("#")
    try:
        if scheme == "calc":
            return next(c.name for c in calculators if c.id == ident)
        if scheme == "article":
            article = library.article(ident)
            if not anchor:
                return article.title
            section = "References" if anchor == "references" else article.section(anchor).title
            return f"{article.title} › {section}"
    except (KeyError, StopIteration):
        return None
    return TABLE_TITLES.get(target) or ("References" if target == REFERENCES else None)


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
    from sjsref.content.pack_sources import BUILD_COMMAND  # only when loading failed

    problems = getattr(exc, "problems", None) or [str(exc)]
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:20])
    if any(BUILD_COMMAND in p for p in problems):  # a source checkout edited since its build
        why = (
            "<p>The library's content pack is out of date: the articles, references or "
            f"code changed after it was built. Rebuild it with <code>{BUILD_COMMAND}</code> "
            "(the README's commands do it). Until then none of the library is shown; the "
            "calculators, whose numbers are part of the program, still work.</p>"
        )
    else:
        why = (
            "<p>The articles and references bundled with SJSRef are missing, damaged or "
            "modified since they were reviewed, so none of them is shown. The calculators, "
            "whose numbers are part of the program, still work. Reinstall SJSRef to repair "
            "it.</p>"
        )
    return (
        f"<h1>The library could not be loaded</h1>{why}"
        f"<p>Details for a bug report:</p><ul>{items}</ul>"
    )
