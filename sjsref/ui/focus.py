"""Tab order of a calculator page, read from its layout, and one stop per list of links.

Qt's default order is the order widgets were created in, which on a page
built in several steps is not the order on screen (Clear came before Copy,
the BSA method box last). Here the order is read from the layouts instead:
form rows top to bottom, a grid row by row, a stacked widget's pages in turn;
so the fields come first, then Copy and Clear, then the result. Scroll areas
are no stop at all (they were invisible ones), and a text with several links
(the sources) is one stop whose links the arrow keys move between.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from sjsref.ui.shortcuts import key_codes

_ROLES = (
    QFormLayout.ItemRole.LabelRole,
    QFormLayout.ItemRole.FieldRole,
    QFormLayout.ItemRole.SpanningRole,
)
_REASONS = {True: Qt.FocusReason.TabFocusReason, False: Qt.FocusReason.BacktabFocusReason}
_FILTER = "_one_stop_filter"  # where a label keeps its filter (one per label)
_ACTION = "tab_with_actions"  # dynamic property of a row of action buttons
RING_WIDTH = 2  # px of the ring round a text with links that has the focus
LAST_ACTION = "clear"  # the page's actions end with Clear: marked rows follow it


def mark_actions(row: QWidget) -> None:
    """Give ``row``'s buttons their stops after Copy and Clear, wherever the row is drawn.

    A row of actions shown between two parts of a form (BSA's "use this BSA
    in") would otherwise cut the fields in two.
    """
    row.setProperty(_ACTION, True)


def tidy(page: QWidget) -> None:
    """Set the tab order of ``page`` from its layout; run again when widgets come and go."""
    stops: list[QWidget] = []
    _walk_widget(page, stops, top=True)
    stops = _actions_last(stops)
    for before, after in itertools.pairwise(stops):
        QWidget.setTabOrder(before, after)


def stops_of(page: QWidget) -> list[QWidget]:
    """The widgets Tab can stop at on ``page``, in order (visible and enabled ones only)."""
    found: list[QWidget] = []
    _walk_widget(page, found, top=True)
    return [w for w in _actions_last(found) if w.isVisibleTo(page) and w.isEnabled()]


def step(page: QWidget, forward: bool) -> bool:
    """Move the focus to the next (or previous) stop of ``page``, or out of it past an end.

    The page steps through its own list rather than Qt's focus chain, which
    repeated ``setTabOrder`` calls can leave out of order (SCORTEN's Copy once
    led out of the page, past Clear). False when the focus is not on a stop.
    """
    stops = stops_of(page)
    current = QApplication.focusWidget()
    at = next((n for n, w in enumerate(stops) if w is current), -1)
    if at < 0:  # inside a stop (a combo box's editor): the innermost stop holding it
        holders = [n for n, w in enumerate(stops) if current and w.isAncestorOf(current)]
        at = holders[-1] if holders else -1
    if at < 0:
        return False
    to = at + (1 if forward else -1)
    target = stops[to] if 0 <= to < len(stops) else _next_stop(stops[at], forward, outside=page)
    if target is not None:
        target.setFocus(_REASONS[forward])
    return True


def _actions_last(stops: list[QWidget]) -> list[QWidget]:
    """The stops of marked rows moved to just after Clear (kept as they are without one)."""
    marked = [w for w in stops if _in_marked_row(w)]
    rest = [w for w in stops if not _in_marked_row(w)]
    names = [w.objectName() for w in rest]
    if not marked or LAST_ACTION not in names:
        return stops
    at = names.index(LAST_ACTION) + 1
    return [*rest[:at], *marked, *rest[at:]]


def _in_marked_row(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.property(_ACTION):
            return True
        parent = parent.parentWidget()
    return False


def _items(layout: QLayout) -> list[QLayoutItem]:
    if isinstance(layout, QFormLayout):
        rows = (layout.itemAt(row, role) for row in range(layout.rowCount()) for role in _ROLES)
        # A spanning row answers for more than one role: each item once.
        return list({id(item): item for item in rows if item is not None}.values())
    items = [layout.itemAt(n) for n in range(layout.count())]
    if isinstance(layout, QGridLayout):
        cells: list[tuple[int, int]] = []
        for n in range(layout.count()):
            position: tuple[int, ...] = tuple(layout.getItemPosition(n))  # type: ignore[arg-type]
            cells.append((position[0], position[1]))
        items = [item for _cell, item in sorted(zip(cells, items, strict=True), key=lambda p: p[0])]
    return [item for item in items if item is not None]


def _walk_layout(layout: QLayout, out: list[QWidget]) -> None:
    for item in _items(layout):
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            _walk_widget(widget, out)
        elif inner is not None:
            _walk_layout(inner, out)


def _walk_widget(widget: QWidget, out: list[QWidget], top: bool = False) -> None:
    if isinstance(widget, QScrollArea):
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field inside takes the stop
        inner = widget.widget()
        if inner is not None:
            _walk_widget(inner, out)
        return
    if isinstance(widget, QStackedWidget):
        for number in range(widget.count()):
            page = widget.widget(number)
            if page is not None:
                _walk_widget(page, out)
        return
    if isinstance(widget, QLabel):
        _label_stop(widget)
    if not top and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        out.append(widget)
    layout = widget.layout()
    if layout is not None:
        _walk_layout(layout, out)


def _label_stop(label: QLabel) -> None:
    """A text with links is one stop; a text without is none (its words are still read out)."""
    if not label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
        return
    if "<a " in label.text():
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setMargin(RING_WIDTH + 1)  # room for the focus ring: the text never under it
        if getattr(label, _FILTER, None) is None:
            one_stop = _OneStop(label)
            setattr(label, _FILTER, one_stop)
            label.installEventFilter(one_stop)
    else:
        label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the mouse can still select it


class _OneStop(QObject):
    """Tab leaves the label at once; the arrow keys move between its links."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        self._next, self._previous = key_codes("links")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._label.update()  # the ring comes and goes
            return False
        if kind == QEvent.Type.Paint and self._label.hasFocus() and isinstance(event, QPaintEvent):
            self._paint_with_ring(event)
            return True
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = key == Qt.Key.Key_Tab and not shift
            # The window's focus chain, from this label: not the label's own link step.
            # Walked here, as Qt's own step may start from an earlier focus widget.
            parent = self._label.parentWidget()  # up to the page, which steps in its order
            if parent is None or not parent.focusNextPrevChild(forward):
                target = _next_stop(self._label, forward)
                if target is not None:
                    target.setFocus(_REASONS[forward])
            return True
        if key in (self._next, self._previous):
            forward = key == self._next
            self._label.focusNextPrevChild(forward)
            if not self._label.hasFocus():  # past the last link: round to the other end
                self._label.setFocus(_REASONS[forward])
            return True
        return False

    def _paint_with_ring(self, event: QPaintEvent) -> None:
        """The label as usual, then a ring: a selected link alone was hard to see, or absent."""
        QLabel.paintEvent(self._label, event)
        painter = QPainter(self._label)
        colour = self._label.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, RING_WIDTH))
        painter.drawRect(self._label.rect().adjusted(1, 1, -1, -1))
        painter.end()


def _next_stop(start: QWidget, forward: bool, outside: QWidget | None = None) -> QWidget | None:
    """The widget Tab (or Shift+Tab) goes to from ``start`` along the focus chain.

    Args:
        outside: When given, skip every widget inside it (leaving a page).
    """
    window = start.window()
    widget: QWidget | None = start
    while True:
        assert widget is not None  # the chain is a ring through every widget of the window
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is None or widget is start:
            return None
        if outside is not None and (widget is outside or outside.isAncestorOf(widget)):
            continue
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and widget.isVisibleTo(window)
            and widget.isEnabled()
        ):
            return widget
