"""Light, dark and high-contrast palettes; by default the one the system asks for (issue 16).

Every colour the window draws comes from the application palette (lists,
articles, links, the body map), so a theme is one palette. The Fusion style
draws with the palette alone on every platform, so what the contrast test
measures is what a clinician sees. Text keeps 4.5:1 against its background,
focus and checked indicators 3:1 (WCAG 2.2 AA); tests/ui/test_theme.py
measures both in each palette.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QToolButton, QWidget

from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums
from sjsref.ui.style import restyle_sheets

SYSTEM, LIGHT, DARK, CONTRAST = "system", "light", "dark", "contrast"
THEMES = (SYSTEM, LIGHT, DARK, CONTRAST)
LABELS = {SYSTEM: "As the system", LIGHT: "Light", DARK: "Dark", CONTRAST: "High contrast"}

_R = QPalette.ColorRole
# Text on Base and WindowText on Window carry the reading text; Highlight is the
# selection, the focus frame and the body map's "detached" fill; Link the
# citations and cross-references. Disabled text is exempt from the contrast
# rule (WCAG 1.4.3) but still kept legible.
_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    LIGHT: {
        _R.Window: "#f4f4f4",
        _R.WindowText: "#1b1b1b",
        _R.Base: "#ffffff",
        _R.AlternateBase: "#eeeeee",
        _R.Text: "#1b1b1b",
        _R.Button: "#e6e6e6",
        _R.ButtonText: "#1b1b1b",
        _R.BrightText: "#ffffff",
        _R.Highlight: "#1a56c4",
        _R.HighlightedText: "#ffffff",
        _R.Link: "#1a4fb0",
        _R.LinkVisited: "#6b2c91",
        _R.ToolTipBase: "#ffffe1",
        _R.ToolTipText: "#1b1b1b",
        _R.PlaceholderText: "#5c5c5c",
        _R.Light: "#ffffff",
        _R.Midlight: "#dddddd",
        _R.Mid: "#767676",
        _R.Dark: "#6e6e6e",
        _R.Shadow: "#3a3a3a",
    },
    DARK: {
        _R.Window: "#222222",
        _R.WindowText: "#e8e8e8",
        _R.Base: "#161616",
        _R.AlternateBase: "#2a2a2a",
        _R.Text: "#e8e8e8",
        _R.Button: "#333333",
        _R.ButtonText: "#e8e8e8",
        _R.BrightText: "#ffffff",
        _R.Highlight: "#7fb0ff",
        _R.HighlightedText: "#000000",
        _R.Link: "#8cb8ff",
        _R.LinkVisited: "#d0a6f5",
        _R.ToolTipBase: "#333333",
        _R.ToolTipText: "#e8e8e8",
        _R.PlaceholderText: "#a0a0a0",
        _R.Light: "#4a4a4a",
        _R.Midlight: "#3a3a3a",
        _R.Mid: "#8a8a8a",
        _R.Dark: "#101010",
        _R.Shadow: "#000000",
    },
    CONTRAST: {
        _R.Window: "#000000",
        _R.WindowText: "#ffffff",
        _R.Base: "#000000",
        _R.AlternateBase: "#1c1c1c",
        _R.Text: "#ffffff",
        _R.Button: "#000000",
        _R.ButtonText: "#ffffff",
        _R.BrightText: "#ffffff",
        _R.Highlight: "#00ffff",
        _R.HighlightedText: "#000000",
        _R.Link: "#ffff00",
        _R.LinkVisited: "#ffb3ff",
        _R.ToolTipBase: "#000000",
        _R.ToolTipText: "#ffffff",
        _R.PlaceholderText: "#a0a0a0",  # 8:1 on black, yet plainly not typed white text
        _R.Light: "#ffffff",
        _R.Midlight: "#ffffff",
        _R.Mid: "#ffffff",
        _R.Dark: "#ffffff",
        _R.Shadow: "#ffffff",
    },
}
_DISABLED = {LIGHT: "#6e6e6e", DARK: "#8c8c8c", CONTRAST: "#b0b0b0"}


def palette_for(name: str) -> QPalette:
    """The palette of ``light``, ``dark`` or ``contrast``."""
    palette = QPalette()
    for role, colour in _PALETTES[name].items():
        palette.setColor(role, QColor(colour))
    palette.setColor(_R.Accent, QColor(_PALETTES[name][_R.Highlight]))
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[name]))
    return palette


def resolve(choice: str, scheme: Qt.ColorScheme, contrast: Qt.ContrastPreference) -> str:
    """The palette a choice stands for: ``system`` follows the desktop's scheme and contrast."""
    if choice in _PALETTES:
        return choice
    if contrast == Qt.ContrastPreference.HighContrast:
        return CONTRAST
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def system_resolve(choice: str) -> str:
    """:func:`resolve` with what the desktop reports now."""
    if choice in _PALETTES:
        # Asking the desktop builds all of Qt's enumerations (about 30 ms):
        # not needed when a palette was chosen.
        return choice
    hints = QGuiApplication.styleHints()
    return resolve(choice, hints.colorScheme(), hints.accessibility().contrastPreference())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.2 contrast ratio of two opaque colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Theme(QObject):
    """The chosen theme, applied to the application and kept in step with the system.

    Args:
        app: The application whose palette and style are set.
        choice: ``system``, ``light``, ``dark`` or ``contrast``.
        parent: Its owner (the window): the system's signals stop with it.
        style_later: Leave the style to :meth:`install_style` (the window calls
            it after its first paint, which Qt's own Fusion draws the same).
    """

    def __init__(
        self,
        app: QApplication,
        choice: str,
        parent: QObject | None = None,
        *,
        style_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self.choice = choice if choice in THEMES else SYSTEM
        if not style_later:
            self.install_style()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._system_changed)
        self.apply()

    def install_style(self) -> None:
        """Set :class:`~sjsref.ui.theme_style.ThemeStyle` on the application (once)."""
        from sjsref.ui.theme_style import ThemeStyle

        if not isinstance(self._app.style(), ThemeStyle):
            self._app.setStyle(ThemeStyle())
            self._clear_icons()

    @property
    def palette_name(self) -> str:
        return system_resolve(self.choice)

    def set_choice(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else SYSTEM
        self.apply()

    def _system_changed(self, *_args: object) -> None:
        if self.choice == SYSTEM:
            self.apply()

    def apply(self) -> None:
        palette = palette_for(self.palette_name)
        self._app.setPalette(palette)
        # Qt posts the change to each widget; deliver it now, so the window is
        # drawn in the new colours at once and the icons below read them.
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
        self._clear_icons()

    def _clear_icons(self) -> None:
        """Have every field's clear button drawn again by the style, in the new colours.

        Turning the button off and on makes the field ask the style for its
        cross (:class:`~sjsref.ui.theme_style.ThemeStyle` draws it in the
        text colour). Setting the icon on the button's action instead would
        also show the hidden button of an empty field.
        """
        # Only the fields are asked for: handing Python every widget (allWidgets)
        # would build the enumerations of every widget class, about 10 ms.
        for top in self._app.topLevelWidgets():
            edits = top.findChildren(QLineEdit)
            if isinstance(top, QLineEdit):
                edits.append(top)
            for edit in edits:
                if edit.isClearButtonEnabled():
                    edit.setClearButtonEnabled(False)
                    edit.setClearButtonEnabled(True)


def theme_button(theme: Theme, remember: Callable[[str], object], parent: QWidget) -> QToolButton:
    """A "Theme" button whose menu switches the palette; the choice is passed to ``remember``."""
    button = QToolButton(parent)
    button.setObjectName("theme_button")
    button.setText("Theme ▾")
    # Fusion draws InstantPopup's arrow over the text's last letter: the text carries it.
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    button.setToolTip("Light, dark or high contrast")
    button.setAccessibleName("Theme: light, dark or high contrast")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    group = QActionGroup(menu)
    for name in THEMES:
        action = menu.addAction(LABELS[name])
        action.setObjectName(f"theme_{name}")
        action.setCheckable(True)
        action.setChecked(name == theme.choice)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, name=name: _choose(theme, remember, name))
    button.setMenu(menu)
    return button


def _choose(theme: Theme, remember: Callable[[str], object], name: str) -> None:
    theme.set_choice(name)
    remember(name)
    # A switch the user asked for; not in apply(), which runs at start-up too.
    restyle_sheets(QApplication.instance())  # type: ignore[arg-type]
