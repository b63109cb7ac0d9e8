"""Render the app icon from ``packaging/icons/sjsref.svg`` for each platform.

* ``--png-dir DIR``: PNGs at the freedesktop hicolor sizes (``DIR/NxN.png``);
* ``--ico FILE``: a Windows .ico (PNG-compressed entries, 16-256 px);
* ``--icns FILE``: a macOS .icns (PNG entries, 16-1024 px).

PNGs come from ``rsvg-convert`` (librsvg, the reference SVG renderer) when it
is on PATH, else from QtSvg (PySide6 is in the build environment on every
platform). The SVG uses only SVG Tiny shapes so that both render it alike.
The .ico and .icns containers are written here: both are a small header and
a directory of PNG blobs, so no platform tool (iconutil, ImageMagick) is needed.

Usage: python packaging/icons.py [--png-dir DIR] [--ico FILE] [--icns FILE]
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent / "icons" / "sjsref.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types that hold PNG data, and their pixel size (Apple's
# "Icon Services" type codes; the @2x types reuse the larger bitmaps).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The icon as a ``size`` x ``size`` PNG."""
    rsvg = shutil.which("rsvg-convert")
    if rsvg is not None:
        done = subprocess.run(
            [rsvg, "--width", str(size), "--height", str(size), "--format", "png", str(svg)],
            capture_output=True,
            check=True,
        )
        return done.stdout
    return _render_png_qt(size, svg)


def _render_png_qt(size: int, svg: Path) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, sizes: tuple[int, ...] = ICO_SIZES) -> None:
    """A .ico with one PNG entry per size (Windows Vista and later read PNG entries)."""
    images = [render_png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    directory = b""
    for size, png in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    path.write_bytes(header + directory + b"".join(images))


def write_icns(path: Path) -> None:
    """A .icns whose elements are PNG data (macOS 10.7 and later)."""
    cache: dict[int, bytes] = {}
    body = b""
    for kind, size in ICNS_TYPES:
        png = cache.setdefault(size, render_png(size))
        body += kind + struct.pack(">I", 8 + len(png)) + png
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def write_pngs(directory: Path, sizes: tuple[int, ...] = HICOLOR_SIZES) -> None:
    """``directory/NxN.png`` for each hicolor size."""
    directory.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        (directory / f"{size}x{size}.png").write_bytes(render_png(size))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the SJSRef icon.")
    parser.add_argument("--png-dir", type=Path)
    parser.add_argument("--ico", type=Path)
    parser.add_argument("--icns", type=Path)
    args = parser.parse_args(argv)
    if not (args.png_dir or args.ico or args.icns):
        parser.error("give at least one of --png-dir, --ico, --icns")
    if args.png_dir:
        write_pngs(args.png_dir)
    for target, writer in ((args.ico, write_ico), (args.icns, write_icns)):
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            writer(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
