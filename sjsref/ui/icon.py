"""The window icon: the installed theme icon, else the SVG shipped beside the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # app.py imports this module before the first paint; the icon comes after
    from PySide6.QtGui import QIcon

# The .deb installs hicolor PNGs under this name (packaging/linux/*.desktop).
THEME_NAME = "org.sjsref.SJSRef"


def _svg_candidates() -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)
    found = [Path(bundle) / "icons" / "sjsref.svg"] if isinstance(bundle, str) else []
    # A source checkout keeps the one SVG source under packaging/.
    found.append(Path(__file__).resolve().parents[2] / "packaging" / "icons" / "sjsref.svg")
    return found


def app_icon() -> QIcon:
    """Theme icon if installed, else the bundled SVG, else an empty icon (no crash)."""
    from PySide6.QtGui import QIcon

    svg = next((p for p in _svg_candidates() if p.is_file()), None)
    fallback = QIcon(str(svg)) if svg else QIcon()
    return QIcon.fromTheme(THEME_NAME, fallback)
