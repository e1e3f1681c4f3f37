"""The plain-text calculation trace of an evaluation (``LCCResult.explain``), en or sv."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from lcc._errors import ItemName, Msg, in_lang
from lcc._i18n import N_, ntr, number, significant, tr, unit, word
from lcc._i18n import money as fmt_money
from lcc._version import __version__
from lcc.engine._compile import Compiled
from lcc.engine._context import Context
from lcc.engine._terms import AnnualTerm, ChainTerm, OnceTerm, SeriesTerm, Term
from lcc.model._inputs import Num

#: The method in one paragraph (English; :func:`method` gives it in a language).
METHOD_TEXT = N_(
    "Method: present value: LCC = Σ PV of all flows, costs positive, residual value "
    "negative; PV factor (1 + d)^−t; annual amounts by UPV/UPV*; replacements strictly before "
    "the end of the study; residual value linear in remaining life at the price level of year "
    "N, discounted from t = N. Sources: NIST Handbook 135 (1995) §5; EN 15459-1:2017 §6; "
    "Directive 2014/24/EU art. 68 (cost categories)."
)
METHOD = METHOD_TEXT

#: Item types in words.
ITEM_TYPES = {
    "Investment": N_("Investment"), "OneOff": N_("One-off cost"),
    "Periodic": N_("Periodic cost"), "Recurring": N_("Recurring cost"),
    "Energy": N_("Energy"), "Water": N_("Water"), "Replacement": N_("Replacement"),
    "Residual": N_("Residual value"), "Disposal": N_("Disposal"), "Emission": N_("Emission"),
}


def method(lang: str = "en") -> str:
    """The method paragraph in ``lang``."""
    return tr(METHOD_TEXT, lang)


def item_name(text: str, lang: str, *, ours: bool = False) -> str:
    """``Investment 'LED luminaire'`` → ``Investering: LED luminaire`` (sv).

    ``ours``: the label is lcc's own word (an item a product calculator made, such as
    ``Luminaire incl. installation``), a catalogue message shown in ``lang``; a label the
    user wrote is data and kept as written.
    """
    if isinstance(text, ItemName):  # its type and lcc's own label in the reader's words
        kind, label = text.words(lang)
        if label is not None and ours and not isinstance(text.label, Msg):
            label = tr(label, lang)  # a calculator's label written as a catalogue word
        return f"{kind}{text.suffix}" if label is None else f"{kind}: {label}{text.suffix}"
    m = re.match(r"^(\w+)(?: '(.*)')?(.*)$", text, flags=re.S)
    if not m or m.group(1) not in ITEM_TYPES:
        return text
    kind = tr(ITEM_TYPES[m.group(1)], lang)
    label = m.group(2)
    if label is not None and ours:
        label = tr(label, lang)
    return f"{kind}: {label}{m.group(3)}" if label is not None else f"{kind}{m.group(3)}"


def item_ref(text: str, lang: str) -> str:
    """An item's name inside a sentence: ``Investment 'LED'`` → ``Investering 'LED'`` (sv);
    a label that is lcc's own (an :class:`~lcc._errors.ItemName`) in the reader's words."""
    if isinstance(text, ItemName) or lang == "en":
        return str(in_lang(text, lang))
    m = re.match(r"^(\w+)( '.*)$", text, flags=re.S)
    if not m or m.group(1) not in ITEM_TYPES:
        return text
    return tr(ITEM_TYPES[m.group(1)], lang) + m.group(2)


def money(x: Any, currency: str = "", lang: str = "en") -> str:
    """Format an amount for a trace: '12 345.67 SEK' (mean when samples); sv '12 345,67 kr'."""
    v = float(np.mean(x))
    if lang != "en":
        return fmt_money(v, currency, lang, 2) if currency else significant(v, lang)
    text = f"{v:,.2f}".replace(",", " ")
    return f"{text} {currency}".rstrip()


def _one(count: Any) -> float:
    """The number that picks a message's singular or plural: a count as it is; the mean
    over samples always takes the plural ('1.5 replacements on average')."""
    return float(count) if np.ndim(count) == 0 else 2.0


def _num(x: Any, digits: int = 6, lang: str = "en") -> str:
    v = float(np.mean(x))
    if lang == "en":
        return f"{v:.{digits}g}"
    if 1000 <= abs(v) < 1e15 and not v.is_integer():  # grouped, with its significant decimals
        return number(v, lang, max(0, digits - len(str(int(abs(v))))))
    return significant(v, lang, digits)


def _varies(x: Any) -> bool:
    """Whether a value differs between the samples (a constant array does not)."""
    if np.ndim(x) == 0:
        return False
    a = np.asarray(x, dtype=float)
    return a.size > 1 and bool(np.max(a) > np.min(a))


def _holds(*factors: Any) -> bool:
    """Whether an equation of means holds: the mean of a product is the product of the means
    when at most one factor differs between the samples (the others are constants)."""
    return sum(_varies(x) for x in factors) <= 1


def _span(x: Any, digits: int = 6, lang: str = "en") -> str:
    """A value as the samples have it: one number, or its range 'low–high' over the samples
    (never a mean that no sample has)."""
    if not _varies(x):
        return _num(x, digits, lang)
    a = np.asarray(x, dtype=float)
    return f"{_num(a.min(), digits, lang)}–{_num(a.max(), digits, lang)}"


def _mean_of(samples: int | None, value: str, lang: str) -> str:
    """'mean over the 3 samples: 1 234.00 SEK', where an equation of means would not hold."""
    return tr("mean over the {n} samples: {value}", lang, n=samples or 1, value=value)


_NUM_TEXT = re.compile(r"^(-?[0-9][0-9.e+-]*) ?(.*)$")
_SAMPLES_TEXT = re.compile(r"^\[([0-9]+) samples, mean (-?[0-9][0-9.e+-]*)\] ?(.*)$")


_ONE_PER_TIME = re.compile(r"1(?:\.0*)? 1 ?/ ?(?:yr|year|a|d|h|day|month)")


def _one_per_time(n: Num) -> bool:
    """Whether a factor is a plain 1 per year (a count that happens once a year), which a
    formula need not show: 'sets 1 000 × breakage 0.15 × 115 SEK', not '× 1 1/yr ×'."""
    return n.parameter is None and not n.factors and not n.transform and \
        bool(_ONE_PER_TIME.fullmatch(n.text.strip()))


def _shown(nums: Any) -> list[Num]:
    """The factors a formula shows: a plain 1 per year left out, unless it is all there is."""
    kept = [n for n in nums if not _one_per_time(n)]
    return kept if kept else list(nums)


def num_text(n: Num, lang: str) -> str:
    """An input of a formula: ``4 100 h/yr``, or from a parameter ``Operating hours 4 100 h/yr``."""
    if n.factors:
        return " × ".join(num_text(f, lang) for f in _shown(n.factors))
    if n.transform == "one_minus":
        return f"(1 − {_plain_num_text(n, lang)})"
    if n.transform == "reciprocal":
        return f"1/{_plain_num_text(n, lang)}"
    return _plain_num_text(n, lang)


def _plain_num_text(n: Num, lang: str) -> str:
    if n.parameter is not None:
        from lcc.results._describe import parameter_name, value_text

        p = n.parameter
        rate = not p.unit_text and n.is_rate  # as the field reads it
        return (f"{parameter_name(p.name, lang, p.description)} "
                f"{value_text(p.value, p.unit_text, lang, rate=rate)}")
    text = n.text.strip()
    if n.transform and (text.startswith("(1 − ") or text.startswith("1/")):
        text = text[5:-1] if text.startswith("(1 − ") else text[2:]
    if lang == "en":
        return text
    many = _SAMPLES_TEXT.match(text)
    if many:  # '[3 samples, mean 45] W' in the reader's words
        shown = tr("{n} samples, mean {value}", lang, n=many.group(1),
                   value=f"{significant(float(many.group(2)), lang)} {unit(many.group(3), lang)}"
                   .rstrip())
        return f"[{shown}]"
    m = _NUM_TEXT.match(text)
    if m:
        try:
            shown = significant(float(m.group(1)), lang)
        except ValueError:
            return text
        u = unit(m.group(2), lang)
        return f"{shown} {u}".rstrip()
    return text


def _amount_text(term: Term, ctx: Context, lang: str = "en") -> str:
    parts = [num_text(n, lang) for n in _shown(term.nums)] if term.nums else []
    if term.const != 1.0:
        parts.append(tr("{factor} (exchange rate)", lang, factor=_num(term.const, 6, lang)))
    return " × ".join(parts) if parts else "1"


def _esc_text(term: Term, lang: str = "en", ctx: Context | None = None) -> str:
    """The item's price growth in words; in a nominal study, also whether it follows the
    general inflation (``indexed``) or is a fixed price in current money."""
    text = _growth_text(term, lang)
    if ctx is None or not ctx.infl:
        return text
    from lcc._i18n import percent

    if term.growth.indexed:
        return tr("{growth}, and general inflation {rate} per year", lang, growth=text,
                  rate=percent(math.expm1(ctx.infl), lang))
    return tr("{growth}, not indexed: a fixed price in current money, without inflation",
              lang, growth=text)


def _growth_text(term: Term, lang: str) -> str:
    esc = term.growth.esc
    if esc.sequence is None and esc.rate is not None and esc.rate.param is None and \
            not np.ndim(esc.rate.value) and esc.rate.value == 0.0:
        return tr("no escalation", lang)
    if esc.sequence is None and esc.rate is not None:
        from lcc._i18n import percent

        if esc.rate.parameter is not None:
            return tr("escalation {rate} per year", lang, rate=num_text(esc.rate, lang))
        return tr("escalation {rate} per year", lang, rate=percent(esc.rate.mean(), lang))
    return _sequence_text(esc.sequence, lang) if esc.sequence is not None else \
        tr("escalation per year {text}", lang, text=esc.text)


def _sequence_text(seq: Any, lang: str) -> str:
    """A per-year escalation in words: ``escalation 1 % per year in years 1–12`` when it is
    one rate, else the rates of its first years (``1 %, 2 %, 3 %, … per year``)."""
    from lcc._i18n import percent

    values = np.asarray(seq.values, dtype=float)
    first = int(seq.first_year)
    years = f"{first}–{first + values.size - 1}"
    if values.size and np.all(values == values[0]):
        return tr("escalation {rate} per year in years {years}", lang,
                  rate=percent(float(values[0]), lang), years=years)
    shown = ", ".join(percent(float(v), lang) for v in values[:6])
    return tr("escalation per year {rates} in years {years}", lang,
              rates=shown + (", …" if values.size > 6 else ""), years=years)


def _cat(cat: str, lang: str) -> str:
    return word(cat, lang, header=False)


_Units = dict[str, int]


def _units_text(units: _Units, lang: str) -> str:
    """``{"SEK": 1, "kg": -1}`` → ``SEK/kg`` (``kr/kg`` in Swedish); empty for a pure number."""
    top = [k if e == 1 else f"{k}^{e}" for k, e in units.items() if e > 0]
    low = [k if e == -1 else f"{k}^{-e}" for k, e in units.items() if e < 0]
    text = "·".join(top) or ("1" if low else "")
    if low:
        text += "/" + (low[0] if len(low) == 1 else "(" + "·".join(low) + ")")
    return unit(text, lang)


def _times(a: _Units, b: _Units, sign: int = 1) -> _Units:
    out = dict(a)
    for k, e in b.items():
        out[k] = out.get(k, 0) + sign * e
    return {k: e for k, e in out.items() if e}


def _profile_units(term: AnnualTerm, compiled: Compiled) -> _Units | None:
    """The unit of a term's per-year values c_k (the product of its per-year inputs, the
    money in the study currency), or None where the item is not found."""
    from lcc.model._inputs import Seq

    cur = compiled.study.currency
    item = next((it for it in compiled.alternative.items if it.name == term.item), None)
    own = item is not None
    if item is None and term.category == "externality":
        item = next((it for it in compiled.alternative.items
                     if str(term.item).startswith(f"{it.name} (")), None)
    if item is None:
        return None
    kind = type(item).__name__
    per = {"Energy": str(getattr(item, "_unit", "kWh")).replace("**3", "³"),
           "Water": "m³", "Emission": "kg"}.get(kind)
    units: _Units = {}
    parts: list[tuple[Any, _Units]] = []
    if kind in ("Energy", "Water", "Emission") and per is not None:
        parts.append((getattr(item, "_annual", None), {per: 1, "yr": -1}))
    if own and kind in ("Energy", "Water"):
        parts.append((getattr(item, "_price", None), {cur: 1, str(per): -1}))
    elif not own:  # the externality: the item's own price, or the study's carbon price
        price = getattr(item, "_price", None) if kind == "Emission" else None
        if price is None:
            price = compiled.study._carbon
        parts.append((price, {cur: 1, "kg": -1}))
    elif own and kind not in ("Energy", "Water", "Emission"):  # money per year
        parts.append((getattr(item, "_amount", None), {cur: 1, "yr": -1}))
    for part, u in parts:
        if isinstance(part, Seq):
            units = _times(units, u)
    return units


def _annual_pv_line(term: AnnualTerm, ctx: Context, pv: Any, compiled: Compiled | None,
                    m: Any, lang: str) -> str:
    """The PV line of an annual amount: ``amount × Σ_k c_k·df(t_k) = PV``, each figure in its
    own unit when per-year values c_k carry part of the money or of the use."""
    amount = term.amount(ctx)
    factor = term.factor(ctx)
    head = tr("PV = amount × Σ_k c_k·df(t_k)", lang)
    if not _holds(amount, factor):
        return f"{head}, {_mean_of(ctx.samples, m(pv), lang)}"
    units = None if term.profile is None or compiled is None else \
        _profile_units(term, compiled)
    if units is None:
        return f"{head} = {m(amount)} × {_num(factor, 8, lang)} = {m(pv)}"
    # c_k over the years: one 'yr' is the sum's (the amount per year times years)
    if units.get("yr", 0) < 0:
        units = _times(units, {"yr": 1})
    cur = compiled.study.currency if compiled is not None else ""
    amount_units = _times({cur: 1}, units, -1)
    if any(n.currency for n in term.nums) or term.const == 1.0:
        shown_amount = amount
        shown = ""
    else:  # the money is in c_k, in another currency: its exchange rate is shown apart
        shown_amount = ctx.product(term.nums, 1.0)
        shown = f" × {tr('{factor} (exchange rate)', lang, factor=_num(term.const, 6, lang))}"
    figure = money(shown_amount, "", lang) if lang == "en" else \
        number(float(np.mean(shown_amount)), lang, 2)
    amount_text = (figure + "\u00a0" + _units_text(amount_units, lang)
                   ).rstrip("\u00a0 ") if amount_units else _num(shown_amount, 8, lang)
    factor_text = f"{_num(factor, 8, lang)}\u00a0{_units_text(units, lang)}".rstrip("\u00a0 ")
    return f"{head} = {amount_text}{shown} × {factor_text} = {m(pv)}"


def _lines(term: Term, ctx: Context, pv: dict[str, Any], cur: str,
           lang: str = "en", compiled: Compiled | None = None) -> list[str]:
    amount = term.amount(ctx)
    w = 20

    def m(x: Any) -> str:
        return money(x, cur, lang)

    yr = unit("yr", lang)
    values = [ctx.value(n) for n in term.nums]
    if isinstance(term, AnnualTerm):
        place = {0.0: "t = k", 0.5: "t = k − " + _num(0.5, 1, lang),
                 1.0: "t = k − 1"}[ctx.offset]
        if term.profile is not None:  # a per-year input: its values c_k multiply the rest
            c = np.asarray(term.profile, dtype=float)  # by study year 0..N
            units = _profile_units(term, compiled) if compiled is not None else None
            u = "" if not units else "\u00a0" + _units_text(units, lang)
            shown = " × " + tr("the per-year values c_k, {first} in year {k0} to {last} in "
                               "year {k1}", lang, first=_num(c[term.k0], 6, lang) + u,
                               k0=term.k0, last=_num(c[term.k1], 6, lang) + u, k1=term.k1)
        elif _holds(*values):
            shown = f" = {m(amount)}/{yr}"
        else:
            shown = f", {_mean_of(ctx.samples, f'{m(amount)}/{yr}', lang)}"
        out = [
            f"  {_cat(term.category, lang):<{w}} {_amount_text(term, ctx, lang)}{shown}, "
            + tr("years {k0}..{k1} at {place}", lang, k0=term.k0,
                                    k1=term.k1, place=place) + f", {_esc_text(term, lang, ctx)}",
            f"  {'':<{w}} " + _annual_pv_line(term, ctx, pv[term.category], compiled, m, lang),
        ]
        return out
    if isinstance(term, OnceTerm):
        grow = np.exp(term.growth.log_at(ctx, term.t))
        df = ctx.df(term.t)
        # a credit's minus as the amounts write it (none on 0: '−0 SEK' is no figure)
        sign = ("-" if lang == "en" else "−") if term.sign < 0 and np.any(amount != 0) else ""
        head = (f"  {_cat(term.category, lang):<{w}} {sign}{_amount_text(term, ctx, lang)} "
                + tr("at t = {t}", lang, t=_num(term.t, 6, lang))
                + f", {_esc_text(term, lang, ctx)}: ")
        if not _holds(amount, grow, df):
            return [head + tr("amount", lang) + " × " + tr("growth", lang) + " × "
                    + tr("discount factor", lang) + ", "
                    + _mean_of(ctx.samples, m(pv[term.category]), lang)]
        return [
            head + f"{sign}{m(amount)} × " + tr("growth", lang) + f" {_num(grow, 8, lang)} × "
            + tr("discount factor", lang) + f" {_num(df, 8, lang)} = {m(pv[term.category])}"
        ]
    if isinstance(term, SeriesTerm):
        count = term.count(ctx)
        every = ctx.value(term.every)
        factor = term.factor(ctx)
        head = tr("PV = amount × Σ_j c(t_j)·df(t_j)", lang)
        tail = f" = {m(amount)} × {_num(factor, 8, lang)} = {m(pv[term.category])}" \
            if _holds(amount, factor) else f", {_mean_of(ctx.samples, m(pv[term.category]), lang)}"
        return [
            f"  {_cat(term.category, lang):<{w}} {_amount_text(term, ctx, lang)} "
            + ntr("every {every} {yr} from t = {first} to t ≤ {last} ({n} time)",
                  "every {every} {yr} from t = {first} to t ≤ {last} ({n} times)",
                  _one(count), lang, every=_span(every, 6, lang), yr=yr,
                  first=_num(term.first, 6, lang), last=_num(term.last, 6, lang),
                  n=_span(count, 6, lang))
            + f", {_esc_text(term, lang, ctx)}",
            f"  {'':<{w}} " + head + tail,
        ]
    if isinstance(term, ChainTerm):
        return _chain_lines(term, ctx, pv, cur, amount, lang)
    return [f"  {_cat(cat, lang):<{w}} {m(v)}" for cat, v in pv.items()]  # pragma: no cover


def _life_text(life: Num, lang: str) -> str:
    """A life in hours as the reader writes it: ``50 000 h ÷ 4 000 h/år`` (sv)."""
    parts = []
    for i, f in enumerate(life.factors or ()):
        if f.transform == "reciprocal":
            parts.append(f" ÷ {_plain_num_text(f, lang)}")
        else:
            parts.append(("" if i == 0 else " × ") + num_text(f, lang))
    return "".join(parts)


def _chain_lines(term: ChainTerm, ctx: Context, pv: dict[str, Any], cur: str,
                 amount: Any, lang: str = "en") -> list[str]:
    life = ctx.value(term.life)
    count = term.replacements(ctx)
    n = term.years
    w = 20
    yr = unit("yr", lang)
    samples = ctx.samples

    def m(x: Any) -> str:
        return money(x, cur, lang)

    def f(x: Any) -> str:
        return _span(x, 6, lang)

    given = f"{_life_text(term.life, lang)} = " if term.life.factors and not _varies(life) \
        else ""
    cost = f" {_amount_text(term, ctx, lang)} = {m(amount)}" \
        if _holds(*(ctx.value(x) for x in term.nums)) else \
        f" {_amount_text(term, ctx, lang)}, {_mean_of(samples, m(amount), lang)}"
    out = ["  " + tr("installed at t = {start}, service life L = {life} {yr}", lang,
                     start=f(term.start), life=given + f(life), yr=yr)
           + f", {_esc_text(term, lang, ctx)}; " + tr("cost", lang) + cost]
    if term.initial:
        out.append(f"  {_cat('acquisition', lang):<{w}} "
                   + tr("at t = {t}", lang, t=f(term.start)) + f": {m(pv['acquisition'])}")
    formula = f"  {_cat('replacement', lang):<{w}} ⌈(N − a)/L⌉ − 1 = ⌈({n} − {f(term.start)})/"
    if _varies(count):
        a = np.asarray(count, dtype=float)
        out.append(formula + "L⌉ − 1: " + ntr(
            "{n} replacement on average over the samples, from {low} to {high}",
            "{n} replacements on average over the samples, from {low} to {high}",
            float(np.mean(a)), lang, n=_num(a, 6, lang), low=_num(a.min(), 6, lang),
            high=_num(a.max(), 6, lang)) + f": {m(pv['replacement'])}")
    else:
        k = int(float(np.mean(count)))
        times = ", ".join(f(term.start + j * np.asarray(life)) for j in range(1, k + 1))
        what = ntr("{n} replacement {when}", "{n} replacements {when}", k, lang, n=k,
                   when=tr("at t = {t}", lang, t=times)) if k else \
            "0, " + tr("no replacement", lang)
        out.append(formula + f"{f(life)}⌉ − 1 = {what}: {m(pv['replacement'])}")
    if "end_of_life" in pv:
        out.append(f"  {_cat('end_of_life', lang):<{w}} "
                   + tr("disposal of the old unit at each replacement", lang)
                   + f": {m(pv['end_of_life'])}")
    if "residual" in pv:
        value = term.residual_value(ctx, count)
        last = term.start + count * life
        if not term.initial and not _varies(count) and float(np.mean(count)) < 1:
            out.append(f"  {_cat('residual', lang):<{w}} " + tr(
                "no replacement within the study, so this item bought no unit to credit (the "
                "first unit's value is in the residual value of the item that bought it)", lang)
                + f": {m(0.0)}")
            return out
        if term.residual_mode == "linear":
            how = tr("last installed at t = {last}, remaining {rest} of {life} {yr}: cost at "
                     "year-{n} prices × remaining/L", lang, last=f(last),
                     rest=f(last + life - n), life=f(life), yr=yr, n=n)
        elif term.residual_mode == "fraction":
            assert term.residual is not None
            how = tr("{share} of the cost at year-{n} prices", lang,
                     share=num_text(term.residual, lang), n=n)
        else:
            assert term.residual is not None
            how = tr("stated amount {amount} escalated to year {n}", lang,
                     amount=num_text(term.residual, lang), n=n)
        df = ctx.df(n)
        if _holds(value, df):
            out.append(
                f"  {_cat('residual', lang):<{w}} {how} = {m(-value)} "
                + tr("at t = {t}", lang, t=n) + " × " + tr("discount factor", lang)
                + f" {_num(df, 8, lang)} = {m(pv['residual'])}"
            )
        else:
            out.append(
                f"  {_cat('residual', lang):<{w}} {how}, " + tr("at t = {t}", lang, t=n)
                + " × " + tr("discount factor", lang) + ", "
                + _mean_of(samples, m(pv['residual']), lang)
            )
    return out


def trace(compiled: Compiled, ctx: Context, per_term: list[tuple[Term, dict[str, Any]]],
          by_category: dict[str, Any], total: Any, quantity: Any, lang: str = "en",
          warnings: list[str] | None = None) -> str:
    """The full trace: header, assumptions, parameters, items, totals, warnings.

    ``warnings``: those of the result besides the compiled model's (the purchases late in
    the study, :meth:`LCCResult.late_purchases_in`), already in ``lang``. Parameters are
    named knowing the alternative's name (a description 'Bid B: …' is not called 'Bid B').
    """
    from lcc.results._describe import naming_alternatives

    with naming_alternatives([compiled.alternative.name]):
        return _trace(compiled, ctx, per_term, by_category, total, quantity, lang, warnings)


def _trace(compiled: Compiled, ctx: Context, per_term: list[tuple[Term, dict[str, Any]]],
           by_category: dict[str, Any], total: Any, quantity: Any, lang: str,
           warnings: list[str] | None) -> str:
    from lcc.model._alternative import rate_names
    from lcc.results._describe import parameter_line, parameter_names, study_lines

    alt = compiled.alternative
    study = compiled.study
    cur = study.currency
    samples = ctx.samples
    lines = [
        tr("Life-cycle cost of {name}", lang, name=alt.name),
        f"lcc {__version__}",
        method(lang),
        "",
        tr("Assumptions", lang),
        *[f"  {line}" for line in study_lines(study, lang)],
    ]
    if samples:
        lines.append("  " + tr("Samples: {n}; figures below are means over the samples", lang,
                               n=samples))
    if ctx.overrides:
        shown = ", ".join(f"{k} = {_num(v, 6, lang)}" for k, v in ctx.overrides.items())
        lines.append("  " + tr("Values set for this evaluation: {values}", lang, values=shown))
    if compiled.parameters:
        lines += ["", tr("Parameters", lang)]
        rates = rate_names([alt], study)
        names = parameter_names(compiled.parameters, lang)
        for key, p in compiled.parameters.items():
            lines.append(f"  {parameter_line(p, lang, rates, names[key])}")
    lines += ["", tr("Alternative {name}", lang, name=alt.name)]
    ours = getattr(alt, "calculator", None) is not None  # built by a product calculator
    if alt.description:
        text = alt.description
        if ours:  # a calculator's own words, in the reader's language
            text = in_lang(text, lang) if isinstance(text, Msg) else tr(text, lang)
        lines.append(f"  {text}")
    s = float(alt._start)
    lines.append("  " + tr("enters service at t = {t}; quantity {q}", lang, t=_num(s, 6, lang),
                           q=_qty(compiled.quantity, lang)))
    by_item: dict[str, list[tuple[Term, dict[str, Any]]]] = {}
    for term, pv in per_term:
        by_item.setdefault(term.item, []).append((term, pv))
    for i, (item, entries) in enumerate(by_item.items(), start=1):
        lines.append("")
        lines.append(f"{i}. {item_name(item, lang, ours=ours)}")
        for term, pv in entries:
            if isinstance(term, AnnualTerm) and term.category == "externality" and \
                    not study.include_externalities:
                lines.append("  " + tr("(externality: reported, not included in the LCC)", lang))
            lines.extend(_lines(term, ctx, pv, cur, lang, compiled))
    if compiled.streams:
        lines += ["", tr("Emissions (physical, over the study period, × quantity)", lang)]
        for stream in compiled.streams:
            kg = stream.by_year(ctx).sum(axis=-1) * np.asarray(quantity)
            mean_kg = float(np.mean(kg))  # whole kg from 1 000, as the comparison's kg column
            mass = (number(mean_kg, lang, 0) if abs(mean_kg) >= 1000 else
                    significant(mean_kg, lang)) + " kg"
            same = _holds(*(ctx.value(n) for n in stream.nums), quantity)
            lines.append(f"  {item_name(stream.item, lang, ours=ours)}: {stream.pollutant} "
                         f"{' × '.join(num_text(n, lang) for n in stream.nums)} "
                         + tr("in years {k0}..{k1}", lang, k0=stream.k0, k1=stream.k1)
                         + (f" = {mass}" if same else f", {_mean_of(samples, mass, lang)}"))
    lines += ["", tr("Present value by category (× quantity {q})", lang,
                     q=_qty(compiled.quantity, lang))]
    w = 22
    for cat, v in by_category.items():
        lines.append(f"  {_cat(cat, lang):<{w}} {money(v, cur, lang):>20}")
    lines.append(f"  {'LCC':<{w}} {money(total, cur, lang):>20}")
    listed = [in_lang(w_, lang) for w_ in compiled.warnings] + list(warnings or ())
    if listed:
        lines += ["", tr("Warnings", lang)]
        lines += [f"  - {w_}" for w_ in listed]
    return "\n".join(lines)


def _qty(q: Num | None, lang: str = "en") -> str:
    if q is None:
        return "1"
    return num_text(q, lang)
