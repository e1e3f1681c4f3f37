"""The bidder's own LCC on the form: Excel formulas from its cells and the buyer's values.

Upphandlingsmyndigheten's calculators show each bidder the LCC its figures
give while it fills them in; the form does the same, marked as preliminary
and informative (the buyer's evaluation with lcc decides). The formulas are
derived from lcc itself, so they cannot drift from the model:

- the bid (items or a product calculator's) is compiled by the engine
  (:mod:`lcc.engine`) at two values of each bidder cell; each compiled term
  whose present value is multilinear in the cells — amounts, powers,
  consumptions, the number of units: everything but times — becomes the
  multilinear interpolation Σ_S c_S·Π_{i∈S} y_i of lcc's values at the
  corners (y_i the cell scaled to 0..1), exact for such a function;
- an installation whose service life follows a bidder's cell (a life or a
  replacement interval in years, or in burning hours over the buyer's
  operating hours) is written in closed form (DESIGN §3: replacements at
  a + mL strictly before N, M = ⌈(N − a)/L⌉ − 1, a linear residual of the
  last one at year-N prices) with the engine's growth and discount log-rate,
  for a constant escalation.

Every sheet is then checked before it is written: its formulas, evaluated
by :func:`evaluate_formula` (a small evaluator of exactly the functions used
here), must give lcc's LCC to 0.5 kr at two sets of values. Where a bid
cannot be expressed — a choice among words, a start year, an efficiency that
divides, an escalation by year with a bidder's life, anything that fails the
check — the LCC cell says so in words instead of showing a number.
"""

from __future__ import annotations

import ast
import itertools
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc.bidform._spec import BidField, BidForm
from lcc.io._model import Tender
from lcc.model import Alternative

#: Bidder cells of one multilinear piece at most (2^n evaluations of lcc).
MAX_CELLS = 10
#: Agreement asked of the formulas with lcc when the form is written (currency units).
TOLERANCE = 0.5
_NUMERIC = ("quantity", "years", "number", "count")
#: One row of cost items: its label, a formula per category, its helper cells (name, formula).
Row = tuple[str, dict[str, str], list[tuple[str, str]]]


@dataclass
class Sheet:
    """The LCC sheet: cells (``"B7"`` -> number, text or ``"=formula"``), the total's cell."""

    cells: dict[str, Any] = field(default_factory=dict)
    total: str = "B3"
    reason: str | None = None

    #: cells that hold words (labels, units): data even where they start with "="
    words: set[str] = field(default_factory=set)

    @property
    def formulas(self) -> set[str]:
        """The cells that are formulas; every other text is data."""
        return {k for k, v in self.cells.items() if isinstance(v, str) and v.startswith("=")
                and not k.startswith("A") and k not in self.words}


# ---------------------------------------------------------------------------- formula text


def _num(x: float) -> str:
    text = repr(float(x))
    return f"({text})" if text.startswith("-") else text


