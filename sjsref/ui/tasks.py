"""Run slow work off the GUI thread and hand the result back on it.

The shape is Anki's ``QueryOp``: the work is a plain synchronous function from
the layers below; this helper only moves it to a thread and delivers its
return value (or its exception) to a callback on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _Worker(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # delivered to the GUI thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """One call of ``work`` on a thread; ``on_done``/``on_error`` run on the GUI thread.

    Args:
        work: The slow function; must not touch widgets.
        on_done: Receives the return value.
        on_error: Receives the exception.
        parent: Owner; the thread is waited for when the task is destroyed.
    """

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = _Worker(work, self)
        # Signals from the worker are queued to this object's (the GUI) thread.
        self._thread.succeeded.connect(on_done)
        self._thread.failed.connect(on_error)

    def start(self) -> None:
        self._thread.start()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the work is done (used at exit and in the self-test)."""
        return self._thread.wait(msecs)

    def is_running(self) -> bool:
        return self._thread.isRunning()
