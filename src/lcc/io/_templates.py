"""Alternatives built by a product calculator: ``template`` and an ``inputs`` table.

An alternative of a tender file either lists its cost items or names a
product calculator (:mod:`lcc.templates`) and gives its inputs::

    [[alternatives]]
    name = "Bid A"
    template = "indoor_lighting"

    [alternatives.inputs]
    luminaires = 120
    power = "36 W"
    price = "3500 SEK"
    control_savings = 0.3
    life = "50000 h"
    operating_hours = { parameter = "operating_hours" }
    electricity_price = { parameter = "electricity_price" }

Each input is read against its :class:`lcc.templates.Input` record as
strictly as an item field: a quantity is text with a unit (one of the
input's units), a number or a count is a number (a rate may be a percentage
text), a choice is one of its words, ``{ parameter = "<name>" }`` refers to
the bid's own or the buyer's parameter where the input accepts a
Parameter, ``{ by_year = [...], unit = "..." }`` (or a list of rates) is a
per-year sequence where the input takes one, and a profile is a list of
``[hours, fraction]`` pairs (``[["1500 h/yr", 1.0], [{ parameter =
"night_hours" }, 0.5]]``). The alternative is then built with
``lcc.templates.get(template).alternative(name, **inputs)``; an
:class:`lcc.LCCError` of the calculator becomes an issue at the input it
names.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from lcc._errors import CatalogText, LCCError, Msg, suggest
from lcc.io import _fields as F
from lcc.io._build import (
    BAD,
    Reader,
    Scope,
    _is_number,
    currency_of_value,
    model_issues,
    unit_problem,
)
from lcc.io._issues import Path, kind_of
from lcc.io._values import encode, parameter_data
from lcc.model import Alternative, Parameter
from lcc.templates import CALCULATORS
from lcc.templates._inputs import Input, choice_of

#: Keys of an alternative that names a template.
TEMPLATE_KEYS: tuple[str, ...] = ("name", "description", "template", "inputs", "parameters")
#: Keys of an alternative that a template alternative cannot have (the calculator sets them).
NOT_WITH_TEMPLATE: tuple[str, ...] = ("items", "quantity", "start", "life")


def input_kind(inp: Input) -> F.Kind:
    """The file kind of a calculator input (a profile's hours for a profile): the input's
    own :attr:`~lcc.templates.Input.field`, the one description of what it holds."""
    return inp.field


def calculator(r: Reader, obj: dict[str, Any], path: Path) -> ModuleType | None:
    """The calculator module an alternative names, or None (an issue recorded)."""
    raw = obj["template"]
    tp = (*path, "template")
    if not isinstance(raw, str):
        r.c.add("wrong-type", tp, Msg("expected the name of a product calculator as a text, "
                                      "got {kind}; one of {choices}", kind=kind_of(raw),
                                      choices=", ".join(CALCULATORS)))
        return None
    if raw not in CALCULATORS:
        r.c.add("unknown-template", tp, Msg(
            "no product calculator is named {value!r}{suggest}; expected one of {choices} "
            "(lcc calculators lists their inputs)", value=raw,
            suggest=suggest(raw, CALCULATORS), choices=", ".join(CALCULATORS)))
        return None
    return CALCULATORS[raw]


def read_inputs(r: Reader, module: ModuleType, raw: Any, path: Path,
                scope: Scope) -> tuple[dict[str, Any], set[str], bool] | None:
    """The ``inputs`` table of a template alternative in the form the calculator takes.

    Returns the values that could be read, the keys whose problems are recorded
    already, and whether all is well (None when ``inputs`` is not a table).
    """
    ip = (*path, "inputs")
    obj = r.table(raw, ip, Msg("the inputs of the calculator {calculator!r} (a table)",
                               calculator=module.NAME))
    if obj is None:
        return None
    reported: set[str] = set()
    spec = {inp.name: inp for inp in module.INPUTS}
    ok = True
    for key in obj:
        if key not in spec:
            r.c.add("unknown-key", (*ip, key), Msg(
                "the calculator {calculator!r} has no input {key!r}{suggest}; its inputs are: "
                "{keys}", calculator=module.NAME, key=key, suggest=suggest(str(key), spec),
                keys=", ".join(spec)))
            ok = False
    selector = getattr(module, "SELECTOR", None)
    chosen = None
    if selector is not None:
        chosen = choice_of(spec[selector], obj.get(selector, spec[selector].default))
    values: dict[str, Any] = {}
    for key, value in obj.items():
        inp = spec.get(key)
        if inp is None:
            continue
        vp = (*ip, key)
        if chosen is not None and inp.applies_to and chosen not in inp.applies_to:
            r.c.add("not-applicable", vp, Msg(
                "applies to {selector} = {applies} only, not {selector} = {chosen!r}; leave it "
                "out", selector=selector, applies=" or ".join(repr(a) for a in inp.applies_to),
                chosen=chosen))
            ok = False
            reported.add(key)
            continue
        v = _profile(r, inp, value, vp, scope) if inp.kind == "profile" else \
            _value(r, inp, value, vp, scope)
        if v is BAD:
            ok = False
            reported.add(key)
        else:
            values[key] = v
    for inp in module.INPUTS:
        applies = not inp.applies_to or chosen is None or chosen in inp.applies_to
        if inp.required and applies and inp.name not in obj and \
                not (selector is not None and chosen is None and inp.applies_to):
            r.c.add("missing-field", (*ip, inp.name), Msg(
                "missing; the calculator {calculator!r} needs {input} ({role}): {meaning}, "
                "e.g. {example}", calculator=module.NAME, input=inp.name,
                role=CatalogText(inp.role), meaning=CatalogText(inp.meaning),
                example=_example(inp)))
            ok = False
            reported.add(inp.name)
    return values, reported, ok


def _example(inp: Input) -> str:
    if inp.kind == "profile":
        return "[" + ", ".join(f"[{h!r}, {f!r}]" for h, f in inp.example) + "]"
    return repr(inp.example)


def _value(r: Reader, inp: Input, raw: Any, path: Path, scope: Scope) -> Any:
    """One input value (not a profile), checked against its kind."""
    word = choice_of(inp, raw)  # the calculator's rule: its words in any letter case
    if word is not None:
        return word
    if inp.kind == "quantity" and "1" in inp.other_units and _is_number(raw):
        return r.finite(raw, path)
    kind = input_kind(inp)
    if isinstance(raw, dict) and "parameter" in raw:
        if not inp.parameter:
            r.c.add("wrong-type", path, Msg("{input} cannot be a parameter: {meaning}",
                                            input=inp.name, meaning=inp.meaning))
            return BAD
        name = raw.get("parameter")
        p = scope.lookup(name) if isinstance(name, str) else None
        if inp.kind == "quantity" and "1" in inp.other_units and p is not None and \
                p.unit is None:  # a quantity input that also takes a plain number (a share)
            kind = F.Kind("rate", None, "0.2", ref=True, minimum=F.RATE.minimum, exclusive=True)
    value = r.value(kind, raw, path, scope)
    code = currency_of_value(value) if value is not BAD and inp.kind == "quantity" else None
    return BAD if code is not None and not r.check_currency(code, path) else value


def _profile(r: Reader, inp: Input, raw: Any, path: Path, scope: Scope) -> Any:
    """A profile: a list of [hours per year, fraction] pairs."""
    shown = _example(inp)
    if not isinstance(raw, list):
        r.c.add("wrong-type", path, Msg("expected a list of [hours per year, fraction] pairs, "
                                        "e.g. {example}, got {kind}", example=shown,
                                        kind=kind_of(raw)))
        return BAD
    if not raw:
        r.c.add("invalid-value", path, Msg("an empty list; give at least one pair, e.g. "
                                           "{example}", example=shown))
        return BAD
    if len(raw) > F.MAX_SEQUENCE:
        r.c.add("too-many", path, Msg("{count} steps; the limit is {limit}", count=len(raw),
                                      limit=F.MAX_SEQUENCE))
        return BAD
    hours_kind = input_kind(inp)
    fraction_kind = inp.fraction
    out: list[tuple[Any, Any]] = []
    ok = True
    for i, pair in enumerate(raw):
        pp = (*path, i)
        if not isinstance(pair, list) or len(pair) != 2:
            r.c.add("wrong-type", pp, Msg("expected a pair [hours per year, fraction], e.g. "
                                          "{example}, got {kind}", example=shown,
                                          kind=kind_of(pair)))
            ok = False
            continue
        hours = r.value(hours_kind, pair[0], (*pp, 0), scope)
        fraction = r.value(fraction_kind, pair[1], (*pp, 1), scope)
        for value, kind, where in ((hours, hours_kind, (*pp, 0)),
                                   (fraction, fraction_kind, (*pp, 1))):
            problem = None if value is BAD else unit_problem(kind, value)
            if problem is not None:
                r.c.add(problem.code or "invalid-value", where, problem.detail)
                ok = False
        if hours is BAD or fraction is BAD:
            ok = False
        out.append((hours, fraction))
    return out if ok else BAD


def build(r: Reader, module: ModuleType, name: str, inputs: dict[str, Any], path: Path,
          description: Any = None, reported: set[str] | frozenset[str] = frozenset(),
          placed: Callable[[str], Path | None] | None = None) -> Alternative | None:
    """The calculator's alternative; its LCCErrors become issues at the input they name
    (:func:`~lcc.io._build.model_issues`, ``placed`` as there).

    Errors of inputs in ``reported`` (whose problems the file reader recorded) are left out;
    with its selector reported (a method that is no choice) it is not called: which inputs
    apply depends on it, and its default would judge them by another method.
    """
    if getattr(module, "SELECTOR", None) in reported:
        return None
    try:
        alt = module.alternative(name, **inputs)
    except LCCError as exc:
        model_issues(r.c, exc, (*path, "inputs"), {inp.name for inp in module.INPUTS},
                     skip=reported, placed=placed)
        return None
    if description is not None:
        call = alt.calculator
        alt = Alternative(alt.name, *alt.items, start=alt.start, quantity=alt.quantity,
                          life=alt.life, description=description)
        object.__setattr__(alt, "calculator", call)
    return alt


# ---------------------------------------------------------------------------- writing


def template_data(alt: Alternative, where: str) -> dict[str, Any]:
    """A calculator's alternative as a file table: name, template, parameters, inputs."""
    call = alt.calculator
    assert call is not None
    module = CALCULATORS[call.name]
    out: dict[str, Any] = {"name": alt.name, "template": call.name}
    default = module.alternative(alt.name, **call.inputs).description
    if alt.description is not None and alt.description != default:
        out["description"] = alt.description
    bidder: dict[str, Parameter] = {}
    for p in [*alt.parameters(), *_parameters_in(call.inputs.values())]:
        if p.role == "bidder":
            bidder.setdefault(p.name, p)
    if bidder:
        out["parameters"] = {name: parameter_data(p, f"{where}.parameters.{name}")
                             for name, p in bidder.items()}
    out["inputs"] = {key: encode(value, f"{where}.inputs.{key}")
                     for key, value in call.inputs.items()}
    return out


def _parameters_in(values: Any) -> list[Parameter]:
    out: list[Parameter] = []
    for v in values:
        if isinstance(v, Parameter):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            out += _parameters_in(v)
    return out
