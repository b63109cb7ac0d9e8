"""``Qt``, the namespace of Qt's enumerations, resolved on first use.

PySide6 builds the Python enumerations of the whole ``Qt`` namespace the first
time a module gets hold of it: about 26 ms of CPU on the 2-core test machine,
a sixth of the time an empty window takes to paint. Modules on the path to
the first paint import this ``Qt`` instead of ``PySide6.QtCore.Qt``; their
code reads the same (``Qt.Key.Key_Down``) and pays the cost, once, when it
first runs, after the window is on screen. Type checkers see the real one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:

    class _LazyQt:
        """Forwards every attribute to ``PySide6.QtCore.Qt``, imported when first asked."""

        def __getattr__(self, name: str) -> Any:
            from PySide6.QtCore import Qt as real

            return getattr(real, name)

    Qt = _LazyQt()

__all__ = ["Qt"]
