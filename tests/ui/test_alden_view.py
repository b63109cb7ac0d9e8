"""The window's ALDEN page: drugs by name, dates typed or picked, ranked, the same as the CLI.

Dates are counted back from today, so no date is ever "after today" on the
machine running the tests.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from sjsref.clinical.alden_rules import Notoriety
from sjsref.clinical.dates import in_words
from tests.cli.conftest import run_cli

TODAY = dt.date.today()
INDEX = TODAY - dt.timedelta(days=10)


def _dmy(days_before_index: int) -> str:
    return f"{INDEX - dt.timedelta(days=days_before_index):%d-%m-%Y}"


def _iso(days_before_index: int) -> str:
    return (INDEX - dt.timedelta(days=days_before_index)).isoformat()


def _open(window):
    window.navigate("calc:alden")
    return window.calculators["alden"]


def _enter(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _add(page, qtbot, name):
    _enter(qtbot, page.drug_name, name)
    return page.cards[-1]


def _two_drugs(page, qtbot):
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    allopurinol = _add(page, qtbot, "allopurinol")
    _enter(qtbot, allopurinol.start.edit, _dmy(21))
    amoxicillin = _add(page, qtbot, "amoxicillin")  # a member of the table's group row
    _enter(qtbot, amoxicillin.start.edit, _dmy(40))
    _enter(qtbot, amoxicillin.stop.edit, _dmy(19))
    _enter(qtbot, amoxicillin.half_life.edit, "1.5")
    return allopurinol, amoxicillin


def test_the_window_gives_the_command_lines_answer(window, qtbot):
    page = _open(window)
    _two_drugs(page, qtbot)
    done = run_cli(
        "alden", "--index-day", _iso(0), "--json",
        "--drug", f"allopurinol,start={_iso(21)}",
        "--drug", f"amoxicillin,start={_iso(40)},stop={_iso(19)},half-life-h=1.5",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert page.result.model_dump(mode="json") == json.loads(done.stdout)
    first, second = page.result.drugs
    # Allopurinol: 21 days +3, still taken 0, prechallenge 0, dechallenge 0, strong +3.
    assert (first.name, first.score, first.band) == ("allopurinol", 6, "very probable")
    # Amoxicillin: 40 days +2, stopped 19 days (> 5 x 1.5 h) before -3, associated +2,
    # other cause -1 (allopurinol's intermediate score is above 3).
    assert (second.name, second.score) == ("amoxicillin (aminopenicillins)", 0)
    assert page.panel.headline.text().startswith("Ranked first: allopurinol: 6, very probable")
    assert "1. allopurinol: 6, very probable" in page.cards[0].headline.text()


def test_the_tables_default_is_shown_and_a_change_says_so(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "tegretol")
    assert card.name == "tegretol (carbamazepine)"
    assert card.notoriety.value() == Notoriety.STRONG
    assert "from the drug table's carbamazepine row" in card.notoriety_note.text()
    _enter(qtbot, card.start.edit, _dmy(14))
    assert page.result.drugs[0].score == 6  # delay +3, present 0, notoriety +3
    card.notoriety.set_value(Notoriety.SUSPECTED)
    assert "chosen here" in card.notoriety_note.text()
    assert page.result.drugs[0].score == 4
    assert "from the drug table" not in page.result.drugs[0].criteria[4].rule


def test_a_stopped_drug_without_a_half_life_asks_for_it(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "carbamazepine")
    _enter(qtbot, card.start.edit, _dmy(20))
    _enter(qtbot, card.stop.edit, _dmy(3))
    drug = page.result.drugs[0]
    assert drug.score is None and (drug.score_min, drug.score_max) == (3, 6)
    assert "incomplete, between 3 and 6" in page.panel.headline.text()
    assert "Enter the half-life" in page.panel.warnings.text()
    _enter(qtbot, card.half_life.edit, "16")  # 3 days = 72 h < 5 x 16 h: still present
    assert page.result.drugs[0].score == 6


def test_dates_are_read_day_first_and_shown_in_words(window, qtbot):
    page = _open(window)
    index = page.fields["index_day"]
    _enter(qtbot, index.edit, f"{INDEX:%Y-%m-%d}")
    assert index.value() == INDEX and index.status.text() == in_words(INDEX)
    _enter(qtbot, index.edit, f"{INDEX:%d.%m.%Y}")
    assert index.value() == INDEX
    _enter(qtbot, index.edit, f"{INDEX:%m/%d/%Y}")
    assert index.value() is None
    assert "slashes are not read" in index.error_text()
    assert page.result is None and "correct the marked field" in page.panel.headline.text()
    tomorrow = TODAY + dt.timedelta(days=1)
    _enter(qtbot, index.edit, f"{tomorrow:%d-%m-%Y}")
    assert "is after today" in index.error_text()


def test_a_date_picked_from_the_calendar_by_keyboard_is_entered(window, qtbot):
    page = _open(window)
    index = page.fields["index_day"]
    index.open_calendar()
    assert index.calendar.maximumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    assert index.calendar.minimumDate() == QDate(1900, 1, 1)
    assert index.calendar.selectedDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    qtbot.keyClick(index.calendar.focusWidget() or index.calendar, Qt.Key.Key_Left)
    qtbot.keyClick(index.calendar.focusWidget() or index.calendar, Qt.Key.Key_Return)
    yesterday = TODAY - dt.timedelta(days=1)
    assert index.edit.text() == f"{yesterday:%d-%m-%Y}" and index.value() == yesterday
    assert not index.calendar.isVisible()


def test_stop_before_start_is_marked_at_the_stop_date(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "allopurinol")
    _enter(qtbot, card.start.edit, _dmy(10))
    _enter(qtbot, card.stop.edit, _dmy(20))
    assert page.result is None
    assert "the stop date must be on or after the start date" in card.stop.error_text()


def test_a_drug_is_listed_once_by_any_of_its_names_and_can_be_removed(window, qtbot):
    page = _open(window)
    messages = []
    page.message.connect(messages.append)
    _add(page, qtbot, "carbamazepine")
    for again in ("Tegretol", "CARBAMAZEPINE"):
        _enter(qtbot, page.drug_name, again)
        assert len(page.cards) == 1
        assert messages[-1] == f"Not added: {again} is already listed as carbamazepine"
    # Members of one group row are different drugs.
    _add(page, qtbot, "amoxicillin")
    _add(page, qtbot, "ampicillin")
    assert [c.name for c in page.cards] == [
        "carbamazepine", "amoxicillin (aminopenicillins)", "ampicillin (aminopenicillins)"
    ]  # fmt: skip
    qtbot.mouseClick(page.cards[0].remove, Qt.MouseButton.LeftButton)
    assert page.cards[0].name == "amoxicillin (aminopenicillins)"


def test_completion_offers_brand_names(window, qtbot):
    page = _open(window)
    page.focus_in()
    names = page.drug_name.completer().model().stringList()
    assert "Tegretol" in names and "allopurinol" in names


def test_copy_gives_the_ranked_chart_note_and_new_patient_empties_the_page(window, qtbot):
    page = _open(window)
    _two_drugs(page, qtbot)
    page.copy_note()
    note = QApplication.clipboard().text()
    assert note.startswith(f"ALDEN drug causality, index day {INDEX:%d-%b-%Y}\n1. allopurinol: 6")
    assert "\n2. amoxicillin (aminopenicillins): " in note
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.cards == [] and page.fields["index_day"].value() is None
    assert page.result is None


def _prechallenge_texts(card):
    return [card.prechallenge.itemText(i) for i in range(card.prechallenge.count())]


def test_every_answer_reads_differently_and_in_the_papers_words(window, qtbot):
    page = _open(window)
    card = _add(page, qtbot, "allopurinol")
    texts = _prechallenge_texts(card)
    assert len(set(texts)) == len(texts)
    assert "SJS/TEN after use of a similar drug (+2)" in texts
    assert "Another reaction with the same drug (+2)" in texts
    assert "The paper's category: Not done/unknown" in card.prechallenge_note.text()
    # The paper: "liver or kidney function alterations or suspected drug interactions".
    assert "function alterations" in card.impaired.yes.accessibleName()


def test_a_drug_added_before_the_table_loads_waits_for_it(qtbot):
    from sjsref.search.loaded import load_content
    from sjsref.ui.alden_view import AldenView
    from sjsref.ui.result_panel import Citer

    table = []
    page = AldenView(Citer(None), lambda: table[0] if table else None)
    qtbot.addWidget(page)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "Tegretol")
    _enter(qtbot, card.start.edit, _dmy(10))
    assert card.notoriety.value() is None and page.result is None
    assert "the type of drug of Tegretol (the drug table has not loaded)" in (
        page.panel.detail.text()
    )
    table.append(load_content().library.tables)
    page.recompute()  # what the window does once the library has loaded
    assert card.name == "Tegretol (carbamazepine)" and card.notoriety.value() == Notoriety.STRONG
    assert page.result.drugs[0].score == 6  # as `sjsref alden` gives it


def test_a_date_still_being_typed_is_in_the_copied_note(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "allopurinol")
    _enter(qtbot, card.start.edit, _dmy(30))
    card.stop.edit.setFocus()
    qtbot.keyClicks(card.stop.edit, _dmy(5))  # no Enter, no pause: copied at once
    page.copy_note()
    stop = INDEX - dt.timedelta(days=5)
    assert f"Stopped {stop.isoformat()}, 5 days" in QApplication.clipboard().text()


def test_a_changed_half_life_is_the_clinicians_not_the_tables(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "phenobarbital")
    assert card.half_life.edit.text() == "133"
    assert card.half_life.status.text() == "From the drug table's phenobarbital row"
    _enter(qtbot, card.start.edit, _dmy(30))
    _enter(qtbot, card.stop.edit, _dmy(5))
    assert "half-life from the drug table" in page.result.drugs[0].criteria[1].rule
    _enter(qtbot, card.half_life.edit, "20")
    assert card.half_life.status.text() == "Entered here"
    assert "drug table" not in page.result.drugs[0].criteria[1].rule
    _enter(qtbot, card.half_life.edit, "")
    assert "Emptied: not answered (the drug table gives 133 h)" in card.half_life.status.text()
    assert page.result.drugs[0].score is None  # emptied is unanswered, never refilled


def test_the_date_in_words_comes_back_after_an_error_elsewhere(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "allopurinol")
    _enter(qtbot, card.start.edit, _dmy(10))
    _enter(qtbot, card.stop.edit, _dmy(20))  # before the start: an error
    _enter(qtbot, card.stop.edit, _dmy(5))
    assert page.fields["index_day"].status.text() == in_words(INDEX)
    assert card.start.status.text() == in_words(INDEX - dt.timedelta(days=10))


def test_drugs_tied_first_are_shown_as_tied(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    for name in ("allopurinol", "lamotrigine"):
        _enter(qtbot, _add(page, qtbot, name).start.edit, _dmy(14))
    assert [d.rank for d in page.result.drugs] == [1, 1]
    assert page.panel.headline.text().startswith("Tied first: allopurinol: 6")
    assert page.cards[1].headline.text() == "<b>1=. lamotrigine: 6, very probable</b>"


def test_a_near_miss_or_a_possible_repeat_is_added_only_when_confirmed(window, qtbot):
    page = _open(window)
    messages = []
    page.message.connect(messages.append)
    _enter(qtbot, page.drug_name, "carbamazepin")
    assert page.cards == []
    assert messages[-1].startswith("carbamazepin is not in the drug table: did you mean carbam")
    _enter(qtbot, page.drug_name, "carbamazepin")  # Enter again: added as typed
    assert [c.name for c in page.cards] == ["carbamazepin"]
    _enter(qtbot, page.drug_name, "Bactrim DS")
    assert "did you mean Bactrim?" in messages[-1] and len(page.cards) == 1
    _add(page, qtbot, "piroxicam")
    _enter(qtbot, page.drug_name, "Feldene")
    assert messages[-1].startswith("Feldene may be the same drug as piroxicam (oxicam nsaids)")
    assert len(page.cards) == 2
    _enter(qtbot, page.drug_name, "Feldene")
    assert len(page.cards) == 3


def test_remove_is_the_cards_last_stop_and_focus_returns_to_the_name_box(window, qtbot):
    page = _open(window)
    card = _add(page, qtbot, "allopurinol")
    qtbot.waitUntil(card.remove.isVisible)  # a new card is shown on the next event loop turn
    card.continued.no.setFocus()
    qtbot.keyClick(card.continued.no, Qt.Key.Key_Tab)
    assert card.remove.hasFocus()  # after the last answer, not before the first
    qtbot.keyClick(card.remove, Qt.Key.Key_Space)
    assert page.cards == [] and page.drug_name.hasFocus()


def test_a_zero_half_life_gets_one_plain_error_at_its_field(window, qtbot):
    page = _open(window)
    _enter(qtbot, page.fields["index_day"].edit, _dmy(0))
    card = _add(page, qtbot, "allopurinol")
    _enter(qtbot, card.start.edit, _dmy(10))
    _enter(qtbot, card.half_life.edit, "0")
    assert card.half_life.error_text().startswith("⚠ Invalid: Elimination half-life")
    assert not page.form_error.isVisible()
