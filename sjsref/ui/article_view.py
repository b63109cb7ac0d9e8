"""An article: Qt rich text, a contents list of its sections, zoom.

Links are not followed here: every click is handed to the window as a target
(``article:ID#SECTION``, ``calc:ID``, ``https://...``) so one place keeps the
back/forward history. A citation ``ref:KEY`` becomes the reference's anchor at
the foot of this article, so Back returns to the sentence that cited it. The
paragraph a link leads to is highlighted, and the contents list follows the
section in view as the reader scrolls.
``python -m sjsref.ui.article_view [ARTICLE-ID]`` opens one alone.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QTextBlock, QTextCursor, QTextFormat
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QTextEdit, QWidget

from sjsref.clinical import dates
from sjsref.content.packed import Library
from sjsref.ui.reading import ReadingBrowser

REFERENCES_ANCHOR = "references"  # the heading of the article's reference list
# Opacity of the highlight over a link's target: the text stays readable on it.
HIGHLIGHT_ALPHA = 90


class ArticleView(QSplitter):
    """Contents list beside the article text.

    Args:
        library: The loaded library.
    """

    link = Signal(str)
    historyButton = Signal(int)
    sectionShown = Signal(str)  # the section in view changed (its anchor)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("article_view")
        self._library = library
        self._html: dict[str, str] = {}  # rendered once per run, in memory only
        self.article_id: str | None = None
        self.contents = QListWidget(self)
        self.contents.setObjectName("contents")
        self.contents.setAccessibleName("Contents of the article")
        self.contents.setWordWrap(True)
        # Wrapped titles run together at a large zoom: every other one is shaded.
        self.contents.setAlternatingRowColors(True)
        self.browser = ReadingBrowser("article_text", self)
        self.addWidget(self.contents)
        self.addWidget(self.browser)
        self.setStretchFactor(1, 1)
        self.setSizes([220, 700])
        self.browser.link.connect(self._clicked)
        self.browser.historyButton.connect(self.historyButton)
        self.contents.itemActivated.connect(self._section_chosen)
        self.contents.itemClicked.connect(self._section_chosen)
        self._blocks: dict[str, int] = {}  # anchor -> block number, of the article shown
        self._section = ""
        # (section, anchor) a link asked for: shown as current while the anchor is in view,
        # even at the end of the page, where its heading cannot scroll to the top.
        self._asked = ("", "")
        self.browser.verticalScrollBar().valueChanged.connect(lambda _value: self._follow())

    def _render(self, article_id: str) -> str:
        if article_id not in self._html:
            article = self._library.article(article_id)
            body = article.html  # rendered when the content pack was built
            reviewed = (
                f"<p><i>{html.escape(article.summary)}</i><br>"
                f"Last reviewed {dates.long(article.last_reviewed)}.</p>"
            )
            self._html[article_id] = body.replace("</h1>", "</h1>" + reviewed, 1)
        return self._html[article_id]

    def show_article(self, article_id: str, anchor: str = "") -> None:
        """Show an article (raises KeyError if unknown), at a section or reference anchor."""
        if article_id != self.article_id:
            text = self._render(article_id)
            self.article_id = article_id
            self.setWindowTitle(self._library.article(article_id).title)
            self.browser.setHtml(text)
            self._blocks = _anchor_blocks(self.browser)
            self.contents.clear()
            for section in self._library.article(article_id).sections:
                item = QListWidgetItem(section.title)
                item.setData(Qt.ItemDataRole.UserRole, section.id)
                self.contents.addItem(item)
            if self._library.article(article_id).citations:
                item = QListWidgetItem("References")
                item.setData(Qt.ItemDataRole.UserRole, REFERENCES_ANCHOR)
                self.contents.addItem(item)
        self._highlight(anchor)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.set_scroll_position(0)
        sections = self._sections()
        if anchor in sections:
            self._asked = (anchor, anchor)
        elif anchor.startswith("ref-") and REFERENCES_ANCHOR in sections:
            self._asked = (REFERENCES_ANCHOR, anchor)
        else:
            self._asked = ("", "")
        self._follow()

    def current_section(self) -> str:
        """The anchor of the section in view ("" before any article is shown)."""
        return self._section

    def _sections(self) -> list[str]:
        return [
            str(self.contents.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.contents.count())
        ]

    def _highlight(self, anchor: str) -> None:
        """Mark the paragraph a link led to, and put the text cursor there."""
        number = self._blocks.get(anchor)
        if number is None:
            self.browser.setExtraSelections([])
            return
        block = self.browser.document().findBlockByNumber(number)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        colour = self.browser.palette().color(QPalette.ColorRole.Highlight)
        colour.setAlpha(HIGHLIGHT_ALPHA)
        mark.format.setBackground(colour)
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self.browser.setExtraSelections([mark])
        self.browser.setTextCursor(QTextCursor(block))

    def _top(self, anchor: str) -> float | None:
        number = self._blocks.get(anchor)
        if number is None:
            return None
        block = self.browser.document().findBlockByNumber(number)
        return self.browser.document().documentLayout().blockBoundingRect(block).top()

    def _follow(self) -> None:
        """Select, in the contents, the last section whose heading is above the top third."""
        top = self.browser.verticalScrollBar().value()
        height = self.browser.viewport().height()
        section, anchor = self._asked
        asked_top = self._top(anchor) if anchor else None
        # Not shown yet, Qt scrolls to the anchor only once it is: keep what was asked.
        waiting = anchor and not self.browser.isVisible()
        if waiting or (asked_top is not None and top <= asked_top < top + height):
            self._set_section(section)
            return
        self._asked = ("", "")  # scrolled away from it: follow the reader
        found = ""
        for name in self._sections():
            heading = self._top(name)
            if heading is not None and heading > top + height // 3:
                break
            found = name if heading is not None else found
        self._set_section(found or next(iter(self._sections()), ""))

    def _set_section(self, section: str) -> None:
        rows = self._sections()
        if section in rows:
            self.contents.setCurrentRow(rows.index(section))
        if section != self._section:
            self._section = section
            self.sectionShown.emit(section)

    def _clicked(self, href: str) -> None:
        if href.startswith("ref:") and self.article_id:
            self.link.emit(f"article:{self.article_id}#ref-{href[4:]}")
        else:
            self.link.emit(href)

    def _section_chosen(self, item: QListWidgetItem) -> None:
        if self.article_id:
            self.link.emit(f"article:{self.article_id}#{item.data(Qt.ItemDataRole.UserRole)}")

    def focus_in(self) -> None:
        """The keyboard lands in the text, so PageDown and the arrows scroll it."""
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def _anchor_blocks(browser: ReadingBrowser) -> dict[str, int]:
    """Each named anchor of the document and the number of the block it is in."""
    found: dict[str, int] = {}
    block: QTextBlock = browser.document().begin()
    while block.isValid():
        # An anchor before a heading lands on the block's format, one in a paragraph
        # on a fragment's; Qt's own scrollToAnchor looks in both places too.
        for name in block.charFormat().anchorNames():
            found.setdefault(name, block.blockNumber())
        fragments = block.begin()
        while not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                found.setdefault(name, block.blockNumber())
            fragments += 1
        block = block.next()
    return found


def _preview(library: Library) -> ArticleView:
    view = ArticleView(library)

    def follow(target: str) -> None:
        scheme, _, rest = target.partition(":")
        if scheme == "article":
            article_id, _, anchor = rest.partition("#")
            view.show_article(article_id, anchor)
        else:
            print(f"(the window would open {target})")

    view.link.connect(follow)
    view.show_article(sys.argv[1] if len(sys.argv) > 1 else library.articles[0].id)
    return view


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    sys.exit(preview(lambda _citer: QWidget(), with_library=_preview))
