"""Unexpected errors: a dialog a clinician understands, details to copy, app keeps running."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from sjsref.streams import write_stderr

if TYPE_CHECKING:  # the dialog's classes load with the first error, not at start
    from PySide6.QtWidgets import QMessageBox, QWidget

ERROR_TITLE = "SJSRef: something went wrong"
ERROR_TEXT = (
    "SJSRef hit an unexpected problem and could not finish what you asked.\n\n"
    "The window is still open and you can go on using it. If you were using a "
    "calculator, re-check that the result shown matches what you entered before relying "
    "on it."
)
ERROR_INFO = "To report it, press “Copy details” and paste the text into your report."

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_box(details: str, parent: QWidget | None = None) -> QMessageBox:
    """The dialog, with the traceback under "Show Details" and a copy button."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, ERROR_TITLE, ERROR_TEXT, parent=parent)
    box.setObjectName("error_dialog")
    box.setInformativeText(ERROR_INFO)
    box.setDetailedText(details)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # An ActionRole button would close the box; copy and keep it open instead.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    return box


def make_excepthook(
    parent: Callable[[], QWidget | None], show: Callable[[QMessageBox], object] | None = None
) -> ExceptHook:
    """An ``sys.excepthook`` that logs to stderr and shows :func:`error_box`.

    Qt for Python calls ``sys.excepthook`` for an exception raised in a slot and
    then returns to the event loop, so the window stays up. The windowed exe on
    Windows has no stderr (``sys.stderr`` is None): the write is then dropped
    and the dialog still shows.

    Args:
        parent: Gives the window to centre the dialog on.
        show: How to show the box (tests pass a non-blocking one); by default
            ``exec``, modal.
    """
    busy = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal busy
        details = "".join(traceback.format_exception(kind, value, tb))
        write_stderr(details)
        if busy or issubclass(kind, KeyboardInterrupt):
            return  # one dialog at a time; an error while showing it is only logged
        busy = True
        try:
            box = error_box(details, parent())
            if show is None:
                box.exec()
            else:
                show(box)
        finally:
            busy = False

    return hook
