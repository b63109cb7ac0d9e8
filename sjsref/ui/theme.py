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

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import (
    QActionGroup,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QToolButton,
    QWidget,
)

from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums

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


def clear_icon(colour: QColor) -> QIcon:
    """A cross in the text colour: Qt's own clear icon is dark grey, lost on a dark field."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(18, 18), QPointF(46, 46))
    painter.drawLine(QPointF(46, 18), QPointF(18, 46))
    painter.end()
    return QIcon(pixmap)


class ThemeStyle(QProxyStyle):
    """Fusion, with marks every palette keeps visible and that grow with the zoom.

    Fusion outlines fields, radio buttons and check boxes in a shade of the
    window colour: on a dark or black window they all but vanish, and its
    indicators keep one pixel size at any zoom. Here they are outlined in
    the palette's Mid colour (3:1 or more on every background), checked in the
    text colour, and sized from the font.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standardIcon == QStyle.StandardPixmap.SP_LineEditClearButton:
            palette = widget.palette() if widget is not None else QApplication.palette()
            return clear_icon(palette.color(_R.Text))
        return super().standardIcon(standardIcon, option, widget)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_METRICS:
            metrics = widget.fontMetrics() if widget is not None else QApplication.fontMetrics()
            return max(base, round(metrics.height() * 0.8))
        return base

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element in (_PE.PE_IndicatorRadioButton, _PE.PE_IndicatorCheckBox):
            _draw_indicator(element == _PE.PE_IndicatorRadioButton, option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_FrameLineEdit and not focused:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(_R.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()


_PE = QStyle.PrimitiveElement
_INDICATOR_METRICS = (
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
)


def _draw_indicator(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    palette, state = option.palette, option.state
    box = QRectF(option.rect).adjusted(1, 1, -1, -1)
    side = min(box.width(), box.height())
    box = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    ink = palette.color(_R.Text if enabled else _R.Mid)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state & QStyle.StateFlag.State_HasFocus:
        # The keyboard is here: a thicker ring in the focus colour (3:1 on the window).
        painter.setPen(QPen(palette.color(_R.Highlight), 2.5))
    else:
        painter.setPen(QPen(palette.color(_R.Mid if enabled else _R.Midlight), 1.5))
    painter.setBrush(palette.color(_R.Base))
    if radio:
        painter.drawEllipse(box)
    else:
        painter.drawRoundedRect(box, 2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    inner = box.adjusted(side * 0.27, side * 0.27, -side * 0.27, -side * 0.27)
    if state & QStyle.StateFlag.State_On:
        if radio:
            painter.drawEllipse(inner)
        else:
            painter.drawRoundedRect(inner, 1, 1)
    elif not radio and state & QStyle.StateFlag.State_NoChange:
        painter.drawRect(QRectF(inner.left(), inner.center().y() - 1, inner.width(), 2))
    painter.restore()


class Theme(QObject):
    """The chosen theme, applied to the application and kept in step with the system.

    Args:
        app: The application whose palette and style are set.
        choice: ``system``, ``light``, ``dark`` or ``contrast``.
        parent: Its owner (the window): the system's signals stop with it.
    """

    def __init__(self, app: QApplication, choice: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.choice = choice if choice in THEMES else SYSTEM
        if not isinstance(app.style(), ThemeStyle):
            app.setStyle(ThemeStyle())
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._system_changed)
        self.apply()

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
        icon = clear_icon(palette.color(_R.Text))
        for edit in self._app.allWidgets():
            if isinstance(edit, QLineEdit) and edit.isClearButtonEnabled():
                action = edit.findChild(QObject, "_q_qlineeditclearaction")
                if action is not None and hasattr(action, "setIcon"):
                    action.setIcon(icon)


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
