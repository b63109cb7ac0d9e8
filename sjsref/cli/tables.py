"""``sjsref drugs`` and ``sjsref hla``: the drug and HLA tables, as text or JSON.

Each row with its sources (citation keys, numbered as in ``sjsref references``).
A broken or modified library is one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.models import Library
from sjsref.content.tables import DrugRow, HlaRow


def _library() -> Library | None:
    try:
        return load_library()
    except ContentError as exc:
        sys.stderr.write(f"sjsref: {exc}\n")
        return None


def _refs(library: Library, keys: tuple[str, ...]) -> str:
    return ", ".join(str(library.reference(k).number) for k in keys)


def drug_lines(row: DrugRow, library: Library) -> list[str]:
    """One drug row as text: name, brands, class, association, notoriety, latency, half-life."""
    names = ", ".join(row.brands)
    lines = [f"{row.name}" + (f" ({names})" if names else "") + f": {row.drug_class}"]
    lines.append(f"  association: {row.association.value}; ALDEN notoriety: {row.notoriety.value}")
    lines.append(f"  {row.evidence} [{_refs(library, row.evidence_sources)}]")
    if row.latency:
        lines.append(f"  latency: {row.latency} [{_refs(library, row.latency_sources)}]")
    if row.half_life_h is not None:
        lines.append(
            f"  half-life: {row.half_life_h:g} h, {row.half_life_note} "
            f"[{_refs(library, row.half_life_sources)}]"
        )
    return lines


def hla_lines(row: HlaRow, library: Library) -> list[str]:
    """One allele row as text: allele, drugs, reaction, populations, association, CPIC."""
    strength = f" ({row.cpic_strength.value})" if row.cpic_strength else ""
    return [
        f"{row.allele} with {', '.join(row.drugs)}: {row.reaction}",
        f"  populations: {row.populations}",
        f"  association: {row.association} [{_refs(library, row.association_sources)}]",
        f"  CPIC{strength}: {row.cpic} [{_refs(library, row.cpic_sources)}]",
    ]


def _print(args: argparse.Namespace, table: str) -> int:
    library = _library()
    if library is None:
        return 1
    rows: tuple[Any, ...] = library.tables.drugs if table == "drugs" else library.tables.hla
    if args.json:
        sys.stdout.write(
            json.dumps([r.model_dump(mode="json") for r in rows], indent=2, ensure_ascii=False)
            + "\n"
        )
        return 0
    lines_of = drug_lines if table == "drugs" else hla_lines
    for row in rows:
        sys.stdout.write("\n".join(lines_of(row, library)) + "\n")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``drugs`` and ``hla`` sub-commands."""
    for name, text in (
        ("drugs", "the drugs associated with SJS/TEN, with ALDEN notoriety and half-life"),
        ("hla", "the HLA alleles, their drugs and the CPIC recommendations"),
    ):
        parser = subparsers.add_parser(name, help=text)
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.set_defaults(handler=lambda args, table=name: _print(args, table))
