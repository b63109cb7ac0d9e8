"""Fixtures for the window tests: the real bundled library and a fresh window.

``tests/conftest.py`` has already pointed HOME and the XDG folders at a
temporary directory before Qt starts (QSettings fixes its paths on first use),
so the no-patient-data test can search every file the app could have written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sjsref.content.paths import resources_dir
from sjsref.ui.app import create_window, load_content
from sjsref.ui.main_window import MainWindow
from sjsref.ui.state import APPLICATION, ORGANISATION, ViewState
from sjsref.ui.views import Views


@pytest.fixture(scope="session")
def resources_root() -> Path:
    """The library that ships with the app."""
    return resources_dir()


@pytest.fixture
def settings() -> Iterator[QSettings]:
    """The app's real settings location, under the private HOME; emptied per test."""
    store = QSettings(ORGANISATION, APPLICATION)
    store.clear()
    yield store
    store.clear()
    store.sync()


@pytest.fixture
def opened_urls() -> list[str]:
    return []


@pytest.fixture
def make_window(
    qtbot, resources_root: Path, settings: QSettings, opened_urls: list[str]
) -> Callable[[], MainWindow]:
    """Build, show and wait for a window; each call builds a new one (reopen)."""

    def make() -> MainWindow:
        window = create_window(
            ViewState(QSettings(ORGANISATION, APPLICATION)),
            Views(),
            load=lambda: load_content(resources_root),
            open_external=lambda url: opened_urls.append(url.toString()),
        )
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=30_000):
            window.show()
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # WORKAROUND(Qt 6.11 offscreen platform): it logs these whenever a window's
        # size constraints change, or a popup (a completion list) raises itself or
        # grabs the keyboard; a real platform does not.
        item.add_marker(
            pytest.mark.qt_log_ignore(
                "propagateSizeHints", "does not support raise", "does not support grabbing"
            )
        )


@pytest.fixture(autouse=True)
def unzoomed(qapp) -> Iterator[None]:
    """Zoom and theme are application-wide: put them back so no test sees another's."""
    font, palette = qapp.font(), qapp.palette()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def private_home() -> Path:
    """The temporary HOME holding every file the app could write."""
    return Path(os.environ["HOME"])
