"""The composition root: self-test, error dialog, first paint before loading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sjsref.search.loaded import Loaded
from sjsref.ui.app import create_window
from sjsref.ui.errors import ERROR_TEXT, make_excepthook
from sjsref.ui.state import ViewState
from sjsref.ui.views import Views


def _self_test(resources: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SJSREF_RESOURCES=str(resources), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "sjsref", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_self_test_exits_zero(resources_root):
    done = _self_test(resources_root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "SCORTEN" in done.stdout


def test_self_test_fails_clearly_on_a_broken_library(tmp_path):
    (tmp_path / "articles").mkdir()
    done = _self_test(tmp_path)
    assert done.returncode == 1
    assert "FAIL" in done.stdout


def test_unexpected_error_shows_a_dialog_with_details_and_window_lives(window, qtbot):
    shown: list[QMessageBox] = []
    hook = make_excepthook(lambda: window, show=shown.append)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    (box,) = shown
    assert box.text() == ERROR_TEXT
    assert "boom in a slot" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    copy.click()
    assert "RuntimeError: boom in a slot" in QApplication.clipboard().text()
    assert window.isVisible()
    box.deleteLater()


def test_window_paints_before_the_library_loads(qtbot, tmp_path):
    painted_when_loading: list[bool] = []

    def failing_load() -> Loaded:
        painted_when_loading.append(window.has_painted)
        raise OSError("library missing")

    window = create_window(
        ViewState(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
        Views(),
        failing_load,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert painted_when_loading == [True]  # the load began only after the first paint
    assert "could not be loaded" in window.home.toHtml()
    window.navigate("calc:scorten")  # calculators still work without the library
    assert window.stack.currentWidget() is window.calculators["scorten"]


def test_the_icon_renders_from_the_svg_source(qtbot):
    from sjsref.ui.icon import app_icon

    pixmap = app_icon().pixmap(64, 64)
    assert not pixmap.isNull()
    assert pixmap.toImage().pixelColor(32, 32).alpha() > 0  # drawn, not transparent


def test_the_settings_domain_matches_the_macos_bundle_identifier(qapp) -> None:
    # On macOS QSettings() names its file from the reversed organisation domain and
    # the application name: org.sjsref.SJSRef.plist, the bundle's own identifier.
    import importlib.util
    from pathlib import Path

    from sjsref.ui.app import _application

    app = _application([])
    spec = importlib.util.spec_from_file_location(
        "platform_meta", Path(__file__).parents[2] / "packaging" / "platform_meta.py"
    )
    assert spec is not None and spec.loader is not None
    meta = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(meta)
    reversed_domain = ".".join(reversed(app.organizationDomain().split(".")))
    assert f"{reversed_domain}.{app.applicationName()}" == meta.BUNDLE_ID


def _window_over(qtbot, tmp_path, resources):
    """A shown window whose library is loaded (or refused) from ``resources``."""
    from sjsref.ui.app import load_content

    window = create_window(
        ViewState(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
        Views(),
        load=lambda: load_content(resources),
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.show()
    return window


def test_modified_content_is_hidden_by_a_page_wide_notice_and_calculators_work(
    qtbot, tmp_path, resources_root
):
    import shutil

    from sjsref.content.integrity import write_manifest

    shipped = tmp_path / "resources"
    shutil.copytree(resources_root, shipped)
    write_manifest(shipped)
    severity = shipped / "articles" / "08-severity.md"
    severity.write_text(severity.read_text(encoding="utf-8").replace("120", "100"), "utf-8")
    window = _window_over(qtbot, tmp_path, shipped)
    assert window.load_failed and window.content is None
    page = window.home.toPlainText()
    assert "could not be loaded" in page and "modified" in page
    assert "articles/08-severity.md" in page  # the notice names the file
    window.navigate("article:severity")
    assert window.stack.currentWidget() is window.home  # nothing of it is shown
    window.navigate("calc:scorten")
    assert window.calculators["scorten"].isVisible()


def test_a_truncated_content_pack_gets_the_same_notice_and_calculators_work(
    qtbot, tmp_path, resources_root
):
    import shutil

    from sjsref.content.pack_sources import PACK_NAME

    shipped = tmp_path / "resources"
    shutil.copytree(resources_root, shipped)
    pack = shipped / PACK_NAME
    pack.write_bytes(pack.read_bytes()[:4096])
    window = _window_over(qtbot, tmp_path, shipped)
    assert window.load_failed and window.content is None
    page = window.home.toPlainText()
    assert "could not be loaded" in page and f"{PACK_NAME} is damaged" in page
    window.search.setText("scorten")
    assert "calc:scorten" in window.results.targets()  # search still finds calculators
    window.navigate("calc:scorten")
    assert window.calculators["scorten"].isVisible()


def test_a_stale_content_pack_says_to_rebuild_it_and_calculators_work(
    qtbot, tmp_path, resources_root
):
    import shutil

    from sjsref.content.pack_sources import BUILD_COMMAND

    checkout = tmp_path / "resources"
    shutil.copytree(resources_root, checkout)
    article = checkout / "articles" / "08-severity.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    window = _window_over(qtbot, tmp_path, checkout)
    assert window.load_failed and window.content is None
    page = window.home.toPlainText()
    assert "content pack is out of date" in page and f"Rebuild it with {BUILD_COMMAND}" in page
    assert "Reinstall" not in page  # a source checkout is rebuilt, not reinstalled
    window.navigate("calc:scorten")
    assert window.calculators["scorten"].isVisible()


_WATCH_IMPORTS = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from sjsref.ui.app import _application, create_window
from sjsref.ui.state import ViewState
HEAVY = ("pydantic", "markdown_it", "sjsref.clinical.registry", "sjsref.content.loader")
# Loaded after the first paint: the theme's own style, the calculators' tab order.
LATER = ("sjsref.ui.theme_style", "sjsref.ui.focus")
seen = {}
app = _application([])
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = create_window(ViewState(settings))
note = lambda when: seen.setdefault(when, [m for m in HEAVY if m in sys.modules])
window.firstPaint.connect(lambda: note("first paint"))
window.firstPaint.connect(
    lambda: seen.setdefault("later", [m for m in LATER if m in sys.modules])
)
window.ready.connect(lambda: note("searchable"))
window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
window.show()
app.exec()
print(json.dumps(seen))
"""


def test_neither_the_first_paint_nor_the_library_imports_pydantic_or_markdown():
    # A fresh interpreter, as a start is: the calculators (and pydantic with them)
    # load when one is opened; the library comes from the content pack.
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _WATCH_IMPORTS],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"first paint": [], "later": [], "searchable": []}
