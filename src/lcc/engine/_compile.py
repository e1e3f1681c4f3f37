"""Compile an Alternative and a Study into terms on plain floats (no pint)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lcc._errors import ItemName, LCCError, Msg, field_of
from lcc.engine._context import Growth
from lcc.engine._terms import (
    AnnualTerm,
    ChainTerm,
    EmissionStream,
    OnceTerm,
    SeriesTerm,
    Term,
)
from lcc.model._alternative import Alternative, check_parameters
from lcc.model._inputs import NO_ESCALATION, Esc, Num, Seq
from lcc.model._items import (
    CostItem,
    Disposal,
    Emission,
    Energy,
    Investment,
    OneOff,
    Periodic,
    Recurring,
    Replacement,
    Residual,
    Water,
    check_residual,
)
from lcc.model._parameter import Parameter
from lcc.model._study import Study
from lcc.units import currency_mix_error


@dataclass
class Compiled:
    """An alternative ready to evaluate: terms, emission streams, warnings."""

    alternative: Alternative
    study: Study
    terms: list[Term] = field(default_factory=list)
    streams: list[EmissionStream] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    samples: int | None = None
    quantity: Num | None = None
    notes: dict[int, str] = field(default_factory=dict)
    #: The context and present values per term without overrides, once computed
    #: (:func:`lcc.engine.base_values`): loading a file checks them, the comparison reuses them.
    base: Any = field(default=None, repr=False, compare=False)


class _Builder:
    def __init__(self, alt: Alternative, study: Study) -> None:
        self.alt = alt
        self.study = study
        self.n = study.years
        self.s = float(alt._start)
        self.out = Compiled(alt, study)
        self.cut: set[tuple[int, int, int]] = set()

    # -- helpers ------------------------------------------------------------
    def warn(self, text: Msg) -> None:
        self.out.warnings.append(Msg("{alternative}: {warning}", alternative=self.alt.name,
                                     warning=text))

    def fx(self, currency: str | None, where: str) -> float:
        """Factor from an input's currency to the study currency."""
        if currency is None or currency == self.study.currency:
            return 1.0
        rates = self.study.exchange_rates
        if rates is None:
            err = currency_mix_error(where, currency, self.study.currency)
            raise LCCError(err.message, field=where, code="currency-mix")
        try:
            return rates.rate(currency, self.study.currency)
        except LCCError as exc:
            raise LCCError(Msg("{name}: {problem}", name=where, problem=exc.message), field=where,
                           code="currency-mix") from None

    def align(self, seq: Seq, k0: int, k1: int, where: str) -> np.ndarray:
        """A per-year sequence as a vector over study years 0..N (used years k0..k1)."""
        first = seq.first_year
        if seq.calendar:
            base = self.study.base_year
            if base is None:
                raise LCCError(
                    Msg("{name}: the ByYear is by calendar year (first_year={first}); give "
                        "Study(base_year=...) to align it with the study years", name=where,
                        first=first), field=where,
                    code="invalid-value")
            first = first - base + 1
            label = lambda k: f"{k + base - 1}"  # noqa: E731
        else:
            label = str
        last = first + seq.values.size - 1
        if first > k0 or last < k1:
            missing = [k for k in range(k0, k1 + 1) if k < first or k > last]
            raise LCCError(
                Msg("{name}: the per-year sequence covers years {first}..{last} but years "
                    "{k0}..{k1} are needed (missing: {missing})", name=where, first=label(first),
                    last=label(last), k0=label(k0), k1=label(k1),
                    missing=_ranges([label(k) for k in missing])), field=where, code="invalid-value"
            )
        if (first < k0 or last > k1) and (id(seq), k0, k1) not in self.cut:
            self.cut.add((id(seq), k0, k1))  # one sequence read for its energy and its
            # emissions is cut once
            self.warn(
                Msg("{name}: per-year sequence cut to years {k0}..{k1} (it covers "
                    "{first}..{last})", name=where, k0=label(k0), k1=label(k1),
                    first=label(first), last=label(last))
            )
        vec = np.zeros(self.n + 1)
        vec[k0:k1 + 1] = seq.values[k0 - first:k1 - first + 1]
        return vec

    def growth(self, item: CostItem, esc: Esc | None = None) -> Growth:
        esc = item.esc if esc is None else esc
        if not item.indexed and not self.study.nominal:
            self.warn(Msg("{name}: indexed=False has no effect in a real study "
                          "(inflation=None); amounts are in constant prices", name=item.name))
        if esc.sequence is None:
            return Growth(esc, item.indexed)
        seq = esc.sequence
        rates = self.align(seq, 1, self.n, field_of(item.name, "escalation")) if seq else None
        assert rates is not None
        step = np.log1p(rates)
        step[0] = 0.0
        return Growth(esc, item.indexed, np.cumsum(step), step)

    def years(self, item: Any) -> tuple[int, int] | None:
        k0 = int(self.s) + item._start
        k1 = self.n if item._end is None else int(self.s) + item._end
        if k0 > self.n:
            self.warn(Msg("{name}: starts in year {k0}, after the end of the study (year {n}); "
                          "left out", name=item.name, k0=k0, n=self.n))
            return None
        if k1 > self.n:
            self.warn(Msg("{name}: runs to year {k1}, past the end of the study; years "
                          "{n}..{k1} left out", name=item.name, k1=k1, n=self.n + 1))
            k1 = self.n
        return k0, k1

    def split(self, parts: list[Num | Seq | None], k0: int, k1: int, where: str,
              item: CostItem | None = None) -> tuple[tuple[Num, ...], float, np.ndarray | None]:
        """Separate scalar inputs (nums) from per-year ones (a profile vector); an error of a
        per-year one names the item's field that holds it."""
        nums: list[Num] = []
        const = 1.0
        profile: np.ndarray | None = None
        for part in parts:
            if part is None:
                continue
            const *= self.fx(part.currency, where)
            if isinstance(part, Seq):
                try:
                    vec = self.align(part, k0, k1, where)
                except LCCError:  # said again with the field named (found only when wrong)
                    key = next((k for k, v in item.read_values().items() if v is part),
                               None) if item is not None else None
                    if key is None:
                        raise
                    vec = self.align(part, k0, k1, f"{where}.{key}")
                profile = vec if profile is None else profile * vec
            else:
                nums.append(part)
        return tuple(nums), const, profile

    def few_events(self, item: CostItem, key: str, interval: Num, span: float) -> None:
        """Refuse an interval so short that the item would recur more than MAX_EVENTS times."""
        values = [float(np.min(interval.value))]
        p = interval.parameter
        if p is not None and p.low is not None:
            values.append(float(np.asarray(p.low_magnitude)) * interval.scale)
        shortest = min(values)
        if shortest <= 0 or span / shortest > MAX_EVENTS:
            n = span / shortest if shortest > 0 else float("inf")
            count = Msg("an unbounded number of") if n > 1e12 else \
                f"{n:,.0f}".replace(",", " ")
            raise LCCError(
                Msg("{name}: an interval of {shortest:.3g} years gives {count} occurrences in "
                    "the study; at most {most} are evaluated per item — give a longer interval "
                    "(a cost every year is a Recurring item)", name=field_of(item.name, key),
                    shortest=shortest, count=count,
                    most=f"{MAX_EVENTS:,}".replace(",", " ")),
                field=field_of(item.name, key), code="invalid-value")

    # -- items ----------------------------------------------------------------
    def item(self, item: CostItem) -> None:
        handler = getattr(self, f"_{type(item).__name__.lower()}", None)
        if handler is None:
            for base in type(item).__mro__:
                handler = getattr(self, f"_{base.__name__.lower()}", None)
                if handler is not None:
                    break
        if handler is None:  # pragma: no cover - every model type has a handler
            raise LCCError(Msg("{name}: the engine does not know this item type", name=item.name),
                           field="Alternative.items", code="unknown-type")
        handler(item)

    def _once(self, item: CostItem, category: str, at: float, amount: Num,
              sign: float = 1.0) -> None:
        if at > self.n + 1e-12:
            self.warn(Msg("{name}: at t = {at:g}, after the end of the study (t = {n}); left out",
                          name=item.name, at=at, n=self.n))
            return
        const = self.fx(amount.currency, field_of(item.name, "amount"))
        self.out.terms.append(OnceTerm(item.name, (amount,), const, self.growth(item),
                                       category, at, sign))

    def _investment(self, item: Investment | Replacement) -> None:
        a = self.s + item._at
        amount: Num = item._amount
        life: Num | None = item._life
        initial = isinstance(item, Investment)
        if life is None:  # no replacement and no residual (a stated one is refused)
            self._once(item, "acquisition", a, amount)
            return
        if a > self.n + 1e-12:
            self.warn(Msg("{name}: at t = {a:g}, after the end of the study (t = {n}); left out",
                          name=item.name, a=a, n=self.n))
            return
        self.few_events(item, "life" if initial else "every", life, self.n - a)
        residual: Num | None = item._residual
        mode: str = item._residual_mode
        disposal: Num | None = item._disposal
        fx_amount = self.fx(amount.currency, field_of(item.name, "amount"))
        fx_residual = self.fx(residual.currency, field_of(item.name, "residual")) \
            if mode == "amount" and residual is not None else 1.0
        if mode == "amount" and residual is not None and residual.currency != amount.currency:
            # the item compared its residual with its cost in one currency; in two, the
            # study's rates compare them
            check_residual(residual, amount, item._named("residual"),
                           field_of(item.name, "residual"), (fx_residual, fx_amount))
        self.out.terms.append(ChainTerm(
            item.name, (amount,), fx_amount,
            self.growth(item), life, a, self.n, initial, mode, residual, fx_residual,
            None if disposal is None else (disposal,),
            1.0 if disposal is None
            else self.fx(disposal.currency, field_of(item.name, "disposal")),
        ))

    _replacement = _investment

    def _oneoff(self, item: OneOff) -> None:
        self._once(item, item._category, self.s + item._at, item._amount)

    def _residual(self, item: Residual) -> None:
        at = float(self.n) if item._at is None else self.s + item._at
        self._once(item, "residual", at, item._amount, sign=-1.0)

    def _disposal(self, item: Disposal) -> None:
        at = float(self.n) if item._at is None else self.s + item._at
        self._once(item, "end_of_life", at, item._amount)

    def _periodic(self, item: Periodic) -> None:
        first = self.s + item._first
        last = float(self.n) if item._last is None else self.s + item._last
        if first > self.n + 1e-12:
            self.warn(Msg("{name}: first occurrence at t = {first:g}, after the end of the "
                          "study (t = {n}); left out", name=item.name, first=first, n=self.n))
            return
        if last > self.n:
            self.warn(Msg("{name}: occurrences after t = {n} (last = {last:g}) are outside the "
                          "study; left out", name=item.name, n=self.n, last=last))
            last = float(self.n)
        self.few_events(item, "every", item._every, last - first)
        amount: Num = item._amount
        self.out.terms.append(SeriesTerm(
            item.name, (amount,), self.fx(amount.currency, field_of(item.name, "amount")),
            self.growth(item), item._category, item._every, first, last))

    def _annual(self, item: Any, category: str, parts: list[Num | Seq | None],
                growth: Growth | None = None) -> tuple[int, int] | None:
        span = self.years(item)
        if span is None:
            return None
        k0, k1 = span
        nums, const, profile = self.split(parts, k0, k1, item.name, item)
        self.out.terms.append(AnnualTerm(item.name, nums, const,
                                         growth or self.growth(item), category, k0, k1,
                                         profile))
        return span

    def _recurring(self, item: Recurring) -> None:
        self._annual(item, item._category, [item._amount])

    def _water(self, item: Water) -> None:
        self._annual(item, "water", [item._annual, item._price])

    def _energy(self, item: Energy) -> None:
        use: list[Num | Seq | None] = list(item.use())
        span = self._annual(item, "energy", [*use, item._price])
        ef: Num | None = item._ef
        if span is None or ef is None:
            return
        self._emission(item, "CO2e", [*use, ef], None, NO_ESCALATION, span)

    def _emission(self, item: Any, pollutant: str, mass: list[Num | Seq | None],
                  price: Num | Seq | None, esc: Esc | None,
                  span: tuple[int, int] | None = None) -> None:
        span = span or self.years(item)
        if span is None:
            return
        k0, k1 = span
        nums, const, profile = self.split(mass, k0, k1, item.name, item)
        self.out.streams.append(EmissionStream(item.name, pollutant, nums, const, k0, k1,
                                               profile))
        own = price is not None
        if not own and pollutant == "CO2e":
            price = self.study._carbon  # its own path; the item's escalation is refused
        if price is None:
            self.warn(Msg("{name}: no price for {pollutant}; reported in kg only, no money "
                          "value in the LCC", name=item.name, pollutant=pollutant))
            return
        pnums, pconst, pprof = self.split([price], k0, k1, Msg(
            "{name} ({pollutant} price)", name=item.name, pollutant=pollutant))
        if profile is not None and pprof is not None:
            prof = profile * pprof
        else:
            prof = profile if pprof is None else pprof
        growth = self.growth(item, esc) if own else Growth(NO_ESCALATION, True)
        name = item.name
        self.out.terms.append(AnnualTerm(
            name.with_suffix(f" ({pollutant})") if isinstance(name, ItemName)
            else f"{name} ({pollutant})", nums + pnums, const * pconst, growth, "externality",
            k0, k1, prof))

    def _emission_item(self, item: Emission) -> None:
        self._emission(item, item.pollutant, list(item.use()),
                       item._price, item.esc)


