"""An article: Qt rich text, a contents list of its sections, zoom.

Links are not followed here: every click is handed to the window as a target
(``article:ID#SECTION``, ``calc:ID``, ``https://...``) so one place keeps the
back/forward history. A citation ``ref:KEY`` becomes the reference's anchor at
the foot of this article, so Back returns to the sentence that cited it.
``python -m sjsref.ui.article_view [ARTICLE-ID]`` opens one alone.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QWidget

from sjsref.clinical import dates
from sjsref.content.packed import Library
from sjsref.ui.reading import ReadingBrowser


class ArticleView(QSplitter):
    """Contents list beside the article text.

    Args:
        library: The loaded library.
    """

    link = Signal(str)
    historyButton = Signal(int)

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
        self.browser = ReadingBrowser("article_text", self)
        self.addWidget(self.contents)
        self.addWidget(self.browser)
        self.setStretchFactor(1, 1)
        self.setSizes([220, 700])
        self.browser.link.connect(self._clicked)
        self.browser.historyButton.connect(self.historyButton)
        self.contents.itemActivated.connect(self._section_chosen)
        self.contents.itemClicked.connect(self._section_chosen)

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
            self.browser.setHtml(text)
            self.contents.clear()
            for section in self._library.article(article_id).sections:
                item = QListWidgetItem(section.title)
                item.setData(Qt.ItemDataRole.UserRole, section.id)
                self.contents.addItem(item)
            if self._library.article(article_id).citations:
                item = QListWidgetItem("References")
                item.setData(Qt.ItemDataRole.UserRole, "references")
                self.contents.addItem(item)
        if anchor:
            self.browser.scrollToAnchor(anchor)
            for row in range(self.contents.count()):
                if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                    self.contents.setCurrentRow(row)
        else:
            self.browser.set_scroll_position(0)

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

    def set_zoom(self, percent: int) -> None:
        self.browser.set_zoom(percent)


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
