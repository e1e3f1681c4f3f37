"""Inputs described for readers: the study, parameters and distributions, in en or sv.

Used by the trace (:meth:`lcc.Comparison.explain`), the reports and the
command line. Parameters are shown by their name in words, never by their
identifier; rates as percentages; distributions in words with their values
in the input's unit ("lognormal, median 1,20 kr/kWh, σ 0,25").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np

from lcc._errors import Msg
from lcc._i18n import N_, money, percent, ptr, quantity, significant, tr, unit, years

#: Names of well-known inputs: the study's own and the shared assumption set's vocabulary.
KNOWN_NAMES: dict[str, str] = {
    "discount_rate": N_("Discount rate"),
    "inflation": N_("General inflation"),
    "carbon_price": N_("Carbon price"),
    "co2e_value": N_("Value of CO2e emissions"),
    "electricity_price": N_("Electricity price"),
    "electricity_price_escalation": N_("Real change of the electricity price"),
    "electricity_emission_factor": N_("Emission factor of electricity"),
    "operating_hours": N_("Operating hours"),
    "water_price": N_("Water price"),
    "light_points": N_("Number of light points"),
}

_RATE_NAME = re.compile(r"(^|_)(rate|escalation|inflation|growth)$")

#: The alternatives' names where parameters are being named (:func:`naming_alternatives`): a
#: description's head that is one of them ('Bid B: energy saved by …') is not a parameter's
#: name, it reads as the alternative.
_ALTERNATIVES: ContextVar[tuple[str, ...]] = ContextVar("lcc_alternatives", default=())

#: Where a description's head ends: a full stop or colon ('1.0 kg' and '22:00' do not);
#: then, where the head is too long with it, a bracket.
_HEAD_ENDS = (r"(?<!\d):|:(?!\d)|;|\.(?!\d)", r"(?<!\d):|:(?!\d)|[;(]|\.(?!\d)")


@contextmanager
def naming_alternatives(names: Iterable[Any]) -> Iterator[None]:
    """Name parameters, inside the block, knowing the alternatives' names (a report, a
    trace, a chart): a description's head that names an alternative is not taken."""
    token = _ALTERNATIVES.set((*_ALTERNATIVES.get(), *(str(n) for n in names)))
    try:
        yield
    finally:
        _ALTERNATIVES.reset(token)


def _head(text: str) -> str | None:
    """A description's head ('Drifttid: …' → 'Drifttid'), or None where it has none short
    enough."""
    for ends in _HEAD_ENDS:
        head = re.split(ends, text.strip(), maxsplit=1)[0].strip()
        if head and len(head) <= 40 and head.count("(") == head.count(")"):
            return head  # a bracket kept whole ('Anbudspris (exkl. moms)' → 'Anbudspris')
    return None


def _is_alternative(head: str, alternatives: Iterable[str]) -> bool:
    """Whether a head is an alternative's name, or the head of one ('Bid B' of 'Bid B:
    DALI, daylight and presence control')."""
    key = head.casefold()
    return any(key in (a.strip().casefold(), (_head(a) or "").casefold())
               for a in alternatives if a.strip())


