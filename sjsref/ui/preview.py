"""Open one view alone, in the shape of Orange's ``WidgetPreview``.

``python -m sjsref.ui.spec_form scorten`` (and each other view) calls this.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from sjsref.content.packed import Library
from sjsref.search.pack import LOAD_ERRORS, open_pack
from sjsref.ui.result_panel import Citer
from sjsref.ui.style import apply_base_font


def _library() -> Library | None:
    try:
        return open_pack().library
    except LOAD_ERRORS as exc:
        print(f"library not loaded ({exc}); showing citation keys", file=sys.stderr)
        return None


def preview(
    make: Callable[[Citer], QWidget], with_library: Callable[[Library], QWidget] | None = None
) -> int:
    """Show one widget in its own window and run until it is closed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    apply_base_font(app)
    library = _library()
    if with_library is not None:
        if library is None:
            return 1
        widget = with_library(library)
    else:
        widget = make(Citer(library))
    widget.resize(1100, 700)
    widget.show()
    return app.exec()
