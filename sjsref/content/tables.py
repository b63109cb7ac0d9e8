"""The drug and HLA tables of ``resources/tables/``: schema, reading and integrity checks.

Both are TOML (read with the standard library's tomllib): a writer can edit
them in any editor, comment a row, and a reviewer can diff them line by
line; lists (brand names, drugs) and numbers keep their types, which CSV
would not. Each row cites keys of the reference list, and the loader refuses
an unknown key, a duplicate name, a brand or synonym that would resolve to
two drugs, an ALDEN notoriety value that does not exist, or a number without
its source. A missing table file gives an empty table (a test checks that
the bundled library has both).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sjsref.clinical.alden_rules import Notoriety
from sjsref.content.errors import Problems, plain_message

TABLES_DIR = "tables"
DRUGS_FILE = "drugs.toml"
HLA_FILE = "hla.toml"

_ALLELE = re.compile(r"^HLA-[A-Z0-9]+\*\d{2}:\d{2}$")


class Association(StrEnum):
    """How strongly the case-control studies tie a drug to SJS/TEN."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class CpicStrength(StrEnum):
    """Strength of a CPIC recommendation."""

    STRONG = "strong"
    MODERATE = "moderate"
    OPTIONAL = "optional"


class DrugRow(BaseModel):
    """One drug (or drug group) of the drug table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9 -]*$")
    synonyms: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    drug_class: str = Field(min_length=1)
    association: Association
    evidence: str = Field(min_length=1)
    evidence_sources: tuple[str, ...] = Field(min_length=1)
    notoriety: Notoriety
    latency: str | None = Field(default=None, min_length=1)
    latency_sources: tuple[str, ...] = ()
    half_life_h: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    half_life_note: str | None = Field(default=None, min_length=1)
    half_life_sources: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _sourced(self) -> DrugRow:
        if self.latency is not None and not self.latency_sources:
            raise ValueError("'latency' needs 'latency_sources'")
        if self.half_life_h is not None and not (self.half_life_sources and self.half_life_note):
            raise ValueError("'half_life_h' needs 'half_life_note' and 'half_life_sources'")
        if self.half_life_h is None and (self.half_life_sources or self.half_life_note):
            raise ValueError("'half_life_note'/'half_life_sources' without 'half_life_h'")
        return self

    @property
    def sources(self) -> tuple[str, ...]:
        """Every key the row cites, each once, in order."""
        keys = self.evidence_sources + self.latency_sources + self.half_life_sources
        return tuple(dict.fromkeys(keys))

    @property
    def id(self) -> str:
        return row_id(self.name)

    @property
    def lookup_names(self) -> tuple[str, ...]:
        """The name and every other name a clinician may type for this row."""
        return (self.name, *self.synonyms, *self.members, *self.brands)


class HlaRow(BaseModel):
    """One allele and drug of the HLA table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allele: str = Field(pattern=_ALLELE.pattern)
    drugs: tuple[str, ...] = Field(min_length=1)
    reaction: str = Field(min_length=1)
    populations: str = Field(min_length=1)
    association: str = Field(min_length=1)
    association_sources: tuple[str, ...] = Field(min_length=1)
    cpic: str = Field(min_length=1)
    cpic_strength: CpicStrength | None = None
    cpic_sources: tuple[str, ...] = Field(min_length=1)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every key the row cites, each once, in order."""
        return tuple(dict.fromkeys(self.association_sources + self.cpic_sources))

    @property
    def id(self) -> str:
        return row_id(f"{self.allele} {' '.join(self.drugs)}")


def row_id(text: str) -> str:
    """A row's anchor: 'HLA-B*58:01 allopurinol' -> 'hla-b-58-01-allopurinol'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Tables(BaseModel):
    """The checked drug and HLA tables."""

    model_config = ConfigDict(frozen=True)

    drugs: tuple[DrugRow, ...] = ()
    hla: tuple[HlaRow, ...] = ()

    def drug(self, name: str) -> DrugRow | None:
        """The row a generic name, synonym, group member or brand names (any case)."""
        wanted = name.strip().casefold()
        for row in self.drugs:
            if wanted in (n.casefold() for n in row.lookup_names):
                return row
        return None

    def cited_keys(self) -> dict[str, list[str]]:
        """Each cited key with the tables citing it ('drugs', 'hla')."""
        found: dict[str, list[str]] = {}
        for table, rows in (("drugs", self.drugs), ("hla", self.hla)):
            for row in rows:
                for key in row.sources:
                    if table not in found.setdefault(key, []):
                        found[key].append(table)
        return found


Row = TypeVar("Row", DrugRow, HlaRow)


def load_tables(root: Path, known_keys: Iterable[str], problems: Problems) -> Tables:
    """Read and check both tables; faults are recorded in ``problems``.

    Args:
        root: The ``resources/`` directory.
        known_keys: The keys of the reference list.
        problems: Collects every fault, located at file and line.
    """
    folder = root / TABLES_DIR
    known = set(known_keys)
    drugs = _rows(folder / DRUGS_FILE, "drug", DrugRow, known, problems)
    hla = _rows(folder / HLA_FILE, "allele", HlaRow, known, problems)
    _check_drug_names(folder / DRUGS_FILE, drugs, problems)
    _check_hla(folder / HLA_FILE, hla, problems)
    return Tables(drugs=tuple(row for row, _ in drugs), hla=tuple(row for row, _ in hla))


def _read(path: Path, problems: Problems) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        problems.add(path, None, f"cannot read the file ({reason})")
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        problems.add(path, int(match.group(1)) if match else None, f"invalid TOML: {exc}")
        return None


def _rows(
    path: Path, array: str, model: type[Row], known: set[str], problems: Problems
) -> list[tuple[Row, int]]:
    if not path.exists():
        return []
    data = _read(path, problems)
    if data is None:
        return []
    raw = data.get(array)
    if set(data) != {array} or not isinstance(raw, list):
        problems.add(path, 1, f"must hold only [[{array}]] rows")
        return []
    lines = _row_lines(path, array)
    rows: list[tuple[Row, int]] = []
    for index, item in enumerate(raw):
        line = lines[index] if index < len(lines) else None
        try:
            row = model.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors():
                field = ".".join(str(p) for p in error["loc"]) or "row"
                problems.add(path, line, f"row {index + 1}: {field}: {plain_message(error)}")
            continue
        for key in row.sources:
            if key not in known:
                problems.add(path, line, f"row {index + 1}: unknown reference key '{key}'")
        rows.append((row, line or 0))
    return rows


def _row_lines(path: Path, array: str) -> list[int]:
    header = f"[[{array}]]"
    text = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(text, start=1) if line.strip() == header]


def _check_drug_names(path: Path, rows: list[tuple[DrugRow, int]], problems: Problems) -> None:
    owner: dict[str, int] = {}
    for index, (row, line) in enumerate(rows):
        if any(other.name == row.name for other, _ in rows[:index]):
            problems.add(path, line, f"duplicate drug '{row.name}'")
            continue
        for name in dict.fromkeys(n.casefold() for n in row.lookup_names):
            first = rows[owner.setdefault(name, index)][0]
            if first is not row:
                problems.add(
                    path, line, f"'{name}' would name two drugs: '{first.name}' and '{row.name}'"
                )


def _check_hla(path: Path, rows: list[tuple[HlaRow, int]], problems: Problems) -> None:
    pairs: set[tuple[str, str]] = set()
    for row, line in rows:
        for drug in row.drugs:
            pair = (row.allele, drug.casefold())
            if pair in pairs:
                problems.add(path, line, f"{row.allele} and {drug} are listed twice")
            pairs.add(pair)
