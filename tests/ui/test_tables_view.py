"""The drug and HLA tables in the window: found by search, sorted, filtered, cited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sjsref.ui.tables_view import ROW_LINES


def test_a_brand_name_opens_the_drug_table_at_its_row(window, qtbot) -> None:
    qtbot.keyClicks(window.search, "Zyloric")
    assert "table:drugs#allopurinol" in window.results.targets()[:3]
    window.navigate("table:drugs#allopurinol")
    view = window.stack.tables_view
    assert window.stack.currentWidget() is view
    assert view.tabs.currentWidget() is view.drugs
    selected = view.drugs.view.currentIndex()
    assert selected.data() == "allopurinol"
    text = view.drugs.detail.toPlainText()
    assert "Zyloprim, Zyloric" in text and "Sources" in text and "Halevy" in text


def test_the_hla_table_filters_by_any_column_and_sorts(window, qtbot) -> None:
    window.navigate("table:hla")
    hla = window.stack.tables_view.hla
    total = hla.proxy.rowCount()
    qtbot.keyClicks(hla.filter, "allopurinol")
    assert 0 < hla.proxy.rowCount() < total
    assert all("allopurinol" in hla.proxy.index(r, 1).data() for r in range(hla.proxy.rowCount()))
    hla.filter.clear()
    hla.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = [hla.proxy.index(r, 0).data() for r in range(hla.proxy.rowCount())]
    assert first == sorted(first, reverse=True)


def test_a_row_reference_link_opens_the_reference_list(window, qtbot) -> None:
    window.navigate("table:hla#hla-b-58-01-allopurinol")
    detail = window.stack.tables_view.hla.detail
    assert "580.3" in detail.toPlainText()
    window.navigate("ref:hung2005")
    assert window.stack.currentWidget() is window.references_view


def test_an_unknown_table_or_row_opens_nothing(window) -> None:
    before = window.stack.currentWidget()
    window.navigate("table:antibiotics")
    assert window.stack.currentWidget() is before


def test_a_cut_row_shows_whole_lines_and_the_empty_detail_says_how_to_read_it(window) -> None:
    window.navigate("table:hla")
    hla = window.stack.tables_view.hla
    assert hla.detail.toPlainText().startswith("Choose a row")
    hla.fit_columns()
    spacing = hla.view.fontMetrics().lineSpacing()
    heights = [hla.view.rowHeight(r) for r in range(hla.proxy.rowCount())]
    # The tallest rows are cut to whole lines (Qt ends the last with "…"), never mid-line.
    assert max(heights) - ROW_LINES * spacing in range(0, spacing // 2)
    hla.view.setCurrentIndex(hla.proxy.index(0, 0))
    assert "Sources" in hla.detail.toPlainText()
    hla.filter.setText("no such allele")
    assert hla.detail.toPlainText().startswith("Choose a row")
