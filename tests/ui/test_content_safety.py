"""No HTML, picture or unknown link from content reaches the window or the system."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from sjsref.content.render import markdown_html
from sjsref.ui.reading import ReadingBrowser

# The payloads a tampered article carried to the window in the probe of issue 12.
PAYLOAD = """
<img src="http://example.com/x.png">

<script>alert(1)</script> <iframe src="http://example.com"></iframe>

<a href="http://example.com/raw">raw anchor</a>

[run](javascript:alert(1)) [file](file:///etc/passwd) ![pic](http://example.com/y.png)

[paper](doi:10.1000/xyz) [page](https://example.org)
"""


def test_rendered_content_has_no_markup_of_its_own(window) -> None:
    html = markdown_html(PAYLOAD, window.content.library)
    for forbidden in ("<img", "<script", "<iframe", "javascript:", "file:", 'href="http://ex'):
        assert forbidden not in html, forbidden
    assert "&lt;script&gt;" in html  # shown as text, harmlessly
    assert 'href="https://doi.org/10.1000/xyz"' in html and 'href="https://example.org"' in html


def test_the_browser_loads_no_resource_at_all(qtbot) -> None:
    browser = ReadingBrowser("probe")
    qtbot.addWidget(browser)
    for url in ("http://example.com/x.png", "file:///etc/passwd", "x.png", "qrc:/icon.svg"):
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
    browser.setHtml('<p>before <img src="file:///etc/hostname"> after</p>')
    assert browser.toPlainText().startswith("before")


def test_the_window_follows_no_unknown_link(window, opened_urls) -> None:
    for href in ("javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "beta.md"):
        window.navigate(href)
    assert opened_urls == []
    assert "Not a link SJSRef follows" in window.statusBar().currentMessage()
    window.navigate("doi:10.1000/xyz")
    assert opened_urls == ["https://doi.org/10.1000/xyz"]
