"""Where ``resources/`` is: the one function every caller uses to find it.

Three layouts ship the same files:

* a PyInstaller bundle: ``<bundle>/resources`` (the spec copies it there);
* an installed wheel: package data ``sjsref/resources`` (pyproject.toml maps the
  repository's ``resources/`` to it);
* a source checkout: ``resources/`` beside the ``sjsref`` package.

``SJSREF_RESOURCES`` overrides all three, so tests can point at a small library.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sjsref.content.errors import ContentError

ENV_VAR = "SJSREF_RESOURCES"

# A directory counts as the library only if it holds this folder; this keeps an
# unrelated "resources" directory from being taken for ours.
_MARKER = "articles"


def resources_dir() -> Path:
    """Return the directory that holds the bundled library.

    Returns:
        The absolute path of ``resources/``.

    Raises:
        ContentError: When no candidate holds an ``articles`` folder; the
            message lists where it looked.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser().resolve()
        if not (path / _MARKER).is_dir():
            raise ContentError(f"{ENV_VAR}={override}: no {_MARKER}/ folder there")
        return path
    candidates = _candidates()
    for path in candidates:
        if (path / _MARKER).is_dir():
            return path.resolve()
    looked = ", ".join(str(p) for p in candidates)
    raise ContentError(f"the bundled library (resources/) was not found; looked in: {looked}")


def _candidates() -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle, str):
        found.append(Path(bundle) / "resources")
    # The package's own folder, as importlib.resources.files("sjsref") gives it
    # for the layouts we support (real files; a zipped import is not one), without
    # importing importlib.resources on the start-up path (about 3 ms).
    package = Path(__file__).resolve().parents[1]
    found.append(package / "resources")
    found.append(package.parent / "resources")
    return found
