"""Test settings shared by every test.

No display: Qt runs offscreen. HOME and the XDG folders point at a temporary
directory for each test session, so nothing a test does reaches the real
home directory and the no-patient-data-on-disk test can search everything the
app could have written.
"""

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="sjsref-test-home-")
for _var, _sub in (
    ("HOME", ""),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_STATE_HOME", ".local/state"),
):
    os.environ[_var] = os.path.join(_HOME, _sub) if _sub else _HOME


def pytest_sessionstart(session: pytest.Session) -> None:
    """Build the content pack when the sources or the code changed since it was built.

    The window's tests read the pack as the app does; a stale one would fail
    them all with "rebuild it". Nothing is written when it is up to date.
    """
    from sjsref.search.build import main as build_pack

    if build_pack([]) != 0:
        raise pytest.UsageError("the content pack could not be built (see above)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Qt widgets (uses qtbot) as gui."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
