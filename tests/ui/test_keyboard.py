"""The window by keyboard alone: shortcuts from one table, panes, tab order, Y/N, title.

Keys go where a clinician's keys go: to the widget that has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QScrollArea

from sjsref.clinical.registry import CALCULATORS
from sjsref.ui.about import AboutDialog
from sjsref.ui.shortcuts import SHORTCUTS, WINDOW, shown

ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed by the clinician: it goes to the focused widget."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def focused():
    return QApplication.focusWidget()


def test_every_window_shortcut_of_the_table_is_bound_and_listed_on_the_f1_page(window, qtbot):
    bound = {s.key().toString() for s in window.findChildren(QShortcut)}
    for entry in SHORTCUTS:
        if entry.where == WINDOW:
            assert callable(getattr(window, entry.action))
            assert {QKeySequence(k).toString() for k in entry.keys} <= bound, entry
    window.search.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    page = window.stack.named["shortcuts"]
    assert window.stack.currentWidget() is page
    assert window.windowTitle() == "Keyboard shortcuts — SJSRef"
    text = page.browser.toPlainText()
    for entry in SHORTCUTS:
        if entry.action == "open_calculator" and entry.args[0] > len(CALCULATORS):
            continue  # bound, but there is no such calculator to list
        for keys in entry.keys:
            assert shown(keys) in text, keys
        if entry.action != "open_calculator":
            assert entry.text in text
    for number, calc in enumerate(CALCULATORS, start=1):
        assert f"Alt+{number}\nOpen {calc.name}" in text


def test_about_is_reachable_from_the_shortcuts_page(window, qtbot):
    window.search.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    seen = []

    def close_about():
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not open yet: look again
            QTimer.singleShot(20, close_about)
            return
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(20, close_about)
    press(qtbot, Qt.Key.Key_A, ALT)  # the button's mnemonic: an animated click
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert len(seen) == 1 and isinstance(seen[0], AboutDialog)


def test_alt_number_opens_each_calculator_in_registry_order_ready_to_type(window, qtbot):
    for number, calc in enumerate(CALCULATORS, start=1):
        window.search.setFocus()
        press(qtbot, Qt.Key(Qt.Key.Key_0 + number), ALT)
        page = window.calculators[calc.id]
        assert window.stack.currentWidget() is page
        assert window.windowTitle() == f"{calc.name} — SJSRef"
        if page.fields:
            assert page.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_9, ALT)  # no ninth calculator: nothing moves
    assert window.stack.currentWidget() is window.calculators[CALCULATORS[-1].id]


def test_f6_cycles_search_results_and_page_and_shift_f6_goes_back(window, qtbot):
    window.navigate("calc:scorten")
    window.search.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.results
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.calculators["scorten"].fields["age_years"].edit
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.search
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.results


def test_enter_on_an_article_hit_puts_the_keys_in_its_text_and_pagedown_scrolls(window, qtbot):
    window.focus_search()
    qtbot.keyClicks(window.search, "classification of SJS and TEN")
    press(qtbot, Qt.Key.Key_Return)
    browser = window.article_view.browser
    assert focused() is browser
    assert window.windowTitle() == f"{window.article_view.windowTitle()} — SJSRef"
    before = browser.verticalScrollBar().value()
    press(qtbot, Qt.Key.Key_PageDown)
    press(qtbot, Qt.Key.Key_Down)
    assert browser.verticalScrollBar().value() > before


def test_the_title_names_each_page(window):
    article = window.content.library.articles[0]
    for target, title in (
        (f"article:{article.id}", article.title),
        ("refs:", "References"),
        ("table:drugs", "Drug and HLA tables"),
        ("calc:bsa", "Body-surface area (detachment)"),
    ):
        window.navigate(target)
        assert window.windowTitle() == f"{title} — SJSRef"
    window.navigate("home:")
    assert window.windowTitle() == "SJSRef"


def test_y_and_n_answer_the_focused_yes_no_question(window, qtbot):
    window.navigate("calc:abcd10")
    field = window.calculators["abcd10"].fields["active_cancer"]
    field.setFocus()
    assert field.value() is None
    press(qtbot, Qt.Key.Key_N)
    assert field.value() is False and focused() is field.no
    press(qtbot, Qt.Key.Key_Y)
    assert field.value() is True and focused() is field.yes


def test_a_questions_alt_letter_goes_to_it_without_answering_it(window, qtbot):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    malignancy = page.fields["malignancy"]
    page.fields["heart_rate_bpm"].edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # Tab into the unanswered question lands on Yes
    assert focused() is malignancy.yes and malignancy.value() is None
    page.fields["age_years"].edit.setFocus()
    press(qtbot, Qt.Key.Key_M, ALT)  # "&Malignancy"
    assert focused() is malignancy.yes and malignancy.value() is None
    press(qtbot, Qt.Key.Key_N)
    page.fields["age_years"].edit.setFocus()
    press(qtbot, Qt.Key.Key_M, ALT)  # back to the answer given, still no
    assert focused() is malignancy.no and malignancy.value() is False


def test_tab_and_the_days_alt_letter_land_on_the_day_chosen_and_keep_it(window, qtbot):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    day = page.fields["day"]
    day.set_value(3)
    age = page.fields["age_years"].edit
    age.setFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is day.button(3)
    press(qtbot, Qt.Key.Key_Right)  # the arrows still change the day
    assert focused() is day.button(4) and day.value() == 4
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is age
    press(qtbot, Qt.Key.Key_Y, ALT)  # "Da&y of admission"
    assert focused() is day.button(4) and day.value() == 4


def _tab_walk(qtbot, page, first):
    """Each stop Tab reaches from ``first`` until the focus leaves ``page``."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    stops = [first]
    for _ in range(120):
        press(qtbot, Qt.Key.Key_Tab)
        if not page.isAncestorOf(focused()):
            return stops
        stops.append(focused())
    raise AssertionError(f"Tab never left the page: {[w.objectName() for w in stops]}")


