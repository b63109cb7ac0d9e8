"""SJSRef: offline reference and bedside calculators for SJS/TEN."""

from functools import cache


@cache
def version() -> str:
    """The installed version (one home: pyproject.toml); read on demand.

    importlib.metadata costs ~50 ms to import, so it stays off the start-up path.
    """
    from importlib import metadata

    try:
        return metadata.version("sjsref")
    except metadata.PackageNotFoundError:  # source tree or frozen bundle without metadata
        return "0+unknown"
