"""Turn whatever a user typed into a safe FTS5 MATCH expression.

The FTS5 query language gives meaning to quotes, ``*``, ``^``, ``:``,
parentheses, ``AND``/``OR``/``NOT``/``NEAR``. User text is never passed
through: it is split into words here, and every word or phrase is written as a
double-quoted FTS5 string (tokens are letters and digits only, so they can
hold no quote). Operators in the output are ours alone.

Each query *unit* (a word, a synonym phrase, an HLA allele) becomes a group of
alternatives joined by OR (:meth:`Unit.fts`). Question and filler words are
units marked ``stopword``: they need not match. :class:`CompiledQuery` gives
the plain AND and OR of the other units; the index builds its own from the
units (it also leaves out words common to most documents, and ranks by how
many units a document holds when all of them together find little).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sjsref.search.spelling import Vocabulary
from sjsref.search.synonyms import MAX_PHRASE_WORDS, Synonyms
from sjsref.search.text import Allele, find_alleles, fold, word_spans

# Characters of a query looked at; a pasted page is cut here (the first words
# say what the user wants, and the query must stay fast).
MAX_QUERY_CHARS = 200
# Units looked at; more would only slow the query without changing the top.
MAX_UNITS = 10
# Words at least this long also match longer words ("steroid" -> "steroids").
MIN_PREFIX_LENGTH = 4
# Words at least this long are also searched as two words when they split into
# two indexed ones, even if the library has them whole.
MIN_SPLIT_KNOWN = 9


@dataclass(frozen=True)
class Phrase:
    """Tokens that must appear in order; ``prefix`` lets the last one be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """This phrase as an FTS5 string literal."""
        quoted = '"' + " ".join(self.tokens).replace('"', '""') + '"'
        return f"{quoted} *" if self.prefix else quoted


@dataclass(frozen=True)
class Unit:
    """One thing the user asked for, with every way the library may write it."""

    text: str
    alternatives: tuple[Phrase, ...]
    stopword: bool = False

    def fts(self) -> str:
        """The alternatives as one parenthesised FTS5 OR group."""
        return "(" + " OR ".join(p.fts() for p in self.alternatives) + ")"


@dataclass(frozen=True)
class CompiledQuery:
    """The FTS5 expressions for one user query.

    Attributes:
        strict: Every unit must match.
        loose: Any unit may match (``""`` when it would equal ``strict``).
        corrections: Misspelt word -> the vocabulary words searched instead.
    """

    strict: str
    loose: str
    units: tuple[Unit, ...]
    corrections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def content(self) -> tuple[Unit, ...]:
        """The units that must match: all but the stopwords, or all if that is none."""
        return tuple(u for u in self.units if not u.stopword) or self.units

    @property
    def optional(self) -> tuple[Unit, ...]:
        """The stopwords left out of :attr:`content` (question and filler words)."""
        content = self.content
        return tuple(u for u in self.units if u not in content)

    def searched(self, dropped: Collection[Unit] = ()) -> str:
        """The query as searched when a word was corrected or dropped, else ``""``."""
        if not self.corrections and not dropped:
            return ""
        parts = [
            self.corrections[u.text][0] if u.text in self.corrections else u.text
            for u in self.units
            if u not in dropped
        ]
        return " ".join(parts)


