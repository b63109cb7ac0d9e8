"""What is remembered (geometry, splitters, zoom) and what never is (anything typed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytest import approx

from sjsref.ui.lab_field import LabField
from sjsref.ui.style import base_point_size


def test_reopen_restores_geometry_splitter_and_zoom(make_window, qtbot):
    first = make_window()
    first.resize(760, 560)  # inside the offscreen 800x600 screen
    first.splitter.setSizes([240, 500])
    qtbot.keyClick(first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    sizes = first.splitter.sizes()
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.zoom_percent == 120
    second.navigate(f"article:{second.content.library.articles[0].id}")
    # The zoom is the application font's (issue 16): the article follows it.
    zoomed = base_point_size(QApplication.instance()) * 1.2
    qtbot.waitUntil(lambda: second.article_view.browser.font().pointSizeF() == approx(zoomed))


def _every_file_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_nothing_typed_reaches_the_disk(make_window, qtbot, private_home):
    window = make_window()
    typed = []
    serial = 0
    for calc in window.content.calculators:
        window.navigate(f"calc:{calc.id}")
        page = window.calculators[calc.id]
        methods = getattr(page, "method", None)  # BSA: fill every method's fields
        for method in range(methods.count() if methods else 1):
            if methods:
                methods.setCurrentIndex(method)
            filled: set[QLineEdit] = set()
            # Typing may add fields (ALDEN: a drug name adds its card): look again until
            # every visible box has been typed into once.
            while empty := [
                e
                for e in page.findChildren(QLineEdit)
                if e.isVisibleTo(page) and not e.text() and e not in filled
            ]:
                edit = empty[0]
                filled.add(edit)
                serial += 1
                value = f"{70 + serial % 20}.{4000 + serial}"  # e.g. 71.4001: in no default
                edit.setFocus()
                qtbot.keyClicks(edit, value)
                qtbot.keyClick(edit, Qt.Key.Key_Return)  # entered, so it is computed
                typed.append(edit.text() or value)  # a drug name box empties once added
        for lab in page.findChildren(LabField):  # a unit chosen: a preference, written down
            lab.unit_box.setCurrentIndex(lab.unit_box.count() - 1)
        page.copy_note()
    qtbot.keyClicks(window.search, "zebraquokka")
    typed.append("zebraquokka")
    assert len(typed) > 20
    window.close()
    QApplication.processEvents()
    files = _every_file_under(private_home)
    settings_files = [f for f in files if f.name == "SJSRef.conf"]
    assert settings_files, "the settings were not written where the test looks"
    remembered = settings_files[0].read_bytes()
    assert b"[units]" in remembered and b"urea=BUN-mg/dL" in remembered
    for path in files:
        data = path.read_bytes()
        for value in typed:
            assert value.encode() not in data, f"{value!r} found in {path}"