class _Plan:
    """Builds the formulas of one bid form (see the module notes).

    The bid is compiled by lcc's engine at corner values of the bidder's cells;
    each compiled term (an item's flows) becomes one row: a multilinear
    formula of its present value by category, or — for an installation whose
    service life follows a bidder's cell — the closed form of its chain of
    purchase, replacements, disposal and residual value.
    """

    def __init__(self, tender: Tender, form: BidForm, build: Callable[[dict[str, Any]],
                                                                      Alternative],
                 value_ref: Mapping[str, str]) -> None:
        self.tender = tender
        self.build = build
        self.ref = value_ref  # key -> cell of the value on the LCC sheet ("$B$7")
        self.fields = {f.key: f for f in form.fields[1:]}
        words = [f for f in self.fields.values() if f.kind not in _NUMERIC]
        if words:
            raise _Unexpressible(Msg("{label!r} is a choice among words",
                                     label=words[0].label))
        self.base = {k: _corners(f)[0] for k, f in self.fields.items()}

    def compiled(self, **changed: Any) -> tuple[Any, Any]:
        from lcc.engine import compile_alternative, context_for
        from lcc.model._items import PLAUSIBLE

        token = PLAUSIBLE.set(False)  # corner values, not a bid: only the algebra counts
        try:
            alt = self.build({"bidder": "trial", **self.base, **changed})
        finally:
            PLAUSIBLE.reset(token)
        compiled = compile_alternative(alt, self.tender.study)
        if compiled.samples is not None:
            raise _Unexpressible(Msg("the buyer's values are samples"))
        return compiled, context_for(compiled)

    def rows(self) -> tuple[list[Row], str]:
        """One row per compiled term, and the formula of the number of units."""
        from lcc.engine._terms import ChainTerm, SeriesTerm

        base, ctx = self.compiled()
        lives: dict[int, tuple[str, float]] = {}  # term -> (key, years per unit of the cell)
        others = []
        for k, f in self.fields.items():
            x0, x1 = _corners(f)
            other, octx = self.compiled(**{k: x1})
            if [type(t) for t in other.terms] != [type(t) for t in base.terms]:
                raise _Unexpressible(Msg("{label!r} changes the bid's cost items",
                                         label=f.label))
            moved = False
            for j, (t0, t1) in enumerate(zip(base.terms, other.terms, strict=True)):
                if _shape(t0) != _shape(t1) or (  # a periodic cost's interval is a time too
                        isinstance(t0, SeriesTerm) and not np.array_equal(
                            ctx.value(t0.every), octx.value(t1.every))):
                    raise _Unexpressible(_a_time(f.label))
                if isinstance(t0, ChainTerm):
                    l0, l1 = float(ctx.value(t0.life)), float(octx.value(t1.life))
                    if l0 != l1:
                        scale = l1 / x1
                        if j in lives or not math.isclose(l0, scale * x0, rel_tol=1e-12):
                            raise _Unexpressible(_a_time(f.label))
                        lives[j] = (k, scale)
                        moved = True
            if not moved:
                others.append(k)
        life_keys = {k for k, _ in lives.values()}
        # the corners of the other cells: every term's parts at each
        keys = others
        if len(keys) > MAX_CELLS:
            raise _Unexpressible(Msg("{n} values enter together", n=len(keys)))
        corners = {k: _corners(self.fields[k]) for k in keys}
        points: dict[tuple[int, ...], list[dict[str, float]]] = {}
        for bits in itertools.product((0, 1), repeat=len(keys)):
            given = {k: corners[k][b] for k, b in zip(keys, bits, strict=True)}
            comp, cctx = self.compiled(**given)
            parts = []
            for j, term in enumerate(comp.terms):
                if j in lives:
                    part = {"amount": float(cctx.product(term.nums, term.const))}
                    if term.disposal is not None:
                        part["disposal"] = float(cctx.product(term.disposal,
                                                              term.disposal_const))
                    if term.residual_mode not in ("linear", "none"):  # as if bought: M ≥ 1
                        part["residual"] = float(                       # is in the formula
                            -term.residual_if_bought(cctx, term.replacements(cctx))
                            * cctx.df_at(float(term.years)))
                else:
                    part = {c: float(v) for c, v in term.pv(cctx).items()
                            if c != "externality" or self.tender.study.include_externalities}
                parts.append(part)
            parts.append({"quantity": float(cctx.value(comp.quantity))})
            points[bits] = parts
        # a life key must not change the other terms
        for k in life_keys:
            other, octx = self.compiled(**{k: _corners(self.fields[k])[1]})
            for j, term in enumerate(other.terms):
                if j not in lives and term.pv(octx) != base.terms[j].pv(ctx):
                    raise _Unexpressible(_a_time(self.fields[k].label))

        def formula(j: int, part: str) -> str:
            return _multilinear(keys, corners, self.ref,
                                {b: p[j].get(part, 0.0) for b, p in points.items()})

        rows: list[Row] = []
        for j, term in enumerate(base.terms):
            if j not in lives:
                cats = sorted({c for p in points.values() for c in p[j]})
                if cats:  # (an externality left out of the LCC has none)
                    rows.append((term.item, {c: formula(j, c) for c in cats}, []))
                continue
            key, scale = lives[j]
            life = self.ref[key] if scale == 1.0 else f"({self.ref[key]}*{_num(scale)})"
            disposal = formula(j, "disposal") if term.disposal is not None else None
            residual = formula(j, "residual") if term.residual_mode not in ("linear", "none") \
                else None
            rows.append(_chain(term, ctx, formula(j, "amount"), disposal, residual, life))
        return rows, formula(len(base.terms), "quantity")


def _shape(term: Any) -> tuple[Any, ...]:
    """What places a term's flows in time (its life aside)."""
    return tuple(getattr(term, a, None) for a in ("item", "category", "k0", "k1", "t", "first",
                                                 "last", "start", "years", "initial",
                                                 "residual_mode"))


