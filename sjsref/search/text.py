"""Text normalisation shared by the index and the query side.

Both sides must agree on what a token is, or a query cannot find the text it
names. SQLite's ``unicode61`` tokenizer (with ``remove_diacritics 2``) splits on
anything that is not a letter or a digit and folds case and accents;
:func:`fold` and :func:`words` do the same in Python for queries.

HLA alleles are the exception: clinicians write HLA-B*15:02 in many ways, so
they are rewritten to one canonical spelling before indexing
(:func:`canonicalise_alleles`) and recognised in queries by :func:`find_alleles`.

No Markdown reaches this module: the content loader gives each section as
plain text (``Section.text``, ``Section.tables``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

# Runs of letters or digits; "_" is a separator for unicode61 too.
_WORD = re.compile(r"[^\W_]+")

# Cheap test for text that may hold an allele spelling worth rewriting.
_MAYBE_ALLELE = re.compile(r"\*|hla", re.IGNORECASE)

# Marker characters FTS5 puts around matches in snippets; removed from indexed
# text so they cannot appear there by accident.
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"

# HLA allele, loosely: optional "HLA", a locus, up to three fields. Group 1:
# the "HLA" prefix, 2: locus, 3: "*" if written, 4: first field, 5: second.
_LOCI = r"drb1|drb3|drb4|drb5|dqb1|dqa1|dpb1|dpa1|a|b|c"
_ALLELE = re.compile(
    rf"(?<![^\W_])(hla[\s\-\u2010-\u2013]*)?({_LOCI})\s*(\*)?\s*"
    r"(\d{2})(?:(?:\s*:\s*|\s+)?(\d{2,3}))?(?:\s*:\s*\d{2,3})*(?![^\W_])",
    re.IGNORECASE,
)
# A query that ends part-way through the second field ("hla-b*15:0").
_ALLELE_TYPING = re.compile(
    rf"(?<![^\W_])(hla[\s\-\u2010-\u2013]*)?({_LOCI})\s*(\*)?\s*"
    r"(\d{2})(?:\s*:\s*|\s+)?(\d)$",
    re.IGNORECASE,
)
# A bare second-level allele name without locus ("1502", "15:02").
_BARE_FIELDS = re.compile(r"(?<![^\W_])(\d{2})\s*:?\s*(\d{2})(?![^\W_])")


@dataclass(frozen=True)
class Allele:
    """One HLA allele or allele group, as found in text.

    Attributes:
        locus: Upper-case locus, e.g. ``"B"``.
        first: First field (allele group), e.g. ``"15"``.
        second: Second field (protein), e.g. ``"02"``, or ``""`` for a group.
        start: Offset of the match in the folded text.
        end: End offset of the match in the folded text.
        partial: True when the second field is still being typed.
    """

    locus: str
    first: str
    second: str
    start: int
    end: int
    partial: bool = False

    @property
    def name(self) -> str:
        """Canonical spelling: ``HLA-B*15:02`` or ``HLA-B*15``."""
        tail = f":{self.second}" if self.second else ""
        return f"HLA-{self.locus}*{self.first}{tail}"

    @property
    def words(self) -> tuple[str, ...]:
        """The tokens FTS5 makes of :attr:`name`: ``("hla", "b", "15", "02")``."""
        return tuple(words(self.name))


def fold(text: str) -> str:
    """Lower-case and strip accents, as ``unicode61 remove_diacritics 2`` does."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Split folded text into tokens the way unicode61 does."""
    return _WORD.findall(fold(text))


def word_spans(folded: str) -> Iterator[tuple[str, int]]:
    """Tokens of already folded text with the offset where each ends."""
    for match in _WORD.finditer(folded):
        yield match.group(0), match.end()


def canonicalise_alleles(text: str) -> str:
    """Rewrite unambiguous allele spellings to ``HLA-B*15:02`` form.

    Only spellings that say they are alleles (an ``HLA`` prefix or a ``*``) are
    rewritten; "B 15" in prose stays as it is. The canonical form is what
    clinicians read in guidelines, so snippets stay readable.
    """

    def replace(match: re.Match[str]) -> str:
        hla, locus, star, first, second = match.groups()
        if not (hla or star):
            return match.group(0)
        if not (star or second):
            # "HLA-B15" without a star is a serological antigen name; keep it.
            return match.group(0)
        tail = f":{second}" if second else ""
        return f"HLA-{locus.upper()}*{first}{tail}"

    return _ALLELE.sub(replace, text)


def find_alleles(folded: str, known: frozenset[str]) -> list[Allele]:
    """Find allele spellings in a folded query.

    Args:
        folded: The query after :func:`fold`.
        known: Canonical names of alleles the library talks about; spellings
            without "HLA" or "*" ("b1502", "b 15 02", "1502") count as alleles
            only when they name one of these, so "b 12" stays two words.

    Returns:
        The alleles in query order, not overlapping.
    """
    found: list[Allele] = []
    typing = _ALLELE_TYPING.search(folded)
    if typing:
        hla, locus, star, first, digit = typing.groups()
        name = f"HLA-{locus.upper()}*{first}:{digit}"
        if hla or star or any(k.startswith(name) for k in known):
            found.append(
                Allele(locus.upper(), first, digit, typing.start(), typing.end(), partial=True)
            )
    for match in _ALLELE.finditer(folded[: found[0].start] if found else folded):
        hla, locus, star, first, second = match.groups()
        allele = Allele(locus.upper(), first, second or "", match.start(), match.end())
        if hla or star or (second and allele.name in known):
            found.append(allele)
    fields_of = [(name.split("*", 1)[1], name) for name in known if "*" in name]
    # A bare "2402" is an allele only when one known allele has those fields.
    counts = Counter(fields for fields, _ in fields_of)
    by_fields = {fields: name for fields, name in fields_of if counts[fields] == 1}
    for match in _BARE_FIELDS.finditer(folded):
        if any(a.start < match.end() and match.start() < a.end for a in found):
            continue
        bare = by_fields.get(f"{match.group(1)}:{match.group(2)}")
        if bare is not None:
            locus, fields = bare[4:].split("*", 1)
            group, protein = fields.split(":", 1)
            found.append(Allele(locus, group, protein, match.start(), match.end()))
    found.sort(key=lambda a: a.start)
    return found


def clean(text: str) -> str:
    """Index-ready text: alleles canonical, markers removed, spaces collapsed."""
    text = " ".join(text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").split())
    return canonicalise_alleles(text) if _MAYBE_ALLELE.search(text) else text


def marked_spans(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split an FTS5 snippet with marker characters into text and match spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", snippet):
        if part == MARK_OPEN:
            start = length
        elif part == MARK_CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            out.append(part)
            length += len(part)
    return "".join(out), tuple(spans)
