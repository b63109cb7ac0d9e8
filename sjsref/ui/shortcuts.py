"""Every keyboard shortcut of the app, in one table.

The window binds each ``WINDOW`` entry to the method it names; the other
entries are keys a widget handles itself, and that widget reads its keys from
here. The shortcuts page (F1) is generated from this table, so the list a
clinician reads cannot drift from what the keys do. A new shortcut is one line
here plus the method it names on the window.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from sjsref.ui.state import ZOOM_STEP

# Where a shortcut works; the page groups them under these headings, in this order.
WINDOW = "Anywhere in the window"
SEARCH = "In the search box"
FORM = "In a calculator"
READING = "In an article, the references or a table"

# How many calculators Alt+1..9 can open.
NUMBERED = 9


@dataclass(frozen=True)
class Shortcut:
    """One shortcut.

    Attributes:
        keys: Portable key texts (``QKeySequence`` syntax), the first one shown first.
        text: What it does, as the shortcuts page says it.
        action: The window method it calls (``WINDOW``), or the name a widget that
            handles the keys itself looks its entry up by; "" for keys Qt handles.
        args: Arguments for that method.
        where: One of ``WINDOW``, ``SEARCH``, ``FORM``, ``READING``.
    """

    keys: tuple[str, ...]
    text: str
    action: str = ""
    args: tuple[object, ...] = ()
    where: str = WINDOW


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(("Ctrl+K", "Ctrl+F", "/"), "Go to the search box", "focus_search"),
    Shortcut(("Esc",), "Empty the search box, or go back to it", "escape"),
    Shortcut(("F6",), "Next pane: search box, results, page", "cycle_pane", (1,)),
    Shortcut(("Shift+F6",), "Previous pane", "cycle_pane", (-1,)),
    Shortcut(("Alt+Left",), "Back", "go", (-1,)),
    Shortcut(("Alt+Right",), "Forward", "go", (1,)),
    Shortcut(("Alt+Home",), "Home page: pinned, recent, everything", "go_home"),
    *(
        Shortcut((f"Alt+{n}",), f"Open calculator {n}", "open_calculator", (n,))
        for n in range(1, NUMBERED + 1)
    ),
    Shortcut(("Ctrl+D",), "Pin or unpin the page shown (on the home page)", "toggle_pin"),
    Shortcut(("Ctrl++", "Ctrl+="), "Zoom in", "zoom", (ZOOM_STEP,)),
    Shortcut(("Ctrl+-",), "Zoom out", "zoom", (-ZOOM_STEP,)),
    Shortcut(("Ctrl+0",), "Zoom back to 100 %", "zoom", (0,)),
    Shortcut(("Ctrl+N",), "New patient: empty every calculator", "new_patient"),
    Shortcut(("Ctrl+P",), "Print the article or the assessment shown", "print_page"),
    Shortcut(("Ctrl+Shift+E",), "Export it as a PDF", "export_pdf"),
    Shortcut(("F1",), "This list of shortcuts", "show_shortcuts"),
    Shortcut(("Up", "Down"), "Move through the results", where=SEARCH),
    Shortcut(("PgUp", "PgDown"), "Move through the results a page at a time", where=SEARCH),
    Shortcut(("Return",), "Open the result selected", where=SEARCH),
    Shortcut(("Tab",), "Next field; after the last field: Copy, then Clear", where=FORM),
    Shortcut(
        ("Alt+letter",),
        "Go to the field or button whose label has that letter underlined",
        where=FORM,
    ),
    Shortcut(("Y", "N"), "Answer a Yes/No question that has the focus", "yes_no", where=FORM),
    Shortcut(("Ctrl+Shift+C",), "Copy the result as a chart note", "copy_note", where=FORM),
    Shortcut(("PgUp", "PgDown", "Up", "Down"), "Scroll the text", where=READING),
    Shortcut(("Tab",), "Next link; Enter follows it", where=READING),
    Shortcut(
        ("Down", "Up"),
        "Move between the links of a list of sources (one Tab stop)",
        "links",
        where=FORM,
    ),
)


def keys_of(action: str) -> str:
    """The first key of the shortcut that calls ``action`` (for widgets that bind their own)."""
    return keys_for(action)[0]


def keys_for(action: str) -> tuple[str, ...]:
    """Every key of the entry named ``action``."""
    return next(s.keys for s in SHORTCUTS if s.action == action)


def key_codes(action: str) -> tuple[int, ...]:
    """The Qt key codes of an entry's single-key sequences (a widget's own keys)."""
    return tuple(QKeySequence(k)[0].key().value for k in keys_for(action))  # type: ignore[index]


def shown(keys: str) -> str:
    """Keys as this platform writes them (Ctrl on Linux and Windows, ⌘ on macOS)."""
    if "letter" in keys:
        return keys
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys


def shortcuts_html(calculators: Sequence[str]) -> str:
    """The shortcuts page's list: every entry of the table, grouped by where it works.

    Args:
        calculators: Calculator names in registry order (what Alt+1.. opens).
    """
    parts = []
    for where in (WINDOW, SEARCH, FORM, READING):
        rows = []
        for shortcut in SHORTCUTS:
            if shortcut.where != where:
                continue
            text = shortcut.text
            if shortcut.action == "open_calculator":
                number = int(str(shortcut.args[0]))
                if number > len(calculators):
                    continue
                text = f"Open {calculators[number - 1]}"
            keys = " or ".join(f"<b>{html.escape(shown(k))}</b>" for k in shortcut.keys)
            rows.append(f"<tr><td>{keys}</td><td>{html.escape(text)}</td></tr>")
        parts.append(f"<h2>{html.escape(where)}</h2>")
        parts.append(f'<table cellspacing="0" cellpadding="4">{"".join(rows)}</table>')
    return "\n".join(parts)