def test_tab_goes_through_the_fields_then_copy_then_clear_then_the_result(window, qtbot):
    window.navigate("calc:abcd10")
    page = window.calculators["abcd10"]
    for name, text in (("age_years", "54"), ("bicarbonate_mmol_l", "18")):
        page.fields[name].set_text(text)
    page.fields["active_cancer"].set_value(True)
    page.fields["dialysis_before_admission"].set_value(False)
    page.fields["detached_bsa_percent"].set_text("35")
    stops = _tab_walk(qtbot, page, page.fields["age_years"].edit)
    names = [w.objectName() for w in stops]
    assert names[:7] == [
        "age_years",
        "bicarbonate_mmol_l",
        "active_cancer_yes",
        "dialysis_before_admission_no",
        "detached_bsa_percent",
        "copy",
        "clear",
    ]
    rest = stops[7:]
    assert rest and all(isinstance(w, QLabel) and "<a " in w.text() for w in rest)
    assert names.count("sources") == 1  # its links are one stop, not one each
    assert not any(isinstance(w, QScrollArea) for w in stops)
    assert all(w.isVisible() for w in stops)


def test_the_bsa_method_box_is_the_first_stop_and_the_palm_fields_follow_it(window, qtbot):
    window.navigate("calc:bsa")
    page = window.calculators["bsa"]
    page.fields["age_years"].set_text("40")
    page.lund.fields[0].set_text("50")  # a result, so Copy and "use this BSA in" are enabled
    stops = _tab_walk(qtbot, page, page.method)
    names = [w.objectName() for w in stops]
    map_controls = ["map_detached", "map_amount", "body_map"]
    assert names[:5] == ["method", "age_years", *map_controls]
    copy = names.index("copy")
    assert names[5:copy] and all(n.startswith("lund:") for n in names[5:copy])
    # The actions after the fields: Copy, Clear, then the carry-over buttons.
    carry = [f"carry_{c}" for c in ("scorten", "abcd10", "classify")]
    assert names[copy : copy + 5] == ["copy", "clear", *carry]
    page.method.setCurrentIndex(page.method.count() - 1)  # the palm
    page.fields["count"].set_text("3")
    names = [w.objectName() for w in _tab_walk(qtbot, page, page.method)]
    assert names[:5] == ["method", "age_years", "count", "surface", "sex"]
    assert "map_amount" not in names and names[5] == "copy"


def test_alden_goes_through_each_drug_card_then_copy_and_clear(window, qtbot):
    window.navigate("calc:alden")
    page = window.calculators["alden"]
    first, second = page.add_drug("carbamazepine"), page.add_drug("allopurinol")
    assert first is not None and second is not None
    qtbot.waitUntil(second.isVisible)  # Qt shows a widget added to a layout a moment later
    stops = _tab_walk(qtbot, page, page.fields["index_day"].edit)
    names = [w.objectName() for w in stops]
    assert names[:4] == ["index_day", "index_day_pick", "drug_name", "add_drug"]
    first_card = [n for n in names if n.startswith(first.key + ":")]
    second_card = [n for n in names if n.startswith(second.key + ":")]
    assert first_card[-1] == f"{first.key}:remove" and second_card[-1] == f"{second.key}:remove"
    assert names.index(first_card[-1]) < names.index(second_card[0])  # card by card
    after = names[names.index(second_card[-1]) + 1 :]
    assert after[:1] == ["clear"] or after[:2] == ["copy", "clear"], names
    assert all(w.isVisible() for w in stops)