def _multilinear(keys: list[str], corners: Mapping[str, tuple[float, float]],
                 ref: Mapping[str, str], points: Mapping[tuple[int, ...], float]) -> str:
    """The formula of the multilinear function with the values ``points`` at the corners."""
    terms = []
    for bits in points:
        coef = sum((-1) ** (sum(bits) - sum(sub)) * points[sub] for sub in points
                   if all(s <= b for s, b in zip(sub, bits, strict=True)))
        if coef == 0.0:
            continue
        factors = []
        for k, b in zip(keys, bits, strict=True):
            if b:
                lo, hi = corners[k]
                x = ref[k] if lo == 0.0 else f"({ref[k]}-{_num(lo)})"
                factors.append(x if hi - lo == 1.0 else f"{x}/{_num(hi - lo)}")
        terms.append("*".join([_num(coef), *factors]))
    return "+".join(terms) if terms else "0"


def _chain(term: Any, ctx: Any, amount: str, disposal: str | None, residual: str | None,
           life: str) -> Row:
    """Purchase, replacements, disposal and residual of an installation whose life is the
    bidder's, in closed form (DESIGN §3; lcc.engine's ChainTerm): M = max(⌈(N − a)/L −
    1e-9⌉ − 1, 0) replacements, S = Σ_{m=1..M} e^{m·L·lq}, a linear residual of the last
    (of a Replacement only when M ≥ 1: its first unit is another item's)."""
    g = term.growth.rate_log(ctx)
    if g is None:
        raise _Unexpressible(Msg("{item} escalates year by year", item=term.item))
    lq = float(g + term.growth.infl(ctx) - ctx.lam)
    a, n = float(term.start), float(term.years)
    m = f"MAX(ROUNDUP(({_num(n)}-{_num(a)})/{life}-1E-9,0)-1,0)"
    x = f"{life}*{_num(lq)}"
    s = f"IF(ABS({x})<1E-12,{{M}},EXP({x})*(1-EXP({{M}}*{x}))/(1-EXP({x})))"
    at = _num(math.exp(a * lq))
    out: dict[str, str] = {}
    if term.initial:
        out["acquisition"] = f"({amount})*{at}"
    out["replacement"] = f"({amount})*{at}*{{S}}"
    if disposal is not None:
        out["end_of_life"] = f"({disposal})*{at}*{{S}}"
    if term.residual_mode == "linear":
        out["residual"] = (f"-({amount})*{_num(math.exp(n * lq))}*MIN(MAX({_num(a)}+"
                           f"({{M}}+1)*{life}-{_num(n)},0),{life})/{life}")
    elif residual is not None:
        out["residual"] = residual
    if "residual" in out and not term.initial:  # a replacement never bought credits nothing
        out["residual"] = f"IF({{M}}>=1,{out['residual']},0)"
    return term.item, out, [("M", m), ("S", s)]


class _Unexpressible(Exception):
    """Why a bid's LCC cannot be written as formulas (a :class:`Msg`, shown on the form)."""


def _a_time(label: str) -> Msg:
    return Msg("{label!r} is a time that these formulas do not follow", label=label)


def _reason(exc: Exception) -> str:
    """The reason of an exception: its Msg where it has one (rendered in the form's words)."""
    if isinstance(exc, LCCError):
        return exc.message
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, str) else str(exc)


def check_points(form: BidForm) -> list[dict[str, Any]]:
    """Two sets of bidder values inside each row's bounds (a life crossing replacement
    counts) at which the formulas must give lcc's LCC."""
    out = []
    for t in (0.37, 0.71):
        given: dict[str, Any] = {}
        for f in form.fields[1:]:
            if f.kind not in _NUMERIC:
                given[f.key] = f.choices[0] if f.choices else "x"
                continue
            lo = max(f.minimum or 0.0, 0.0)
            hi = f.maximum if f.maximum is not None else lo + 30.0 * _year(f)
            x = lo + t * (hi - lo)
            given[f.key] = float(round(x)) if f.whole_number else x
        for f in form.fields[1:]:  # a resale value at most the price, as a bid's must be
            other = given.get(f.at_most) if f.at_most is not None else None
            if isinstance(other, float) and given[f.key] * f.at_most_scale > other:
                given[f.key] = other / f.at_most_scale
        out.append(given)
    return out


