"""The bidder's own LCC on the form: Excel formulas from its cells and the buyer's values.

Upphandlingsmyndigheten's calculators show each bidder the LCC its figures
give while it fills them in; the form does the same, marked as preliminary
and informative (the buyer's evaluation with lcc decides). The formulas are
derived from lcc itself, so they cannot drift from the model:

- an item (or, for a product calculator, the whole bid) whose present value
  is multilinear in the bidder's cells — amounts, powers, consumptions, the
  number of units: everything but times — is evaluated by lcc at the corners
  {0, 1} (or {1, 2}) of each cell, and its formula is the multilinear
  interpolation Σ_S c_S·Π_{i∈S} x_i, exact for such a function;
- an installation whose service life (``Investment.life``) or replacement
  interval (``Replacement.every``) is the bidder's is written in closed form
  (DESIGN §3: replacements at a + mL strictly before N, M = ⌈(N − a)/L⌉ − 1,
  a linear residual of the last one at year-N prices), with the growth and
  discount log-rate of the engine (:mod:`lcc.engine`), for a constant
  escalation.

Every sheet is then checked before it is written: its formulas, evaluated
by :func:`evaluate_formula` (a small evaluator of exactly the functions used
here), must give lcc's LCC to 0.5 kr at two sets of values. Where a bid
cannot be expressed — a choice among words, a start year, an escalation by
year with a bidder's life, anything that fails the check — the LCC cell says
so in words instead of showing a number.
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

from lcc._errors import LCCError
from lcc.bidform._spec import BidField, BidForm, Slot
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


def _product(coef: float, factors: list[str]) -> str:
    return "*".join([_num(coef), *factors])


class _Plan:
    """Builds the formulas of one bid form (see the module notes)."""

    def __init__(self, tender: Tender, form: BidForm, build: Callable[[dict[str, Any]],
                                                                      Alternative],
                 value_ref: Mapping[str, str]) -> None:
        self.tender = tender
        self.form = form
        self.build = build
        self.ref = value_ref  # key -> cell of the value on the LCC sheet ("$B$7")
        self.fields = {f.key: f for f in form.fields[1:]}
        self.base = {k: _corners(f)[0] for k, f in self.fields.items()}

    def values(self, **changed: Any) -> dict[str, Any]:
        return {"bidder": "trial", **self.base, **changed}

    def pv(self, alt: Alternative) -> dict[str, float]:
        from lcc.results import evaluate

        series = evaluate(alt, self.tender.study).by_category
        return {str(k): float(series[k]) for k in series.index}

    def multilinear(self, keys: list[str], pv_of: Callable[[dict[str, Any]], dict[str, float]]
                    ) -> dict[str, str]:
        """Formula per category of a function multilinear in the cells ``keys``."""
        if len(keys) > MAX_CELLS:
            raise _Unexpressible(f"{len(keys)} values enter together")
        corners = {}
        for k in keys:
            corners[k] = pair = _corners(self.fields[k])
            if pair[0] == 0.0:  # the model may refuse 0 (a life, an efficiency)
                try:
                    pv_of({k: 0.0})
                except LCCError:
                    hi = self.fields[k].maximum
                    corners[k] = (hi / 2.0, hi) if hi is not None else (1.0, 2.0)
        points: dict[tuple[int, ...], dict[str, float]] = {}
        for bits in itertools.product((0, 1), repeat=len(keys)):
            given = {k: corners[k][b] for k, b in zip(keys, bits, strict=True)}
            points[bits] = pv_of(given)
        cats = sorted({c for v in points.values() for c in v})
        out: dict[str, str] = {}
        for cat in cats:
            terms = []
            for bits in points:
                coef = sum((-1) ** (sum(bits) - sum(sub)) * points[sub].get(cat, 0.0)
                           for sub in points if all(s <= b for s, b in zip(sub, bits,
                                                                             strict=True)))
                if coef == 0.0:
                    continue
                factors = []
                for k, b in zip(keys, bits, strict=True):
                    if b:
                        lo, hi = corners[k]
                        x = self.ref[k]
                        if lo != 0.0:
                            x = f"({x}-{_num(lo)})"
                        factors.append(x if hi - lo == 1.0 else f"{x}/{_num(hi - lo)}")
                terms.append(_product(coef, factors))
            out[cat] = "+".join(terms) if terms else "0"
        return out

    # -- an item bid --------------------------------------------------------------------
    def items(self) -> tuple[list[Row], str]:
        """(label, formula per category, helper cells) per item, and the quantity formula."""
        template = self.form.template or {}
        for key in ("start", "life"):
            if isinstance(template.get(key), Slot):
                raise _Unexpressible(f"the bid's {key} is the bidder's value")
        choices = [f for f in self.fields.values() if f.kind not in _NUMERIC]
        if choices:
            raise _Unexpressible(f"{choices[0].label!r} is a choice among words")
        alt = self.build(self.values())
        rows: list[Row] = []
        for i, item in enumerate(template["items"]):
            keys = [v.key for v in item.values() if isinstance(v, Slot)]
            label = item.get("label") if isinstance(item.get("label"), str) else \
                alt.items[i].name
            timing = [k for k in keys if self.fields[k].unit == "yr" or
                      self.fields[k].kind == "years"]

            def one(given: dict[str, Any], i: int = i) -> dict[str, float]:
                bid = self.build(self.values(**given))
                return self.pv(Alternative("x", bid.items[i], start=bid.start, life=bid.life))

            if not timing:
                rows.append((label, self.multilinear(keys, one), []))
                continue
            kind = item.get("type")
            life_key = f"items[{i}].{'life' if kind == 'Investment' else 'every'}"
            if kind not in ("Investment", "Replacement") or timing != [life_key] or \
                    any(k.rsplit(".", 1)[1] not in ("amount", "disposal", "life", "every")
                        for k in keys):
                raise _Unexpressible(f"{self.fields[timing[0]].label!r} is a time that "
                                     f"these formulas do not follow")
            rows.append(self.chain(i, label, keys, life_key, alt))
        q = template.get("quantity")
        if isinstance(q, Slot):
            quantity = self.ref[q.key]
        else:
            from lcc.engine import compile_alternative

            q_num = compile_alternative(alt, self.tender.study).quantity
            assert q_num is not None
            quantity = _num(float(q_num.value))
        return rows, quantity

    def chain(self, i: int, label: str, keys: list[str], life_key: str, alt: Alternative
              ) -> Row:
        """Purchase, replacements, disposal and residual of an installation whose life is
        the bidder's (closed form; DESIGN §3, lcc.engine's ChainTerm)."""
        from lcc.engine import compile_alternative, context_for
        from lcc.engine._terms import ChainTerm

        def term_of(given: dict[str, Any]) -> tuple[Any, Any]:
            bid = self.build(self.values(**given))
            one = Alternative("x", bid.items[i], start=bid.start, life=bid.life)
            compiled = compile_alternative(one, self.tender.study)
            terms = [t for t in compiled.terms if isinstance(t, ChainTerm)]
            if len(terms) != 1 or compiled.samples is not None:
                raise _Unexpressible(f"{label!r} is not one installation")
            return terms[0], context_for(compiled)

        term, ctx = term_of({})
        g = term.growth.rate_log(ctx)
        if g is None or ctx.samples is not None:
            raise _Unexpressible(f"{label!r} escalates year by year")
        if term.residual_mode not in ("linear", "none"):
            raise _Unexpressible(f"{label!r} has a residual value that is not linear")
        lq = float(g + term.growth.infl(ctx) - ctx.lam)
        a, n = float(term.start), float(term.years)
        amount_key = f"items[{i}].amount"
        disposal_key = f"items[{i}].disposal"

        def per_unit(key: str, pick: Callable[[Any, Any], float]) -> str:
            """The amount (or disposal) in the study currency, as a formula."""
            if key in keys:
                t1, c1 = term_of({key: 1.0})
                t0, c0 = term_of({key: 0.0})
                k1, k0 = pick(t1, c1), pick(t0, c0)
                return f"{_num(k1 - k0)}*{self.ref[key]}" + (f"+{_num(k0)}" if k0 else "")
            return _num(pick(term, ctx))

        amount = per_unit(amount_key, lambda t, c: float(c.product(t.nums, t.const)))
        disposal = None
        if term.disposal is not None:
            disposal = per_unit(disposal_key,
                                lambda t, c: float(c.product(t.disposal, t.disposal_const)))
        life = self.ref[life_key]
        # helper cells: M (replacements), S = Σ_{m=1..M} e^{m·L·lq}
        m = f"MAX(ROUNDUP(({_num(n)}-{_num(a)})/{life}-1E-9,0)-1,0)"
        helpers = [("M", m)]
        mref, sref = "{M}", "{S}"
        s = (f"IF(ABS({life}*{_num(lq)})<1E-12,{mref},EXP({life}*{_num(lq)})*"
             f"(1-EXP({mref}*{life}*{_num(lq)}))/(1-EXP({life}*{_num(lq)})))")
        helpers.append(("S", s))
        at = _num(math.exp(a * lq))
        out: dict[str, str] = {}
        if term.initial:
            out["acquisition"] = f"({amount})*{at}"
        out["replacement"] = f"({amount})*{at}*{sref}"
        if disposal is not None:
            out["end_of_life"] = f"({disposal})*{at}*{sref}"
        if term.residual_mode == "linear":
            out["residual"] = (f"-({amount})*{_num(math.exp(n * lq))}*MIN(MAX({_num(a)}+"
                               f"({mref}+1)*{life}-{_num(n)},0),{life})/{life}")
        return label, out, helpers

    # -- a calculator bid ---------------------------------------------------------------
    def calculator(self) -> dict[str, str]:
        choices = [f for f in self.fields.values() if f.kind not in _NUMERIC]
        if choices:
            raise _Unexpressible(f"{choices[0].label!r} is a choice among words")
        times = [f for f in self.fields.values() if f.unit in ("yr", "h")]
        if times:
            raise _Unexpressible(f"{times[0].label!r} is a time that these formulas do not "
                                 f"follow")
        return self.multilinear(list(self.fields),
                                lambda given: self.pv(self.build(self.values(**given))))


class _Unexpressible(Exception):
    pass


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
            hi = f.maximum if f.maximum is not None else lo + 30.0
            x = lo + t * (hi - lo)
            given[f.key] = float(round(x)) if f.kind == "count" else x
        out.append(given)
    return out


def _corners(f: BidField) -> tuple[float, float]:
    """Two values of a cell at which lcc is evaluated: 0 and 1 where allowed, else inside
    the row's bounds."""
    lo = f.minimum if f.minimum is not None else 0.0
    hi = f.maximum
    if lo <= 0.0 and (hi is None or hi >= 1.0):
        return 0.0, 1.0
    a = max(lo, 1.0) if hi is None or hi >= max(lo, 1.0) else lo
    b = a + 1.0 if hi is None or a + 1.0 <= hi else (a + hi) / 2.0
    return a, b


