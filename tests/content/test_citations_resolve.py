"""Every citation key the calculators use resolves in the bundled library."""

from sjsref.clinical import citations, registry
from sjsref.content.loader import load_library


def test_every_clinical_citation_key_is_in_the_reference_list() -> None:
    library = load_library()
    keys = {v for k, v in vars(citations).items() if k.isupper() and isinstance(v, str)}
    keys |= {k for calc in registry.CALCULATORS for k in calc.citation_keys}
    known = {ref.key for ref in library.references}
    assert keys and keys <= known, keys - known
