"""Fixtures: a small synthetic document set and the real library's index."""

from __future__ import annotations

import pytest

from sjsref.search.index import Document, SearchIndex
from sjsref.search.synonyms import Synonyms

SYNONYMS = Synonyms.from_groups(
    [
        ["TEN", "toxic epidermal necrolysis", "Lyell syndrome", "Lyell"],
        ["BUN", "urea", "blood urea nitrogen"],
        ["IVIG", "intravenous immunoglobulin"],
        ["carbamazepine", "Tegretol"],
        ["ciclosporin", "cyclosporine", "Neoral"],
        ["haemoglobin", "hemoglobin"],
    ],
    alleles=["HLA-B*15:02", "HLA-B*58:01", "HLA-A*31:01"],
    stopwords=["when", "to", "the", "how"],
)

DOCUMENTS = [
    Document(
        "calculator",
        "SCORTEN",
        "Predicts mortality of TEN. Age ≥ 40 years. Serum urea > 10 mmol/L.",
        "calc:scorten",
        keywords=("scorten", "Serum urea > 10 mmol/L"),
        context="Calculator",
    ),
    Document(
        "article",
        "Pharmacogenomics",
        "HLA-B*15:02 and carbamazepine, HLA-B*58:01 and allopurinol.",
        "article:pharmacogenomics",
        keywords=("HLA", "screening"),
    ),
    Document(
        "section",
        "HLA-B*15:02 and carbamazepine",
        "Han Chinese carriers of B*1502 develop SJS on carbamazepine; test before prescribing.",
        "article:pharmacogenomics#hla-b-15-02",
        context="Pharmacogenomics",
    ),
    Document(
        "section",
        "Transfer to a burn unit",
        "Move patients with extensive detachment early to a burn centre or intensive care.",
        "article:first-24-hours#transfer",
        context="First 24 hours",
    ),
    Document(
        "section",
        "Eyes: acute care",
        "Ophthalmology review on day 1; lubricate the ocular surface every two hours.",
        "article:mucosa#eyes",
        context="Mucosa",
    ),
    Document(
        "section",
        "Ciclosporin",
        "Ciclosporin 3-5 mg/kg/day was associated with lower mortality than IVIG.",
        "article:immunomodulation#ciclosporin",
        context="Immunomodulation",
    ),
    Document(
        "section",
        "Laboratory tests",
        "Measure haemoglobin, urea, bicarbonate and glucose on admission.",
        "article:first-24-hours#labs",
        context="First 24 hours",
    ),
    Document(
        "reference",
        "Toxic epidermal necrolysis: a review",
        "Lyell A. Br J Dermatol. 1956",
        "ref:lyell1956",
        keywords=("Lyell",),
    ),
    Document(
        "drug",
        "HLA-B*58:01 · Allopurinol",
        "Allele: HLA-B*58:01; Drug: Allopurinol; Recommendation: do not use in carriers",
        "article:pharmacogenomics#table",
        context="Pharmacogenomics › Table",
    ),
]


@pytest.fixture(scope="session")
def small_index() -> SearchIndex:
    """An index over :data:`DOCUMENTS` with :data:`SYNONYMS`."""
    return SearchIndex(DOCUMENTS, SYNONYMS)


@pytest.fixture(scope="session")
def real_index() -> SearchIndex:
    """The index the app builds: the real library, calculators and synonyms."""
    from sjsref.clinical.registry import CALCULATORS
    from sjsref.content.loader import load_library
    from sjsref.content.paths import resources_dir
    from sjsref.search.documents import build_index

    root = resources_dir()
    return build_index(load_library(root), CALCULATORS, root)
