"""Composition root: the one place that builds the objects and wires them.

``run(argv)`` starts the window; ``run(["--self-test"])`` checks the whole app
offscreen and exits non-zero on any fault. Modules of the layers below are
imported inside functions, so the first paint waits only for Qt.
"""

from __future__ import annotations

import linecache
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from sjsref.ui.errors import make_excepthook
from sjsref.ui.icon import THEME_NAME, app_icon
from sjsref.ui.main_window import MainWindow
from sjsref.ui.state import APPLICATION, ORGANISATION, ORGANISATION_DOMAIN, ViewState
from sjsref.ui.style import apply_base_font
from sjsref.ui.views import Views

if TYPE_CHECKING:  # the library's types: not imported before the first paint
    from sjsref.search.pack import Packed

# Set by the start-up benchmark: print a line at first paint, another once the
# library is searchable, then quit.
BENCH_ENV = "SJSREF_BENCH_FIRST_PAINT"
FIRST_PAINT_MARK = "sjsref-first-paint"
SEARCHABLE_MARK = "sjsref-searchable"
# If the platform never paints (some offscreen setups), load anyway after this.
LOAD_FALLBACK_MS = 300


def load_content(root: Path | None = None) -> Packed:
    """The library and its index, from the content pack; runs on a worker thread.

    Reads the pack built ahead of time (``sjsref.search.pack``), so neither
    pydantic nor markdown-it is imported to show the library.
    """
    from sjsref.search.pack import open_pack

    return open_pack(root)


def create_window(
    state: ViewState,
    views: Views | None = None,
    load: Callable[[], Packed] = load_content,
    open_external: Callable[[QUrl], object] = QDesktopServices.openUrl,
) -> MainWindow:
    """Build the window; the library loads on a thread once it has painted."""
    window = MainWindow(state, load, views or Views(), open_external)
    # PySide6 reads the source of every module imported after it (to look for
    # its __feature__ switches), and linecache keeps every line read, a few
    # MiB by the time the library is searchable. Emptied when no other thread
    # is importing: before the loader starts, and once it has finished.
    window.firstPaint.connect(linecache.clearcache)
    window.ready.connect(linecache.clearcache)
    window.firstPaint.connect(window.start_loading)
    # The theme lookup and the SVG plugin cost 10-20 ms: not worth a later first
    # paint, nor a later start of the load; so the next turn of the event loop.
    window.firstPaint.connect(
        lambda: QTimer.singleShot(0, lambda: QGuiApplication.setWindowIcon(app_icon()))
    )
    QTimer.singleShot(LOAD_FALLBACK_MS, window.start_loading)
    return window


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    # Qt's Fusion from the start, chosen on the command line: the theme's own
    # style (Fusion with clearer marks) replaces it after the first paint, and
    # setting a style from Python would build QStyle's enumerations (~15 ms).
    args = ["sjsref", "-style", "Fusion", *argv]
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("SJSRef")
    # Lets the desktop match the window to its .desktop entry (taskbar icon, name).
    QGuiApplication.setDesktopFileName(THEME_NAME)
    apply_base_font(app)
    return app


def _bench_mark(mark: str) -> None:
    # The process's CPU time beside the mark: on a busy machine it varies far
    # less than the wall-clock time the benchmark also takes.
    print(f"{mark} cpu={time.process_time() * 1000:.1f}", flush=True)


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
        window.firstPaint.connect(lambda: _bench_mark(FIRST_PAINT_MARK))
        window.ready.connect(lambda: _bench_mark(SEARCHABLE_MARK))
        window.ready.connect(lambda: QTimer.singleShot(0, window.close))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
