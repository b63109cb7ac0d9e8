"""The right-hand side of the window: home, the article, the references, the calculators.

Pages are built when first asked for: a calculator at once, the article,
references and tables pages once the library has loaded (so the library is
searchable without waiting for them); ``show`` opens one by its link target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStackedWidget, QWidget

from sjsref.content.targets import Scheme, Target
from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums
from sjsref.ui.reading import ReadingBrowser

if TYPE_CHECKING:  # the views import the lower layers: not on the first-paint path
    from sjsref.ui.article_view import ArticleView
    from sjsref.ui.calc_page import CalculatorPage
    from sjsref.ui.references_view import ReferencesView
    from sjsref.ui.tables_view import TablesView


class Page(Protocol):
    """What every page in the stack offers the window."""

    def focus_in(self) -> None:
        """Put the keyboard focus where a reader or a clinician starts (text, first field)."""


class ReadingBuilders(Protocol):
    """Builds the pages that show the loaded library (the window wires their links)."""

    def article(self) -> ArticleView: ...

    def references(self) -> ReferencesView: ...

    def tables(self) -> TablesView: ...


class PageStack(QStackedWidget):
    """The pages, one shown at a time.

    Args:
        make_calculator: Builds the page of a calculator id (None if there is none).
    """

    def __init__(
        self,
        make_calculator: Callable[[str], CalculatorPage | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_calculator = make_calculator
        self._home: ReadingBrowser | None = None
        self.article_view: ArticleView | None = None
        self.references_view: ReferencesView | None = None
        self.tables_view: TablesView | None = None
        self._reading: ReadingBuilders | None = None
        self.calculators: dict[str, CalculatorPage] = {}
        self.named: dict[str, QWidget] = {}  # the window's own pages, opened by home:NAME

    @property
    def home(self) -> ReadingBrowser:
        """The home page, built when first asked for: the window asks after its first
        paint, which then does not wait for Qt's text browser (about 10 ms)."""
        if self._home is None:
            self._home = ReadingBrowser("home", self)
            self._home.setHtml("<h1>SJSRef</h1><p>Loading the library…</p>")
            self.insertWidget(0, self._home)
        return self._home

    def set_reading_views(self, builders: ReadingBuilders) -> None:
        """The library has loaded: its pages can be built, each when first opened."""
        self._reading = builders

    def article(self) -> ArticleView | None:
        """The article page, built the first time it is asked for (None before the library)."""
        if self.article_view is None and self._reading is not None:
            self.article_view = self._reading.article()
            self.addWidget(self.article_view)
        return self.article_view

    def references(self) -> ReferencesView | None:
        """The reference list, built the first time it is asked for."""
        if self.references_view is None and self._reading is not None:
            self.references_view = self._reading.references()
            self.addWidget(self.references_view)
        return self.references_view

    def tables(self) -> TablesView | None:
        """The drug and HLA tables, built the first time they are asked for."""
        if self.tables_view is None and self._reading is not None:
            self.tables_view = self._reading.tables()
            self.addWidget(self.tables_view)
        return self.tables_view

    def add_named(self, name: str, page: QWidget) -> None:
        """Add a page of the window's own (the shortcuts), opened by ``home:NAME``."""
        self.named[name] = page
        self.addWidget(page)

    def show_target(self, target: Target) -> bool:
        """Open the page of ``target``; False when there is none (or no library yet)."""
        if target.scheme is Scheme.CALC:
            page = self.calculator(target.id)
            if page is None:
                return False
            self.setCurrentWidget(page)
            return True
        if target.scheme is Scheme.HOME:
            self.setCurrentWidget(self.named.get(target.id, self.home))
            return True
        if target.scheme is Scheme.ARTICLE and (article := self.article()) is not None:
            try:
                article.show_article(target.id, target.anchor)
            except KeyError:
                return False
            self.setCurrentWidget(article)
            return True
        if target.scheme is Scheme.TABLE and (tables := self.tables()) is not None:
            if not tables.show_table(target.id, target.anchor):
                return False
            self.setCurrentWidget(tables)
            return True
        if target.scheme in (Scheme.REF, Scheme.REFS) and (refs := self.references()) is not None:
            refs.show_reference(target.id)
            self.setCurrentWidget(refs)
            return True
        return False

    def calculator(self, calc_id: str) -> CalculatorPage | None:
        """The page of a calculator, built the first time it is asked for."""
        if calc_id not in self.calculators:
            page = self._make_calculator(calc_id)
            if page is None:
                return None
            self.calculators[calc_id] = page
            self.addWidget(page)
        return self.calculators[calc_id]

    def focus_current(self) -> None:
        page = self.currentWidget()
        focus_in = getattr(page, "focus_in", None)
        if callable(focus_in):
            focus_in()
        elif page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def browser(self) -> ReadingBrowser | None:
        """The reading browser of the page shown, if it has one (for its scroll position)."""
        page = self.currentWidget()
        if page is self.home:
            return self.home
        found = getattr(page, "browser", None)
        return found if isinstance(found, ReadingBrowser) else None
