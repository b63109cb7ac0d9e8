"""Print, or save as PDF, the page shown: an article, or a calculator's assessment.

Qt's own print support, no web engine: the page becomes a QTextDocument laid
out for the paper (A4, or Letter where the system measures in inches),
printed through QPrinter or written with QPdfWriter. An assessment is what
``sjsref.clinical.assessment`` made of the result; here it is only set in
type: black on white, every verdict in words (MET / not met), and shrunk a
little when needed so it fits one page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF, QStandardPaths
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from sjsref import version
from sjsref.clinical.assessment import Assessment, Block, Row, day_stamp, stamp
from sjsref.content.packed import Library
from sjsref.ui.about import DISCLAIMER
from sjsref.ui.result_panel import KIND_TITLES, Citer

MARGIN_MM = 15
BODY_PT = 9.5  # an assessment starts here and shrinks to fit one page...
SMALLEST_PT = 6.5  # ...but never below this
ARTICLE_PT = 10.5
# Tight paragraphs: on one page a line of text is worth more than white space.
STYLE = "p { margin-top: 0; margin-bottom: 4px; } h2, h3 { margin-top: 8px; margin-bottom: 4px; }"
NOTHING = "Nothing to print here: open an article, or a calculator with a result."


@dataclass(frozen=True)
class Printout:
    """One document ready for the paper."""

    title: str  # also the PDF's title and the file name offered
    html: str
    one_page: bool  # an assessment is shrunk to fit one page


def paper() -> QPageSize:
    """Letter where the system measures in US units, A4 everywhere else."""
    # QLocale() is the system's locale unless the app set another default.
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def page_layout() -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        paper(), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
    )


# -- what goes on the paper ---------------------------------------------------------


def _stamp_line(when: datetime, reviewed: str) -> str:
    return (
        f"Printed {stamp(when)} · SJSRef {html.escape(version())} · "
        f"content last reviewed {reviewed}"
    )


def _block_html(block: Block) -> str:
    parts = [f"<h3>{html.escape(block.heading)}</h3>"] if block.heading else []
    parts.append(f"<p><b>{html.escape(block.headline)}</b></p>")
    parts += [f"<p>{html.escape(line)}</p>" for line in block.lines]
    if block.rows:
        head = "".join(f"<th align='left'>{html.escape(c)}</th>" for c in block.columns if c)
        body = ""
        for row in block.rows:
            status = f"<b>{row.status}</b>" if row.status == "MET" else html.escape(row.status)
            cells = [html.escape(row.label), html.escape(row.value)]
            cells += [status] if block.columns[2] else []
            body += "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        parts.append(
            f"<table border='1' cellspacing='0' cellpadding='2' width='100%'>"
            f"<tr>{head}</tr>{body}</table>"
        )
    return "".join(parts)


def _side_by_side(rows: list[Row]) -> str:
    """Day 1 and day 3 in two columns, as the window's strip shows them."""
    head = "<tr><th></th><th align='left'>Day 1 (admission)</th><th align='left'>Day 3</th></tr>"
    body = "".join(
        f"<tr><th align='left'>{html.escape(r.label)}</th><td>{html.escape(r.value)}</td>"
        f"<td>{html.escape(r.status)}</td></tr>"
        for r in rows
    )
    return f"<table border='1' cellspacing='0' cellpadding='2'>{head}{body}</table>"