def parameter_name(name: str, lang: str, description: str | None = None,
                   alternatives: Iterable[str] | None = None) -> str:
    """A parameter's name for readers: a known name, the head of its description
    (``"Drifttid: …"`` → ``Drifttid``), or the identifier in words.

    >>> parameter_name("biogas_co2e", "en", "CO2e of biogas, 1.5 kg per kg. Estimate")
    'CO2e of biogas, 1.5 kg per kg'
    >>> parameter_name("biogas_co2e", "en", "CO2e of biogas, 1.5 kg per kg of upgraded gas")
    'Biogas co2e'
    >>> parameter_name("dimmed_hours", "en", "22:00 to 06:00 while it is dark")
    '22:00 to 06:00 while it is dark'
    >>> parameter_name("price_night", "sv", "Elpris (natt, 22-06). Källa: Nord Pool")
    'Elpris (natt, 22-06)'
    >>> parameter_name("bid_price", "sv", "Anbudspris (exkl. moms) enligt anbudsformulär")
    'Anbudspris'

    A head that is an alternative's name (``alternatives``, else those of
    :func:`naming_alternatives`) is not taken: the text after it is read instead.

    >>> parameter_name("savings_b", "en", "Bid B: energy saved by dimming, presence control",
    ...                ["Bid B: DALI control"])
    'Energy saved by dimming'
    """
    if name in KNOWN_NAMES:
        return tr(KNOWN_NAMES[name], lang)
    if description:
        head = _head(description)
        alts = _ALTERNATIVES.get() if alternatives is None else tuple(alternatives)
        if head and _is_alternative(head, alts):
            rest = description.strip()[len(head):].lstrip(" :;.-–—")
            own = _head(rest) or (rest.split(",")[0].strip() if 0 < len(
                rest.split(",")[0].strip()) <= 40 else None)
            if own and not _is_alternative(own, alts):
                return own[:1].upper() + own[1:]
        elif head:
            return head
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def parameter_names(params: Mapping[str, Any], lang: str,
                    alternatives: Iterable[str] | None = None) -> dict[str, str]:
    """:func:`parameter_name` of several parameters (name → the parameter, or None), each
    told apart: where two would read alike, each of them gets its identifier in brackets.

    >>> parameter_names({"price_day": "Elpris: dagtid", "price_night": "Elpris: natt",
    ...                  "hours": None}, "sv")
    {'price_day': 'Elpris (price_day)', 'price_night': 'Elpris (price_night)', 'hours': 'Hours'}
    """
    names = {n: parameter_name(n, lang, p if isinstance(p, str) or p is None
                               else getattr(p, "description", None), alternatives)
             for n, p in params.items()}
    seen = Counter(v.casefold() for v in names.values())
    return {n: f"{v} ({n})" if seen[v.casefold()] > 1 else v for n, v in names.items()}


def is_rate(name: str, unit_text: str | None, rates: Container[str] | None = None) -> bool:
    """Whether a dimensionless input is a rate per year, shown as a percentage.

    ``rates`` names the inputs the model reads as rates (:func:`lcc.model.rate_names`, an
    analysis' ``attrs["rates"]``); without it, a name such as ``discount_rate`` or
    ``…_escalation`` says so.
    """
    if unit_text:
        return False
    return name in rates if rates is not None else bool(_RATE_NAME.search(name))


def value_text(value: Any, unit_text: str | None, lang: str, *, rate: bool = False) -> str:
    """A value in the reader's format: ``3,5 %``, ``1,5 kr/kWh``, ``250``."""
    if value is None:
        return "—"
    if hasattr(value, "magnitude"):
        from lcc.units import pretty_units

        unit_text = pretty_units(value.units)
        value = value.magnitude
    if np.ndim(value):
        arr = np.asarray(value, dtype=float)
        shown = percent(arr.mean(), lang) if rate else quantity(arr.mean(), unit_text, lang)
        return tr("{n} samples, mean {value}", lang, n=arr.size, value=shown)
    return percent(value, lang) if rate else quantity(value, unit_text, lang)


def _dist_parts(dist: Any) -> tuple[str, dict[str, float], str | None]:
    """(kind, parameters, unit) of a UnitDistribution, a ScipyDistribution or a scipy rv."""
    if hasattr(dist, "kind") and hasattr(dist, "data"):
        return str(dist.kind), {k: float(v) for k, v in dist.data.items()}, dist.unit
    name = getattr(dist, "name", None)
    if not isinstance(name, str):
        name = getattr(getattr(dist, "dist", None), "name", None)
    kwds = dict(getattr(dist, "kwds", {}) or {})
    args = getattr(dist, "args", ()) or ()
    shapes = {"lognorm": ("s",), "triang": ("c",), "truncnorm": ("a", "b"),
              "beta": ("a", "b"), "gamma": ("a",), "weibull_min": ("c",),
              "randint": ("low", "high")}.get(str(name), ())
    for key, a in zip((*shapes, "loc", "scale"), args, strict=False):
        kwds.setdefault(key, a)
    return str(name), {k: float(v) for k, v in kwds.items()}, None


