"""One declarative description per calculator: its inputs, its criteria, how it runs.

A calculator is one clinical module (rules, model, compute) plus one
:class:`CalculatorSpec`. The command line (flags, help, error prefixes), the
window's forms (labels, units, status lines), the field names in error
messages and the search's description are all generated from the specs, so a
label, a flag or a threshold's words exist once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from sjsref.clinical.plausibility import Limits
from sjsref.clinical.rules import Threshold
from sjsref.clinical.scoring import Criterion, NumericCriterion, YesNoCriterion
from sjsref.clinical.units import Lab


class Kind(StrEnum):
    """How an input is entered."""

    NUMBER = "number"  # a typed number in a fixed unit
    YES_NO = "yes-no"  # a question; unanswered is never "no"
    LAB = "lab"  # a typed number plus its unit, never assumed
    CHOICE = "choice"  # one of a few values (day, method, sex)
    REGIONS = "regions"  # REGION=PERCENT, repeated (body-surface area)


@dataclass(frozen=True)
class InputSpec:
    """One input of a calculator, as the model, the command line and the form see it.

    Attributes:
        name: The model field it fills (``age_years``); a lab's unit is ``<name>_unit``
            and its "keep this unit" answer ``<name>_unit_confirmed``.
        label: What a clinician reads, in forms and in error messages ("Age").
        flag: The command-line flag (``--age``).
        kind: How it is entered.
        help: One line of command-line help, without the rule (added from ``criterion``).
        unit: The fixed unit shown after a number ("years").
        mnemonic: The letter of ``label`` that Alt+letter reaches in the window.
        criterion: The criterion id it answers, if any.
        limits: Plausibility limits (for the window's hints and the fuzz tests).
        lab: The analyte of a lab value (units, factors, usual ranges).
        choices: (label, value) pairs of a choice, the first the default.
        modes: The methods it belongs to (BSA: "palms" or "regions"); empty for all.
        off_flag: A switch that answers a yes/no question "no" (``--no-spots``).
        question: The yes/no question in full, when ``label`` is short.
        required: No result at all until it is answered (classification's area).
    """

    name: str
    label: str
    flag: str
    kind: Kind
    help: str
    unit: str = ""
    mnemonic: str = ""
    criterion: str | None = None
    limits: Limits | None = None
    lab: Lab[Any] | None = None
    choices: tuple[tuple[str, Any], ...] = ()
    modes: frozenset[str] = frozenset()
    off_flag: str = ""
    question: str = ""
    required: bool = False


@dataclass(frozen=True)
class CalculatorInfo:
    """A calculator as the search and the window list it."""

    id: str
    name: str
    purpose: str
    criteria: tuple[str, ...]
    citation_keys: tuple[str, ...]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class CalculatorSpec:
    """Everything the command line and the window need to offer one calculator.

    Attributes:
        info: Name, purpose, criteria labels and sources, for the search and the lists.
        inputs: In the order a clinician fills them.
        run: Builds the input model(s) from ``{input name: value}`` (values left out
            are unanswered) and computes; raises pydantic's ValidationError on bad input.
        criteria: The scored criteria, whose rules give the help and status words.
        view: "form" for the generated form, else the id of a custom view.
        cli: The command line is generated from ``inputs``; False for a calculator
            whose input does not fit flags (ALDEN's list of drugs has its own).
    """

    info: CalculatorInfo
    inputs: tuple[InputSpec, ...]
    run: Callable[[Mapping[str, Any]], BaseModel]
    criteria: tuple[Criterion, ...] = ()
    view: str = "form"
    cli: bool = True
    _by_name: dict[str, InputSpec] = field(default_factory=dict, init=False, compare=False)

    def __post_init__(self) -> None:
        self._by_name.update((i.name, i) for i in self.inputs)

    @property
    def id(self) -> str:
        return self.info.id

    def input(self, name: str) -> InputSpec:
        return self._by_name[name]

    def rule(self, spec: InputSpec) -> Threshold | None:
        """The threshold of the criterion an input answers, if it is a measured one."""
        for criterion in self.criteria:
            if criterion.id == spec.criterion and isinstance(criterion, NumericCriterion):
                return criterion.threshold
        return None

    def field_labels(self) -> dict[str, str]:
        """Model field -> label, for error messages (a lab's unit included)."""
        labels = {i.name: i.label for i in self.inputs}
        labels |= {f"{i.name}_unit": f"{i.label} unit" for i in self.inputs if i.kind is Kind.LAB}
        return labels

    def flags(self) -> dict[str, str]:
        """Model field -> command-line flag, for error messages."""
        flags = {i.name: i.flag for i in self.inputs}
        flags |= {f"{i.name}_unit": f"{i.flag}-unit" for i in self.inputs if i.kind is Kind.LAB}
        return flags


def criterion_labels(criteria: tuple[Criterion, ...]) -> tuple[str, ...]:
    """Each criterion as the search lists it, generated from its rule."""
    return tuple(
        c.question if isinstance(c, YesNoCriterion) else f"{c.name} {c.threshold.label()}"
        for c in criteria
    )


def from_model(
    model: type[BaseModel], compute: Callable[[Any], BaseModel]
) -> Callable[[Mapping[str, Any]], BaseModel]:
    """The usual ``run``: one input model, one compute."""

    def run(values: Mapping[str, Any]) -> BaseModel:
        return compute(model(**values))

    return run
