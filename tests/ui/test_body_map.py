"""The BSA body map through the real window: marks, the region table, the total, carry-over.

Expected figures come from the published Lund-Browder chart, written out here
(not read from the code's table): A, B and C are the front or the back of the
head, one thigh and one lower leg, % of body, by age column 0, 1, 5, 10, 15 and
adult (Lund and Browder 1944 chart as reproduced at academy2.activheal.com, topic
five; /work/shared/research/clinical-sources.md section 5). The trunk halves are
13 % each.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from sjsref.clinical.bsa_charts import View
from sjsref.ui.body_map import Mode
from sjsref.ui.body_outline import KEY_ORDER, PARTS
from sjsref.ui.bsa_view import PALM

HALF_HEAD = {"1": 8.5, "adult": 3.5}  # A, at age 1-4 and adult
HALF_THIGH = {"1": 3.25, "adult": 4.75}  # B
TRUNK_HALF = 13.0


def _open(window):
    window.navigate("calc:bsa")
    return window.calculators["bsa"]


def _enter(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _point(page, region, view):
    """A point inside the part's outline, in the map's pixels."""
    path = dict(PARTS[view])[region]
    point = page.map.figure_transform(view).map(path.boundingRect().center())
    assert page.map.part_at(point) == (region, view)
    return point.toPoint()


def _click(qtbot, page, region, view):
    qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=_point(page, region, view))


def _total(page):
    """The detached % BSA the page computed (the headline may round it)."""
    assert page.panel.headline.text().startswith("Detached "), page.panel.headline.text()
    return page.result.detached_bsa_percent


def _row(page, region):
    detached, red = page.lund.rows[region]
    return detached.edit.text(), red.edit.text()


def test_clicking_a_part_counts_its_half_of_the_region_for_the_age(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "3")  # the 1-4 column
    _click(qtbot, page, "head", View.FRONT)
    assert _row(page, "head") == ("50", "")  # the front is half of the head
    assert _total(page) == HALF_HEAD["1"]
    assert page.panel.headline.text() == "Detached 8.5 % BSA"
    page.body.amount.setCurrentIndex(1)  # 50 % of the part
    _click(qtbot, page, "right-thigh", View.BACK)
    assert _row(page, "right-thigh") == ("25", "")
    assert _total(page) == HALF_HEAD["1"] + HALF_THIGH["1"] / 2
    # The same marks for an adult: the head is a smaller, the thigh a larger share.
    _enter(qtbot, page.fields["age_years"].edit, "40")
    assert _total(page) == HALF_HEAD["adult"] + HALF_THIGH["adult"] / 2
    # A second click with the same amount takes the mark off again.
    _click(qtbot, page, "right-thigh", View.BACK)
    assert _row(page, "right-thigh") == ("", "")
    assert _total(page) == HALF_HEAD["adult"]


def test_dragging_paints_every_part_passed_over(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    start = _point(page, "anterior-trunk", View.FRONT)
    end = _point(page, "left-thigh", View.FRONT)
    qtbot.mousePress(page.map, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(page.map, start + (end - start) * step / 10)
    qtbot.mouseRelease(page.map, Qt.MouseButton.LeftButton, pos=end)
    assert _row(page, "anterior-trunk") == ("100", "")
    assert _row(page, "left-thigh") == ("50", "")
    assert _total(page) >= TRUNK_HALF + HALF_THIGH["adult"]


def test_erythema_is_drawn_and_recorded_but_never_counted(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    _click(qtbot, page, "anterior-trunk", View.FRONT)
    assert _total(page) == TRUNK_HALF
    qtbot.mouseClick(page.body.mode_buttons[Mode.ERYTHEMA], Qt.MouseButton.LeftButton)
    _click(qtbot, page, "posterior-trunk", View.BACK)
    assert _row(page, "posterior-trunk") == ("0", "100")
    assert _total(page) == TRUNK_HALF  # unchanged
    assert "Erythema (recorded, not counted): 13 % BSA" in page.panel.detail.text()
    # Erythema never paints over detached skin; erasing takes both away.
    _click(qtbot, page, "anterior-trunk", View.FRONT)
    assert _row(page, "anterior-trunk") == ("100", "")
    qtbot.mouseClick(page.body.mode_buttons[Mode.ERASE], Qt.MouseButton.LeftButton)
    _click(qtbot, page, "anterior-trunk", View.FRONT)
    _click(qtbot, page, "posterior-trunk", View.BACK)
    assert _row(page, "anterior-trunk") == _row(page, "posterior-trunk") == ("", "")
    assert page.panel.headline.text() == "No area yet"


def test_typing_in_the_table_shades_the_map(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.lund.rows["left-forearm"][0].edit, "40")
    assert page.map.marks("left-forearm", View.FRONT) == (40, 0)
    assert page.map.marks("left-forearm", View.BACK) == (40, 0)
    # A split marked on the map is kept while the table still agrees with it.
    _click(qtbot, page, "head", View.BACK)
    assert page.map.marks("head", View.BACK) == (100, 0)
    assert page.map.marks("head", View.FRONT) == (0, 0)
    page.clear_button.click()
    assert page.map.marks("head", View.BACK) == (0, 0)
    assert page.map.marks("left-forearm", View.FRONT) == (0, 0)


def test_the_map_answers_the_keyboard(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    page.map.setFocus()
    assert KEY_ORDER[0] == ("head", View.FRONT)
    assert "Head, front: 3.5 % of body" in page.map.accessibleDescription()
    qtbot.keyClick(page.map, Qt.Key.Key_Space)
    assert _total(page) == HALF_HEAD["adult"]
    qtbot.keyClick(page.map, Qt.Key.Key_Right)
    assert "Neck, front" in page.map.accessibleDescription()
    qtbot.keyClick(page.map, Qt.Key.Key_Left)
    qtbot.keyClick(page.map, Qt.Key.Key_Delete)
    assert _row(page, "head") == ("", "")


def test_use_this_bsa_fills_scorten_and_changes_the_score(window, qtbot):
    window.navigate("calc:scorten")
    scorten = window.calculators["scorten"]
    case = {"age_years": "62", "heart_rate_bpm": "90", "detached_bsa_percent": "5"}
    for name, text in case.items():
        _enter(qtbot, scorten.fields[name].edit, text)
    for name in ("urea", "bicarbonate_mmol_l", "glucose"):
        scorten.fields[name].edit.setText("")
    scorten.fields["malignancy"].set_value(False)
    before = scorten.panel.headline.text()
    page = _open(window)
    assert not page.carry_row.buttons["scorten"].isEnabled()  # nothing to carry yet
    _enter(qtbot, page.fields["age_years"].edit, "40")
    _click(qtbot, page, "anterior-trunk", View.FRONT)  # 13 %: over SCORTEN's 10 %
    qtbot.mouseClick(page.carry_row.buttons["scorten"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is scorten
    assert scorten.fields["detached_bsa_percent"].edit.text() == "13"
    assert "from BSA calculator" in scorten.carried_note("detached_bsa_percent")
    assert "✔ MET" in scorten.fields["detached_bsa_percent"].status.text()
    assert scorten.panel.headline.text() != before
    # Typing over it drops the note: the figure is no longer the BSA page's.
    _enter(qtbot, scorten.fields["detached_bsa_percent"].edit, "5")
    assert scorten.carried_note("detached_bsa_percent") == ""
    assert scorten.panel.headline.text() == before


def test_carry_fills_abcd10_and_classification_too(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    _click(qtbot, page, "anterior-trunk", View.FRONT)
    _click(qtbot, page, "posterior-trunk", View.BACK)  # 26 %: overlap
    for calc_id in ("abcd10", "classify"):
        window.navigate("calc:bsa")
        page.carry_row.buttons[calc_id].click()
        target = window.calculators[calc_id]
        assert window.stack.currentWidget() is target
        assert target.fields["detached_bsa_percent"].edit.text() == "26"
        assert "from BSA calculator" in target.carried_note("detached_bsa_percent")
    assert "overlap" in window.calculators["classify"].panel.headline.text().lower()


def test_palm_fields_stay_together_and_a_range_is_not_carried(window, qtbot):
    page = _open(window)
    page.method.set_value(PALM)
    qtbot.wait(50)  # let the layout settle
    assert not page.lund.isVisible() and not page.map.isVisible()
    count, sex = page.fields["count"], page.sex
    top = count.mapTo(page, QPoint(0, 0)).y()
    bottom = sex.mapTo(page, QPoint(0, sex.height())).y()
    assert bottom - top < 6 * sex.height()  # three rows, not the chart's height
    carry = page.carry_row.mapTo(page, QPoint(0, 0)).y()
    assert 0 <= carry - bottom < 3 * sex.height()
    _enter(qtbot, count.edit, "10")  # sex not given: a range
    assert "–" in page.panel.headline.text()
    assert not page.carry_row.buttons["scorten"].isEnabled()


def test_every_region_is_drawn_on_its_figures_and_can_be_hit(window):
    page = _open(window)
    drawn = {(region, view) for view in View for region, _path in PARTS[view]}
    assert drawn == set(KEY_ORDER)
    assert {region for region, _view in KEY_ORDER} == set(page.lund.rows)
    for region, view in KEY_ORDER:
        _point(page, region, view)  # the part's middle finds that part, not a neighbour


def test_a_carried_bsa_says_so_when_the_map_changes_after(window, qtbot):
    # A fresh review: ABCD-10 kept "13 % from BSA calculator" while the map said 26 %.
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    _click(qtbot, page, "anterior-trunk", View.FRONT)  # 13 %
    page.carry_row.buttons["classify"].click()
    target = window.calculators["classify"]
    assert "⚠" not in target.carried_note("detached_bsa_percent")
    window.navigate("calc:bsa")
    _click(qtbot, page, "posterior-trunk", View.BACK)  # now 26 %
    note = target.carried_note("detached_bsa_percent")
    assert "BSA calculator now shows 26 %" in note and "still holds 13" in note
    assert target.fields["detached_bsa_percent"].edit.text() == "13"  # never changed behind
    page.carry_row.buttons["classify"].click()  # carried again: the warning goes
    assert "⚠" not in target.carried_note("detached_bsa_percent")
    assert target.fields["detached_bsa_percent"].edit.text() == "26"


def test_a_carried_note_comes_back_with_its_day(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["age_years"].edit, "40")
    _click(qtbot, page, "anterior-trunk", View.FRONT)
    page.carry_row.buttons["scorten"].click()
    scorten = window.calculators["scorten"]
    qtbot.mouseClick(scorten.fields["day"].button(3), Qt.MouseButton.LeftButton)
    assert scorten.carried_note("detached_bsa_percent") == ""  # day 3 holds no figure
    qtbot.mouseClick(scorten.fields["day"].button(1), Qt.MouseButton.LeftButton)
    assert "from BSA calculator" in scorten.carried_note("detached_bsa_percent")
