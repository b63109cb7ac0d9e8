"""Link targets: the one parser and printer of every link the app follows.

An article may link to ``article:ID[#section]``, ``calc:ID``, ``ref:KEY`` and
to the web (``https:``, ``http:``, ``doi:``). The window adds its own pages
(``home:``, ``refs:``, ``copy:KEY``). Anything else is not a target: the loader
refuses it in an article, and the window does not follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DOI_RESOLVER = "https://doi.org/"


class Scheme(StrEnum):
    HOME = "home"
    ARTICLE = "article"
    CALC = "calc"
    REF = "ref"
    REFS = "refs"
    COPY = "copy"
    TABLE = "table"  # the drug or HLA table, a row as the anchor
    WEB = "web"  # https:, http: and doi: (resolved at doi.org)


# What an article itself may link to; the rest are the window's own pages.
ARTICLE_SCHEMES = frozenset({Scheme.ARTICLE, Scheme.CALC, Scheme.REF, Scheme.TABLE, Scheme.WEB})
WRITTEN_FORMS = "article:ID[#section], calc:ID, ref:KEY, table:drugs|hla, https:, http: or doi:"


@dataclass(frozen=True)
class Target:
    """Where a link goes: a scheme, an id, an optional anchor (or a web address)."""

    scheme: Scheme
    id: str = ""
    anchor: str = ""

    @classmethod
    def parse(cls, href: str) -> Target | None:
        """The target of ``href``, or None when it is not one the app knows."""
        head, sep, rest = href.partition(":")
        if not sep:
            return None
        if head in ("https", "http"):
            return cls(Scheme.WEB, href) if rest.startswith("//") and len(rest) > 2 else None
        if head == "doi":
            return cls(Scheme.WEB, DOI_RESOLVER + rest) if rest.startswith("10.") else None
        try:
            scheme = Scheme(head)
        except ValueError:
            return None
        if scheme is Scheme.WEB:
            return None
        ident, _, anchor = rest.partition("#")
        return cls(scheme, ident, anchor)

    def __str__(self) -> str:
        if self.scheme is Scheme.WEB:
            return self.id
        return f"{self.scheme.value}:{self.id}" + (f"#{self.anchor}" if self.anchor else "")
