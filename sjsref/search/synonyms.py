"""Medical synonyms and abbreviations for the search, read from data.

The terms themselves live in ``resources/synonyms.toml`` so that a clinician
can add one without touching code. Each group lists spellings that mean the
same thing; a query that contains any of them searches for all of them.
Phrasings work one way: the way a question is put ("how long after starting")
searches for the library's term ("latency") and its synonyms, but the term
does not search for the phrasing.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sjsref.search.text import canonicalise_alleles, words

# Longest synonym phrase, in words, that the query matcher looks for.
MAX_PHRASE_WORDS = 8


class SynonymError(ValueError):
    """The synonym file is malformed."""


@dataclass(frozen=True)
class Synonyms:
    """Synonym groups keyed by their tokenised terms.

    Attributes:
        groups: Each group is a tuple of terms, each term a tuple of tokens.
        alleles: Canonical names (``HLA-B*15:02``) of alleles the library
            discusses; lets short spellings such as "b1502" count as alleles.
        stopwords: Words dropped from a query that has other words.
    """

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    alleles: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    _lookup: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _joined: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_groups(
        cls,
        groups: Iterable[Iterable[str]],
        alleles: Iterable[str] = (),
        stopwords: Iterable[str] = (),
        phrasings: Iterable[Iterable[str]] = (),
    ) -> Synonyms:
        """Build from plain strings: ``[["TEN", "toxic epidermal necrolysis"]]``.

        Each of ``phrasings`` is the library's term followed by ways of asking
        for it: ``[["latency", "long after starting"]]``.
        """
        tokenised = [t for t in (_tokenise(g) for g in groups) if len(t) > 1]
        lookup: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for terms in tokenised:
            for term in terms:
                merged = lookup.setdefault(term, [])
                merged.extend(t for t in terms if t not in merged)
        for meant, *asked in (t for t in (_tokenise(p) for p in phrasings) if len(t) > 1):
            means = lookup.get(meant, [meant])
            tokenised.append((meant, *asked))
            for term in asked:
                merged = lookup.setdefault(term, [term])
                merged.extend(t for t in means if t not in merged)
        too_long = [t for t in lookup if len(t) > MAX_PHRASE_WORDS]
        if too_long:
            raise SynonymError(f"synonym longer than {MAX_PHRASE_WORDS} words: {too_long[0]}")
        names = frozenset(canonicalise_alleles(a.strip()) for a in alleles)
        bad = sorted(a for a in names if not a.startswith("HLA-") or "*" not in a)
        if bad:
            raise SynonymError(f"not an HLA allele name: {', '.join(bad)}")
        return cls(
            groups=tuple(tokenised),
            alleles=names,
            stopwords=frozenset(w for s in stopwords for w in words(s)),
            _lookup={k: tuple(v) for k, v in lookup.items()},
            _joined=tuple(sorted(" ".join(t) for t in lookup)),
        )

    def to_json(self) -> str:
        """The groups and the lookup built from them, as JSON (kept in the content pack).

        :meth:`from_json` gives back an equal value without parsing TOML or
        tokenising a term again.
        """
        return json.dumps(
            {
                "groups": self.groups,
                "alleles": sorted(self.alleles),
                "stopwords": sorted(self.stopwords),
                "lookup": [[term, found] for term, found in self._lookup.items()],
                "joined": self._joined,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Synonyms:
        """Read what :meth:`to_json` wrote.

        Raises:
            SynonymError: When ``text`` is not what :meth:`to_json` writes.
        """
        try:
            data = json.loads(text)
            return cls(
                groups=tuple(tuple(tuple(t) for t in g) for g in data["groups"]),
                alleles=frozenset(data["alleles"]),
                stopwords=frozenset(data["stopwords"]),
                _lookup={tuple(t): tuple(tuple(f) for f in fs) for t, fs in data["lookup"]},
                _joined=tuple(data["joined"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SynonymError(f"stored synonyms are damaged: {exc}") from exc

    def expand(self, term: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """All terms meaning the same as ``term`` (itself first), or just itself."""
        found = self._lookup.get(term)
        if found is None:
            return (term,)
        return (term, *(t for t in found if t != term))

    def completions(self, typed: tuple[str, ...], most: int = 6) -> tuple[tuple[str, ...], ...]:
        """The synonym group a half-typed term can only belong to, or ``()``.

        Lets a half-typed brand name ("tegre") or phrase ("toxic epiderm")
        already find what it will be. The terms that start with ``typed`` (its
        last word a prefix) must all be in one group, and be at most ``most``.
        """
        prefix = " ".join(typed)
        start = bisect.bisect_left(self._joined, prefix)
        group: frozenset[tuple[str, ...]] | None = None
        for count, joined in enumerate(self._joined[start:]):
            if not joined.startswith(prefix):
                break
            expansion = frozenset(self.expand(tuple(joined.split(" "))))
            if count >= most or (group is not None and expansion != group):
                return ()
            group = expansion
        return tuple(sorted(group)) if group else ()

    def __contains__(self, term: object) -> bool:
        return term in self._lookup

    def terms(self) -> set[tuple[str, ...]]:
        """Every term of every group and phrasing, each a tuple of tokens."""
        return {term for group in self.groups for term in group}

    def vocabulary(self) -> set[str]:
        """Every word of every synonym, for spelling correction."""
        return {w for group in self.groups for term in group for w in term}


def _tokenise(terms: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(dict.fromkeys(t for t in (tuple(words(s)) for s in terms) if t))


def parse_synonyms(text: str) -> Synonyms:
    """Parse the TOML synonym file.

    The file has tables of groups (any table name; the name is a comment for
    people), each entry a list of equivalent terms, plus ``[alleles] known``,
    ``[stopwords] words`` and ``[phrasings]``, whose entries are a term
    followed by ways of asking for it.

    Raises:
        SynonymError: When the TOML is invalid or an entry is not a list of
            strings.
    """
    # Imported here: only a build or an in-memory index parses TOML; the
    # window reads the synonyms from the content pack (tomllib costs ~5 ms).
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SynonymError(f"synonyms.toml: {exc}") from exc
    groups: list[list[str]] = []
    phrasings: list[list[str]] = []
    alleles: list[str] = []
    stopwords: list[str] = []
    for table_name, table in data.items():
        if not isinstance(table, dict):
            raise SynonymError(f"synonyms.toml: [{table_name}] must be a table")
        for key, value in table.items():
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise SynonymError(f"synonyms.toml: {table_name}.{key} must be a list of strings")
            if table_name == "alleles":
                alleles.extend(value)
            elif table_name == "stopwords":
                stopwords.extend(value)
            elif table_name == "phrasings":
                phrasings.append(value)
            else:
                groups.append(value)
    return Synonyms.from_groups(groups, alleles, stopwords, phrasings)


def load_synonyms(path: Path) -> Synonyms:
    """Read and parse a synonym file (normally ``resources/synonyms.toml``)."""
    return parse_synonyms(path.read_text(encoding="utf-8"))
