"""The small things of issue 16, through the real window: hit labels, the
followed citation and the contents list, superscripts, table headers."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from sjsref.search import documents
from sjsref.ui import search_panel
from sjsref.ui.search_panel import HTML_ROLE, TARGET_ROLE


def _labels(window, qtbot, query):
    window.focus_search()
    qtbot.keyClicks(window.search, query)
    items = [window.results.item(n) for n in range(window.results.count())]
    return [
        (str(i.data(TARGET_ROLE)), str(i.data(HTML_ROLE)).partition("<br>")[0])
        for i in items
        if i.data(TARGET_ROLE)
    ]


def test_a_table_row_hit_is_labelled_by_its_own_table(window, qtbot):
    assert search_panel.CONTEXT_SEPARATOR == documents.CONTEXT_SEPARATOR
    labels = dict(_labels(window, qtbot, "MIRM"))
    mirm = [label for target, label in labels.items() if "#" in target and "TABLE" in label]
    assert mirm, labels
    assert all("DRUG TABLE" not in label for label in mirm)
    assert any("How MIRM differs from drug-induced SJS/TEN" in label for label in mirm)
    window.search.clear()
    labels = dict(_labels(window, qtbot, "ABCD-10 validation cohort"))
    assert any("External validation: ABCD-10 against SCORTEN" in lab for lab in labels.values())
    # The drug table's own rows keep their name.
    window.search.clear()
    drugs = _labels(window, qtbot, "carbamazepine")
    assert any(t.startswith("table:drugs") and "DRUG TABLE" in lab for t, lab in drugs)


def _highlighted_text(browser):
    marks = browser.extraSelections()
    assert len(marks) == 1
    assert marks[0].format.property(QTextFormat.Property.FullWidthSelection)
    return marks[0].cursor.selectedText()


def test_a_followed_citation_is_highlighted_and_the_contents_say_references(window):
    article = next(a for a in window.content.library.articles if a.citations)
    key = article.citations[0]
    window.navigate(f"article:{article.id}")
    view = window.article_view
    assert view.browser.extraSelections() == []
    window.navigate(f"article:{article.id}#ref-{key}")  # where the citation leads
    reference = window.content.library.reference(key)
    assert reference.text[:20] in _highlighted_text(view.browser)
    assert view.contents.currentItem().text() == "References"
    assert view.current_section() == "references"


def test_a_section_link_highlights_its_heading_and_the_contents_follow_scrolling(window):
    article = max(window.content.library.articles, key=lambda a: len(a.sections))
    middle = article.sections[len(article.sections) // 2]
    window.navigate(f"article:{article.id}#{middle.id}")
    view = window.article_view
    assert middle.title in _highlighted_text(view.browser)
    assert view.contents.currentItem().text() == middle.title
    view.browser.verticalScrollBar().setValue(0)
    assert view.contents.currentItem().text() == article.sections[0].title
    assert "SJSRef" in window.windowTitle() and article.title in window.windowTitle()


def _superscripts(browser):
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript:
                yield fmt
            it += 1
        block = block.next()


def test_citation_numbers_are_set_larger_than_qt_default_superscript(window):
    article = next(a for a in window.content.library.articles if a.citations)
    window.navigate(f"article:{article.id}")
    sups = list(_superscripts(window.article_view.browser))
    assert sups
    # Qt's <sup> alone is two thirds of the text; "large" is one size step up.
    assert all(f.property(QTextFormat.Property.FontSizeAdjustment) == 1 for f in sups)


def _table_line_breaks(document):
    """(cell text, where a line starts) for every wrapped line in a table cell."""
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        layout = block.layout()
        if cursor.currentTable() is not None and layout is not None:
            for n in range(1, layout.lineCount()):
                yield block.text(), layout.lineAt(n).textStart()
        block = block.next()


def test_a_narrow_table_header_breaks_between_words_only(window, qtbot):
    window.navigate("article:infection")
    view = window.article_view
    view.setSizes([view.width() - 260, 260])  # the text pane as narrow as a phone
    qtbot.waitUntil(lambda: view.browser.viewport().width() < 300)
    document = view.browser.document()
    assert document.textWidth() < 300
    document.documentLayout().documentSize()  # laid out now, as painting would
    breaks = list(_table_line_breaks(document))
    assert breaks  # the cells do wrap at this width
    for text, start in breaks:
        assert text[start - 1].isspace() or text[start - 1] in "-/", (text, start)
    word = document.find("Detachment", 0, QTextDocument.FindFlag.FindCaseSensitively)
    while word.block().text() != "Detachment":  # the table's cell, not the prose
        word = document.find("Detachment", word, QTextDocument.FindFlag.FindCaseSensitively)
    assert word.block().layout().lineCount() == 1
