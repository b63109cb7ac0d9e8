"""Every next-step link under a result opens a real section of the bundled library."""

from sjsref.clinical import next_steps
from sjsref.content.loader import load_library
from sjsref.content.targets import Scheme, Target


def test_every_next_step_resolves_to_a_section() -> None:
    library = load_library()
    steps = {s for found in next_steps.STEPS.values() for s in found} | {next_steps.CHILDREN}
    assert len(steps) >= 10
    for step in steps:
        target = Target.parse(step.target)
        assert target is not None and target.scheme is Scheme.ARTICLE, step
        assert target.anchor, f"{step.target}: a next step opens a section, not a whole article"
        section = library.article(target.id).section(target.anchor)  # KeyError if renamed
        assert section.title, step


def test_the_acute_steps_are_the_library_sections_that_say_so() -> None:
    library = load_library()
    where = Target.parse(next_steps.WHERE_TO_TREAT.target)
    eyes = Target.parse(next_steps.MUCOSA.target)
    assert where is not None and eyes is not None
    assert "burn unit or ICU" in library.article(where.id).section(where.anchor).text
    assert "ophthalmology review" in library.article(eyes.id).section(eyes.anchor).text