def _corners(f: BidField) -> tuple[float, float]:
    """Two values of a cell, inside its bounds and not 0 (which the model may refuse: a
    life, an efficiency), at which lcc is evaluated; 1 % and 2 % for a rate."""
    if f.percent:
        return 0.01, 0.02
    lo = max(f.minimum or 0.0, 0.0)
    if f.maximum is None:
        step = _year(f)
        return max(lo, step), max(lo, step) + step
    return max(lo, f.maximum / 2.0), f.maximum


def _year(f: BidField) -> float:
    """One year in a row's unit where it is a time (8 766 for a life in burning hours: 1 and
    2 hours gave the model an interval too short to evaluate); 1 otherwise."""
    from lcc.units import get_registry

    if not f.unit or f.kind != "quantity":
        return 1.0
    reg = get_registry()
    year: Any = reg.Quantity(1.0, "yr")
    unit: Any = reg.Quantity(f"1 {f.unit}")  # '1 l/100km' is 0.01 l/km
    if unit.dimensionality != year.dimensionality:  # not a time
        return 1.0
    return float((year / unit).to("").magnitude)


def plan_sheet(tender: Tender, form: BidForm, build: Callable[[dict[str, Any]], Alternative],
               bid_cells: Mapping[str, str], lang: str, checks: list[dict[str, Any]],
               item_words: Callable[[str], str] = str) -> Sheet:
    """The LCC sheet of a form (``bid_cells``: key -> ``Bid!$D$7``) in ``lang``, checked
    against lcc at ``checks`` (bidder values by key); ``reason`` set where it cannot be
    expressed. ``item_words`` gives a cost item's name in the reader's words."""
    from lcc._i18n import tr, unit, word
    from lcc.bidform._words import SHEETS

    def none(reason: str) -> str:
        return tr("Not computed on the form: {reason}. The buyer computes your LCC with lcc "
                  "from the values you give.", lang, reason=reason)

    check = tr("the form's formulas cannot reproduce this bid's LCC exactly (a value that "
               "divides, such as an efficiency, or sets a time is not followed)", lang)
    sheet = Sheet()
    c = sheet.cells
    c["A1"] = tr("Your LCC — preliminary and informative", lang)
    c["A2"] = tr("Computed by formulas from your values on the sheet '{bid}' and the buyer's "
                 "values on the sheet '{tender}', as present values over the study period. It "
                 "is for your information only: the buyer's evaluation with lcc decides (these "
                 "formulas agree with it to within 1 kr).", lang, bid=SHEETS[lang]["bid"],
                 tender=SHEETS[lang]["tender"])
    c["A3"] = tr("Your LCC (preliminary)", lang)
    c["A5"] = tr("Your values (a blank cell with a stated default takes the default)", lang)
    numeric = [f for f in form.fields[1:] if f.kind in _NUMERIC]
    value_ref: dict[str, str] = {}
    row = 6
    for f in form.fields[1:]:
        c[f"A{row}"] = f.label
        c[f"C{row}"] = unit(f.unit, lang) if f.unit else None
        sheet.words.add(f"C{row}")
        ref = bid_cells[f.key]
        if f.kind in _NUMERIC:
            c[f"B{row}"] = f"=IF(ISNUMBER({ref}),{ref},{_num(f.default)})" \
                if f.default is not None and not isinstance(f.default, str) else f"={ref}"
        value_ref[f.key] = f"$B${row}"
        row += 1
    rows: list[Row]
    try:
        rows, quantity = _Plan(tender, form, build, value_ref).rows()
    except (_Unexpressible, LCCError) as exc:
        sheet.reason = reason = _reason(exc)
        if isinstance(exc, LCCError):  # the model's words about values no bidder typed
            reason = check
        elif lang != "en" and reason:  # in the form's words; a reason that is no Msg, in general
            reason = reason.in_lang(lang) if isinstance(reason, Msg) else check
        c["B3"] = none(reason)
        return sheet
    cats = [cat for cat in _categories() if any(cat in r[1] for r in rows)]
    row += 1
    head = row
    c[f"A{head}"] = tr("Cost item (present value per unit)", lang)
    cols = {cat: _col(2 + j) for j, cat in enumerate(cats)}
    for cat, col in cols.items():
        c[f"{col}{head}"] = word(cat, lang).replace("_", " ").capitalize()
        sheet.words.add(f"{col}{head}")
    sum_col = _col(2 + len(cats))
    helper_col = [_col(3 + len(cats) + j) for j in range(2)]
    c[f"{sum_col}{head}"] = tr("Sum", lang)
    row = head + 1
    first = row
    required = [bid_cells[f.key] for f in numeric if f.default is None]
    # a blank cell whose default is a word (the vehicles' residual 'linear') is another
    # reading than any number: the formulas wait for a value there too (a blank read as 0
    # showed the LCC without the residual value)
    worded = [f for f in numeric if isinstance(f.default, str)]
    waiting = required + [bid_cells[f.key] for f in worded]
    # until every such value is given, an item's cells stay empty (no #DIV/0! from a
    # blank life): the sums then count them as 0 and B3 asks for the values
    incomplete = f"COUNT({','.join(waiting)})<{len(waiting)}" if waiting else None

    def formula(text: str) -> str:
        return f'=IF({incomplete},"",{text})' if incomplete else "=" + text

    for label, formulas, helpers in rows:
        c[f"A{row}"] = item_words(label)
        names = {}
        for j, (name, text) in enumerate(helpers):
            ref = f"${helper_col[j]}${row}"
            names[name] = ref
            c[f"{helper_col[j]}{row}"] = formula(_fill(text, names))
        for cat, text in formulas.items():
            c[f"{cols[cat]}{row}"] = formula(_fill(text, names))
        c[f"{sum_col}{row}"] = f"=SUM(B{row}:{_col(1 + len(cats))}{row})"
        row += 1
    last = row - 1
    if helper_col and any(r[2] for r in rows):
        c[f"{helper_col[0]}{head}"] = tr("Replacements", lang)
        c[f"{helper_col[1]}{head}"] = tr("Replacement factor", lang)
    c[f"A{row}"] = tr("Per unit", lang)
    for col in [*cols.values(), sum_col]:
        c[f"{col}{row}"] = f"=SUM({col}{first}:{col}{last})"
    per_unit = row
    row += 1
    c[f"A{row}"] = tr("Number of units", lang)
    c[f"B{row}"] = "=" + quantity
    qrow = row
    row += 1
    c[f"A{row}"] = tr("LCC", lang)
    for col in [*cols.values(), sum_col]:
        c[f"{col}{row}"] = f"={col}{per_unit}*$B${qrow}"
    total = f"{sum_col}{row}"
    missing = tr("fill in every required value", lang)
    shown = f"={total}"
    if worded:
        cells = [bid_cells[f.key] for f in worded]
        words = tr("computed by the buyer: the default of {labels} is not a figure these "
                   "formulas take; give a value there to see it here", lang,
                   labels=", ".join(f"'{f.label}'" for f in worded)).replace('"', "'")
        shown = f'=IF(COUNT({",".join(cells)})<{len(cells)},"{words}",{total})'
    for f in numeric:  # a resale value above the price: refused by the evaluation, so no LCC
        if f.at_most is not None and f.at_most in bid_cells:
            scaled = bid_cells[f.key] if f.at_most_scale == 1.0 else \
                f"{bid_cells[f.key]}*{_num(f.at_most_scale)}"
            above = tr("not computed: '{label}' is more than the price, which the buyer's "
                       "evaluation refuses (a resale value is at most what the unit cost)",
                       lang, label=f.label).replace('"', "'")
            shown = f'=IF({scaled}>{bid_cells[f.at_most]},"{above}",{shown[1:]})'
    if required:
        shown = f'=IF(COUNT({",".join(required)})<{len(required)},"{missing}",{shown[1:]})'
    c["B3"] = shown
    c["B4"] = tr("preliminary — the buyer's evaluation decides", lang)
    # the check: the formulas give lcc's LCC
    try:
        for given in checks:
            got = evaluate_sheet({k: c[k] for k in sheet.formulas | {"B3"}}, "B3", given,
                                 bid_cells)
            want = float(_lcc(tender, build({"bidder": "check", **given})))
            if not isinstance(got, float) or not abs(got - want) <= TOLERANCE:
                raise _Unexpressible(Msg("the formulas give {got!r}, lcc {want!r}", got=got,
                                             want=want))
    except (_Unexpressible, LCCError, ArithmeticError, ValueError) as exc:
        keep = {k: v for k, v in c.items() if k[0] == "A" and int(k[1:]) < 5}
        sheet.cells = keep
        sheet.reason = _reason(exc)
        keep["B3"] = none(check)
    return sheet