def distribution_text(dist: Any, unit_text: str | None, lang: str, *,
                      rate: bool = False) -> str:
    """A distribution in words with its values in the input's unit.

    >>> from lcc.sensitivity import Uniform
    >>> distribution_text(Uniform.of("3900 h/yr", "4300 h/yr"), "h/yr", "sv")
    'likformig mellan 3\\xa0900\\xa0h/år och 4\\xa0300\\xa0h/år'
    """
    kind, p, own_unit = _dist_parts(dist)
    u = own_unit or unit_text
    rate = rate and not own_unit  # written with a unit ('1 %'): its values are in that unit

    def v(x: float) -> str:
        return percent(x, lang) if rate else quantity(x, u, lang)

    def d(x: float) -> str:  # a spread: no percent sign for a rate's standard deviation
        return (tr("{value} percentage points", lang, value=significant(x * 100, lang))
                if rate else quantity(x, u, lang))

    loc, scale = p.get("loc", 0.0), p.get("scale", 1.0)
    if kind == "uniform":
        low, high = (p["low"], p["high"]) if "low" in p else (loc, loc + scale)
        return tr("uniform between {low} and {high}", lang, low=v(low), high=v(high))
    if kind in ("triangular", "triang", "PERT", "pert"):
        if "mode" in p:
            low, mode, high = p["low"], p["mode"], p["high"]
        else:
            low, mode, high = loc, loc + p.get("c", 0.5) * scale, loc + scale
        name = tr("PERT", lang) if kind.lower() == "pert" else tr("triangular", lang)
        return tr("{name}, lowest {low}, most likely {mode}, highest {high}", lang, name=name,
                  low=v(low), mode=v(mode), high=v(high))
    if kind in ("normal", "norm"):
        mean, sd = (p["mean"], p["sd"]) if "mean" in p else (loc, scale)
        return tr("normal, mean {mean}, standard deviation {sd}", lang, mean=v(mean), sd=d(sd))
    if kind == "lognorm":
        return tr("lognormal, median {median}, σ {sigma}", lang, median=v(scale + loc),
                  sigma=significant(p.get("s", 1.0), lang))
    names = {"truncnorm": N_("truncated normal"), "beta": N_("beta"), "gamma": N_("gamma"),
             "expon": N_("exponential"), "weibull_min": N_("Weibull"),
             "randint": N_("uniform over whole numbers")}
    shown = tr(names[kind], lang) if kind in names else \
        tr("the scipy.stats distribution {name}", lang, name=kind)
    # loc and scale are in the input's unit (its location and spread), shapes plain numbers
    words = {"loc": N_("location"), "scale": N_("scale")}
    inner = ", ".join(f"{tr(words[k], lang)} {v(x) if k == 'loc' else d(x)}" if k in words
                      else f"{k} {significant(x, lang)}" for k, x in p.items())
    return f"{shown} ({inner})" if inner else shown


def parameter_line(p: Any, lang: str, rates: Container[str] | None = None,
                   name: str | None = None) -> str:
    """One line about a parameter: its name in words (``name``: as :func:`parameter_names`
    tells it apart from the others), value, range, role, source (``rates``: as
    :func:`is_rate`)."""
    rate = is_rate(p.name, p.unit_text, rates)
    parts = [tr("{name}: {value}", lang, name=name or parameter_name(p.name, lang, p.description),
                value=value_text(p.value, p.unit_text, lang, rate=rate))]
    if p.low is not None or p.high is not None:
        parts.append(tr("range {low} to {high}", lang,
                        low=value_text(p.low, p.unit_text, lang, rate=rate),
                        high=value_text(p.high, p.unit_text, lang, rate=rate)))
    if p.distribution is not None:
        parts.append(tr("distribution: {text}", lang, text=distribution_text(
            p.distribution, p.unit_text, lang, rate=rate)))
    parts.append(tr("set by the buyer", lang) if p.role == "buyer"
                 else tr("set by the bidder", lang))
    if p.source:
        parts.append(tr("source: {source}", lang, source=p.source))
    return "; ".join(parts)


TIMING_TEXT: dict[str, str] = {
    "end": N_("end of year (the amount of year k at t = k)"),
    "middle": N_("middle of year (t = k − 0.5)"),
    "beginning": N_("beginning of year (t = k − 1)"),
    "continuous": N_("continuous discounting, factor e^(−d·t)"),
}

POLICY_TEXT: dict[str, str] = {
    "study_period": N_("common study period (replacements within it, residual value at its "
                       "end)"),
    "annuity": N_("equivalent annual cost over each alternative's own service life "
                  "(annuity method)"),
    "per_service_year": N_("cost per year of service over each alternative's own service "
                           "life"),
}


def policy_name(policy: str, lang: str) -> str:
    """The comparison basis in words."""
    return tr(POLICY_TEXT[policy], lang) if policy in POLICY_TEXT else policy


