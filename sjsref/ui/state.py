"""What the window remembers between runs: geometry, splitters, zoom and lab units.

The lab units a clinician chose (mmol/L or mg/dL, say) are a preference of
their laboratory, not patient data. Nothing a clinician types (calculator
values, search text) ever goes through here; the no-patient-data test checks
the settings file for that.
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

    def unit(self, name: str) -> str | None:
        """The unit last chosen for the lab value ``name``, if any."""
        value = self._settings.value(f"units/{name}")
        return value if isinstance(value, str) and value else None

    def set_unit(self, name: str, value: str) -> None:
        self._settings.setValue(f"units/{name}", value)

    def sync(self) -> None:
        self._settings.sync()
