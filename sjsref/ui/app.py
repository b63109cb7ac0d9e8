"""Composition root: the one place that builds the objects and wires them.

``run(argv)`` starts the window; ``run(["--self-test"])`` checks the whole app
offscreen and exits non-zero on any fault. Modules of the layers below are
imported inside functions, so the first paint waits only for Qt.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from sjsref.ui.errors import make_excepthook
from sjsref.ui.icon import THEME_NAME, app_icon
from sjsref.ui.main_window import Content, MainWindow
from sjsref.ui.navigation import REFERENCES
from sjsref.ui.search_panel import Row
from sjsref.ui.state import APPLICATION, ORGANISATION, ORGANISATION_DOMAIN, ViewState
from sjsref.ui.style import apply_base_font

# Set by the start-up benchmark: print a line at first paint, quit once loaded.
BENCH_ENV = "SJSREF_BENCH_FIRST_PAINT"
FIRST_PAINT_MARK = "sjsref-first-paint"
# If the platform never paints (some offscreen setups), load anyway after this.
LOAD_FALLBACK_MS = 300


def load_content(root: Path | None = None) -> Content:
    """Library, index and integrity line; runs on a worker thread, never touches Qt."""
    from sjsref.search.loaded import load_content as load

    loaded = load(root)
    return Content(loaded.library, loaded.index, loaded.calculators, loaded.integrity)


class Pages:
    """Builds the views that need the lower layers, when the window asks for them."""

    def __init__(self, clock: Callable[[], Any] | None = None) -> None:
        self._clock = clock
        self._citer: Any = None

    def citer(self) -> Any:
        if self._citer is None:
            from sjsref.ui.result_panel import Citer

            self._citer = Citer(None)
        return self._citer

    def calculator(self, calc_id: str, prefs: Any = None) -> Any:
        """The view of one calculator, from its spec; ``prefs`` remembers lab units chosen."""
        from sjsref.clinical.registry import spec
        from sjsref.ui.bsa_view import BsaView
        from sjsref.ui.spec_form import SpecForm

        try:
            found = spec(calc_id)
        except KeyError:
            return None
        extra: dict[str, Any] = {"clock": self._clock} if self._clock else {}
        if found.view == "bsa":
            return BsaView(self.citer(), found, **extra)
        return SpecForm(found, self.citer(), prefs=prefs, **extra)

    def reading_views(self, library: Any) -> tuple[Any, Any]:
        from sjsref.ui.article_view import ArticleView
        from sjsref.ui.references_view import ReferencesView

        return ArticleView(library), ReferencesView(library)

    def home_html(self, library: Any, calculators: tuple[Any, ...]) -> str:
        from sjsref.ui.navigation import home_html

        return home_html(library, calculators)

    def library_loaded(self, library: Any, pages: Iterable[Any]) -> None:
        self.citer().set_library(library)
        for page in pages:
            page.recompute()  # their sources become numbered references

    def calculator_rows(self) -> list[Row]:
        from sjsref.clinical.registry import CALCULATORS

        return [
            Row("calculator", c.name, html.escape(c.purpose), f"calc:{c.id}") for c in CALCULATORS
        ]

    def browse_rows(self, content: Content) -> list[Row]:
        rows = self.calculator_rows()
        rows += [
            Row("article", a.title, html.escape(a.summary), f"article:{a.id}")
            for a in content.library.articles
        ]
        count = len(content.library.references)
        rows.append(Row("page", "References", f"All {count} references, AMA style", REFERENCES))
        return rows

    def load_failed_html(self, exc: BaseException) -> str:
        problems = getattr(exc, "problems", None) or [str(exc)]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:20])
        return (
            "<h1>The library could not be loaded</h1>"
            "<p>The articles and references bundled with SJSRef are missing, damaged or "
            "modified since they were reviewed, so none of them is shown. The calculators, "
            "whose numbers are part of the program, still work. Reinstall SJSRef to repair "
            "it.</p>"
            f"<p>Details for a bug report:</p><ul>{items}</ul>"
        )

    def about(self, parent: MainWindow, content: Content | None) -> None:
        from sjsref.ui.about import AboutDialog

        reviewed = content.library.last_reviewed if content else None
        integrity = content.integrity if content else "not checked (library not loaded)"
        AboutDialog(reviewed, integrity, parent).exec()

    def default_size(self) -> tuple[int, int]:
        # Fits a 1366x768 laptop with a task bar; no bigger than needed on large screens.
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return 1240, 720
        area = screen.availableGeometry()
        return min(1400, int(area.width() * 0.94)), min(900, int(area.height() * 0.92))


def create_window(
    state: ViewState,
    pages: Pages | None = None,
    load: Callable[[], Content] = load_content,
    open_external: Callable[[QUrl], object] = QDesktopServices.openUrl,
) -> MainWindow:
    """Build the window; the library loads on a thread once it has painted."""
    window = MainWindow(state, load, pages or Pages(), open_external)
    window.firstPaint.connect(window.start_loading)
    # The theme lookup and the SVG plugin cost 10-20 ms: not worth a later first
    # paint, nor a later start of the load; so the next turn of the event loop.
    window.firstPaint.connect(
        lambda: QTimer.singleShot(0, lambda: QGuiApplication.setWindowIcon(app_icon()))
    )
    QTimer.singleShot(LOAD_FALLBACK_MS, window.start_loading)
    return window


def _application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(["sjsref", *argv])
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("SJSRef")
    # Lets the desktop match the window to its .desktop entry (taskbar icon, name).
    QGuiApplication.setDesktopFileName(THEME_NAME)
    apply_base_font(app)
    return app


def run(argv: list[str]) -> int:
    """Open the window (or run ``--self-test``); return the exit status."""
    if "--self-test" in argv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import tempfile

        from sjsref.ui.selftest import self_test

        app = _application(argv)
        with tempfile.TemporaryDirectory(prefix="sjsref-self-test-") as tmp:
            # A throw-away settings file: the self-test must not move the user's window.
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            return self_test(lambda: create_window(ViewState(settings)), print)
    app = _application(argv)
    # The default constructor: on macOS it takes the domain, so the settings
    # file matches the bundle identifier; elsewhere it is SJSRef/SJSRef.
    window = create_window(ViewState(QSettings()))
    sys.excepthook = make_excepthook(lambda: window)
    if os.environ.get(BENCH_ENV):
        window.firstPaint.connect(lambda: print(FIRST_PAINT_MARK, flush=True))
        window.ready.connect(lambda: QTimer.singleShot(0, window.close))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