def assessment_html(page: Assessment, citer: Citer, when: datetime) -> str:
    """The one-page assessment: stamp, result(s), warnings, notes, references, disclaimer."""
    library = citer.library
    reviewed = day_stamp(library.last_reviewed) if library is not None else "unknown"
    parts = [
        f"<h2>SJSRef assessment: {html.escape(page.title)}</h2>",
        f"<p>{_stamp_line(when, reviewed)}</p>",
        "<p>Patient: ______________________________ Hospital number: ____________________</p>",
    ]
    if page.comparison:
        parts.append("<h3>Day 1 against day 3</h3>")
        parts += [f"<p>{html.escape(line)}</p>" for line in page.comparison]
        parts.append(_side_by_side(page.comparison_rows))
    parts += [_block_html(block) for block in page.blocks]
    if page.warnings:
        parts.append("<h3>Warnings</h3>")
        parts += [
            f"<p><b>{html.escape(KIND_TITLES[m.kind])}:</b> {html.escape(m.text)}</p>"
            for m in page.warnings
        ]
    if page.notes:
        parts.append("<h3>Notes</h3>")
        parts += [
            f"<p><i>{html.escape(KIND_TITLES[m.kind])}:</i> {html.escape(m.text)}</p>"
            for m in page.notes
        ]
    parts.append("<h3>References</h3>")
    parts += [f"<p>{html.escape(citer.reference_text(key))}</p>" for key in page.citations]
    parts.append(f"<p><i>{html.escape(DISCLAIMER)}</i></p>")
    return "".join(parts)


def article_printout(library: Library, article_id: str, when: datetime) -> Printout:
    article = library.article(article_id)
    stamp_line = _stamp_line(when, day_stamp(article.last_reviewed))
    body = article.html.replace("</h1>", f"</h1><p>{stamp_line}</p>", 1)
    return Printout(article.title, body, one_page=False)


def printable(page: QWidget | None, library: Library | None) -> Printout | str:
    """The printout of the page shown, or why there is none (for the status bar)."""
    article_id = getattr(page, "article_id", None)
    if library is not None and isinstance(article_id, str):
        return article_printout(library, article_id, datetime.now())
    make = getattr(page, "assessment", None)
    if not callable(make):
        return NOTHING
    found = make()
    if found is None:
        return "Nothing to print: this calculator has no result yet (or a field is marked)."
    citer: Citer = page.panel.citer  # type: ignore[union-attr]
    html_text = assessment_html(found, citer, page.now())  # type: ignore[union-attr]
    return Printout(f"{found.title} assessment", html_text, one_page=True)


# -- laying it out on paper -----------------------------------------------------------


def document(printout: Printout, layout: QPageLayout) -> QTextDocument:
    """The printout laid out page by page; an assessment shrinks until it fits one page."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(STYLE)
    # QTextDocument.print_ reads a set page size in 96-dpi units and scales to the device.
    inches = layout.paintRect(QPageLayout.Unit.Inch).size()
    doc.setPageSize(QSizeF(inches.width() * 96, inches.height() * 96))
    size = BODY_PT if printout.one_page else ARTICLE_PT
    font = QFont(doc.defaultFont())
    while True:
        font.setPointSizeF(size)
        doc.setDefaultFont(font)
        doc.setHtml(printout.html)
        if not printout.one_page or doc.pageCount() <= 1 or size <= SMALLEST_PT:
            return doc
        size -= 0.5


def write_pdf(printout: Printout, path: str | Path) -> int:
    """Save the printout as a PDF; returns the number of pages written."""
    writer = QPdfWriter(str(path))
    layout = page_layout()
    writer.setPageLayout(layout)
    writer.setTitle(printout.title)
    writer.setCreator(f"SJSRef {version()}")
    doc = document(printout, layout)
    doc.print_(writer)
    return doc.pageCount()


def print_page(parent: QWidget, found: Printout | str) -> str:
    """Ask for a printer and print; returns what the status bar should say."""
    if isinstance(found, str):
        return found
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(found.title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return "Printing cancelled."
    document(found, printer.pageLayout()).print_(printer)
    return f"Sent to the printer: {found.title}"


def export_pdf(parent: QWidget, found: Printout | str, path: str | None = None) -> str:
    """Ask where to save (unless ``path`` is given) and write the PDF; returns the status."""
    if isinstance(found, str):
        return found
    if path is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        offered = str(Path(folder) / f"{found.title.replace(' ', '-')}.pdf")
        path, _ = QFileDialog.getSaveFileName(parent, "Export PDF", offered, "PDF (*.pdf)")
        if not path:
            return "Export cancelled."
    pages = write_pdf(found, path)
    return f"Saved {found.title} as PDF ({pages} page{'s' if pages != 1 else ''}): {path}"
