"""The synonym data file and its parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from sjsref.search.synonyms import SynonymError, Synonyms, load_synonyms, parse_synonyms
from sjsref.search.text import words

SYNONYMS_FILE = Path(__file__).resolve().parents[2] / "resources" / "synonyms.toml"


@pytest.fixture(scope="module")
def bundled() -> Synonyms:
    return load_synonyms(SYNONYMS_FILE)


def _same(synonyms: Synonyms, a: str, b: str) -> bool:
    return tuple(words(b)) in synonyms.expand(tuple(words(a)))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TEN", "toxic epidermal necrolysis"),
        ("TEN", "Lyell syndrome"),
        ("Lyell", "TEN"),
        ("SJS", "Stevens-Johnson syndrome"),
        ("EM", "erythema multiforme"),
        ("BSA", "body surface area"),
        ("BUN", "urea"),
        ("urea", "BUN"),
        ("IVIG", "intravenous immunoglobulin"),
        ("TMP-SMX", "co-trimoxazole"),
        ("TMP-SMX", "trimethoprim-sulfamethoxazole"),
        ("Bactrim", "co-trimoxazole"),
        ("Septra", "trimethoprim-sulfamethoxazole"),
        ("Tegretol", "carbamazepine"),
        ("Zyloprim", "allopurinol"),
        ("Lamictal", "lamotrigine"),
        ("Dilantin", "phenytoin"),
        ("Trileptal", "oxcarbazepine"),
        ("Enbrel", "etanercept"),
        ("Rinvoq", "upadacitinib"),
        ("Neoral", "ciclosporin"),
        ("Sandimmun", "cyclosporine"),
        ("cyclosporine", "ciclosporin"),
        ("hemoglobin", "haemoglobin"),
        ("esophagus", "oesophagus"),
        ("pediatric", "paediatric"),
        # Issue 15: the words clinicians ask with.
        ("restart", "re-exposure"),
        ("restart", "rechallenge"),
        ("rechallenge", "re-exposure"),
        ("cause", "culprit"),
        ("cause", "trigger"),
        ("contagious", "infectious"),
        ("dose", "dosing"),
        ("dose", "regimen"),
    ],
)
def test_bundled_file_holds_the_required_synonyms(bundled: Synonyms, a: str, b: str) -> None:
    assert _same(bundled, a, b)


def test_bundled_file_lists_the_risk_alleles(bundled: Synonyms) -> None:
    assert {"HLA-B*15:02", "HLA-A*31:01", "HLA-B*58:01"} <= bundled.alleles


def test_bundled_stopwords_are_function_words(bundled: Synonyms) -> None:
    assert {"when", "to", "the"} <= bundled.stopwords
    assert "scorten" not in bundled.stopwords


def test_expand_puts_the_term_itself_first(bundled: Synonyms) -> None:
    expanded = bundled.expand(("ten",))
    assert expanded[0] == ("ten",)
    assert ("toxic", "epidermal", "necrolysis") in expanded


def test_unknown_term_expands_to_itself(bundled: Synonyms) -> None:
    assert bundled.expand(("zebra",)) == (("zebra",),)


def test_groups_sharing_a_term_merge() -> None:
    synonyms = Synonyms.from_groups([["a1", "b1"], ["b1", "c1"]])
    assert set(synonyms.expand(("a1",))) == {("a1",), ("b1",)}
    assert set(synonyms.expand(("b1",))) == {("a1",), ("b1",), ("c1",)}


def test_a_phrasing_searches_for_the_term_one_way_only() -> None:
    synonyms = Synonyms.from_groups(
        [["latency", "time to onset"]], phrasings=[["latency", "long after starting"]]
    )
    asked = synonyms.expand(("long", "after", "starting"))
    assert asked[0] == ("long", "after", "starting")
    assert {("latency",), ("time", "to", "onset")} <= set(asked)
    # Searching for "latency" does not look for the question's words.
    assert ("long", "after", "starting") not in synonyms.expand(("latency",))


def test_phrasings_are_read_from_their_own_table() -> None:
    text = (
        "[x]\ntbsa = ['TBSA', 'total body surface area']\n"
        "[phrasings]\np = ['TBSA', 'how much skin']"
    )
    synonyms = parse_synonyms(text)
    assert ("tbsa",) in synonyms.expand(("how", "much", "skin"))
    assert ("how", "much", "skin") not in synonyms.expand(("tbsa",))


def test_bundled_phrasings_reach_the_library_words(bundled: Synonyms) -> None:
    assert ("latency",) in bundled.expand(tuple(words("long after starting")))
    assert ("re", "exposure") in bundled.expand(tuple(words("drug again")))
    assert ("recurrence",) in bundled.expand(tuple(words("come back")))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[x]\na = [", "synonyms.toml"),
        ("a = 1", "must be a table"),
        ("[x]\na = 'TEN'", "list of strings"),
        ("[x]\na = ['TEN', 3]", "list of strings"),
        ("[alleles]\nknown = ['B15']", "not an HLA allele"),
        ("[x]\na = ['one two three four five six seven eight nine', 'x']", "longer than"),
        ("[phrasings]\na = ['x', 'one two three four five six seven eight nine']", "longer than"),
    ],
)
def test_malformed_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(SynonymError, match=message):
        parse_synonyms(text)


def test_completions_of_a_half_typed_term(bundled: Synonyms) -> None:
    assert ("carbamazepine",) in bundled.completions(("tegre",))
    assert ("paediatric",) in bundled.completions(("pedia",))
    # Too many terms start with "c" for a completion to mean anything, and
    # "bact" may be bacteraemia or Bactrim.
    assert bundled.completions(("c",)) == ()
    assert bundled.completions(("bact",)) == ()
