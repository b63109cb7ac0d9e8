"""The right-hand side of a calculator: headline, warnings, notes, sources.

Warnings sit directly under the headline in a framed box, each prefixed with a
symbol and a word ("⚠ Outside the population"), so they are seen first and are
not told by colour alone. Sources are the numbered references of the library.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sjsref.clinical.next_steps import NextStep
from sjsref.clinical.results import Message, MessageKind
from sjsref.content.packed import Library
from sjsref.content.short_sources import short_name

# Heading for each kind of message; warnings first name what is wrong.
KIND_TITLES = {
    MessageKind.MISSING: "⚠ Incomplete",
    MessageKind.UNIT: "⚠ Check the unit",
    MessageKind.POPULATION: "⚠ Outside the population the tool was derived in",
    MessageKind.TIMING: "⚠ Timing",
    MessageKind.RECHECK: "⚠ Re-check this value",
    MessageKind.BOUNDARY: "⚠ Value at a threshold",
    MessageKind.CALIBRATION: "ℹ Calibration",
    MessageKind.METHOD: "ℹ Method",
}


class Citer:
    """Turns citation keys into the library's numbered links.

    Args:
        library: The loaded library, or None when it failed to load (then the
            short source names of the chart note are shown instead).
    """

    def __init__(self, library: Library | None) -> None:
        self._library = library

    def set_library(self, library: Library) -> None:
        self._library = library

    def _number(self, key: str) -> int | None:
        if self._library is None:
            return None
        try:
            return self._library.reference(key).number
        except KeyError:
            return None

    def inline(self, keys: list[str]) -> str:
        """' [3, 12]' as links to the references."""
        if not keys:
            return ""
        parts = []
        for key in keys:
            number = self._number(key)
            shown = str(number) if number is not None else key
            parts.append(f'<a href="ref:{html.escape(key)}">{html.escape(shown)}</a>')
        return " [" + ", ".join(parts) + "]"

    def short_names(self) -> dict[str, str]:
        """Citation key -> short name, for the chart note (empty without a library)."""
        if self._library is None:
            return {}
        return {r.key: short_name(r.csl) for r in self._library.references}

    @property
    def library(self) -> Library | None:
        """The loaded library, or None before it loads (or when it failed to)."""
        return self._library

    def reference_text(self, key: str) -> str:
        """One source as plain AMA text with its number, for print ('3. Guégan S, ...')."""
        number = self._number(key)
        if number is None or self._library is None:
            return key
        return f"{number}. {self._library.reference(key).text}"

    def full(self, key: str) -> str:
        """One source as a numbered AMA reference linking to the reference list."""
        number = self._number(key)
        if number is None or self._library is None:
            return html.escape(key)
        ref = self._library.reference(key)
        return f'<a href="ref:{html.escape(key)}">{number}.</a> {ref.html}'


def _rich_label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setOpenExternalLinks(False)
    return label


class ResultPanel(QWidget):
    """Shows one result; ``linkActivated`` carries ref:/calc:/https: targets."""

    linkActivated = Signal(str)

    def __init__(self, citer: Citer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.citer = citer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline = _rich_label("score", self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.headline.setFont(font)
        self.mortality = _rich_label("mortality", self)
        big = self.mortality.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.mortality.setFont(big)
        self.model_mortality = _rich_label("model_mortality", self)
        small = self.model_mortality.font()  # the model figure is secondary to the observed
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.model_mortality.setFont(small)
        self.detail = _rich_label("detail", self)
        self.warning_box = QFrame(self)
        self.warning_box.setObjectName("warnings_box")
        self.warning_box.setFrameShape(QFrame.Shape.Box)
        self.warning_box.setLineWidth(2)
        box = QVBoxLayout(self.warning_box)
        self.warnings = _rich_label("warnings", self.warning_box)
        box.addWidget(self.warnings)
        self.next_steps = _rich_label("next_steps", self)
        self.next_steps.setAccessibleName("Next steps in the library")
        self.notes = _rich_label("notes", self)
        self.sources = _rich_label("sources", self)
        for widget in (
            self.headline,
            self.mortality,
            self.model_mortality,
            self.warning_box,
            self.next_steps,
            self.detail,
            self.notes,
            self.sources,
        ):
            layout.addWidget(widget)
            if isinstance(widget, QLabel):
                widget.linkActivated.connect(self.linkActivated)
        self.warnings.linkActivated.connect(self.linkActivated)
        layout.addStretch(1)

    def _set(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def show_result(
        self,
        headline: str,
        mortality: str = "",
        model_mortality: str = "",
        detail: str = "",
        warnings: list[Message] | None = None,
        notes: list[Message] | None = None,
        citations: list[str] | None = None,
    ) -> None:
        """Fill every part; texts are rich text the caller has escaped."""
        self._set(self.headline, headline)
        self._set(self.mortality, mortality)
        self._set(self.model_mortality, model_mortality)
        self._set(self.detail, detail)
        self._set(self.warnings, self._messages(warnings or []))
        self.warning_box.setVisible(bool(warnings))
        self._set(self.notes, self._messages(notes or []))
        self._set(self.next_steps, "")
        sources = "".join(f"<p>{self.citer.full(k)}</p>" for k in citations or [])
        self._set(self.sources, f"<p><b>Sources</b></p>{sources}" if sources else "")

    def show_next_steps(self, steps: Sequence[NextStep]) -> None:
        """Links to the library sections that say what to do at this result's severity."""
        items = "".join(
            f'<li><a href="{html.escape(s.target)}">{html.escape(s.label)}</a></li>' for s in steps
        )
        self._set(
            self.next_steps,
            f"<p><b>Next steps in the library</b></p><ul>{items}</ul>" if steps else "",
        )

    def show_invalid(self, message: str) -> None:
        """No result while an input is invalid: a stale score would mislead."""
        self.show_result(html.escape(message))

    def _messages(self, messages: list[Message]) -> str:
        return "".join(
            f"<p><b>{html.escape(KIND_TITLES[m.kind])}:</b> {html.escape(m.text)}"
            f"{self.citer.inline(m.citations)}</p>"
            for m in messages
        )

    def plain_text(self) -> str:
        """Everything shown, as plain text (tests and the self-test read it)."""
        parts = []
        for label in (self.headline, self.mortality, self.model_mortality, self.detail):
            if label.isVisibleTo(self):
                parts.append(label.text())
        parts.append(self.warnings.text())
        return "\n".join(parts)
