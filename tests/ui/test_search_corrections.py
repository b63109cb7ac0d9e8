"""The window says what it searched when that is not what was typed (issue 13)."""

from __future__ import annotations

from sjsref.ui.search_panel import HTML_ROLE


def _first_line(window) -> str:
    return window.results.item(0).data(HTML_ROLE)


def test_a_corrected_word_is_shown_above_the_results(window, qtbot):
    qtbot.keyClicks(window.search, "scroten")
    assert "Showing results for scorten" in _first_line(window)
    # The line is not a hit: the selection starts on the first real result.
    assert window.results.current_target() == "calc:scorten"


def test_a_dropped_word_is_named(window, qtbot):
    qtbot.keyClicks(window.search, "scorten qqqzzzx ")
    line = _first_line(window)
    assert "Showing results for scorten" in line
    assert "nothing matched qqqzzzx" in line
    assert window.results.current_target() == "calc:scorten"


def test_no_line_when_the_query_is_searched_as_typed(window, qtbot):
    qtbot.keyClicks(window.search, "scorten")
    assert window.results.item(0).data(HTML_ROLE).count("Showing results") == 0
    assert window.results.targets()[0] == "calc:scorten"
