"""Load ``resources/`` into a checked :class:`~sjsref.content.models.Library`.

Every integrity rule of resources/README.md is enforced here; a broken library
raises one :class:`ContentError` listing each fault with its file and line.
``python -m sjsref.content.loader [RESOURCES]`` prints them all.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path

from sjsref.clinical import citations as clinical_keys
from sjsref.clinical.registry import CALCULATOR_IDS, CALCULATORS
from sjsref.content.articles import Cite, ParsedArticle, parse_article
from sjsref.content.errors import ContentError, Problems
from sjsref.content.integrity import content_files, require_integrity
from sjsref.content.models import Article, CiteSite, Library, Reference
from sjsref.content.paths import resources_dir
from sjsref.content.references import Rendering, SourcedItem, load_items, load_rendered
from sjsref.content.tables import Tables, load_tables
from sjsref.content.targets import Scheme, Target

__all__ = ["ContentError", "clinical_citations", "load_library"]

ARTICLES_DIR = "articles"


def clinical_citations() -> dict[str, list[str]]:
    """Reference keys the clinical layer cites, each with the calculators citing it.

    A reference cited only by a calculator rule (a chart, a unit conversion) is
    cited, not an orphan. Every constant of ``sjsref.clinical.citations`` names
    a key; the calculator registry says which calculator uses which.
    """
    keys: dict[str, list[str]] = {
        value: []
        for name, value in vars(clinical_keys).items()
        if name.isupper() and isinstance(value, str)
    }
    for info in CALCULATORS:
        for key in info.citation_keys:
            keys.setdefault(key, []).append(info.id)
    return keys


def load_library(root: Path | None = None) -> Library:
    """Read, check and number the whole library.

    Args:
        root: The ``resources/`` directory; found by
            :func:`~sjsref.content.paths.resources_dir` when None.

    Returns:
        The library: articles in file order, references numbered by first
        citation across the articles in file order.

    Raises:
        ContentError: On any missing or unreadable file or broken rule; the
            message names the file and line.
    """
    root = resources_dir() if root is None else root
    integrity = require_integrity(root)  # modified content is never read, let alone shown
    problems = Problems()
    articles_dir = root / ARTICLES_DIR
    if not articles_dir.is_dir():
        raise ContentError.at(articles_dir, None, "the articles folder is missing")
    items = load_items(root, problems)
    rendered = load_rendered(root, items, problems)
    parsed: list[ParsedArticle] = []
    files = _article_files(root, problems)
    if not files:
        problems.add(articles_dir, None, "no article (*.md) found")
    for path in files:
        article = parse_article(path, items.keys(), problems)
        if article is not None:
            parsed.append(article)
    tables = load_tables(root, items.keys(), problems)
    _check_ids(parsed, problems)
    _check_links(parsed, items.keys(), tables, problems)
    problems.raise_if_any()
    return _assemble(parsed, items, rendered, tables, problems, integrity.summary())


def _article_files(root: Path, problems: Problems) -> list[Path]:
    """The articles, from the same list of files the integrity check reads."""
    files = []
    for path in content_files(root):
        rel = path.relative_to(root)
        if rel.parts[:-1] != (ARTICLES_DIR,) or path.suffix != ".md":
            continue
        if path.name.startswith("."):
            problems.add(path, None, "a hidden article file is not allowed; rename or remove it")
            continue
        files.append(path)
    return files


def _check_ids(parsed: list[ParsedArticle], problems: Problems) -> None:
    seen: dict[str, ParsedArticle] = {}
    for article in parsed:
        first = seen.setdefault(article.front.id, article)
        if first is not article:
            problems.add(
                article.path,
                article.id_line,
                f"duplicate article id '{article.front.id}' (also in {first.path.name})",
            )


def _link_problem(
    target: Target,
    sections: dict[str, set[str]],
    reference_keys: Collection[str],
    tables: Tables,
) -> str | None:
    """What is wrong with one internal link, or None."""
    if target.scheme is Scheme.CALC:
        if target.id not in CALCULATOR_IDS:
            return f"no calculator '{target.id}' (known: {', '.join(sorted(CALCULATOR_IDS))})"
    elif target.scheme is Scheme.REF:
        if target.id not in reference_keys:
            return f"link to an unknown reference '{target.id}'"
    elif target.scheme is Scheme.TABLE:
        ids = {"drugs": {r.id for r in tables.drugs}, "hla": {r.id for r in tables.hla}}
        if target.id not in ids:
            return f"no table '{target.id}' (known: drugs, hla)"
        if target.anchor and target.anchor not in ids[target.id]:
            return f"no row '{target.anchor}' in the {target.id} table"
    elif target.id not in sections:
        return f"link to a missing article '{target.id}'"
    elif target.anchor and target.anchor not in sections[target.id]:
        return f"link to a missing section '{target.anchor}' of article '{target.id}'"
    return None


def _check_links(
    parsed: list[ParsedArticle],
    reference_keys: Collection[str],
    tables: Tables,
    problems: Problems,
) -> None:
    sections = {a.front.id: {s.id for s in a.sections} for a in parsed}
    for article in parsed:
        for link in article.links:
            problem = _link_problem(link.target, sections, reference_keys, tables)
            if problem is not None:
                problems.add(article.path, link.line, problem)


def _assemble(
    parsed: list[ParsedArticle],
    items: dict[str, SourcedItem],
    rendered: dict[str, Rendering],
    tables: Tables,
    problems: Problems,
    integrity: str,
) -> Library:
    numbers: dict[str, int] = {}
    sites: dict[str, list[CiteSite]] = {}
    articles: list[Article] = []
    for article in parsed:
        for cite in article.cites:
            numbers.setdefault(cite.key, len(numbers) + 1)
            site = CiteSite(article_id=article.front.id, section_id=cite.section_id)
            if site not in sites.setdefault(cite.key, []):
                sites[cite.key].append(site)
        articles.append(_article(article, article.cites))
    # Sources cited only by calculator rules are numbered after the articles'.
    calculators = clinical_citations()
    for key in calculators:
        if key in items:
            numbers.setdefault(key, len(numbers) + 1)
    # ...then those cited only by rows of the drug and HLA tables.
    in_tables = tables.cited_keys()
    for key in in_tables:
        numbers.setdefault(key, len(numbers) + 1)
    for key, found in items.items():
        if key not in numbers:
            problems.add(found.path, found.line, f"reference '{key}' is cited nowhere")
    problems.raise_if_any()
    references = [
        Reference(
            key=key,
            number=numbers[key],
            item=items[key].item,
            csl=items[key].raw,
            text=rendered[key].text,
            html=rendered[key].html,
            cited_in=sites.get(key, []),
            calculators=calculators.get(key, []),
            tables=in_tables.get(key, []),
        )
        for key in sorted(numbers, key=numbers.__getitem__)
    ]
    return Library(articles=articles, references=references, tables=tables, integrity=integrity)


def _article(parsed: ParsedArticle, cites: list[Cite]) -> Article:
    front = parsed.front
    return Article(
        id=front.id,
        title=front.title,
        summary=front.summary,
        keywords=front.keywords,
        last_reviewed=front.last_reviewed,
        sections=parsed.sections,
        file=parsed.path.name,
        citations=list(dict.fromkeys(c.key for c in cites)),
    )


def main(argv: list[str] | None = None) -> int:
    """List every problem of the library (for writers); exit 1 if any."""
    args = sys.argv[1:] if argv is None else argv
    try:
        library = load_library(Path(args[0]) if args else None)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    print(
        f"OK: {len(library.articles)} articles, {len(library.references)} references, "
        f"{len(library.tables.drugs)} drug rows, {len(library.tables.hla)} HLA rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