def scenario_name(name: str, descriptions: Any, lang: str) -> str:
    """A scenario as readers see it: the base case, the scenario's description, or else its
    identifier in words."""
    if name == "base":
        return tr("Base case", lang)
    return str(descriptions.get(name) or str(name).replace("_", " "))


def per_year(value: float, currency: str, lang: str, digits: int = 0) -> str:
    """An amount per year: ``3 024 kr/år`` (sv), ``3,024 SEK/yr`` (en)."""
    from lcc._i18n import number

    return f"{number(value, lang, digits)}\u00a0{unit(f'{currency}/yr', lang)}"


def basis_headers(policy: str, currency: str, lang: str) -> dict[str, str]:
    """Headers of the summary columns whose meaning a comparison basis on each alternative's
    own service life changes (``Comparison.summary``): the LCC over that life, and the
    per-year values with their unit. Under the common study period, the annual value with
    its unit (a figure per year beside present values)."""
    unit_text = unit(f"{currency}/yr", lang)
    if policy not in ("annuity", "per_service_year"):
        return {"annual_value": tr("Annual value ({unit})", lang, unit=unit_text)}
    if policy == "annuity":
        ns = tr("Net savings in annual cost ({unit})", lang, unit=unit_text)
        value = tr("Annual cost ({unit})", lang, unit=unit_text)
    else:
        ns = tr("Net savings in cost per service year ({unit})", lang, unit=unit_text)
        value = tr("Cost per service year ({unit})", lang, unit=unit_text)
    return {"lcc": tr("LCC over own service life", lang), "net_savings": ns,
            "annual_value": value}


def lowest_line(policy: str, name: str, value: float, currency: str, lang: str) -> str:
    """The alternative a comparison ranks first, named by the measure it ranks by (the
    command line and the trace): 'Lowest annual cost: X: 3,024.49 SEK/yr'."""
    if policy == "annuity":
        return tr("Lowest annual cost: {name}: {value}", lang, name=name,
                  value=per_year(value, currency, lang, 2))
    if policy == "per_service_year":
        return tr("Lowest cost per service year: {name}: {value}", lang, name=name,
                  value=per_year(value, currency, lang, 2))
    return tr("Lowest life-cycle cost: {name}", lang, name=name)


def own_life_amounts(currency: str, lang: str) -> str:
    """What the amounts of a summary on each alternative's own service life are."""
    return tr("Amounts in {currency}, excluding VAT; life-cycle cost: present value over each "
              "alternative's own service life", lang, currency=unit(currency, lang))


def study_period_note(policy: str, years_: int, lang: str) -> str | None:
    """Where a table, chart or trace is on the common study period while the comparison ranks
    on another basis, that it is; None under the common study period."""
    if policy not in ("annuity", "per_service_year"):
        return None
    return tr("On the common study period of {years} (replacements within it, residual value "
              "at its end); the summary compares the {policy}.", lang,
              years=years(years_, lang), policy=policy_name(policy, lang))


def carbon_price_text(study: Any, lang: str) -> str | None:
    """The carbon price in words, or None when the study sets none."""
    cp = study.carbon_price
    if cp is None:
        return None
    from lcc.model import ByYear, Parameter

    if isinstance(cp, Parameter):
        return value_text(cp.value, cp.unit_text, lang)
    if isinstance(cp, ByYear):
        vals = np.asarray(cp.values, dtype=float)
        u = cp.unit if isinstance(cp.unit, str) else (str(cp.unit) if cp.unit else "")
        return tr("{first} in the first year to {last} in the last", lang,
                  first=quantity(vals[0], u, lang), last=quantity(vals[-1], u, lang))
    if isinstance(cp, str):
        try:
            from lcc.units import Q_

            cp = Q_(cp)
        except Exception:  # shown as written, in the reader's units
            return unit(cp, lang)
    return value_text(cp, None, lang)