def plan_sheet(tender: Tender, form: BidForm, build: Callable[[dict[str, Any]], Alternative],
               bid_cells: Mapping[str, str], words: Mapping[str, str],
               checks: list[dict[str, Any]]) -> Sheet:
    """The LCC sheet of a form (``bid_cells``: key -> ``Bid!$D$7``), checked against lcc at
    ``checks`` (bidder values by key); ``reason`` set where it cannot be expressed."""
    sheet = Sheet()
    c = sheet.cells
    c["A1"] = words["live_title"]
    c["A2"] = words["live_note"]
    c["A3"] = words["live_total"]
    c["A5"] = words["live_values"]
    numeric = [f for f in form.fields[1:] if f.kind in _NUMERIC]
    value_ref: dict[str, str] = {}
    row = 6
    for f in form.fields[1:]:
        c[f"A{row}"] = f.label
        c[f"C{row}"] = f.unit or None
        sheet.words.add(f"C{row}")
        ref = bid_cells[f.key]
        if f.kind in _NUMERIC:
            c[f"B{row}"] = f"=IF(ISNUMBER({ref}),{ref},{_num(f.default)})" \
                if f.default is not None and not isinstance(f.default, str) else f"={ref}"
        value_ref[f.key] = f"$B${row}"
        row += 1
    plan = _Plan(tender, form, build, value_ref)
    rows: list[Row]
    try:
        if form.kind == "calculator":
            rows = [(form.calculator or "", plan.calculator(), [])]
            quantity = "1"
        else:
            rows, quantity = plan.items()
    except (_Unexpressible, LCCError) as exc:
        sheet.reason = str(exc)
        c["B3"] = words["live_none"].format(reason=sheet.reason)
        return sheet
    cats = [cat for cat in _categories() if any(cat in r[1] for r in rows)]
    row += 1
    head = row
    c[f"A{head}"] = words["live_item"]
    cols = {cat: _col(2 + j) for j, cat in enumerate(cats)}
    for cat, col in cols.items():
        c[f"{col}{head}"] = words.get(f"cat_{cat}", cat)
        sheet.words.add(f"{col}{head}")
    sum_col = _col(2 + len(cats))
    helper_col = [_col(3 + len(cats) + j) for j in range(2)]
    c[f"{sum_col}{head}"] = words["live_sum"]
    row = head + 1
    first = row
    for label, formulas, helpers in rows:
        c[f"A{row}"] = label
        names = {}
        for j, (name, text) in enumerate(helpers):
            ref = f"${helper_col[j]}${row}"
            names[name] = ref
            c[f"{helper_col[j]}{row}"] = "=" + _fill(text, names)
        for cat, text in formulas.items():
            c[f"{cols[cat]}{row}"] = "=" + _fill(text, names)
        c[f"{sum_col}{row}"] = f"=SUM(B{row}:{_col(1 + len(cats))}{row})"
        row += 1
    last = row - 1
    if helper_col and any(r[2] for r in rows):
        c[f"{helper_col[0]}{head}"] = words["live_m"]
        c[f"{helper_col[1]}{head}"] = words["live_s"]
    c[f"A{row}"] = words["live_per_unit"]
    for col in [*cols.values(), sum_col]:
        c[f"{col}{row}"] = f"=SUM({col}{first}:{col}{last})"
    per_unit = row
    row += 1
    c[f"A{row}"] = words["live_quantity"]
    c[f"B{row}"] = "=" + quantity
    qrow = row
    row += 1
    c[f"A{row}"] = words["live_lcc"]
    for col in [*cols.values(), sum_col]:
        c[f"{col}{row}"] = f"={col}{per_unit}*$B${qrow}"
    required = [bid_cells[f.key] for f in numeric if f.default is None]
    total = f"{sum_col}{row}"
    c["B3"] = (f'=IF(COUNT({",".join(required)})<{len(required)},"{words["live_missing"]}",'
               f"{total})") if required else f"={total}"
    c["B4"] = words["live_preliminary"]
    # the check: the formulas give lcc's LCC
    try:
        for given in checks:
            got = evaluate_sheet({k: c[k] for k in sheet.formulas | {"B3"}}, "B3", given,
                                 bid_cells)
            want = float(_lcc(tender, build({"bidder": "check", **given})))
            if not isinstance(got, float) or not abs(got - want) <= TOLERANCE:
                raise _Unexpressible(f"the formulas give {got!r}, lcc {want!r}")
    except (_Unexpressible, LCCError, ArithmeticError, ValueError) as exc:
        keep = {k: v for k, v in c.items() if k[0] == "A" and int(k[1:]) < 5}
        sheet.cells = keep
        sheet.reason = str(exc)
        keep["B3"] = words["live_none"].format(reason=words["live_check"])
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
