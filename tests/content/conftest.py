"""A small valid library built in tmp_path, to be broken one rule at a time."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sjsref.content.cite_render import write as write_rendered

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
STYLE = REPO_RESOURCES / "american-medical-association.csl"

ALPHA = """\
+++
id = "alpha"
title = "Alpha article"
summary = "The first test article."
keywords = ["first", "TEN"]
last_reviewed = 2026-01-02
+++

## Overview

SJS is rare [@smith2020].

## Table and links

| Drug | Risk |
|---|---:|
| carbamazepine | high [@jones2019] |

See [beta](article:beta#details) and the [SCORTEN calculator](calc:scorten).
"""

BETA = """\
+++
id = "beta"
title = "Beta article"
summary = "The second test article."
keywords = ["second"]
last_reviewed = 2026-03-04
+++

## Details

More [@jones2019; @smith2020] and [@brown2018].

- a list item
- another [see alpha](article:alpha)
"""


def _people(n: int) -> list[dict[str, str]]:
    families = ["Smith", "Adams", "Baker", "Clark", "Davis", "Evans", "Foster", "Green"]
    return [{"family": families[i], "given": "A"} for i in range(n)]


def references() -> list[dict[str, Any]]:
    """Three CSL items: seven authors (AMA cuts to 3 + et al.), two, and one."""
    return [
        {
            "id": "smith2020",
            "type": "article-journal",
            "author": _people(7),
            "title": "A study of rare reactions",
            "container-title": "Journal of Tests",
            "container-title-short": "J Tests",
            "issued": {"date-parts": [[2020, 5]]},
            "volume": "12",
            "issue": "3",
            "page": "100-110",
            "DOI": "10.1000/jt.2020.1",
            "PMID": "12345678",
        },
        {
            "id": "jones2019",
            "type": "article-journal",
            "author": [{"family": "Jones", "given": "B"}, {"family": "Ng", "given": "C"}],
            "title": "Is it the drug?",
            "container-title": "Archives of Examples",
            "container-title-short": "Arch Ex",
            "issued": {"date-parts": [[2019]]},
            "volume": "4",
            "page": "1-9",
        },
        {
            "id": "brown2018",
            "type": "article-journal",
            "author": [{"family": "Brown", "given": "RS"}],
            "title": "Skin & <mucosa>",
            "container-title": "Derm Reports",
            "issued": {"date-parts": [[2018, 2, 28]]},
            "volume": "1",
            "issue": "1",
            "page": "5",
            "DOI": "10.1000/dr.5",
        },
    ]


LibraryMaker = Callable[..., Path]


@pytest.fixture
def make_library(tmp_path: Path) -> LibraryMaker:
    """Return a function that writes a library and returns its resources/ dir.

    Keyword arguments override the defaults: ``articles`` (file name -> text),
    ``refs`` (list of CSL items, written to references.json), ``split`` (file
    name -> items, written to references.d/ instead) and ``render`` (write the
    rendered AMA file, default True).
    """

    def make(
        articles: dict[str, str] | None = None,
        refs: list[dict[str, Any]] | None = None,
        split: dict[str, list[dict[str, Any]]] | None = None,
        render: bool = True,
    ) -> Path:
        root = tmp_path / "resources"
        if root.exists():
            shutil.rmtree(root)
        (root / "articles").mkdir(parents=True)
        shutil.copy(STYLE, root / STYLE.name)
        files = {"01-alpha.md": ALPHA, "02-beta.md": BETA} if articles is None else articles
        for name, text in files.items():
            (root / "articles" / name).write_text(text, encoding="utf-8")
        if split is not None:
            (root / "references.d").mkdir()
            for name, items in split.items():
                dump(root / "references.d" / name, items)
        else:
            dump(root / "references.json", references() if refs is None else refs)
        if render:
            write_rendered(root)
        return root

    return make


def dump(path: Path, items: list[dict[str, Any]]) -> None:
    """Write CSL-JSON the way the writers do: indented, one field per line."""
    path.write_text(json.dumps(items, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
