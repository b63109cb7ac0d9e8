"""Spelling correction for query words the index has never seen.

The vocabulary is every token in the index (from an ``fts5vocab`` table) plus
every synonym word. A word that is neither in it nor a prefix of one of its
entries is compared with entries of similar length and the same first letter,
using the optimal-string-alignment edit distance (a swap of two neighbours
counts as one slip, as it does on a keyboard: "scroten" -> "scorten").

The slices of the vocabulary that comparison reads are built on first use, not
with the search index, so start-up stays cheap.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

# Corrections remembered; cleared wholesale when full (a session types few).
CACHE_SIZE = 512


def max_edits(length: int) -> int:
    """Slips tolerated in a word of this length (short words: none)."""
    if length < 4:
        return 0
    if length < 7:
        return 1
    return 2


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def _signature(text: str) -> int:
    """Bit set of the letters in ``text`` (a cheap lower bound on edit distance)."""
    bits = 0
    for char in text:
        bits |= 1 << (ord(char) & 63)
    return bits


class Vocabulary:
    """The words a query can match, with prefix lookup and typo correction.

    Corrections keep the first letter: spelling checkers make the same bet,
    since slips in the first letter are rare, and it lets a misspelt word be
    compared with one slice of the vocabulary only. Within it, a bit set of
    letters rules out most entries before the edit distance is computed (an
    edit changes at most two letters of the set).

    Args:
        frequencies: Word -> number of documents holding it (used to prefer
            the commoner of two equally close corrections).
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self._frequency = dict(frequencies)
        self._sorted = sorted(self._frequency)
        # (first letter, length) -> [(word or word start, letters, best word)],
        # built on first use for that slice.
        self._slices: dict[tuple[str, int, bool], list[tuple[str, int, str]]] = {}
        # Typing and deleting revisit the same misspelt prefixes.
        self._corrected: dict[tuple[str, bool, int], list[str]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._frequency

    def __len__(self) -> int:
        return len(self._sorted)

    def has_prefix(self, prefix: str) -> bool:
        """True if some word starts with ``prefix``."""
        i = bisect.bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def split(self, word: str, *, prefix: bool = False) -> tuple[str, str] | None:
        """Two vocabulary words that ``word`` joins up ("reexposure"), if any.

        With ``prefix``, the second part need only start a vocabulary word.
        The longest second part wins; each part has at least two letters.
        """
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if head in self._frequency and (
                tail in self._frequency or (prefix and self.has_prefix(tail))
            ):
                return head, tail
        return None

    def correct(self, word: str, *, prefix: bool = False, best: int = 2) -> list[str]:
        """Closest vocabulary words to a misspelt ``word``.

        Args:
            word: A folded query word that is not in the vocabulary.
            prefix: The word is still being typed: compare it with the starts
                of entries (one letter shorter to one longer) and return the
                commonest whole entry behind the closest start.
            best: How many corrections to return at most.

        Returns:
            Up to ``best`` words at the smallest distance found, commonest
            first; empty when nothing is within :func:`max_edits`.
        """
        key = (word, prefix, best)
        cached = self._corrected.get(key)
        if cached is None:
            cached = self._correct(word, prefix, best)
            if len(self._corrected) >= CACHE_SIZE:
                self._corrected.clear()
            self._corrected[key] = cached
        return list(cached)

    def _correct(self, word: str, prefix: bool, best: int) -> list[str]:
        limit = max_edits(len(word))
        if limit == 0:
            return []
        letters = _signature(word)
        scored: dict[str, tuple[int, int]] = {}
        # A word being typed is compared with starts one letter shorter to one
        # longer; a whole word with words up to ``limit`` letters apart.
        spread = 1 if prefix else limit
        for length in range(len(word) - spread, len(word) + spread + 1):
            for entry, entry_letters, target in self._slice(word[0], length, prefix):
                if (letters ^ entry_letters).bit_count() > 2 * limit:
                    continue
                distance = osa_distance(word, entry, limit)
                if distance <= limit:
                    key = (distance, -self._frequency[target])
                    if target not in scored or key < scored[target]:
                        scored[target] = key
        if not scored:
            return []
        ranked = sorted(scored, key=lambda t: (scored[t], t))
        nearest = scored[ranked[0]][0]
        return [t for t in ranked if scored[t][0] == nearest][:best]

    def _slice(self, initial: str, length: int, prefix: bool) -> list[tuple[str, int, str]]:
        key = (initial, length, prefix)
        found = self._slices.get(key)
        if found is None:
            start = bisect.bisect_left(self._sorted, initial)
            best: dict[str, str] = {}
            for entry in self._sorted[start:]:
                if not entry.startswith(initial):
                    break
                if prefix and len(entry) >= length:
                    head = entry[:length]
                elif not prefix and len(entry) == length:
                    head = entry
                else:
                    continue
                held = best.get(head)
                if held is None or self._frequency[entry] > self._frequency[held]:
                    best[head] = entry
            found = [(head, _signature(head), entry) for head, entry in best.items()]
            self._slices[key] = found
        return found


def merge(*sources: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Merge (word, frequency) pairs, summing frequencies."""
    merged: dict[str, int] = {}
    for source in sources:
        for word, count in source:
            merged[word] = merged.get(word, 0) + count
    return merged
