"""Short source names for a chart note ("Bastuji-Garin et al., J Invest Dermatol 2000").

Generated from the CSL-JSON reference list, so there is no second, hand-kept
bibliography. The calculators' numbers live in code and must work without the
library: when it is missing or modified, the chart note falls back to the
citation keys.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sjsref.content.errors import ContentError
from sjsref.content.integrity import require_integrity
from sjsref.content.paths import resources_dir
from sjsref.content.references import reference_files


def short_name(csl: dict[str, Any]) -> str:
    """'Family et al., Journal Year' from one CSL-JSON item (what it has of these)."""
    authors = csl.get("author") or []
    first = authors[0] if authors else {}
    family = first.get("family") or first.get("literal") or ""
    who = f"{family} et al." if len(authors) > 1 else family
    journal = csl.get("container-title-short") or csl.get("container-title") or ""
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    year = str(parts[0][0]) if parts and parts[0] else ""
    where = " ".join(p for p in (journal, year) if p)
    return ", ".join(p for p in (who, where) if p) or str(csl.get("id", ""))


def short_sources(root: Path | None = None) -> dict[str, str]:
    """Citation key -> short name for every reference; empty if the library is not usable."""
    try:
        root = resources_dir() if root is None else root
        require_integrity(root)
        items = [i for path in reference_files(root) for i in json.loads(path.read_text("utf-8"))]
        return {str(i["id"]): short_name(i) for i in items if isinstance(i, dict) and "id" in i}
    except (ContentError, OSError, ValueError, KeyError, TypeError):
        return {}
