"""The loader on a small library: what it builds, and each rule failing loudly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.models import CiteSite
from sjsref.content.targets import WRITTEN_FORMS
from tests.content.conftest import ALPHA, BETA, LibraryMaker, dump, references


def problems(root: Path) -> list[str]:
    """Every problem the loader reports for the library at ``root``."""
    with pytest.raises(ContentError) as caught:
        load_library(root)
    assert str(caught.value).startswith(caught.value.problems[0])
    return caught.value.problems


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, text in enumerate(path.read_text().splitlines(), 1) if needle in text]
    return hits[occurrence - 1]


def test_valid_library_loads_in_file_order(make_library: LibraryMaker) -> None:
    library = load_library(make_library())
    assert [a.id for a in library.articles] == ["alpha", "beta"]
    alpha = library.article("alpha")
    assert [(s.id, s.title, s.line) for s in alpha.sections] == [
        ("overview", "Overview", 9),
        ("table-and-links", "Table and links", 13),
    ]
    assert alpha.sections[0].markdown == "SJS is rare [@smith2020]."
    assert alpha.file == "01-alpha.md"
    assert library.last_reviewed == dt.date(2026, 3, 4)


def test_references_are_numbered_by_first_citation_across_files(
    make_library: LibraryMaker,
) -> None:
    library = load_library(make_library())
    assert [(r.number, r.key) for r in library.references] == [
        (1, "smith2020"),
        (2, "jones2019"),
        (3, "brown2018"),
    ]
    assert library.reference("smith2020").cited_in == [
        CiteSite(article_id="alpha", section_id="overview"),
        CiteSite(article_id="beta", section_id="details"),
    ]
    assert library.article("beta").citations == ["jones2019", "smith2020", "brown2018"]


def test_lookups_of_unknown_ids_raise_key_error(make_library: LibraryMaker) -> None:
    library = load_library(make_library())
    with pytest.raises(KeyError, match="nope"):
        library.article("nope")
    with pytest.raises(KeyError, match="nope2000"):
        library.reference("nope2000")
    with pytest.raises(KeyError, match="nowhere"):
        library.article("alpha").section("nowhere")


def test_references_are_rendered_in_ama_style(make_library: LibraryMaker) -> None:
    library = load_library(make_library())
    smith = library.reference("smith2020")
    # AMA: more than 6 authors -> first 3 then "et al."; journal abbreviation.
    assert smith.text == (
        "Smith A, Adams A, Baker A, et al. A study of rare reactions. J Tests. "
        "2020;12(3):100-110. doi:10.1000/jt.2020.1"
    )
    assert "<i>J Tests</i>" in smith.html
    assert '<a href="https://doi.org/10.1000/jt.2020.1">' in smith.html
    # A title ending in "?" takes no extra period.
    assert "Is it the drug? Arch Ex" in library.reference("jones2019").text
    brown = library.reference("brown2018")
    assert brown.text.startswith("Brown RS. Skin & <mucosa>.")  # PubMed initials kept whole
    assert "Skin &amp; &lt;mucosa&gt;" in brown.html  # field text escaped for HTML
    assert not brown.text[0].isdigit()  # the style's own "1." is stripped


def test_references_dir_merges_identical_duplicates(make_library: LibraryMaker) -> None:
    smith, jones, brown = references()
    root = make_library(split={"w1.json": [smith, jones], "w2.json": [jones, brown]})
    assert not (root / "references.json").exists()
    library = load_library(root)
    assert [r.key for r in library.references] == ["smith2020", "jones2019", "brown2018"]


def test_references_json_wins_over_references_dir(make_library: LibraryMaker) -> None:
    root = make_library()
    (root / "references.d").mkdir()
    (root / "references.d" / "w1.json").write_text("not json", encoding="utf-8")
    assert len(load_library(root).references) == 3


# --- each rule fails with the file and the line --------------------------------------


def test_unknown_citation_key(make_library: LibraryMaker) -> None:
    root = make_library(
        articles={"01-alpha.md": ALPHA.replace("@smith2020", "@smyth2020"), "02-beta.md": BETA}
    )
    assert problems(root)[0] == (
        "articles/01-alpha.md:11: unknown citation key '@smyth2020' (did you mean '@smith2020'?)"
    )


def test_malformed_citation(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("[@smith2020]", "[@smith2020, p. 4]")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert "articles/01-alpha.md:11: malformed citation" in problems(root)[0]


def test_duplicate_article_id(make_library: LibraryMaker) -> None:
    root = make_library(articles={"01-alpha.md": ALPHA, "02-beta.md": BETA, "03-again.md": ALPHA})
    assert problems(root) == [
        "articles/03-again.md:2: duplicate article id 'alpha' (also in 01-alpha.md)"
    ]


def test_duplicate_reference_key_in_one_file(make_library: LibraryMaker) -> None:
    items = references()
    root = make_library(refs=[*items, items[0]], render=False)
    line = line_of(root / "references.json", '"id": "smith2020"', occurrence=2)
    assert problems(root)[0] == (
        f"references.json:{line}: duplicate reference key 'smith2020' in this file"
    )


def test_conflicting_duplicate_across_reference_files(make_library: LibraryMaker) -> None:
    smith, jones, brown = references()
    other = {**jones, "page": "2-9"}
    root = make_library(split={"w1.json": [smith, jones], "w2.json": [other, brown]}, render=False)
    line = line_of(root / "references.d" / "w1.json", '"id": "jones2019"')
    assert problems(root)[0] == (
        f"references.d/w2.json:3: reference 'jones2019' differs from the one in "
        f"w1.json:{line} (same key, other content)"
    )


def test_reference_cited_nowhere(make_library: LibraryMaker) -> None:
    extra = {**references()[2], "id": "brown2018b", "title": "Another"}
    root = make_library(refs=[*references(), extra])
    line = line_of(root / "references.json", '"id": "brown2018b"')
    assert problems(root) == [f"references.json:{line}: reference 'brown2018b' is cited nowhere"]


def test_missing_field_in_reference(make_library: LibraryMaker) -> None:
    items = references()
    del items[1]["title"]
    root = make_library(refs=items, render=False)
    line = line_of(root / "references.json", '"id": "jones2019"')
    assert problems(root)[0] == (
        f"references.json:{line}: reference 'jones2019': missing required field 'title'"
    )


def test_malformed_date_in_reference(make_library: LibraryMaker) -> None:
    items = references()
    items[2]["issued"] = {"date-parts": [[2018, 2, 30]]}
    root = make_library(refs=items, render=False)
    line = line_of(root / "references.json", '"issued"', occurrence=3)
    first = problems(root)[0]
    assert first.startswith(
        f"references.json:{line}: reference 'brown2018': field 'issued.date-parts'"
    )
    assert "not a calendar date" in first


def test_mis_keyed_reference(make_library: LibraryMaker) -> None:
    items = references()
    items[1]["issued"] = {"date-parts": [[2018]]}  # key says 2019
    root = make_library(refs=items, render=False)
    line = line_of(root / "references.json", '"id": "jones2019"')
    assert problems(root)[0] == (
        f"references.json:{line}: reference 'jones2019': "
        "key year 2019 differs from issued year 2018"
    )


def test_missing_front_matter_field(make_library: LibraryMaker) -> None:
    text = ALPHA.replace('summary = "The first test article."\n', "")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert (
        problems(root)[0]
        == "articles/01-alpha.md:1: front matter: missing required field 'summary'"
    )


def test_bad_article_id(make_library: LibraryMaker) -> None:
    text = ALPHA.replace('id = "alpha"', 'id = "Alpha One"')
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert problems(root)[0].startswith("articles/01-alpha.md:2: front matter: field 'id'")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-02-30", "front matter is not valid TOML"),
        ('"2026-01-02"', "must be a TOML date"),
        ("2026-01-02T10:00:00", "must be a TOML date"),
    ],
)
def test_malformed_last_reviewed(make_library: LibraryMaker, written: str, expected: str) -> None:
    text = ALPHA.replace("last_reviewed = 2026-01-02", f"last_reviewed = {written}")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    first = problems(root)[0]
    assert first.startswith("articles/01-alpha.md:6: ")
    assert expected in first


def test_front_matter_not_closed(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("+++\n\n## Overview", "\n## Overview")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert "articles/01-alpha.md:1: front matter is not closed" in problems(root)[0]


def test_no_front_matter(make_library: LibraryMaker) -> None:
    root = make_library(articles={"01-alpha.md": "## Just text\n\nHello.\n", "02-beta.md": BETA})
    assert problems(root)[0].startswith("articles/01-alpha.md:1: must start with a '+++' line")


def test_empty_section(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("## Overview\n\nSJS is rare [@smith2020].\n", "## Overview\n\n")
    text = text.replace("| high [@jones2019] |", "| high [@jones2019] [@smith2020] |")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert problems(root) == ["articles/01-alpha.md:9: section 'Overview' is empty"]


def test_text_before_first_section(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("+++\n\n## Overview", "+++\n\nAn intro.\n\n## Overview")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert problems(root) == ["articles/01-alpha.md:9: text before the first '## ' section"]


def test_duplicate_section_anchor(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("## Table and links", "## Overview!")
    text = text.replace("article:beta#details", "article:beta")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert problems(root)[0] == (
        "articles/01-alpha.md:13: section anchor 'overview' repeats the one at line 9"
    )


@pytest.mark.parametrize(
    ("href", "message"),
    [
        ("article:gamma", "link to a missing article 'gamma'"),
        ("article:beta#nowhere", "link to a missing section 'nowhere' of article 'beta'"),
        ("calc:sofa", "no calculator 'sofa' (known: abcd10, alden, bsa, classify, scorten)"),
        ("beta.md", f"link target 'beta.md' is not {WRITTEN_FORMS}"),
        ("ref:nobody2000", "link to an unknown reference 'nobody2000'"),
        ("mailto:a@b.c", f"link target 'mailto:a@b.c' is not {WRITTEN_FORMS}"),
        ("copy:smith2001", f"link target 'copy:smith2001' is not {WRITTEN_FORMS}"),
    ],
)
def test_broken_internal_link(make_library: LibraryMaker, href: str, message: str) -> None:
    text = ALPHA.replace("article:beta#details", href)
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert problems(root) == [f"articles/01-alpha.md:19: {message}"]


# What a tampered article carried to the window in the probe of issue 12.
PAYLOADS = [
    ('<img src="http://example.com/x.png">', "raw HTML is not allowed in an article: '<img"),
    ("<script>alert(1)</script>", "raw HTML is not allowed in an article: '<script>'"),
    ('<iframe src="http://example.com">', "raw HTML is not allowed in an article: '<iframe"),
    ('<a href="http://example.com">here</a>', "raw HTML is not allowed in an article: '<a"),
    ("[run](javascript:alert(1))", "link target"),
    ("[file](file:///etc/passwd)", "link target 'file:///etc/passwd' is not"),
    ("![x](http://example.com/x.png)", "images are not allowed in an article"),
    ("![x](resources/x.png)", "images are not allowed in an article"),
]


@pytest.mark.parametrize(("payload", "message"), PAYLOADS, ids=[p[0][:12] for p in PAYLOADS])
def test_html_scripts_images_and_unknown_links_are_refused_with_file_and_line(
    make_library: LibraryMaker, payload: str, message: str
) -> None:
    text = ALPHA.replace("article:beta#details", "article:beta") + f"\n{payload}\n"
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    line = len(text.splitlines())
    found = problems(root)
    assert any(p.startswith(f"articles/01-alpha.md:{line}: {message}") for p in found), found


def test_doi_and_web_links_are_allowed(make_library: LibraryMaker) -> None:
    text = ALPHA + "\nSee [the paper](doi:10.1000/xyz) and [the page](https://example.org).\n"
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    assert load_library(root).article("alpha")


def test_invalid_json(make_library: LibraryMaker) -> None:
    root = make_library()
    path = root / "references.json"
    path.write_text(path.read_text().replace('"volume": "12",', '"volume": "12"'))
    line = line_of(path, '"volume": "12"') + 1
    assert problems(root)[0].startswith(f"references.json:{line}: invalid JSON: Expecting ','")


def test_references_not_an_array(make_library: LibraryMaker) -> None:
    root = make_library(render=False)
    (root / "references.json").write_text('{"id": "x"}')
    assert problems(root)[0] == "references.json:1: must be a JSON array of CSL-JSON items"


def test_missing_reference_list(make_library: LibraryMaker) -> None:
    root = make_library()
    (root / "references.json").unlink()
    assert problems(root)[0] == "references.json: missing (and no references.d/*.json)"


def test_unreadable_article(make_library: LibraryMaker) -> None:
    root = make_library()
    (root / "articles" / "01-alpha.md").write_bytes(b"+++\n\xff\xfe broken\n")
    assert "articles/01-alpha.md: cannot read the file (not UTF-8 text)" in problems(root)


def test_missing_articles_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="articles: the articles folder is missing"):
        load_library(tmp_path)


def test_missing_rendered_references(make_library: LibraryMaker) -> None:
    root = make_library(render=False)
    assert problems(root) == [
        "references.rendered.json: missing; run `python -m sjsref.content.cite_render`"
    ]


def test_stale_rendered_references(make_library: LibraryMaker) -> None:
    root = make_library()
    items = references()
    items[0]["title"] = "A corrected title"
    dump(root / "references.json", items)
    assert problems(root)[0].startswith("references.rendered.json: stale")


def test_rendered_file_missing_a_key(make_library: LibraryMaker) -> None:
    root = make_library()
    path = root / "references.rendered.json"
    data = json.loads(path.read_text())
    del data["items"]["brown2018"]
    path.write_text(json.dumps(data))
    assert problems(root) == [
        "references.rendered.json: no rendering for 'brown2018'; "
        "run `python -m sjsref.content.cite_render`"
    ]


def test_all_problems_are_listed_at_once(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("@smith2020", "@nope1999").replace("calc:scorten", "calc:nope")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    found = problems(root)
    assert len(found) == 2
    with pytest.raises(ContentError, match=r"\(and 1 more; `python -m sjsref.content.loader`"):
        load_library(root)


def test_reference_cited_only_by_a_calculator_is_not_an_orphan(
    make_library: LibraryMaker,
) -> None:
    lund = {
        "id": "lund1944",
        "type": "article-journal",
        "author": [{"family": "Lund", "given": "CC"}, {"family": "Browder", "given": "NC"}],
        "title": "The estimation of areas of burns",
        "container-title": "Surgery, Gynecology & Obstetrics",
        "issued": {"date-parts": [[1944]]},
        "volume": "79",
        "page": "352-358",
    }
    library = load_library(make_library(refs=[lund, *references()]))
    ref = library.reference("lund1944")
    assert (ref.number, ref.cited_in, ref.calculators) == (4, [], ["bsa"])
    assert library.reference("smith2020").number == 1


def test_section_title_is_the_text_a_reader_sees(make_library: LibraryMaker) -> None:
    text = ALPHA.replace("## Table and links", "## HLA-B\\*15:02 and `code`")
    text = text.replace("article:beta#details", "article:beta")
    root = make_library(articles={"01-alpha.md": text, "02-beta.md": BETA})
    section = load_library(root).article("alpha").sections[1]
    assert (section.title, section.id) == ("HLA-B*15:02 and code", "hla-b-15-02-and-code")


def test_author_without_given_name(make_library: LibraryMaker) -> None:
    items = references()
    items[1]["author"] = [{"family": "Jones"}]
    root = make_library(refs=items, render=False)
    line = line_of(root / "references.json", '"author"', occurrence=2)
    assert problems(root)[0] == (
        f"references.json:{line}: reference 'jones2019': field 'author.0': "
        "a name needs both 'family' and 'given' (or 'literal' for a group)"
    )
