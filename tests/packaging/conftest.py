"""Markers of the packaging tests.

``packaging`` (pyproject.toml) builds and installs the .deb and is run apart.
``shellcheck`` marks the checks that need the shellcheck tool: they belong to
the normal run, since the test command installs shellcheck
(scripts/install_packaging_deps.sh), and fail rather than skip in CI.
"""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "shellcheck: runs shellcheck over the shell scripts (normal run; required in CI)",
    )