def light_stem(word: str) -> str:
    """Strip a plural, "-ing", "-ed" or "-ment", so a prefix finds the other forms.

    A question says "treated", "starting", "detachment"; the text may say
    "treatment", "started", "detached". The stem is only searched as a prefix when it keeps at
    least :data:`MIN_PREFIX_LENGTH` letters ("used" stays "used").
    """
    if len(word) > 7 and word.endswith(("ment", "ments")):
        # "detachment" -> "detach", which also finds "detached".
        return word[: word.rindex("ment")]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3]
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 5 and word.endswith("ing"):
        return _undouble(word[:-3])
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return _undouble(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _undouble(stem: str) -> str:
    # "stopped" -> "stopp" -> "stop"; "called" keeps its "ll", "dressed" its "ss".
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem


def compile_query(text: str, synonyms: Synonyms, vocabulary: Vocabulary) -> CompiledQuery | None:
    """Compile user text; ``None`` when it holds nothing searchable.

    Args:
        text: Anything the user typed.
        synonyms: Synonym groups, alleles and stopwords from the library data.
        vocabulary: Words in the index, for prefix checks and typo correction.
    """
    folded = fold(text[:MAX_QUERY_CHARS])
    items = _items(folded, synonyms)[:MAX_UNITS]
    if not items:
        return None
    # The last word is still being typed unless something else follows it.
    last_end = len(folded) if folded[-1].isalnum() else -1
    corrections: dict[str, list[str]] = {}
    units: list[Unit] = []
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, Allele):
            units.append(_allele_unit(item, 0 <= last_end <= item.end))
            i += 1
            continue
        rest = items[i:]
        if last_end >= 0 and len(rest) > 1 and all(isinstance(w, _Word) for w in rest):
            typed = tuple(w.word for w in rest if isinstance(w, _Word))
            group = synonyms.completions(typed)
            if group and typed not in synonyms:
                units.append(_typed_phrase_unit(typed, group))
                break
        size, term = _longest_synonym(items, i, synonyms)
        end_word = items[i + size - 1]
        is_final = isinstance(end_word, _Word) and 0 <= last_end <= end_word.end
        if term is not None:
            units.append(_synonym_unit(term, synonyms, is_final))
            i += size
            continue
        compound = _compound(items, i)
        if len(compound) > 1:
            is_final = 0 <= last_end <= compound[-1].end
            units.append(_compound_unit(tuple(w.word for w in compound), is_final))
            i += len(compound)
            continue
        units.append(_word_unit(item.word, synonyms, vocabulary, is_final, corrections))
        i += 1
    # A one-letter word just begun after others would match nearly everything
    # and reshuffle the hits on every keystroke; it counts from its second letter.
    if len(units) > 1 and _just_begun(units[-1], last_end):
        units.pop()
    content = [u for u in units if not u.stopword] or units
    strict = " AND ".join(u.fts() for u in content)
    loose = " OR ".join(u.fts() for u in content) if len(content) > 1 else ""
    return CompiledQuery(strict, loose, tuple(units), corrections)


def _just_begun(unit: Unit, last_end: int) -> bool:
    return (
        last_end >= 0
        and len(unit.alternatives) == 1
        and unit.alternatives[0].prefix
        and len(unit.alternatives[0].tokens) == 1
        and len(unit.alternatives[0].tokens[0]) == 1
    )


@dataclass(frozen=True)
class _Word:
    word: str
    end: int
    # Written against the previous word with punctuation only ("tmp-smx").
    joined: bool = False


def _items(folded: str, synonyms: Synonyms) -> list[_Word | Allele]:
    items: list[_Word | Allele] = []
    position = 0
    for allele in find_alleles(folded, synonyms.alleles):
        items.extend(_words(folded, position, allele.start))
        items.append(allele)
        position = allele.end
    items.extend(_words(folded, position, len(folded)))
    return items


def _words(folded: str, start: int, stop: int) -> list[_Word]:
    found: list[_Word] = []
    previous_end = -1
    for word, end in word_spans(folded[start:stop]):
        gap = folded[start + previous_end : start + end - len(word)] if previous_end >= 0 else " "
        found.append(_Word(word, start + end, joined=not any(c.isspace() for c in gap)))
        previous_end = end
    return found


def _longest_synonym(
    items: list[_Word | Allele], start: int, synonyms: Synonyms
) -> tuple[int, tuple[str, ...] | None]:
    run: list[str] = []
    for item in items[start : start + MAX_PHRASE_WORDS]:
        if not isinstance(item, _Word):
            break
        run.append(item.word)
    for size in range(len(run), 0, -1):
        term = tuple(run[:size])
        if term in synonyms:
            return size, term
    return 1, None


def _typed_phrase_unit(typed: tuple[str, ...], group: tuple[tuple[str, ...], ...]) -> Unit:
    alternatives = [Phrase(typed, prefix=True), *(_term_phrase(t) for t in group)]
    return Unit(" ".join(typed), tuple(dict.fromkeys(alternatives)))


def _compound(items: list[_Word | Allele], start: int) -> list[_Word]:
    first = items[start]
    assert isinstance(first, _Word)
    run = [first]
    for item in items[start + 1 :]:
        if not (isinstance(item, _Word) and item.joined):
            break
        run.append(item)
    return run