def _lcc(tender: Tender, alt: Alternative) -> float:
    from lcc.results import evaluate

    return float(evaluate(alt, tender.study).total.magnitude)


def _categories() -> tuple[str, ...]:
    from lcc.model import CATEGORIES

    return tuple(CATEGORIES)


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(n))


def _fill(text: str, names: Mapping[str, str]) -> str:
    for name, ref in names.items():
        text = text.replace("{" + name + "}", ref)
    return text


# ---------------------------------------------------------------------------- evaluation

_REF = re.compile(r"(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*)!)?"
                  r"\$?(?P<col>[A-Z]{1,3})\$?(?P<row>\d+)(?![\w(])")
_OPS: dict[type, Callable[..., Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.USub: operator.neg, ast.UAdd: operator.pos,
    ast.Lt: operator.lt, ast.Gt: operator.gt, ast.LtE: operator.le, ast.GtE: operator.ge,
}


def evaluate_formula(text: str, cell: Callable[[str], Any]) -> Any:
    """Evaluate one of the formulas this module writes (Excel semantics for them).

    Functions: IF, ISNUMBER, COUNT, SUM, MAX, MIN, EXP, ABS, ROUNDUP(x, 0);
    ``cell(ref)`` gives a referenced cell's value (None if blank). This is the
    pure-Python check of the written formulas; the tests also evaluate the
    workbook with the ``formulas`` package (and LibreOffice where installed).
    """
    refs: list[str] = []

    def name(m: re.Match[str]) -> str:
        refs.append(m.group(0).replace("$", ""))
        return f"_r{len(refs) - 1}"

    code = _REF.sub(name, text.lstrip("=")).replace("1E-9", "1e-9").replace("1E-12", "1e-12")
    tree = ast.parse(code, mode="eval")

    def raw(node: ast.AST) -> Any:
        if isinstance(node, ast.Name) and node.id.startswith("_r"):
            return cell(refs[int(node.id[2:])])
        return ev(node)

    def num(v: Any) -> float:
        return 0.0 if v is None else float(v)

    def ev(node: ast.AST) -> Any:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and node.id.startswith("_r"):
            return num(cell(refs[int(node.id[2:])]))
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](num(ev(node.left)), num(ev(node.right)))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](num(ev(node.operand)))
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _OPS:
            return _OPS[type(node.ops[0])](num(ev(node.left)), num(ev(node.comparators[0])))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            f, args = node.func.id, node.args
            if f == "IF":
                return ev(args[1]) if ev(args[0]) else ev(args[2])
            if f == "ISNUMBER":
                v = raw(args[0])
                return isinstance(v, (int, float)) and not isinstance(v, bool)
            if f == "COUNT":
                return float(sum(isinstance(raw(a), (int, float)) and
                                 not isinstance(raw(a), bool) for a in args))
            if f == "SUM":
                return sum(num(ev(a)) for a in args)
            values = [num(ev(a)) for a in args]
            if f in ("MAX", "MIN"):
                return (max if f == "MAX" else min)(values)
            if f == "EXP":
                return math.exp(values[0])
            if f == "ABS":
                return abs(values[0])
            if f == "ROUNDUP" and values[1] == 0:
                return float(math.copysign(math.ceil(abs(values[0])), values[0]))
        raise ValueError(f"not a formula of the bid form: {ast.dump(node)[:80]}")

    return ev(tree)


