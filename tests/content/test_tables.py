"""The drug and HLA tables: the bundled ones, and each integrity rule failing loudly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sjsref.clinical import alden
from sjsref.clinical.alden_rules import Notoriety
from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.tables import Association, Tables
from tests.content.conftest import REPO_RESOURCES, LibraryMaker, references

DRUG = """\
[[drug]]
name = "allopurinol"
brands = ["Zyloprim"]
drug_class = "xanthine-oxidase inhibitor"
association = "high"
evidence = "Strong association."
evidence_sources = ["smith2020"]
notoriety = "strong"
"""
OTHER_DRUG = """\
[[drug]]
name = "aminopenicillins"
members = ["amoxicillin"]
brands = ["Amoxil"]
drug_class = "penicillins"
association = "moderate"
evidence = "Weaker association."
evidence_sources = ["jones2019"]
notoriety = "associated"
latency = "First weeks."
latency_sources = ["jones2019"]
half_life_h = 1.5
half_life_note = "Test value."
half_life_sources = ["brown2018"]
"""
ALLELE = """\
[[allele]]
allele = "HLA-B*58:01"
drugs = ["allopurinol"]
reaction = "SCAR"
populations = "Han Chinese."
association = "Strong."
association_sources = ["smith2020"]
cpic = "Do not use."
cpic_sources = ["jones2019"]
"""


def with_tables(root: Path, drugs: str | None = DRUG, hla: str | None = ALLELE) -> Path:
    folder = root / "tables"
    folder.mkdir(exist_ok=True)
    if drugs is not None:
        (folder / "drugs.toml").write_text(drugs, encoding="utf-8")
    if hla is not None:
        (folder / "hla.toml").write_text(hla, encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_library(root)
    return caught.value.problems


# The bundled tables ------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Tables:
    return load_library(REPO_RESOURCES).tables


def test_bundled_tables_load_with_rows(bundled: Tables) -> None:
    assert len(bundled.drugs) >= 15 and len(bundled.hla) >= 5
    assert {row.association for row in bundled.drugs} == set(Association)


def test_every_bundled_name_and_brand_resolves_to_its_own_row(bundled: Tables) -> None:
    for row in bundled.drugs:
        for name in row.lookup_names:
            assert bundled.drug(name) is row
            assert bundled.drug(f"  {name.upper()} ") is row
    assert bundled.drug("Tegretol") is bundled.drug("carbamazepine")
    assert bundled.drug("co-trimoxazole") is bundled.drug("Bactrim")
    assert bundled.drug("amoxicillin") is bundled.drug("aminopenicillins")
    assert bundled.drug("no such drug") is None


def test_notoriety_follows_the_documented_mapping(bundled: Tables) -> None:
    mapping = {
        Association.HIGH: Notoriety.STRONG,
        Association.MODERATE: Notoriety.ASSOCIATED,
        Association.LOW: Notoriety.SUSPECTED,
    }
    for row in bundled.drugs:
        assert row.notoriety == mapping[row.association], row.name


def test_table_citations_count_as_cited(bundled: Tables) -> None:
    library = load_library(REPO_RESOURCES)
    davanzo = library.reference("davanzo2013")
    assert davanzo.tables == ["drugs"] and davanzo.cited_in == []
    assert library.reference("hung2005").tables == ["hla"]
    assert set(bundled.cited_keys()) <= {r.key for r in library.references}


def test_each_bundled_half_life_lets_alden_decide_the_drug_present_criterion(
    bundled: Tables,
) -> None:
    index = dt.date(2026, 3, 10)
    with_half_life = [row for row in bundled.drugs if row.half_life_h is not None]
    assert with_half_life
    for row in with_half_life:
        exposure = {
            "name": row.name,
            "start": index - dt.timedelta(days=60),
            "stop": index - dt.timedelta(days=3),
            "half_life_h": row.half_life_h,
            "notoriety": row.notoriety,
            "prechallenge": "unknown",
            "impaired_elimination": False,
            "continued_without_harm": False,
        }
        result = alden.compute(alden.AldenInput(index_day=index, drugs=[exposure]))
        assert result.drugs[0].complete, row.name


# Rules, one at a time ----------------------------------------------------


def test_small_library_with_tables_loads_and_numbers_their_sources(
    make_library: LibraryMaker,
) -> None:
    library = load_library(with_tables(make_library(), DRUG + "\n" + OTHER_DRUG))
    assert [row.name for row in library.tables.drugs] == ["allopurinol", "aminopenicillins"]
    assert library.tables.drug("AMOXIL").name == "aminopenicillins"  # type: ignore[union-attr]
    assert library.reference("brown2018").tables == ["drugs"]
    assert library.reference("smith2020").tables == ["drugs", "hla"]


def test_no_tables_folder_gives_empty_tables(make_library: LibraryMaker) -> None:
    assert load_library(make_library()).tables == Tables()


def test_a_reference_cited_only_by_a_table_is_not_an_orphan(make_library: LibraryMaker) -> None:
    extra = {**references()[2], "id": "white2021", "issued": {"date-parts": [[2021]]}}
    extra["author"] = [{"family": "White", "given": "A"}]
    root = make_library(refs=[*references(), extra])
    assert "reference 'white2021' is cited nowhere" in problems(root)[0]
    cited = DRUG.replace('["smith2020"]', '["white2021"]')
    library = load_library(with_tables(root, cited))
    assert library.reference("white2021").tables == ["drugs"]


@pytest.mark.parametrize(
    ("drugs", "expected"),
    [
        (
            DRUG.replace('["smith2020"]', '["nobody2000"]'),
            "tables/drugs.toml:1: row 1: unknown reference key 'nobody2000'",
        ),
        (DRUG + "\n" + DRUG, "tables/drugs.toml:10: duplicate drug 'allopurinol'"),
        (
            DRUG + "\n" + OTHER_DRUG.replace('["Amoxil"]', '["zyloprim"]'),
            "'zyloprim' would name two drugs: 'allopurinol' and 'aminopenicillins'",
        ),
        (DRUG.replace('"strong"', '"high"'), "row 1: notoriety: Input should be 'strong'"),
        (DRUG.replace('"high"', '"very high"'), "row 1: association: Input should be"),
        (DRUG + "dose_mg = 300\n", "row 1: dose_mg: Extra inputs are not permitted"),
        (DRUG.replace('evidence_sources = ["smith2020"]', "evidence_sources = []"), "row 1"),
        (DRUG + "half_life_h = 4\n", "'half_life_h' needs 'half_life_note'"),
        (DRUG + 'half_life_note = "x"\n', "without 'half_life_h'"),
        (DRUG + 'latency = "weeks"\n', "'latency' needs 'latency_sources'"),
        (DRUG + "half_life_h = -4\n", "half_life_h: Input should be greater than 0"),
        (DRUG.replace('"allopurinol"', '"Allopurinol!"'), "row 1: name: String should match"),
        (DRUG + "name = \n", "tables/drugs.toml:9: invalid TOML"),
        ('[[drugs]]\nname = "x"\n', "tables/drugs.toml:1: must hold only [[drug]] rows"),
    ],
)
def test_broken_drug_table_is_a_located_error(
    make_library: LibraryMaker, drugs: str, expected: str
) -> None:
    found = problems(with_tables(make_library(), drugs))
    assert any(expected in p for p in found), found


@pytest.mark.parametrize(
    ("hla", "expected"),
    [
        (
            ALLELE + "\n" + ALLELE,
            "tables/hla.toml:11: HLA-B*58:01 and allopurinol are listed twice",
        ),
        (ALLELE.replace("HLA-B*58:01", "B5801"), "row 1: allele: String should match"),
        (ALLELE.replace('["jones2019"]', '["nobody2000"]'), "unknown reference key 'nobody2000'"),
        (ALLELE + 'cpic_strength = "weak"\n', "row 1: cpic_strength: Input should be"),
        (ALLELE.replace('drugs = ["allopurinol"]', "drugs = []"), "row 1: drugs:"),
    ],
)
def test_broken_hla_table_is_a_located_error(
    make_library: LibraryMaker, hla: str, expected: str
) -> None:
    found = problems(with_tables(make_library(), hla=hla))
    assert any(expected in p for p in found), found


def test_unreadable_table_is_an_error(make_library: LibraryMaker) -> None:
    root = with_tables(make_library(), drugs=None)
    (root / "tables" / "drugs.toml").write_bytes(b"\xff\xfe not text")
    assert any(
        "tables/drugs.toml: cannot read the file (not UTF-8 text)" in p for p in problems(root)
    )