def _compound_unit(tokens: tuple[str, ...], is_final: bool) -> Unit:
    # "Bastuji-Garin", "10.1001/archderm": the words in order; a hyphenated
    # word may also be written closed up ("co-trimoxazole", "cotrimoxazole").
    alternatives = [Phrase(tokens, prefix=is_final)]
    if len(tokens) == 2 and not any(t.isdigit() for t in tokens):
        alternatives.append(Phrase(("".join(tokens),), prefix=is_final))
    return Unit(" ".join(tokens), tuple(alternatives))


def synonym_phrases(synonyms: Synonyms) -> set[Phrase]:
    """Every phrase of several words a query can search for a synonym term.

    A term is searched as written or with its last word a prefix (see
    :func:`_term_phrase` and :func:`_synonym_unit`); the index stores the
    scores of both when it is built.
    """
    terms = (t for t in synonyms.terms() if len(t) > 1)
    return {Phrase(t, prefix=prefix) for t in terms for prefix in (False, True)}


def _term_phrase(term: tuple[str, ...]) -> Phrase:
    # Long last words match their inflections ("immunoglobulins"); short
    # abbreviations must match exactly, or "ten" would find "tender".
    return Phrase(term, prefix=len(term[-1]) >= MIN_PREFIX_LENGTH + 1)


def _synonym_unit(term: tuple[str, ...], synonyms: Synonyms, is_final: bool) -> Unit:
    alternatives = [_term_phrase(t) for t in synonyms.expand(term)]
    if is_final and len(term[-1]) > 3:
        alternatives.append(Phrase(term, prefix=True))
    return Unit(" ".join(term), tuple(dict.fromkeys(alternatives)))


def _allele_unit(allele: Allele, is_final: bool) -> Unit:
    alternatives = [Phrase(allele.words, prefix=allele.partial or (is_final and not allele.second))]
    if not allele.second:
        # "HLA-B15" (serological) is one token after "hla".
        alternatives.append(Phrase(("hla", f"{allele.locus.lower()}{allele.first}")))
    return Unit(allele.name, tuple(alternatives))


def _word_unit(
    word: str,
    synonyms: Synonyms,
    vocabulary: Vocabulary,
    is_final: bool,
    corrections: dict[str, list[str]],
) -> Unit:
    alternatives: list[Phrase] = []
    stem = light_stem(word)
    if is_final:
        alternatives.append(Phrase((word,), prefix=True))
        known = vocabulary.has_prefix(word)
        if stem != word and len(stem) >= MIN_PREFIX_LENGTH and not stem.isdigit():
            # A finished "treated" also finds "treatment".
            alternatives.append(Phrase((stem,), prefix=True))
            known = known or vocabulary.has_prefix(stem)
        if len(word) >= MIN_PREFIX_LENGTH:
            alternatives.extend(_term_phrase(t) for t in synonyms.completions((word,)))
    else:
        if stem != word:
            alternatives.append(Phrase((word,)))
        if len(stem) >= MIN_PREFIX_LENGTH and not stem.isdigit():
            alternatives.append(Phrase((stem,), prefix=True))
        else:
            alternatives.append(Phrase((word,)))
            if not word.isdigit():
                alternatives.append(Phrase((word + "s",)))
        known = word in vocabulary or stem in vocabulary
        if len(stem) >= MIN_PREFIX_LENGTH and not stem.isdigit():
            # Searched as a prefix: "convert" is known if "converts" is.
            known = known or vocabulary.has_prefix(stem)
    # A question word need not match, even as the last word typed ("does it
    # work"); a query made only of such words still searches them.
    stopword = word in synonyms.stopwords
    if (not known or len(word) >= MIN_SPLIT_KNOWN) and not stopword and not word.isdigit():
        # "reexposure", "followup": two indexed words written as one; a long
        # word may be in the library both ways ("overestimate", "over-estimated").
        split = vocabulary.split(word, prefix=is_final)
        if split:
            alternatives.append(Phrase(split, prefix=is_final))
    if not known and not stopword and not word.isdigit():
        fixed = vocabulary.correct(word, prefix=is_final)
        if fixed:
            corrections[word] = fixed
        for correction in fixed:
            for term in synonyms.expand((correction,)):
                alternatives.append(_term_phrase(term))
    return Unit(word, tuple(dict.fromkeys(alternatives)), stopword=stopword)
