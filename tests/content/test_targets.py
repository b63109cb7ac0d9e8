"""Every link scheme parsed and printed by one type."""

import pytest

from sjsref.content.targets import Scheme, Target


@pytest.mark.parametrize(
    ("href", "scheme", "ident", "anchor"),
    [
        ("article:severity#scorten", Scheme.ARTICLE, "severity", "scorten"),
        ("article:severity", Scheme.ARTICLE, "severity", ""),
        ("calc:bsa", Scheme.CALC, "bsa", ""),
        ("ref:bastujigarin2000", Scheme.REF, "bastujigarin2000", ""),
        ("refs:", Scheme.REFS, "", ""),
        ("home:", Scheme.HOME, "", ""),
        ("copy:rossiter1996", Scheme.COPY, "rossiter1996", ""),
        ("https://example.org/a#b", Scheme.WEB, "https://example.org/a#b", ""),
        ("doi:10.1046/j.1523-1747.2000.00061.x", Scheme.WEB,
         "https://doi.org/10.1046/j.1523-1747.2000.00061.x", ""),
    ],
)  # fmt: skip
def test_each_scheme_parses_and_prints_back(href, scheme, ident, anchor) -> None:
    target = Target.parse(href)
    assert target == Target(scheme, ident, anchor)
    expected = ident if scheme is Scheme.WEB else href
    assert str(target) == expected


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "beta.md", "", "web:x",
     "https:", "http:/x", "doi:abc", "data:text/html,x"],
)  # fmt: skip
def test_anything_else_is_no_target(href: str) -> None:
    assert Target.parse(href) is None
