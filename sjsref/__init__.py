"""SJSRef: offline reference and bedside calculators for SJS/TEN."""

from importlib import metadata


def _version() -> str:
    try:
        return metadata.version("sjsref")
    except metadata.PackageNotFoundError:  # source tree or frozen bundle without metadata
        return "0+unknown"


__version__ = _version()
