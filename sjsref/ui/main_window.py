"""The window: search box on top, results on the left, the open page on the right.

It builds nothing clinical and loads nothing itself: the composition root
(``app.py``) hands it a loader (run off the GUI thread after the first paint)
and a factory for calculator pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sjsref.content.targets import Scheme, Target
from sjsref.ui.navigation import HOME, History
from sjsref.ui.reading import ReadingBrowser
from sjsref.ui.search_panel import ResultsList, SearchBox, result_rows
from sjsref.ui.state import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, ViewState
from sjsref.ui.tasks import BackgroundTask

SEARCH_LIMIT = 30
NEW_PATIENT = "Ctrl+N"
# How long a confirmation ("Chart note copied") stays in the status bar.
MESSAGE_MS = 5000


@dataclass(frozen=True)
class Content:
    """What the background load returns (library, index, calculators, integrity line)."""

    library: Any
    index: Any
    calculators: tuple[Any, ...]
    integrity: str


class MainWindow(QMainWindow):
    """The one window.

    Args:
        state: Remembered geometry, splitters and zoom.
        load: Slow, Qt-free function returning :class:`Content`.
        pages: Builds the views that need the library (``app.Pages``).
        open_external: Opens a DOI in the system browser (tests pass a recorder).
    """

    firstPaint = Signal()
    ready = Signal()

    def __init__(
        self,
        state: ViewState,
        load: Callable[[], Content],
        pages: Any,
        open_external: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("SJSRef: SJS/TEN reference")
        self._state, self._load, self._pages, self._open_external = (
            state,
            load,
            pages,
            open_external,
        )
        self.content: Content | None = None
        self.article_view: Any = None
        self.references_view: Any = None
        self.calculators: dict[str, Any] = {}
        self._history_entries = History()
        self._painted = False
        self._failed = False
        self._task: BackgroundTask | None = None
        self._zoom = state.zoom()

        central = QWidget(self)
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.back_button = self._tool_button("◀", "Back (Alt+Left)", lambda: self.go(-1))
        self.forward_button = self._tool_button("▶", "Forward (Alt+Right)", lambda: self.go(1))
        self.search = SearchBox(central)
        self.new_patient_button = self._tool_button(
            "New patient",
            f"Empty every calculator for a new patient ({NEW_PATIENT})",
            self.new_patient,
        )
        self.new_patient_button.setObjectName("new_patient")
        self.about_button = self._tool_button("About", "About SJSRef (F1)", self.show_about)
        for widget in (
            self.back_button,
            self.forward_button,
            self.search,
            self.new_patient_button,
            self.about_button,
        ):
            top.addWidget(widget, 1 if widget is self.search else 0)
        outer.addLayout(top)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("main_splitter")
        self.results = ResultsList(self.splitter)
        self.stack = QStackedWidget(self.splitter)
        self.home = ReadingBrowser("home", self.stack)
        self.home.setHtml("<h1>SJSRef</h1><p>Loading the library…</p>")
        self.stack.addWidget(self.home)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 900])
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Loading the library…")

        self.search.textChanged.connect(self.update_results)
        self.search.moveBy.connect(self.results.move_by)
        self.search.activated.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.results.itemClicked.connect(lambda _item: self.open_current())
        self.home.link.connect(self.navigate)
        self.home.historyButton.connect(self.go)
        self._shortcuts()
        self._restore()
        self.update_results("")
        self.search.setFocus()

    def _tool_button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        bindings: list[tuple[Any, Callable[[], object]]] = [
            ("Ctrl+K", self.focus_search),
            ("Ctrl+F", self.focus_search),
            ("/", self.focus_search),
            ("Esc", self.escape),
            ("Alt+Left", lambda: self.go(-1)),
            ("Alt+Right", lambda: self.go(1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(ZOOM_STEP)),
            ("Ctrl+=", lambda: self.zoom(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(-ZOOM_STEP)),
            ("Ctrl+0", lambda: self.zoom(0)),
            ("F1", self.show_about),
            (NEW_PATIENT, self.new_patient),
        ]
        for keys, slot in bindings:
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- start-up -----------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPaint.emit)

    @property
    def load_failed(self) -> bool:
        """True when the library could not be loaded (the calculators still work)."""
        return self._failed

    @property
    def has_painted(self) -> bool:
        """True once the window has painted itself on screen at least once."""
        return self._painted

    def start_loading(self) -> None:
        """Load the library and build the index on a thread (once)."""
        if self._task is None:
            self._task = BackgroundTask(self._load, self._loaded, self._load_failed, self)
            self._task.start()

    def wait_loaded(self) -> None:
        if self._task is not None:
            self._task.wait()

    def _loaded(self, content: Content) -> None:
        self.content = content
        self.article_view, self.references_view = self._pages.reading_views(content.library)
        for view in (self.article_view, self.references_view):
            self.stack.addWidget(view)
            view.link.connect(self.navigate)
            view.historyButton.connect(self.go)
        saved = self._state.splitter("article")
        if saved is not None:
            self.article_view.restoreState(saved)
        self.home.setHtml(self._pages.home_html(content.library, content.calculators))
        self._pages.library_loaded(content.library, self.calculators.values())
        self.zoom(None)
        self.statusBar().showMessage(content.integrity)
        self.update_results(self.search.text())
        if self._history_entries.current is None:
            self.navigate(HOME)
        self.ready.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._failed = True
        text = self._pages.load_failed_html(exc)
        self.home.setHtml(text)
        self.statusBar().showMessage("The library could not be loaded; calculators still work.")
        self.update_results(self.search.text())
        self.ready.emit()

    # -- search -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def escape(self) -> None:
        if self.search.hasFocus() and self.search.text():
            self.search.clear()
        self.focus_search()

    def update_results(self, text: str) -> None:
        if self._failed:
            self.results.set_rows(
                self._pages.calculator_rows(), "Library not loaded: calculators only."
            )
        elif self.content is None:
            self.results.set_rows([], "Preparing the search…")
        elif not text.strip():
            self.results.set_rows(self._pages.browse_rows(self.content))
        else:
            self.results.set_rows(*result_rows(self.content.index.search(text, SEARCH_LIMIT)))

    def open_current(self) -> None:
        target = self.results.current_target()
        if target:
            self.navigate(target)
            page = self.stack.currentWidget()
            if hasattr(page, "focus_first_field"):
                page.focus_first_field()
            else:
                page.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- navigation -----------------------------------------------------------------

    def navigate(self, target: str, record: bool = True) -> None:
        """Open a target; web links go to the system browser, only on click; others nowhere."""
        parsed = Target.parse(target)
        if parsed is None:
            self.statusBar().showMessage(f"Not a link SJSRef follows: {target[:80]}", MESSAGE_MS)
            return
        if parsed.scheme is Scheme.WEB:
            self._open_external(QUrl(str(parsed)))
            return
        if parsed.scheme is Scheme.COPY and self.references_view is not None:
            self.references_view.copy_one(parsed.id)
            return
        current = self._history_entries.current
        if current is not None:
            current.scroll = self._scroll()
        if self._show(target) and record:
            self._history_entries.push(target)
        self._update_history_buttons()

    def go(self, step: int) -> None:
        current = self._history_entries.current
        if current is not None:
            current.scroll = self._scroll()
        entry = self._history_entries.go(step)
        if entry is not None:
            self._show(entry.target)
            self._set_scroll(entry.scroll)
        self._update_history_buttons()

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(self._history_entries.can_go(-1))
        self.forward_button.setEnabled(self._history_entries.can_go(1))

    def _show(self, href: str) -> bool:
        target = Target.parse(href)
        if target is None or (self.content is None and target.scheme is not Scheme.CALC):
            return False
        scheme, rest = target.scheme, target.id
        if scheme is Scheme.HOME:
            self.stack.setCurrentWidget(self.home)
        elif scheme is Scheme.ARTICLE:
            try:
                self.article_view.show_article(rest, target.anchor)
            except KeyError:
                return False
            self.stack.setCurrentWidget(self.article_view)
        elif scheme in (Scheme.REF, Scheme.REFS):
            self.references_view.show_reference(rest)
            self.stack.setCurrentWidget(self.references_view)
        elif scheme is Scheme.CALC:
            if rest not in self.calculators:
                page = self._pages.calculator(rest, self._state)
                if page is None:
                    return False
                page.linkActivated.connect(self.navigate)
                page.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
                self.calculators[rest] = page
                self.stack.addWidget(page)
            self.stack.setCurrentWidget(self.calculators[rest])
        else:
            return False
        return True

    def _browser(self) -> ReadingBrowser | None:
        page = self.stack.currentWidget()
        if page is self.home:
            return self.home
        return getattr(page, "browser", None)

    def _scroll(self) -> int:
        browser = self._browser()
        return browser.scroll() if browser is not None else 0

    def _set_scroll(self, value: int) -> None:
        browser = self._browser()
        if browser is not None:
            browser.set_scroll(value)

    # -- zoom, about, settings --------------------------------------------------

    def zoom(self, step: int | None) -> None:
        """Change the reading zoom by ``step`` percent; 0 resets; None re-applies."""
        if step == 0:
            self._zoom = ZOOM_DEFAULT
        elif step is not None:
            self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, self._zoom + step))
        for view in (self.home, self.article_view, self.references_view):
            if view is not None:
                view.set_zoom(self._zoom)
        if step is not None:
            self.statusBar().showMessage(f"Zoom {self._zoom} %", 2000)

    @property
    def zoom_percent(self) -> int:
        return self._zoom

    def new_patient(self) -> None:
        """Empty every calculator, day and per-patient choice; remembered lab units stay."""
        for page in self.calculators.values():
            page.new_patient()
        self.statusBar().showMessage(
            "New patient: every calculator is empty (lab units kept).", MESSAGE_MS
        )

    def show_about(self) -> None:
        self._pages.about(self, self.content)

    def _restore(self) -> None:
        geometry = self._state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*self._pages.default_size())
        saved = self._state.splitter("main")
        if saved is not None:
            self.splitter.restoreState(saved)
        self.home.set_zoom(self._zoom)

    def closeEvent(self, event: Any) -> None:
        self._state.set_geometry(self.saveGeometry())
        self._state.set_splitter("main", self.splitter.saveState())
        if self.article_view is not None:
            self._state.set_splitter("article", self.article_view.saveState())
        self._state.set_zoom(self._zoom)
        self._state.sync()
        self.wait_loaded()
        super().closeEvent(event)