def test_arrows_move_between_the_links_of_the_sources_and_tab_leaves_them(window, qtbot):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    sources = page.panel.sources
    sources.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [sources.selectedText()]
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Down)
        assert focused() is sources
        seen.append(sources.selectedText())
    assert len(set(seen)) == 3, seen  # three different links, one after another
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not sources


def test_a_yes_no_question_is_one_stop_whose_answer_shows(window, qtbot):
    window.navigate("calc:scorten")
    field = window.calculators["scorten"].fields["malignancy"]
    field.set_value(False)
    assert isinstance(field.no, QRadioButton) and field.no.isChecked()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() not in (field.yes, field.no)


def test_the_body_map_part_with_the_focus_shows_even_when_marked(window, qtbot):
    from PySide6.QtGui import QPalette

    from sjsref.ui.body_outline import KEY_ORDER, PARTS

    window.navigate("calc:bsa")
    body_map = window.calculators["bsa"].map
    body_map.setFocus(Qt.FocusReason.TabFocusReason)
    trunk = next(n for n, part in enumerate(KEY_ORDER) if part[0] == "anterior-trunk")
    for _ in range(trunk):
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # marked: filled with the highlight colour
    region, view = KEY_ORDER[trunk]
    image = body_map.grab().toImage()
    outline = body_map.figure_transform(view).map(dict(PARTS[view])[region])
    ink = body_map.palette().color(QPalette.ColorRole.WindowText)
    light = body_map.palette().color(QPalette.ColorRole.Base)
    ring = [image.pixelColor(outline.pointAtPercent(n / 200).toPoint()) for n in range(200)]
    # Along the part's edge, the ring's ink and light dashes, not the fill's highlight.
    near = [c for c in ring if min(_distance(c, ink), _distance(c, light)) < 40]
    assert len(near) > 0.3 * len(ring), len(near)  # 4 of 200 with a highlight-coloured ring


def _distance(a, b) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_every_stop_of_a_calculator_looks_different_with_the_focus(window, qtbot):
    window.navigate("calc:abcd10")
    page = window.calculators["abcd10"]
    page.fields["active_cancer"].set_value(True)
    page.fields["age_years"].set_text("54")  # a result: Copy is a stop too
    stops = _tab_walk(qtbot, page, page.fields["age_years"].edit)
    blurred = {}
    window.search.setFocus()
    for widget in stops:
        blurred[widget] = widget.grab().toImage()
    page.fields["age_years"].edit.setFocus(Qt.FocusReason.TabFocusReason)
    for widget in stops[1:]:
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is widget
        assert widget.grab().toImage() != blurred[widget], widget.objectName()


def test_an_article_with_the_focus_is_framed(window, qtbot):
    from PySide6.QtGui import QPalette

    window.focus_search()
    qtbot.keyClicks(window.search, "classification of SJS and TEN")
    press(qtbot, Qt.Key.Key_Return)
    browser = window.article_view.browser
    assert focused() is browser
    framed = browser.grab().toImage()
    highlight = browser.palette().color(QPalette.ColorRole.Highlight)
    assert framed.pixelColor(0, browser.height() // 2) == highlight
    assert framed.pixelColor(1, browser.height() // 2) == highlight  # two pixels wide
    window.focus_search()
    plain = browser.grab().toImage()
    assert plain.pixelColor(0, browser.height() // 2) != highlight


def test_no_calculator_has_an_invisible_stop_and_copy_comes_just_before_clear(window, qtbot):
    for calc in CALCULATORS:
        window.navigate(f"calc:{calc.id}")
        page = window.calculators[calc.id]
        window.stack.focus_current()
        stops = _tab_walk(qtbot, page, focused())
        assert all(w.isVisible() and w.isEnabled() for w in stops), calc.id
        assert not any(isinstance(w, QScrollArea) for w in stops), calc.id
        names = [w.objectName() for w in stops]
        assert "clear" in names, f"{calc.id}: {names}"
        if "copy" in names:
            assert names.index("copy") + 1 == names.index("clear"), calc.id


def _readme_keys_table() -> str:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    start = text.index("| Keys | What it does |")
    return text[start : text.index("\n\n", start)]


# How README writes keys that a table cell would mangle ("Ctrl++") or that it groups.
_README_SPELLING = {"Ctrl++": "Ctrl+plus", "Ctrl+=": "Ctrl+plus", "Ctrl+-": "Ctrl+minus"}


def test_readme_keys_table_lists_every_shortcut_of_the_table():
    table = _readme_keys_table()
    missing = []
    for shortcut in SHORTCUTS:
        for key in shortcut.keys:
            written = _README_SPELLING.get(key, key)
            if shortcut.action == "open_calculator":
                written = "Alt+1 ... Alt+9"
            if written not in table:
                missing.append(key)
    assert not missing, f"README's keys table does not list {missing}"
