"""Read and check the CSL-JSON reference list and its pre-rendered AMA text.

Until the per-writer lists are merged, ``references.d/*.json`` stands in for
``references.json``; the same key may appear in two of them only with identical
content.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sjsref.content.errors import Problems, plain_message
from sjsref.content.models import CslItem

REFERENCES_FILE = "references.json"
REFERENCES_DIR = "references.d"
RENDERED_FILE = "references.rendered.json"
STYLE_FILE = "american-medical-association.csl"
RENDER_COMMAND = "python -m sjsref.content.cite_render"
# CSL-JSON keeps data without a designated field in "custom". An item whose
# author list stops short of the real one (later authors could not be
# confirmed) says so here, and the rendering prints "et al." after the names
# listed, instead of passing the shortened list off as complete.
AUTHORS_TRUNCATED = "authors-truncated"


@dataclass(frozen=True)
class SourcedItem:
    """A validated CSL item and where it was read."""

    item: CslItem
    raw: dict[str, Any]
    path: Path
    line: int


@dataclass(frozen=True)
class Rendering:
    """A reference in AMA style, without its number."""

    text: str
    html: str


def authors_truncated(raw: dict[str, Any]) -> bool:
    """Whether a CSL item's author list is known to be cut short."""
    custom = raw.get("custom")
    return isinstance(custom, dict) and custom.get(AUTHORS_TRUNCATED) is True


def reference_files(root: Path) -> list[Path]:
    """The files that hold the reference list, in reading order."""
    single = root / REFERENCES_FILE
    if single.exists():
        return [single]
    return sorted((root / REFERENCES_DIR).glob("*.json"))


def read_json(path: Path, problems: Problems) -> Any:
    """Parse a JSON file, recording an unreadable or invalid one as a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, None, f"cannot read the file ({_reason(exc)})")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(path, exc.lineno, f"invalid JSON: {exc.msg}")
        return None


def load_items(root: Path, problems: Problems) -> dict[str, SourcedItem]:
    """Read, validate and merge the reference list.

    Args:
        root: The ``resources/`` directory.
        problems: Collects every fault found.

    Returns:
        The items by key, in reading order (problems are recorded, not raised).
    """
    files = reference_files(root)
    if not files:
        problems.add(root / REFERENCES_FILE, None, f"missing (and no {REFERENCES_DIR}/*.json)")
    merged: dict[str, SourcedItem] = {}
    for path in files:
        data = read_json(path, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.add(path, 1, "must be a JSON array of CSL-JSON items")
            continue
        for found in _file_items(path, data, problems):
            key = found.item.id
            earlier = merged.get(key)
            if earlier is None:
                merged[key] = found
            elif earlier.path == path:
                problems.add(path, found.line, f"duplicate reference key '{key}' in this file")
            elif earlier.raw != found.raw:
                problems.add(
                    path,
                    found.line,
                    f"reference '{key}' differs from the one in "
                    f"{earlier.path.name}:{earlier.line} (same key, other content)",
                )
    return merged


def _file_items(path: Path, data: list[Any], problems: Problems) -> list[SourcedItem]:
    lines = path.read_text(encoding="utf-8").splitlines()
    seen: dict[str, int] = {}
    found: list[SourcedItem] = []
    for index, raw in enumerate(data):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            problems.add(path, None, f"item {index + 1} is not an object with a string 'id'")
            continue
        key = raw["id"]
        seen[key] = seen.get(key, 0) + 1
        line = _id_line(lines, key, seen[key])
        try:
            item = CslItem.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else "id"
                where = _field_line(lines, line, field)
                problems.add(path, where, f"reference '{key}': {_describe(error)}")
            continue
        key_problem = check_key(item)
        if key_problem:
            problems.add(path, line, f"reference '{key}': {key_problem}")
        found.append(SourcedItem(item, raw, path, line))
    return found


def check_key(item: CslItem) -> str | None:
    """Check the key convention: first author's family name, then the year.

    Returns:
        What is wrong, or None. A mis-keyed reference (key of one paper,
        data of another) is caught here.
    """
    match = re.fullmatch(r"([a-z]+)(\d{4}|nd)[a-z]?", item.id)
    if match is None:
        return "key must be the first author's family name, the year, then a/b if needed"
    first = item.author[0]
    if first.family is not None and match.group(1) != ascii_name(first.family):
        return f"key should start with '{ascii_name(first.family)}' (first author {first.family})"
    if item.issued is None:
        return None if match.group(2) == "nd" else "an undated item's key ends in 'nd'"
    if match.group(2) == "nd" or int(match.group(2)) != item.issued.year:
        return f"key year {match.group(2)} differs from issued year {item.issued.year}"
    return None


def ascii_name(family: str) -> str:
    """Family name as used in keys: ASCII letters only, lowercase."""
    decomposed = unicodedata.normalize("NFKD", family)
    return re.sub(r"[^a-z]", "", decomposed.encode("ascii", "ignore").decode().lower())


def source_digest(items: dict[str, SourcedItem]) -> str:
    """SHA-256 of the reference list in a canonical form.

    Canonical JSON (sorted keys, items sorted by id) makes the digest independent
    of whitespace, line endings and of whether the list is one file or several.
    """
    ordered = [items[key].raw for key in sorted(items)]
    canonical = json.dumps(ordered, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_rendered(
    root: Path, items: dict[str, SourcedItem], problems: Problems
) -> dict[str, Rendering]:
    """Read the AMA renderings written by ``cite_render`` and check they are current."""
    path = root / RENDERED_FILE
    if not path.exists():
        problems.add(path, None, f"missing; run `{RENDER_COMMAND}`")
        return {}
    data = read_json(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("items"), dict):
        problems.add(path, None, "not a rendered reference file (no 'items' object)")
        return {}
    if data.get("source_sha256") != source_digest(items):
        problems.add(path, None, f"stale: the references changed; run `{RENDER_COMMAND}`")
        return {}
    rendered: dict[str, Rendering] = {}
    for key, value in data["items"].items():
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            rendered[key] = Rendering(value["text"], str(value.get("html", value["text"])))
    for key in items:
        if key not in rendered:
            problems.add(path, None, f"no rendering for '{key}'; run `{RENDER_COMMAND}`")
    return rendered


def _id_line(lines: list[str], key: str, occurrence: int) -> int:
    pattern = re.compile(r'"id"\s*:\s*"' + re.escape(key) + '"')
    count = 0
    for number, text in enumerate(lines, start=1):
        if pattern.search(text):
            count += 1
            if count == occurrence:
                return number
    return 1


def _field_line(lines: list[str], id_line: int, field: str) -> int:
    # Items are written one field per line; look near the item's "id" for the field.
    pattern = re.compile(r'"' + re.escape(field) + r'"\s*:')
    start = id_line - 1
    for number in range(start, min(len(lines), start + 200)):
        if number > start and re.search(r'"id"\s*:', lines[number]) and field != "id":
            break
        if pattern.search(lines[number]):
            return number + 1
    return id_line


def _describe(error: Any) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return f"missing required field '{loc}'"
    return f"field '{loc}': {plain_message(error)}"


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
