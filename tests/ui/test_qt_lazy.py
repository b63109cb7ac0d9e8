"""The first-paint path's stand-ins for Qt's enumerations say what Qt says.

``sjsref.ui.qt_lazy.Qt`` forwards to ``PySide6.QtCore.Qt`` when first used,
and the search list's item roles and enumerated properties are written as
numbers and names so that importing the module builds no enumeration.
"""

from __future__ import annotations

from PySide6.QtCore import Qt as RealQt
from PySide6.QtWidgets import QListView

from sjsref.ui.qt_lazy import Qt
from sjsref.ui.search_panel import HTML_ROLE, TARGET_ROLE, ResultsList


def test_lazy_qt_forwards_to_the_real_namespace():
    assert Qt.Key.Key_Down is RealQt.Key.Key_Down
    assert Qt.MouseButton.BackButton is RealQt.MouseButton.BackButton


def test_result_roles_are_qt_user_roles():
    assert TARGET_ROLE == RealQt.ItemDataRole.UserRole.value
    assert HTML_ROLE == RealQt.ItemDataRole.UserRole.value + 1


def test_results_list_properties_set_by_name(qtbot):
    results = ResultsList()
    qtbot.addWidget(results)
    assert results.resizeMode() == QListView.ResizeMode.Adjust
    assert results.verticalScrollMode() == QListView.ScrollMode.ScrollPerPixel
    assert results.verticalScrollBarPolicy() == RealQt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert results.horizontalScrollBarPolicy() == RealQt.ScrollBarPolicy.ScrollBarAlwaysOff
