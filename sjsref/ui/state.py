"""What the window remembers between runs: geometry, splitters, zoom, lab units, pins.

The lab units a clinician chose (mmol/L or mg/dL, say) are a preference of
their laboratory, not patient data. Nothing a clinician types (calculator
values, search text) ever goes through here; the no-patient-data test checks
the settings file for that. Pinned and recent pages are link targets of the
app's own pages (``calc:scorten``, ``article:severity#scorten``): what was
opened, never what was typed to find it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "SJSRef"
APPLICATION = "SJSRef"
# On macOS, QSettings() names its file from this domain, reversed:
# org.sjsref.SJSRef.plist, matching the bundle identifier (packaging/platform_meta.py).
ORGANISATION_DOMAIN = "sjsref.org"

# Zoom of the reading views, in percent of the default text size.
ZOOM_DEFAULT = 100
ZOOM_MIN = 50
ZOOM_MAX = 300
ZOOM_STEP = 10

_GEOMETRY = "window/geometry"
_ZOOM = "view/zoom"
_PINNED = "library/pinned"
_RECENT = "library/recent"
# Enough to find last week's pages again; a longer list is read by nobody.
MAX_PINNED = 20
MAX_RECENT = 8
_THEME = "view/theme"


class ViewState:
    """Typed access to the few remembered settings.

    Args:
        settings: Where to keep them; the app passes ``QSettings()``, named by
            the application's organisation, domain and name.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def geometry(self) -> QByteArray | None:
        value = self._settings.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, value)

    def splitter(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"splitter/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"splitter/{name}", value)

    def zoom(self) -> int:
        try:
            value = int(str(self._settings.value(_ZOOM, ZOOM_DEFAULT)))
        except (TypeError, ValueError):
            return ZOOM_DEFAULT
        return max(ZOOM_MIN, min(ZOOM_MAX, value))

    def set_zoom(self, value: int) -> None:
        self._settings.setValue(_ZOOM, max(ZOOM_MIN, min(ZOOM_MAX, int(value))))

    def theme(self) -> str:
        """The chosen theme name (``system`` unless one was picked); checked by the theme."""
        value = self._settings.value(_THEME)
        return value if isinstance(value, str) and value else "system"

    def set_theme(self, value: str) -> None:
        self._settings.setValue(_THEME, value)

    def unit(self, name: str) -> str | None:
        """The unit last chosen for the lab value ``name``, if any."""
        value = self._settings.value(f"units/{name}")
        return value if isinstance(value, str) and value else None

    def set_unit(self, name: str, value: str) -> None:
        self._settings.setValue(f"units/{name}", value)

    def pinned(self) -> list[str]:
        """The pinned targets, in the order they were pinned."""
        return self._targets(_PINNED)[:MAX_PINNED]

    def set_pinned(self, targets: list[str]) -> None:
        self._settings.setValue(_PINNED, list(dict.fromkeys(targets))[:MAX_PINNED])

    def recent(self) -> list[str]:
        """The targets opened last, newest first."""
        return self._targets(_RECENT)[:MAX_RECENT]

    def add_recent(self, target: str, same_page: str = "") -> None:
        """Put ``target`` first; an older entry for the same page (``same_page`` prefix) goes."""
        prefix = same_page or target
        kept = [t for t in self.recent() if t != prefix and not t.startswith(prefix + "#")]
        self._settings.setValue(_RECENT, [target, *kept][:MAX_RECENT])

    def _targets(self, key: str) -> list[str]:
        value = self._settings.value(key)
        # QSettings gives a one-item list back as a plain string, none as None.
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [v for v in values if isinstance(v, str) and v]

    def sync(self) -> None:
        self._settings.sync()
