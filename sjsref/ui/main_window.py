"""The window: search box on top, results on the left, the open page on the right.

It builds nothing clinical and loads nothing itself: the composition root
(``app.py``) hands it a loader (run off the GUI thread after the first paint)
and the view factory; the pages live in a :class:`PageStack`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sjsref.content.targets import Scheme, Target
from sjsref.ui import home
from sjsref.ui.navigation import HOME, SHORTCUTS_PAGE, History
from sjsref.ui.page_stack import PageStack
from sjsref.ui.pins import Pins, page_target
from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums
from sjsref.ui.search_panel import ResultsList, SearchBox, result_rows
from sjsref.ui.shortcuts import SHORTCUTS, WINDOW, keys_of
from sjsref.ui.state import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, ViewState
from sjsref.ui.style import apply_zoom
from sjsref.ui.tasks import BackgroundTask
from sjsref.ui.theme import Theme, theme_button

if TYPE_CHECKING:  # the loaded library's types: not imported before the first paint
    from sjsref.search.pack import Packed as Loaded
    from sjsref.ui.article_view import ArticleView
    from sjsref.ui.calc_page import CalculatorPage
    from sjsref.ui.references_view import ReferencesView
    from sjsref.ui.views import Views

SEARCH_LIMIT = 30
NEW_PATIENT = keys_of("new_patient")
PRINT = keys_of("print_page")
EXPORT_PDF = keys_of("export_pdf")
APP_TITLE = "SJSRef"
# How long a confirmation ("Chart note copied") stays in the status bar.
MESSAGE_MS = 5000


class MainWindow(QMainWindow):
    """The one window.

    Args:
        state: Remembered geometry, splitters, zoom and lab units.
        load: Slow, Qt-free function returning the :class:`~sjsref.search.pack.Packed` library.
        views: Builds the pages that need the library (:class:`~sjsref.ui.views.Views`).
        open_external: Opens a web link in the system browser (tests pass a recorder).
    """

    firstPaint = Signal()
    ready = Signal()

    def __init__(
        self,
        state: ViewState,
        load: Callable[[], Loaded],
        views: Views,
        open_external: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(APP_TITLE)
        self._state, self._load, self._views = state, load, views
        self._open_external = open_external
        self.content: Loaded | None = None
        self._history = History()
        self._pins = Pins(state)
        self._shown: Target | None = None
        # calculator -> (the page a figure was carried from, the field it went into)
        self._carried: dict[str, tuple[Any, str]] = {}
        self._painted = False
        self._failed = False
        self._task: BackgroundTask | None = None
        self._zoom = state.zoom()
        # Its style comes after the first paint (see _after_first_paint).
        self.theme = Theme(_application(), state.theme(), self, style_later=True)
        self._build()
        self._shortcuts()
        self._restore()
        # The turn after the first paint: the paint itself is all the window waits for.
        self.firstPaint.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        self.search.setFocus()

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.back_button = self._tool_button("◀", "Back (Alt+Left)", lambda: self.go(-1))
        self.forward_button = self._tool_button("▶", "Forward (Alt+Right)", lambda: self.go(1))
        self.search = SearchBox(central)
        tip = f"Empty every calculator for a new patient ({NEW_PATIENT})"
        self.new_patient_button = self._tool_button("New patient", tip, self.new_patient)
        self.new_patient_button.setObjectName("new_patient")
        self.about_button = self._tool_button("About", "About SJSRef", self.show_about)
        self.print_button = self._print_button()
        pin_tip = f"Pin the page shown to the home page ({keys_of('toggle_pin')})"
        self.pin_button = self._tool_button("☆ Pin", pin_tip, self.toggle_pin)
        self.pin_button.setObjectName("pin")
        self.pin_button.setCheckable(True)
        for widget in (self.back_button, self.forward_button, self.search, self.pin_button):
            top.addWidget(widget, 1 if widget is self.search else 0)
        top.addWidget(self.new_patient_button)
        top.addWidget(self.print_button)
        top.addWidget(self.about_button)
        top.addWidget(theme_button(self.theme, self._state.set_theme, self))
        outer.addLayout(top)
        # Horizontal, Qt's default. The parent by keyword: given alone by position,
        # PySide6 tries the (orientation, parent) overload first and builds all of
        # Qt's enumerations to do so, 25-30 ms before the first paint.
        self.splitter = QSplitter(parent=central)
        self.splitter.setObjectName("main_splitter")
        self.results = ResultsList(self.splitter)
        self.stack = PageStack(self._make_calculator, self.splitter)
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

    def _tool_button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        """Bind each window entry of the one table (``sjsref.ui.shortcuts``) to its method."""
        for entry in SHORTCUTS:
            if entry.where == WINDOW:
                slot = functools.partial(getattr(self, entry.action), *entry.args)
                for keys in entry.keys:
                    QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- the pages, as the tests and the self-test reach them ----------------------

    @property
    def home(self) -> Any:
        return self.stack.home

    @property
    def article_view(self) -> ArticleView | None:
        return self.stack.article_view

    @property
    def references_view(self) -> ReferencesView | None:
        return self.stack.references_view

    @property
    def calculators(self) -> dict[str, CalculatorPage]:
        return self.stack.calculators

    def _make_calculator(self, calc_id: str) -> CalculatorPage | None:
        self.theme.install_style()  # a calculator opened before the library loaded
        page = self._views.calculator(calc_id, self._state)
        if page is not None:
            # Loaded with the calculator pages: it builds Qt's enum namespace
            # (about 30 ms), which the first paint does without.
            from sjsref.ui import focus

            page.setWindowTitle(page.info.name)
            page.linkActivated.connect(self.navigate)
            page.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
            carry = getattr(page, "carry", None)  # the BSA page offers its figure to others
            if carry is not None:
                carry.connect(functools.partial(self._carry_from, page))
                page.computed.connect(functools.partial(self._source_changed, page))
            focus.tidy(page)
            page.computed.connect(functools.partial(focus.tidy, page))
        return page

    def _carry_from(self, source: Any, calc_id: str, name: str, value: float, note: str) -> None:
        self._carried[calc_id] = (source, name)
        self.carry_value(calc_id, name, value, note)

    def _source_changed(self, source: Any) -> None:
        """The page a figure was carried from changed: each calculator holding it is told."""
        for calc_id, (carried_from, name) in self._carried.items():
            told = getattr(self.calculators.get(calc_id), "source_changed", None)
            if carried_from is source and callable(told):
                told(name, source.offered(), source.carry_source)

    def carry_value(self, calc_id: str, name: str, value: float, note: str) -> None:
        """Open another calculator with a figure from this one filled in (BSA -> SCORTEN)."""
        self.navigate(f"calc:{calc_id}")
        receive = getattr(self.calculators.get(calc_id), "receive", None)
        if callable(receive):
            receive(name, value, note)
            self.stack.focus_current()
            self.statusBar().showMessage(f"Carried over {note}.", MESSAGE_MS)

    # -- start-up -----------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPaint.emit)

    def _after_first_paint(self) -> None:
        """What the first paint does not wait for: the home page, the list's rows."""
        self.home.link.connect(self.navigate)
        self.home.historyButton.connect(self.go)
        self.update_results(self.search.text())

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

    def _loaded(self, loaded: Loaded) -> None:
        self.content = loaded
        self.stack.set_reading_views(self._views.reading_views(loaded.library, self._wire_page))
        self._views.library_loaded(loaded.library, self.calculators.values())
        self.statusBar().showMessage(loaded.integrity)
        self.update_results(self.search.text())
        if self._history.current is None:
            self.navigate(HOME)  # which lists the library on the home page
        else:
            self._refresh_home()
        self.ready.emit()
        self._after_ready()

    def _wire_page(self, view: Any) -> None:
        """A page of the library, just built on first use: its links, its saved layout."""
        from sjsref.ui.article_view import ArticleView  # loaded already: it was just built

        view.link.connect(self.navigate)
        view.historyButton.connect(self.go)
        if isinstance(view, ArticleView):
            view.sectionShown.connect(lambda _section: self._update_pin_button())
            saved = self._state.splitter("article")
            if saved is not None:
                view.restoreState(saved)

    def _load_failed(self, exc: BaseException) -> None:
        self._failed = True
        self.home.setHtml(home.load_failed_html(exc))
        self.statusBar().showMessage("The library could not be loaded; calculators still work.")
        self.update_results(self.search.text())
        self.ready.emit()
        self._after_ready()

    def _after_ready(self) -> None:
        """What search does not wait for: the theme's own style (Qt's Fusion until now
        differs only in marks the first screen does not show), about 30 ms."""
        self.theme.install_style()

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
            self.results.set_rows(home.calculator_rows(), "Library not loaded: calculators only.")
        elif self.content is None:
            self.results.set_rows([], "Preparing the search…")
        elif not text.strip():
            self.results.set_rows(home.browse_rows(self.content))
        else:
            self.results.set_rows(*result_rows(self.content.index.search(text, SEARCH_LIMIT)))

    def open_current(self) -> None:
        target = self.results.current_target()
        if target:
            self.navigate(target)
            self.stack.focus_current()

    # -- navigation -----------------------------------------------------------------

    def navigate(self, href: str, record: bool = True) -> None:
        """Open a target; web links go to the system browser, only on click; others nowhere."""
        target = Target.parse(href)
        if target is None:
            self.statusBar().showMessage(f"Not a link SJSRef follows: {href[:80]}", MESSAGE_MS)
            return
        if target.scheme is Scheme.WEB:
            self._open_external(QUrl(str(target)))
            return
        if target.scheme is Scheme.COPY and (references := self.stack.references()) is not None:
            references.copy_one(target.id)
            return
        self._remember_scroll()
        in_page = _within(self.stack, QApplication.focusWidget())
        if self.stack.show_target(target):
            if record:
                self._history.push(href)
            self._page_shown(target)
            self._pins.opened(self._page_target())
            if in_page:  # a link followed by keyboard: the keyboard follows it
                self.stack.focus_current()
        self._update_history_buttons()

    def go(self, step: int) -> None:
        self._remember_scroll()
        entry = self._history.go(step)
        target = Target.parse(entry.target) if entry is not None else None
        if entry is not None and target is not None:
            self.stack.show_target(target)
            self._page_shown(target)
            browser = self.stack.browser()
            if browser is not None:
                browser.set_scroll_position(entry.scroll)
        self._update_history_buttons()

    def _remember_scroll(self) -> None:
        current, browser = self._history.current, self.stack.browser()
        if current is not None:
            current.scroll = browser.scroll_position() if browser is not None else 0

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(self._history.can_go(-1))
        self.forward_button.setEnabled(self._history.can_go(1))

    # -- the keyboard: panes, numbered calculators, shortcuts page; pins; title ----

    def cycle_pane(self, step: int) -> None:
        """F6: search box, results, page, and round again (Shift+F6 the other way)."""
        panes: list[QWidget] = [self.search, self.results, self.stack]
        focused = QApplication.focusWidget()
        at = next((n for n, p in enumerate(panes) if p is focused or _within(p, focused)), -1)
        if at < 0:
            at = -1 if step > 0 else 0
        pane = panes[(at + step) % len(panes)]
        if pane is self.search:
            self.focus_search()
        elif pane is self.results:
            self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.stack.focus_current()

    def go_home(self) -> None:
        self.navigate(HOME)
        self.stack.focus_current()

    def open_calculator(self, number: int) -> None:
        """Alt+number: the calculator of that rank in the registry (as the home page lists)."""
        from sjsref.clinical.registry import CALCULATORS

        if not 1 <= number <= len(CALCULATORS):
            self.statusBar().showMessage(f"No calculator {number}.", MESSAGE_MS)
            return
        self.navigate(f"calc:{CALCULATORS[number - 1].id}")
        self.stack.focus_current()

    def show_shortcuts(self) -> None:
        """F1: the list of shortcuts (generated from the table), with About on it."""
        if SHORTCUTS_PAGE.partition(":")[2] not in self.stack.named:
            from sjsref.clinical.registry import CALCULATORS
            from sjsref.ui.shortcuts_page import ShortcutsPage

            page = ShortcutsPage([c.name for c in CALCULATORS])
            page.about.connect(self.show_about)
            page.link.connect(self.navigate)
            page.historyButton.connect(self.go)
            self.stack.add_named(SHORTCUTS_PAGE.partition(":")[2], page)
        self.navigate(SHORTCUTS_PAGE)
        self.stack.focus_current()

    def _page_shown(self, target: Target) -> None:
        self._shown = target
        page = self.stack.currentWidget()
        name = page.windowTitle() if page is not None and page is not self.home else ""
        self.setWindowTitle(f"{name} — {APP_TITLE}" if name else APP_TITLE)
        if page is self.home:
            self._refresh_home()
        self._update_pin_button()

    def _page_target(self) -> str | None:
        """The pin target of the page shown (an article's with the section in view)."""
        if self._shown is None:
            return None
        article = self.article_view
        shown = self._shown.scheme is Scheme.ARTICLE and article is not None
        return page_target(self._shown, article.current_section() if article and shown else "")

    def toggle_pin(self) -> None:
        """Ctrl+D: pin the page shown to the home page, or unpin it."""
        target = self._page_target()
        if target is None:
            text = "Only a calculator, an article section, a table or the references can be pinned."
        else:
            title = self._title_of(target)
            pinned = self._pins.toggle(target)
            text = {
                True: f"Pinned to the home page: {title}",
                False: f"Unpinned: {title}",
                None: "Twenty pages are pinned already: unpin one first.",
            }[pinned]
        self.statusBar().showMessage(text, MESSAGE_MS)
        self._update_pin_button()

    def _update_pin_button(self) -> None:
        target = self._page_target()
        pinned = self._pins.is_pinned(target)
        self.pin_button.setEnabled(target is not None)
        self.pin_button.setChecked(pinned)
        self.pin_button.setText("★ Pinned" if pinned else "☆ Pin")

    def _title_of(self, target: str) -> str:
        if self.content is None:
            return target
        return home.target_title(self.content.library, target, self.content.calculators) or target

    def _refresh_home(self) -> None:
        if self.content is None:
            return  # loading, or the failure notice: nothing to list yet
        library = self.content.library
        self.home.setHtml(
            home.home_html(
                library, self.content.calculators, self._pins.pinned(), self._pins.recent()
            )
        )

    # -- zoom, patients, about, settings ------------------------------------------

    def zoom(self, step: int | None) -> None:
        """Zoom every page, list and field by ``step`` percent; 0 resets; None re-applies."""
        if step == 0:
            self._zoom = ZOOM_DEFAULT
        elif step is not None:
            self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, self._zoom + step))
        apply_zoom(_application(), self._zoom)
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

    def _print_button(self) -> QToolButton:
        from PySide6.QtWidgets import QMenu

        button = self._tool_button(
            "Print", "Print or save as PDF the article or assessment shown", self.print_page
        )
        button.setObjectName("print")
        menu = QMenu(button)
        menu.addAction(f"Print…\t{PRINT}", lambda: self.print_page())
        menu.addAction(f"Export PDF…\t{EXPORT_PDF}", lambda: self.export_pdf())
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return button

    def _printout(self) -> Any:
        from sjsref.ui import printing  # Qt's print support: loaded when first asked for

        library = self.content.library if self.content is not None else None
        return printing, printing.printable(self.stack.currentWidget(), library)

    def print_page(self) -> None:
        """Print the article or the assessment shown (Ctrl+P)."""
        printing, found = self._printout()
        self.statusBar().showMessage(printing.print_page(self, found), MESSAGE_MS)

    def export_pdf(self, path: str | None = None) -> None:
        """Save the article or the assessment shown as a PDF; asks where unless ``path``."""
        printing, found = self._printout()
        self.statusBar().showMessage(printing.export_pdf(self, found, path), MESSAGE_MS)

    def show_about(self) -> None:
        self._views.about(self, self.content)

    def _restore(self) -> None:
        geometry = self._state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*default_size())
        saved = self._state.splitter("main")
        if saved is not None:
            self.splitter.restoreState(saved)
        self.zoom(None)

    def closeEvent(self, event: Any) -> None:
        self._state.set_geometry(self.saveGeometry())
        self._state.set_splitter("main", self.splitter.saveState())
        if self.article_view is not None:
            self._state.set_splitter("article", self.article_view.saveState())
        self._state.set_zoom(self._zoom)
        self._state.sync()
        self.wait_loaded()
        super().closeEvent(event)


def _within(pane: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and pane.isAncestorOf(widget)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the window needs a QApplication"
    return app


def default_size() -> tuple[int, int]:
    """Fits a 1366x768 laptop with a task bar; no bigger than needed on large screens."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1240, 720
    area = screen.availableGeometry()
    return min(1400, int(area.width() * 0.94)), min(900, int(area.height() * 0.92))