#: The most occurrences of one item in a study (replacements, periodic costs): a life of
#: "1e-9 yr" would otherwise mean a billion purchases.
MAX_EVENTS = 10_000


def compile_alternative(alt: Alternative, study: Study) -> Compiled:
    """Compile one alternative under a study (see :class:`Compiled`)."""
    if not isinstance(alt, Alternative):
        raise LCCError(Msg("expected an lcc.Alternative, got {type} {alt!r}",
                           type=type(alt).__name__, alt=alt), field="alternative",
                       code="wrong-type")
    if not isinstance(study, Study):
        raise LCCError(Msg("expected an lcc.Study, got {type} {study!r}",
                           type=type(study).__name__, study=study), field="study",
                       code="wrong-type")
    # The last compilation is kept on the alternative with the study it was made under:
    # both are immutable once built, so an alternative evaluated again under the same study
    # (a tender checked when read, then compared) is compiled once.
    last = alt.__dict__.get("_compiled")
    if last is not None and last[0] is study:
        return last[1]
    out = _compile(alt, study)
    alt.__dict__["_compiled"] = (study, out)
    return out


def _compile(alt: Alternative, study: Study) -> Compiled:
    b = _Builder(alt, study)
    if b.s >= study.years:  # none of its costs would count: an LCC of 0, ranked best
        raise LCCError(Msg("{name}: enters service at t = {s:g}, at or after the end of the "
                           "study (t = {years}), so none of its costs would count; start it "
                           "before t = {years} (a calendar year is written as the years after "
                           "the base year) or lengthen the study", name=alt.name, s=b.s,
                           years=study.years), field="Alternative.start", code="invalid-value")
    for i, item in enumerate(alt.items):
        try:
            if isinstance(item, Emission):
                b._emission_item(item)
            else:
                b.item(item)
        except LCCError as exc:
            raise _at_item(exc, i, item) from None
    out = b.out
    params = alt.parameters() + study.parameters()
    out.parameters = check_parameters(params, f"Alternative {alt.name!r} with the study")
    if "discount_rate" in out.parameters and not (
        isinstance(study.discount_rate, Parameter)
        and study.discount_rate.name == "discount_rate"
    ):
        raise LCCError(
            Msg("a Parameter named 'discount_rate' is used outside Study.discount_rate; that "
                "name addresses the study's discount rate in sensitivity analysis — rename it"),
            field="Alternative.parameters", code="invalid-value")
    out.quantity = alt._quantity
    sizes = {_samples(alt._quantity), _samples(study.rate)}
    for item in alt.items:
        sizes.update(_samples(f) for f in item.inputs() if isinstance(f, Num))
    carbon = study._carbon
    if isinstance(carbon, Num):
        sizes.add(_samples(carbon))
    sizes.discard(None)
    if len(sizes) > 1:
        raise LCCError(
            Msg("Alternative {called!r} with the study: sample arrays of different lengths "
                "({value}); every sampled input must have the same number of samples",
                called=alt.name, value=sorted(s for s in sizes if s is not None)),
            field="Alternative", code="invalid-value")
    out.samples = next(iter(sizes)) if sizes else None
    return out


def _at_item(exc: LCCError, index: int, item: CostItem) -> LCCError:
    """An error of an item's input, located at ``Alternative.items[i].<field>``.

    The engine names an input ``<item.name>.<field>`` in its messages; the field is
    the part after the item's own name.
    """
    where = exc.field or ""
    key = where[len(item.name):] if where.startswith(item.name) else ""
    code = exc.code or "invalid-value"
    message = exc.message
    detail: str | None
    if isinstance(message, Msg) and message.detail() is not None \
            and str(message.values["name"]) == where:
        detail = message.detail()  # in any language
    else:
        detail = message[len(where) + 2:] if where and message.startswith(f"{where}: ") \
            else exc.detail
    return LCCError(exc.message, field=f"Alternative.items[{index}]{key}", code=code,
                    detail=detail)


def _samples(num: Num) -> int | None:
    """``num.samples`` without numpy calls for the common case of a single float."""
    return num.samples if isinstance(num.value, np.ndarray) else None


def _ranges(labels: list[str]) -> str:
    if len(labels) <= 3:
        return ", ".join(labels)
    return f"{labels[0]}..{labels[-1]}"
