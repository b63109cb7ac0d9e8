"""The outlines of the Lund-Browder chart's two figures, as paths a map paints and hit-tests.

Only where each region is drawn lives here; how much of the body it is, and how
a figure's part adds up to its region, is ``sjsref.clinical.bsa_charts``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from sjsref.clinical import bsa_charts
from sjsref.clinical.bsa_charts import AgeColumn, View

# Each figure is drawn in a box of these units, the patient facing the viewer on
# the front figure and facing away on the back one.
FIG_W, FIG_H = 100.0, 236.0


def _poly(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _ellipse(x: float, y: float, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QRectF(x, y, w, h))
    return path


# The limbs on the viewer's left; the other side is their mirror image.
_LIMBS = {
    "upper-arm": _poly((31, 38), (23, 41), (17, 78), (26, 80), (29, 62)),
    "forearm": _poly((17, 78), (26, 80), (22, 112), (12, 110)),
    "hand": _poly((12, 110), (22, 112), (22, 125), (16, 131), (10, 125)),
    "thigh": _poly((29, 120), (50, 123), (47, 168), (34, 168)),
    "lower-leg": _poly((34, 168), (47, 168), (45, 214), (37, 214)),
    "foot": _poly((37, 214), (45, 214), (47, 230), (31, 230), (33, 224)),
}
_BUTTOCK = _poly((30, 104), (50, 104), (50, 123), (29, 120))
_MIRROR = QTransform(-1, 0, 0, 1, FIG_W, 0)


def _parts(view: View) -> list[tuple[str, QPainterPath]]:
    """(region, outline) of one figure; small parts first, as they are found first."""
    near, far = ("right", "left") if view is View.FRONT else ("left", "right")
    parts: list[tuple[str, QPainterPath]] = []
    if view is View.FRONT:
        parts.append(("genitalia", _ellipse(45, 113, 10, 14)))
        trunk = _poly(
            (31, 38), (69, 38), (71, 62), (68, 92), (71, 120), (29, 120), (32, 92), (29, 62)
        )
        parts.append(("anterior-trunk", trunk))
    else:
        parts += [(f"{near}-buttock", _BUTTOCK), (f"{far}-buttock", _MIRROR.map(_BUTTOCK))]
        trunk = _poly(
            (31, 38), (69, 38), (71, 62), (68, 92), (70, 104), (30, 104), (32, 92), (29, 62)
        )
        parts.append(("posterior-trunk", trunk))
    parts += [
        ("head", _ellipse(39, 2, 22, 28)),
        ("neck", _poly((44, 28), (56, 28), (57, 38), (43, 38))),
    ]
    for limb, path in _LIMBS.items():
        parts += [(f"{near}-{limb}", path), (f"{far}-{limb}", _MIRROR.map(path))]
    return parts


PARTS = {view: _parts(view) for view in View}
# Keyboard order: head to foot on the front figure, then on the back one.
_ORDER = list(bsa_charts.lund_browder(AgeColumn.ADULT))
KEY_ORDER = [
    (region, view) for view in View for region in _ORDER if view in bsa_charts.views_of(region)
]