def study_lines(study: Any, lang: str) -> list[str]:
    """The study's assumptions, one line each, in ``lang``."""
    rate = study.rate
    lines = [tr("Study period: {period}", lang, period=years(study.years, lang))]
    if study.base_year is not None:
        lines[-1] += tr(" (base date t = 0 at the start of {year})", lang,
                        year=str(study.base_year))
    shown = value_text(rate.value, None, lang, rate=True)
    if study.nominal:
        lines.append(tr("Discount rate: {rate} per year, nominal", lang, rate=shown))
        infl = study._inflation
        lines.append(tr("Price basis: current prices (nominal); general inflation {rate} per "
                        "year on indexed items; real and nominal rates related by "
                        "{relation}", lang, rate=percent(float(np.mean(infl.value)), lang),
                        relation="D = d + ln(1 + i)" if study.timing == "continuous"
                        else "(1 + D) = (1 + d)(1 + i)"))
    else:
        lines.append(tr("Discount rate: {rate} per year, real", lang, rate=shown))
        lines.append(tr("Price basis: constant prices of the base year (real)", lang))
    lines.append(tr("Timing of annual amounts: {timing}", lang,
                    timing=tr(TIMING_TEXT[study.timing], lang)
                    if study.timing in TIMING_TEXT else study.timing))
    lines.append(tr("Currency: {currency}; amounts excluding VAT unless stated otherwise",
                    lang, currency=unit(study.currency, lang)))
    if study.exchange_rates is not None:
        ex = study.exchange_rates
        pairs = ", ".join(f"1 {unit(c, lang)} = {quantity(r, ex.base, lang)}"
                          for c, r in ex.rates.items() if c != ex.base)  # not '1 SEK = 1 SEK'
        lines.append(tr("Exchange rates: {rates}", lang, rates=pairs))
        date, source = getattr(ex, "date", None), getattr(ex, "source", None)
        if date:
            lines[-1] += "; " + tr("rates of {date}", lang, date=str(date))
        if source:
            lines[-1] += "; " + tr("source: {source}", lang, source=str(source))
    price = carbon_price_text(study, lang)
    if not study.include_externalities:
        lines.append(tr("Externalities: reported in kg, not monetised and not part of the "
                        "LCC", lang))
        if price:
            lines[-1] += tr(" (the carbon price {price} is shown for information)", lang,
                            price=price)
    elif price:
        lines.append(tr("Externalities: monetised and included in the LCC; CO2e at {price}",
                        lang, price=price))
    else:
        lines.append(tr("Externalities: no carbon price is set, so CO2e is reported in kg and "
                        "adds nothing to the LCC; only emissions with their own price are "
                        "monetised", lang))
    return lines


def difference_text(other: str, best: str, lang: str) -> str:
    """A difference in words: ``Difference: LED bid B − LED bid A``."""
    return tr("Difference: {other} − {best}", lang, other=other, best=best)


class ParameterName(Msg):
    """A parameter in a message or label: its name in words in the reader's language
    (``discount_rate`` → ``Discount rate``, ``Kalkylränta``; ``night_level`` described as
    'Night level' → ``Night level``), never its identifier (kept in ``name``)."""

    name: str
    description: str | None

    def __new__(cls, name: str, description: str | None = None) -> ParameterName:
        self = str.__new__(cls, parameter_name(name, "en", description))
        self.msgid, self.values = str(self), {}
        self.name, self.description = name, description
        return self

    def in_lang(self, lang: str) -> str:
        return str(self) if lang == "en" else parameter_name(self.name, lang, self.description)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ParameterName, (self.name, self.description))


def deciding_difference_note(tornado: Any, shown: str, lang: str) -> str | None:
    """The note on a tornado's deciding difference (``shown`` as the reader reads its label):
    what its rows are, or that no input with a range moves it (it has no rows then)."""
    pair, label = tornado.attrs.get("pair"), tornado.attrs.get("difference")
    if not pair or not label:
        return None
    if (tornado["alternative"] == label).any():
        return tr("{difference}: the deciding difference, the runner-up's life-cycle cost "
                  "minus the best one's (positive while the best stays best)", lang,
                  difference=shown)
    bases = tornado.attrs.get("base_lcc") or {}
    gap = float(bases[pair[1]]) - float(bases[pair[0]])
    return tr("{difference}: the deciding difference, the runner-up's life-cycle cost minus "
              "the best one's, is {amount} at every low and high value: no input with a range "
              "changes which of the two is best", lang, difference=shown,
              amount=money(gap, str(tornado.attrs.get("unit") or ""), lang, 2))


__all__ = ["KNOWN_NAMES", "ParameterName", "basis_headers", "carbon_price_text",
           "deciding_difference_note", "difference_text", "distribution_text", "is_rate",
           "lowest_line", "naming_alternatives", "own_life_amounts", "parameter_line",
           "parameter_name", "per_year",
           "policy_name", "ptr", "scenario_name", "study_lines", "study_period_note",
           "value_text"]
