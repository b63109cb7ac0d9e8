"""Light, dark and high contrast: switchable, remembered, and readable (issue 16, WCAG 2.2 AA)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QToolButton,
)

from sjsref.ui.theme import (
    CONTRAST,
    DARK,
    LIGHT,
    SYSTEM,
    contrast_ratio,
    palette_for,
    resolve,
    system_resolve,
)

R = QPalette.ColorRole
PALETTES = (LIGHT, DARK, CONTRAST)
TEXT_MIN, INDICATOR_MIN = 4.5, 3.0

# Text and the background it is drawn on.
TEXT_PAIRS = [
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.LinkVisited, R.Base),
    (R.PlaceholderText, R.Base),
    (R.ToolTipText, R.ToolTipBase),
]
# Non-text marks: the selection and focus colour, and the body map's two marks
# (detached: solid Highlight; erythema: WindowText hatching) against the
# figure's Base. The two marks differ in pattern as well as colour, so they
# never rely on the colours' contrast with each other.
INDICATOR_PAIRS = [
    (R.Highlight, R.Base),
    (R.Highlight, R.Window),
    (R.WindowText, R.Base),
    (R.Mid, R.Base),  # outlines of fields, radio buttons, check boxes
    (R.Mid, R.Window),
]


def test_contrast_ratio_matches_the_wcag_examples():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1)


@pytest.mark.parametrize("name", PALETTES)
def test_every_palette_holds_text_at_4_5_and_indicators_at_3(name):
    palette = palette_for(name)
    low = {
        (fg.name, bg.name): round(contrast_ratio(palette.color(fg), palette.color(bg)), 2)
        for fg, bg in TEXT_PAIRS
        if contrast_ratio(palette.color(fg), palette.color(bg)) < TEXT_MIN
    }
    low |= {
        (fg.name, bg.name): round(contrast_ratio(palette.color(fg), palette.color(bg)), 2)
        for fg, bg in INDICATOR_PAIRS
        if contrast_ratio(palette.color(fg), palette.color(bg)) < INDICATOR_MIN
    }
    assert low == {}


@pytest.mark.parametrize("name", PALETTES)
def test_the_not_answered_placeholder_is_told_from_typed_text(name):
    # An empty field must not pass for a typed one at 3 a.m.: the placeholder
    # stands apart from typed text (2:1 between them) while staying readable.
    palette = palette_for(name)
    placeholder, text = palette.color(R.PlaceholderText), palette.color(R.Text)
    assert contrast_ratio(placeholder, text) >= 2.0


def test_system_choice_follows_the_desktop_scheme_and_contrast():
    none = Qt.ContrastPreference.NoPreference
    assert resolve(SYSTEM, Qt.ColorScheme.Dark, none) == DARK
    assert resolve(SYSTEM, Qt.ColorScheme.Light, none) == LIGHT
    assert resolve(SYSTEM, Qt.ColorScheme.Unknown, none) == LIGHT
    assert resolve(SYSTEM, Qt.ColorScheme.Light, Qt.ContrastPreference.HighContrast) == CONTRAST
    # A choice made in the app wins over the desktop.
    assert resolve(LIGHT, Qt.ColorScheme.Dark, none) == LIGHT


def _choose(window, qtbot, name: str) -> None:
    button = window.findChild(QToolButton, "theme_button")
    action = next(a for a in button.menu().actions() if a.objectName() == f"theme_{name}")
    action.trigger()
    shown = palette_for(system_resolve(name))
    qtbot.waitUntil(lambda: QApplication.palette().color(R.Base) == shown.color(R.Base))


def _pixel(widget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point * widget.devicePixelRatioF())


def _most_contrast(widget, background: QColor) -> float:
    """The strongest contrast of any drawn pixel against ``background``."""
    image = widget.grab().toImage()
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize("name", PALETTES)
def test_checked_yes_no_focus_and_clear_icon_are_visible_as_drawn(make_window, qtbot, name):
    window = make_window()
    _choose(window, qtbot, name)
    palette = palette_for(name)
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    field = next(f for f in page.fields.values() if hasattr(f, "yes"))
    qtbot.waitUntil(field.yes.isVisible)
    # The checked dot against the empty circle it sits in, both as Qt draws them.
    yes, no = field.yes, field.no
    yes.setChecked(True)
    option = QStyleOptionButton()
    option.initFrom(yes)
    centre = yes.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, yes)
    dot, empty = _pixel(yes, centre.center()), _pixel(no, centre.center())
    assert contrast_ratio(dot, empty) >= INDICATOR_MIN, (dot.name(), empty.name())
    # The empty circle itself stands out from the window around it.
    ring = no.grab(centre).toImage()
    window_colour = palette.color(R.Window)
    assert (
        max(
            contrast_ratio(ring.pixelColor(x, y), window_colour)
            for x in range(ring.width())
            for y in range(ring.height())
        )
        >= INDICATOR_MIN
    )
    # A Yes/No question reached by keyboard rings its button in the focus colour.
    unfocused = yes.grab(centre).toImage()
    yes.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(yes.hasFocus)
    focused = yes.grab(centre).toImage()
    changed = [
        contrast_ratio(focused.pixelColor(x, y), window_colour)
        for x in range(focused.width())
        for y in range(focused.height())
        if focused.pixelColor(x, y) != unfocused.pixelColor(x, y)
    ]
    assert max(changed, default=1.0) >= INDICATOR_MIN  # 1.0: no focus shown at all
    # The focus frame of a field against the window around it.
    edit = page.fields["age_years"].edit
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    frame = _pixel(edit, QPoint(0, edit.height() // 2))
    assert contrast_ratio(frame, palette.color(R.Window)) >= INDICATOR_MIN, frame.name()
    # The clear-search cross, once there is text to clear.
    qtbot.keyClicks(window.search, "scorten")
    clear = next(b for b in window.search.findChildren(QToolButton) if b.isVisible())
    # Qt fades the clear button in: wait for it to be drawn in full.
    qtbot.waitUntil(
        lambda: _most_contrast(clear, palette.color(R.Base)) >= INDICATOR_MIN, timeout=3000
    )
    assert isinstance(window.search, QLineEdit) and isinstance(yes, QRadioButton)


def test_theme_choice_applies_at_once_and_is_remembered(make_window, qtbot):
    window = make_window()
    _choose(window, qtbot, DARK)
    window.navigate(f"article:{window.content.library.articles[0].id}")
    browser = window.article_view.browser
    assert browser.palette().color(R.Link) == palette_for(DARK).color(R.Link)
    window.close()
    QApplication.setPalette(palette_for(LIGHT))
    second = make_window()
    assert second.theme.choice == DARK
    assert QApplication.palette().color(R.Base) == palette_for(DARK).color(R.Base)
    _choose(second, qtbot, SYSTEM)
    assert second.theme.choice == SYSTEM


def _link_colours(browser) -> set[str]:
    """The colours the browser's links are drawn in (read from its document)."""
    colours = set()
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                colours.add(fragment.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    return colours


def test_a_theme_switch_redraws_links_and_the_theme_button_in_the_new_colours(window, qtbot):
    _choose(window, qtbot, LIGHT)
    window.navigate("home:")
    browser = window.home
    light = {palette_for(LIGHT).color(R.Link).name()}
    qtbot.waitUntil(lambda: _link_colours(browser) == light, timeout=2000)
    browser.set_scroll_position(40)
    _choose(window, qtbot, DARK)
    # Qt fixes a link's colour as it reads the HTML: the old blue stayed on dark.
    dark = {palette_for(DARK).color(R.Link).name()}
    qtbot.waitUntil(lambda: _link_colours(browser) == dark, timeout=2000)
    assert browser.scroll_position() == min(40, browser.verticalScrollBar().maximum())
    button = window.findChild(QToolButton, "theme_button")
    assert button.palette().color(R.Button) == palette_for(DARK).color(R.Button)


@pytest.mark.parametrize("name", PALETTES)
def test_body_map_marks_stand_out_in_every_palette(make_window, qtbot, name):
    from sjsref.clinical.bsa_charts import View
    from sjsref.ui.body_map import Mode
    from tests.ui.test_body_map import _point

    window = make_window()
    _choose(window, qtbot, name)
    base = palette_for(name).color(R.Base)
    window.navigate("calc:bsa")
    page = window.calculators["bsa"]
    qtbot.keyClicks(page.fields["age_years"].edit, "40")
    qtbot.keyClick(page.fields["age_years"].edit, Qt.Key.Key_Return)
    detached = _point(page, "anterior-trunk", View.FRONT)
    qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=detached)
    qtbot.mouseClick(page.body.mode_buttons[Mode.ERYTHEMA], Qt.MouseButton.LeftButton)
    erythema = _point(page, "posterior-trunk", View.BACK)
    qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=erythema)
    image = page.map.grab().toImage()
    ratio = page.map.devicePixelRatioF()
    assert contrast_ratio(image.pixelColor(detached * ratio), base) >= INDICATOR_MIN
    # The hatching: some pixels near the centre of the erythema part are drawn in ink.
    around = [
        image.pixelColor((erythema + QPoint(dx, dy)) * ratio)
        for dx in range(-6, 7)
        for dy in range(-6, 7)
    ]
    assert max(contrast_ratio(colour, base) for colour in around) >= INDICATOR_MIN
    # Detached is solid, erythema hatched: told apart by pattern, not colour alone.
    assert len({c.name() for c in around}) > 1
    solid = {image.pixelColor((detached + QPoint(d, d)) * ratio).name() for d in range(-3, 4)}
    assert len(solid) == 1
    if os.environ.get("SJSREF_KEEP_SHOTS"):  # to look at the three maps by eye
        image.save(f"/tmp/16z-map-{name}.png")