def evaluate_sheet(cells: Mapping[str, Any], target: str, given: Mapping[str, Any],
                   bid_cells: Mapping[str, str], words: set[str] | frozenset[str] = frozenset()
                   ) -> Any:
    """The value of the LCC sheet's cell ``target`` with the bidder's values ``given``."""
    bid = {ref.replace("$", ""): key for key, ref in bid_cells.items()}
    memo: dict[str, Any] = {}

    def cell(ref: str) -> Any:
        if "!" in ref:
            key = bid.get(ref)
            if key is None:
                raise ValueError(f"unknown cell {ref}")
            value = given.get(key)
            return None if value is None else float(value)
        if ref not in memo:
            content = cells.get(ref)
            if isinstance(content, str) and content.startswith("=") and ref not in words:
                memo[ref] = evaluate_formula(_expand(content), cell)
            else:
                memo[ref] = content
        return memo[ref]

    return cell(target)


def _expand(text: str) -> str:
    """SUM(B7:D7) -> SUM(B7,C7,D7) (ranges within one row or one column)."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    def one(m: re.Match[str]) -> str:
        c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
        cols = range(column_index_from_string(c1), column_index_from_string(c2) + 1)
        return ",".join(f"{get_column_letter(c)}{r}" for c in cols for r in range(r1, r2 + 1))

    return re.sub(r"\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)", one, text)
