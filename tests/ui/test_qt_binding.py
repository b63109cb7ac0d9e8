"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 drops a reference to None (or True/False) on
every call that returns nothing; after a few thousand field updates the
interpreter aborts ("deallocating None"). This guards the pin.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QLineEdit

CALLS = 2000


def test_void_qt_calls_keep_the_reference_to_none(qtbot):
    label, edit = QLabel(), QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(edit)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for n in range(CALLS):
        label.setText(str(n))
        label.setVisible(n % 2 == 0)
        edit.setText(str(n))
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    drift = [b - a for a, b in zip(after, before, strict=True)]
    assert all(d < CALLS // 10 for d in drift), f"references lost: {drift}"
