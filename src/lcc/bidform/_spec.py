"""What each bidder must give: the bid form a tender declares (internal).

See :mod:`lcc.io.bidform` for the three ways a tender declares it. Everything
here reads the tender's own data (the text it was read from, else
:attr:`~lcc.io.Tender.bid_form`), checks it with the tender reader and records
located issues (file, line, path) like every other tender error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, NotFound, UnitText, as_msg, suggest
from lcc._i18n import LANGS, N_, tr
from lcc._i18n import unit as unit_words
from lcc.bidform._words import said
from lcc.io import _fields as F
from lcc.io._build import BAD, Reader, Scope, build_item, model_issues, unit_problem
from lcc.io._issues import Collector, Path, TenderError
from lcc.io._model import Tender
from lcc.io._values import number_text, parameter_value
from lcc.model import Alternative, Parameter
from lcc.model._fields import located
from lcc.units import CURRENCIES

#: Keys of the ``[bid_form]`` table.
BID_FORM_KEYS: tuple[str, ...] = ("like", "template", "inputs", "units", "defaults", "bounds",
                                  "items", "quantity", "life", "start", "title",
                                  "instructions")
_COMMON_KEYS = ("title", "instructions")
_MODE_KEYS = {
    "like": ("like", "defaults", "bounds", *_COMMON_KEYS),
    "template": ("template", "inputs", "units", "defaults", "bounds", *_COMMON_KEYS),
    "items": ("items", "quantity", "life", "start", *_COMMON_KEYS),
}
#: Keys of a bidder value ``{ bidder = "...", unit = "...", ... }``.
MARKER_KEYS: tuple[str, ...] = ("bidder", "unit", "required", "default", "min", "max", "note")

_CURRENCY = re.compile(rf"\b(?:{'|'.join(CURRENCIES)})\b")
#: A quantity text's number (thousands in spaces, '.' or ',', an exponent), then its unit.
_NUMBER_PART = re.compile(r"\s*[-+\u2212]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d*)(?:[.,]\d+)*"
                          r"(?<=\d)(?:[eE][-+]?\d+)?\s+(?![\d\s]+$)(\S.*)")
#: The row kind of each field kind a bidder may give (a position is a number of years).
_ROW_KINDS = {"quantity": "quantity", "position": "years", "rate": "number", "count": "count",
              "choice": "choice", "text": "text"}
#: The range of a percentage row (a rate): over −100 % and under 100 %, as a bare rate is.
PERCENT_RANGE = (-1.0, 1.0)
#: Row kinds of numbers that are never negative unless the tender says so.
_NOT_NEGATIVE = ("quantity", "years", "count")
#: Row kinds a buyer may bound ([bid_form.bounds], a bidder value's min and max).
_NUMBERS = ("quantity", "years", "number", "count")
#: A calculator input that is at most another of the same calculator: the resale value of a
#: unit is at most its price (the model's rule, :func:`lcc.model._items.worth_more`, which the
#: calculators apply in :func:`lcc.templates._common.resale_items`).
AT_MOST = {"resale_value": "price"}


@dataclass(frozen=True)
class BidField:
    """One value each bidder gives: one row of the bid form.

    Attributes
    ----------
    key : str
        Stable key of the row: ``"bidder"`` (the bid's name), the path of an
        item field (``"items[0].amount"``), an alternative field
        (``"quantity"``) or the name of a calculator input (``"power"``).
    label : str
        What the bidder is asked, as shown on the form.
    kind : str
        ``"quantity"`` (a number in ``unit``), ``"years"`` (a number of
        years), ``"number"`` (a plain number), ``"count"`` (a whole number
        ≥ 0), ``"choice"`` (one of ``choices``) or ``"text"``.
    unit : str
        The unit the number is given in (``"SEK"``, ``"W"``, ``"kWh/yr"``);
        ``""`` for plain numbers, choices and texts.
    required : bool
        Whether the cell must be filled in: every value is, unless the tender
        gives ``default`` (a blank cell must never lower a bid's LCC).
    minimum, maximum : float, optional
        Bounds of the number (inclusive).
    choices : tuple of str
        The accepted words of a choice.
    note : str
        Explanation shown beside the cell (meaning, source, example).
    default : float or str, optional
        The tender's value for a blank cell (in ``unit``), printed beside the
        cell; an import that used it says so in the bid's description.
    shown : tuple of str
        The ``choices`` as the form shows them, in its language (same order;
        empty: the words themselves).
    spellings : tuple of tuple of str
        Per choice, the other texts a cell may hold for it (its label in every
        language of the forms), so a form reads back whatever its language.
    exclusive : bool
        Whether ``minimum`` itself is refused, as the model's field refuses it (a
        service life or an interval is more than 0 years).
    whole : bool
        A number of years that must be whole, as the model's field says (the first
        year of an annual cost is 1, 2, …).
    percent : bool
        A rate per year: the cell holds the fraction and shows it as a percentage
        (typed as ``2 %``); more than −100 % and less than 100 %, as a bare rate is.
    at_most : str, optional
        The key of another row this one may not exceed (a resale value, at most the
        price); ``at_most_scale`` is one of this row's unit in the other's (1000 for a
        resale in tkr beside a price in SEK).
    rule : Field, optional
        The model's field a choice is read by (an item's ``category``): its words exactly,
        a text that is none of them refused with the field's own message and suggestion
        (``'MAINTENANCE' (did you mean 'maintenance'?)``). None for a calculator's choice,
        read by the calculator's rule (its words in any letter case, or their labels).
    """

    key: str
    label: str
    kind: str
    unit: str = ""
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    note: str = ""
    default: Any = None
    shown: tuple[str, ...] = ()
    spellings: tuple[tuple[str, ...], ...] = ()
    exclusive: bool = False
    whole: bool = False
    percent: bool = False
    at_most: str | None = None
    at_most_scale: float = 1.0
    rule: F.Kind | None = field(default=None, compare=False, repr=False)

    @property
    def whole_number(self) -> bool:
        """Whether the cell takes whole numbers only (a count, or whole years)."""
        return self.kind == "count" or self.whole

    @property
    def shown_choices(self) -> tuple[str, ...]:
        """The words of a choice as the form shows them."""
        return self.shown or self.choices

    def choice_of(self, text: str) -> str | None:
        """The choice a cell's text names, or None: by the model's field (:attr:`rule`) its
        word exactly; else (a calculator's) the shown word or the word itself, any letter
        case."""
        if self.rule is not None:
            return text.strip() if text.strip() in self.choices else None
        key = text.strip().lower()
        other = self.spellings or tuple(() for _ in self.choices)
        for word, shown, more in zip(self.choices, self.shown_choices, other, strict=True):
            if key in (word.lower(), shown.lower(), *(m.lower() for m in more)):
                return word
        return None


@dataclass(frozen=True)
class Slot:
    """Where a bidder's value goes in a bid template (internal)."""

    key: str


@dataclass(frozen=True)
class BidForm:
    """What every bidder of a tender gives, and how it becomes an alternative.

    Attributes
    ----------
    kind : {"items", "calculator"}
        Item-based bids (each bid is the template's cost items with the
        bidder's values) or a product calculator's bidder inputs.
    fields : tuple of BidField
        The rows of the form, the bidder's name first.
    origin : str
        How the tender declares it, e.g. ``"[bid_form] items (tender.toml:40)"``
        or ``"the alternative 'Bid A' (no [bid_form] table)"``.
    title, instructions : str, optional
        The buyer's own title and instructions from ``[bid_form]``.
    calculator : str, optional
        The calculator's name (kind "calculator").
    template : mapping, optional
        Kind "items": the bid as a tender-file table whose bidder values are
        :class:`Slot` markers.
    inputs : mapping
        Kind "calculator": the buyer's inputs of the calculator (model values).
    trial : mapping
        A value of each bidder row, by key, valid together with the others: the trial
        bid the form was checked with before it was written.
    notes : tuple of Msg
        What the buyer should know about the form and that is no error (``lcc bid-form``
        prints it): the rows that come from literal values of the alternative a form is
        like, which bidders will now give.
    """

    kind: str
    fields: tuple[BidField, ...]
    origin: str
    title: str | None = None
    instructions: str | None = None
    calculator: str | None = None
    template: Mapping[str, Any] | None = None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    trial: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[Msg, ...] = ()

    def field(self, key: str) -> BidField:
        """The field of a key (KeyError, naming the closest, if none)."""
        for f in self.fields:
            if f.key == key:
                return f
        raise NotFound(key, (f.key for f in self.fields), "field")


# ---------------------------------------------------------------------------- the tender file


@dataclass
class TenderFile:
    """The tender's file as read for bid forms: digest, raw data and its lines."""

    digest: str
    data: dict[str, Any] | None
    c: Collector
    name: str | None


def read_tender_file(tender: Tender, tender_file: str | os.PathLike[str] | None
                     ) -> TenderFile:
    """The tender's own data for bid forms: its ``[bid_form]`` table, with its lines.

    A tender loaded with :func:`lcc.io.load_tender` or :func:`lcc.io.loads_tender`
    holds the text it was read from: that text is used (its ``source`` is a name to
    show and is never opened again) and the digest is the SHA-256 of the bytes read.
    A tender built in Python is hashed as the TOML text :func:`lcc.io.dumps_tender`
    writes, its ``[bid_form]`` being :attr:`Tender.bid_form`. Only a ``tender_file``
    given explicitly is read from disk.
    """
    from lcc.io._api import _format_of, _read_bytes, dumps_tender
    from lcc.io._read import decode, parse

    if tender_file is None:
        document = getattr(tender, "_document", None)
        shown = os.fspath(tender.source) if tender.source is not None else None
        if document is not None:
            digest, text, fmt = document
            raw, lines = parse(text, fmt, shown)
            return TenderFile(digest, raw, Collector(shown, lines),
                              FsPath(shown).name if shown is not None else None)
        text = dumps_tender(tender, "toml")
        own = {"bid_form": dict(tender.bid_form)} if tender.bid_form is not None else None
        return TenderFile(hashlib.sha256(text.encode("utf-8")).hexdigest(), own,
                          Collector(None), None)
    shown = os.fspath(tender_file)
    fmt = _format_of(shown, None, shown)
    data = _read_bytes(FsPath(shown), shown)
    raw, lines = parse(decode(data, shown), fmt, shown)
    return TenderFile(hashlib.sha256(data).hexdigest(), raw, Collector(shown, lines),
                      FsPath(shown).name)


# ---------------------------------------------------------------------------- deriving the form


def study_currency(tender: Tender) -> str:
    return str(tender.study.currency)


def in_currency(unit: str, currency: str) -> str:
    """A unit text with every currency code replaced by the study's."""
    return _CURRENCY.sub(currency, unit)


def quantity_parts(text: str, name: str = "value") -> tuple[float, str] | None:
    """A quantity text as the model reads it (:func:`lcc.units._parse_text`), split into its
    number and its unit: ``"4200 SEK"``, ``"4200kr"``, ``"SEK 4200"``, ``"€500"``,
    ``"4_200 kr"`` all have a unit; None if the text is a bare number (``"4"``, ``"0,04"``).

    The unit is the author's own spelling where the text is a number and then its unit
    (``"5 l/100km"`` -> 5, ``"l/100km"``; ``"90 kr/mån"``), else the model's reading of it
    (``"€500"`` -> 500, ``"EUR"``); either way ``number unit`` reads as the text does. An
    unreadable text raises the model's LCCError (named ``name``)."""
    from lcc.units import _parse_text, pretty_units

    q = _parse_text(text, name)
    if not q._units or np.ndim(q.magnitude):
        return None
    m = _NUMBER_PART.match(text)
    if m is not None:  # the author's words for the unit, where they read as the text does
        words = m.group(1).strip()
        try:
            number = float(_parse_text(text[:m.start(1)], name).magnitude)
            one = _parse_text(f"1 {words}", name)
            if one.dimensionality == q.dimensionality and math.isclose(
                    float((number * one).to(q.units).magnitude), float(q.magnitude),
                    rel_tol=1e-12, abs_tol=1e-300):
                return number, words
        except (LCCError, ArithmeticError, ValueError, TypeError):
            pass
    return float(q.magnitude), pretty_units(q.units)


def unit_of_text(text: str) -> str | None:
    """The unit of a quantity text as the model reads it (``"4200 SEK"``, ``"4200kr"``,
    ``"SEK 4200"`` -> ``"SEK"``, ``"kr"``, ``"SEK"``); None if bare or unreadable (see
    :func:`quantity_parts`)."""
    try:
        parts = quantity_parts(text)
    except LCCError:
        return None
    return parts[1] if parts is not None else None


class _Deriver:
    """Builds a BidForm from a tender and its file data, recording located issues."""

    def __init__(self, tender: Tender, tf: TenderFile, lang: str) -> None:
        self.tender = tender
        self.tf = tf
        self.c = tf.c
        self.lang = lang
        self.currency = study_currency(tender)
        self.r = Reader(self.c, self.currency, tender.study.exchange_rates)
        self.buyer = {p.name: p for p in tender.parameters}
        self.scope = Scope(self.buyer)
        for p in tender.parameters:  # an error about one's number stands at it (model_issues)
            if ("parameters", p.name) in self.c.lines:
                self.r.tables[id(p)] = ("parameters", p.name)
        self.fields: list[BidField] = []
        #: [bid_form.defaults]: the value of a calculator input for a blank cell
        self.defaults: dict[str, Any] | None = {}
        #: where the bid's template stands: [bid_form], or the alternative it is like
        self.template_path: Path = ("bid_form",)
        #: the value of each bidder row its item was built with (see :meth:`workable`)
        self.trial: dict[str, Any] = {}
        #: the alternative the form is like (its bids are it with the bidder's values)
        self.like_alt: Alternative | None = None
        #: what the buyer should know that is no error (BidForm.notes)
        self.notes: list[Msg] = []

    # -- entry ------------------------------------------------------------------------
    def derive(self) -> BidForm:
        data = self.tf.data or {}
        spec = data.get("bid_form")
        where = self.tf.name or Msg("the tender")
        if spec is None and not self.tender.alternatives:
            raise TenderError([self._issue("missing-field", ("bid_form",), Msg(
                "the tender has neither a [bid_form] table nor an alternative, so there is no "
                "bid form to make; declare what bidders give in [bid_form] (see 'lcc bid-form')"
            ))])
        if spec is None:
            first = self.tender.alternatives[0].name
            return self.done(self.like(first, None, Msg(
                "the tender's first alternative {alternative!r} (no [bid_form] table in "
                "{file})", alternative=first, file=where)))
        path: Path = ("bid_form",)
        obj = self.r.table(spec, path, Msg("the bid form ([bid_form] table)"))
        if obj is None:
            raise TenderError(self.c.issues)
        modes = [k for k in ("like", "template", "items") if k in obj]
        if len(modes) > 1:
            self.c.add("invalid-value", (*path, modes[1]), Msg(
                "[bid_form] has both {first!r} and {second!r}; give one: like = "
                "\"<alternative>\", template = \"<calculator>\" or [[bid_form.items]]",
                first=modes[0], second=modes[1]))
            raise TenderError(self.c.issues)
        mode = modes[0] if modes else "like"
        self.r.keys(obj, path, _MODE_KEYS[mode],
                    what=Msg("[bid_form] with {mode!r}: ", mode=mode) if modes
                    else Msg("[bid_form]: "))
        extra: dict[str, Any] = {}
        for key in _COMMON_KEYS:
            if key in obj:
                value = self.r.text(obj[key], (*path, key))
                extra[key] = None if value is BAD else value
        line = self.c.line(path)
        at = Msg("{file}:{line}", file=where, line=line) if line is not None else where
        self.defaults = self.r.table(obj.get("defaults", {}), (*path, "defaults"),
                                     Msg("values for blank cells of calculator inputs "
                                         "(a table)"))
        form: BidForm | None
        if mode == "template":
            inputs = obj.get("inputs", {})
            units = obj.get("units", {})
            form = self.calculator(obj["template"], inputs, units, (*path, "template"),
                                   (*path, "inputs"), (*path, "units"), like=False,
                                   origin=Msg("[bid_form] template ({at})", at=at))
        elif mode == "items":
            form = self.items(obj, path, Msg("[bid_form] items ({at})", at=at))
        else:
            if "like" not in obj and not self.tender.alternatives:
                self.c.add("missing-field", path, Msg(
                    "[bid_form] declares no bid: give [[bid_form.items]], template = "
                    "\"<calculator>\" or like = \"<alternative>\" (the tender has no "
                    "alternative to take as the model)"))
                raise TenderError(self.c.issues)
            name = obj.get("like", self.tender.alternatives[0].name
                           if self.tender.alternatives else "")
            if "like" in obj and not isinstance(name, str):
                self.c.add("wrong-type", (*path, "like"), Msg("expected the name of an "
                                                              "alternative as text"))
                raise TenderError(self.c.issues)
            form = self.like(name, (*path, "like") if "like" in obj else None,
                             Msg("[bid_form] like = {alternative!r} ({at})",
                                 alternative=name, at=at))
        if form is not None:
            form = dataclasses.replace(form, title=extra.get("title"),
                                       instructions=extra.get("instructions"))
        if form is not None and "bounds" in obj:
            form = self.bounds(form, obj["bounds"], (*path, "bounds"))
        return self.done(form)

    def done(self, form: BidForm | None) -> BidForm:
        if self.c.issues or form is None:
            raise TenderError(self.c.issues)
        if len(form.fields) <= 1:
            raise TenderError([self._issue(
                "invalid-value", ("bid_form",), Msg(
                    "the bid form asks the bidder for nothing but a name ({origin}); mark the "
                    "bidder's values with {{ bidder = \"<what to give>\" }}, or write them in "
                    "the alternative as values rather than references to buyer parameters",
                    origin=form.origin))])
        form = dataclasses.replace(form, trial={**trial_values(form), **self.trial},
                                   notes=tuple(self.notes))
        self.check_trial(form)
        return form

    def bounds(self, form: BidForm, raw: Any, path: Path) -> BidForm | None:
        """``[bid_form.bounds]`` of a calculator or 'like' form: the buyer's ``min`` and
        ``max`` of a row by its key (``life = { min = 5, max = 40 }``, ``"items[0].life" =
        { max = 40 }``), in the row's unit and read as a bidder value's are (a rate's as a
        rate). Within what the row takes anyway (a life more than 0 and at most 500 years);
        shown in the row's note, checked by Excel and again on import."""
        table = self.r.table(raw, path, Msg("bounds of the bidder's rows (a table)"))
        if table is None:
            return None
        rows = {f.key: f for f in form.fields[1:]}
        numeric = [k for k, f in rows.items() if f.kind in _NUMBERS]
        changed: dict[str, BidField] = {}
        for key, spec in table.items():
            kp: Path = (*path, key)
            f = rows.get(key)
            if f is None or f.kind not in _NUMBERS:
                self.c.add("unknown-key", kp, Msg(
                    "{key!r} is not a number the bidder gives on this form{hint}; bounds apply "
                    "to: {keys}", key=key, hint=suggest(key, numeric), keys=", ".join(numeric)))
                continue
            obj = self.r.table(spec, kp, Msg("a row's bounds {example}",
                                             example="{ min = <number>, max = <number> }"))
            if obj is None or not self.r.keys(obj, kp, ("min", "max"), what=Msg("bounds: ")):
                continue
            got: dict[str, float] = {}
            for b in ("min", "max"):
                if b not in obj:
                    continue
                x = self.rate_bound(obj[b], (*kp, b), b) if f.percent else \
                    self.r.finite(obj[b], (*kp, b))
                if x is not BAD:
                    got[b] = float(x)
            if len(got) < len(obj):
                continue
            lo, hi = got.get("min", f.minimum), got.get("max", f.maximum)
            own_lo = PERCENT_RANGE[0] if f.percent and f.minimum is None else f.minimum
            own_hi = f.maximum  # a rate's max may say more than 100 %, as a bidder value's
            if f.percent and "min" in got and (got["min"] <= PERCENT_RANGE[0] or (
                    got["min"] >= PERCENT_RANGE[1] and hi is None)):
                self.c.add("invalid-value", (*kp, "min"), Msg(
                    "min = {low}: a rate row takes more than −100 % and, without a max, less "
                    "than 100 %; give a min inside, or a max as well",
                    low=UnitText(f"{got['min'] * 100:g} %")))
                continue
            if "min" in got and own_lo is not None and (
                    got["min"] < own_lo or (got["min"] == own_lo and f.percent)):
                self.c.add("invalid-value", (*kp, "min"), Msg(
                    "min = {low} is below what the row takes ({own}); give a min inside it",
                    low=number_text(got["min"]), own=number_text(own_lo)))
                continue
            if "max" in got and own_hi is not None and got["max"] > own_hi:
                self.c.add("invalid-value", (*kp, "max"), Msg(
                    "max = {high} is above what the row takes ({own}); give a max inside it",
                    high=number_text(got["max"]), own=number_text(own_hi)))
                continue
            if lo is not None and hi is not None and lo > hi:
                self.c.add("invalid-value", (*kp, "max"), Msg(
                    "max = {high} is below min = {low}", high=number_text(hi),
                    low=number_text(lo)))
                continue
            if f.whole_number and any(not float(x).is_integer() for x in got.values()):
                self.c.add("invalid-value", kp, Msg(
                    "the row takes whole numbers; give whole bounds"))
                continue
            changed[key] = dataclasses.replace(
                f, minimum=lo, maximum=hi,
                exclusive=f.exclusive and lo is not None and lo == f.minimum)
        if self.c.issues:
            return None
        fields = tuple(changed.get(f.key, f) for f in form.fields)
        # the trial values within the buyer's bounds (the form is checked with them)
        for key, f in changed.items():
            number = _trial_number(self.trial.get(key), f)
            if number is None or (f.minimum is not None and (
                    number < f.minimum or (f.exclusive and number == f.minimum))) or \
                    (f.maximum is not None and number > f.maximum):
                self.trial[key] = value_text(f, _within(f))
        return dataclasses.replace(form, fields=fields)

    def check_trial(self, form: BidForm) -> None:
        """Refuse a form no bid of which can be evaluated under the tender's study (an
        escalation by year shorter than the period, an amount in a currency without an
        exchange rate): a trial bid of example values (:attr:`BidForm.trial`), or the
        alternative the form is like, is compiled as a tender's alternative is, its errors
        located where the template stands (``[bid_form]``, or that alternative)."""
        from lcc.bidform._read import bid_data, make_bid
        from lcc.io._build import build_alternative, check_evaluation

        given = dict(form.trial)
        trial: Alternative | None
        if self.like_alt is not None:  # its bids are this alternative with other values
            trial = self.like_alt
        elif form.kind == "calculator":
            try:  # the calculator's inputs were checked together with example values
                trial = make_bid(self.tender, form, {"bidder": "trial", **given})
            except LCCError:  # pragma: no cover - a row's own problem, reported with its row
                return
        else:  # each item was built with example values: the bid builds
            trial = build_alternative(Reader(Collector(None), self.currency,
                                             self.tender.study.exchange_rates),
                                      bid_data(form, "trial", given), self.template_path,
                                      self.scope, lambda n: "the tender")
        if trial is not None and not check_evaluation(self.r, trial, self.tender.study,
                                                      self.template_path):
            raise TenderError(self.c.issues)

    def _issue(self, code: str, path: Path, message: Msg) -> Any:
        c = Collector(self.c.file, self.c.lines)
        c.add(code, path, message)
        return c.issues[0]

    def name_field(self) -> BidField:
        return BidField("bidder", said(N_("Bidder: company name (names the bid)"), self.lang),
                        "text", note=tr("The name of your bid as it appears in the evaluation, "
                                        "e.g. 'Company AB' or 'Company AB, option 2'.", self.lang))

    # -- like = "<alternative>" ---------------------------------------------------------
    def like(self, name: str, path: Path | None, origin: Msg) -> BidForm | None:
        names = [a.name for a in self.tender.alternatives]
        if name not in names:
            self.c.add("invalid-value", path or ("bid_form",), Msg(
                "no alternative is named {alternative!r}{hint}; the bid form takes the items "
                "of an alternative of the tender: {names}", alternative=name,
                hint=suggest(name, names),
                names=", ".join(repr(n) for n in names)))
            return None
        raw_alts = (self.tf.data or {}).get("alternatives")
        index = names.index(name)
        raw_alt = None
        if isinstance(raw_alts, list):
            raw_alt = next((a for a in raw_alts if isinstance(a, dict) and a.get("name") == name),
                           None)
            index = raw_alts.index(raw_alt) if raw_alt is not None else index
        self.template_path = ("alternatives", index)
        from lcc.io._write import alternative_data

        alt = self.like_alt = self.tender.alternative(name)
        data = alternative_data(alt, f"alternatives[{index}]")
        if not isinstance(raw_alt, dict) and "template" in data:
            raw_alt = data  # a calculator's alternative of a tender without a file
        if isinstance(raw_alt, dict) and "template" in raw_alt:
            ap: Path = ("alternatives", index)
            return self.calculator(raw_alt["template"], raw_alt.get("inputs", {}), {},
                                   (*ap, "template"), (*ap, "inputs"), (*ap, "units"),
                                   like=True, origin=origin)
        bidder = {p.name: p for p in alt.parameters() if p.role == "bidder"}
        own = data.get("parameters")
        #: the bid's own parameters as the alternative gives them (range, distribution), each
        #: bidder value a Slot of its one row; the uses of each, for its note
        self.like_params: dict[str, dict[str, Any]] = {}
        self.like_tables = own if isinstance(own, dict) else {}
        self.like_uses: dict[str, list[str]] = {}
        literal: list[tuple[BidField, Any]] = []  # rows of values written with a unit
        self.fields = [self.name_field()]
        template: dict[str, Any] = {}
        for key in ("start", "quantity", "life"):
            if key in data:
                template[key] = self._like_value(F.ALTERNATIVE[key], data[key], key, None,
                                                 None, bidder)
                if isinstance(template[key], Slot):
                    literal.append((self.fields[-1], data[key]))
        items = []
        for i, item in enumerate(data["items"]):
            kind = item["type"]
            spec = F.ITEMS[kind]
            out: dict[str, Any] = {}
            for key, value in item.items():
                if key == "type" or key not in spec.fields:
                    out[key] = value
                    continue
                out[key] = self._like_value(spec.fields[key], value, f"items[{i}].{key}",
                                            kind, item.get("label"), bidder, field_name=key)
                if isinstance(out[key], Slot):
                    literal.append((self.fields[-1], value))
            items.append(out)
        template["items"] = items
        if self.like_params:
            template["parameters"] = self.like_params
        for i, f in enumerate(self.fields):  # a parameter's row says where it is used
            name = f.key.removeprefix("parameters.")
            if f.key.startswith("parameters.") and name in self.like_uses:
                uses = tr("The bidder's parameter {name}, used by: {uses}.", self.lang,
                          name=name, uses="; ".join(self.like_uses[name]))
                self.fields[i] = dataclasses.replace(f, note=f"{f.note}. {uses}".lstrip(". ")
                                                     if f.note else uses)
        self.literal_note(literal)
        return BidForm("items", tuple(self.fields), origin, template=template)

    def _like_parameter(self, kind: F.Kind, p: Parameter, key: str) -> dict[str, Any]:
        """A bidder parameter of the 'like' alternative as the bid's own parameter table: its
        value a Slot of one row (bounded by the parameter's range) where a form row can hold
        it, else as the alternative gives it. The bid's parameter is the bidder's value: a
        distribution of the alternative's (centred on the model's value) is not the bid's,
        and is left out; its low and high are the row's bounds, what the form let the bidder
        give (where the parameter has them). Each bid names it its own
        (:func:`own_parameters`)."""
        table = dict(self.like_tables.get(p.name) or {"value": parameter_value(p.value, key)})
        if kind.name not in ("quantity", "position", "count", "rate"):
            return table  # e.g. a residual fraction: kept as the alternative gives it
        unit = unit_of_text(parameter_value(p.value, key)) if p.unit is not None else None
        row = _ROW_KINDS[kind.name]
        if row == "quantity" and unit is None:
            return table
        shown_unit = (unit or "") if row == "quantity" else "yr" if row == "years" else ""
        lo, hi = _lowest(kind, row), _highest(kind, shown_unit)
        low, high = _number_in(p.low, shown_unit), _number_in(p.high, shown_unit)
        if low is not None:
            lo = low if lo is None else max(lo, low)
        if high is not None:
            hi = high if hi is None else min(hi, high)
        rkey = f"parameters.{p.name}"
        f = BidField(rkey, p.description or p.name, row, shown_unit, minimum=lo, maximum=hi,
                     exclusive=_exclusive(kind, lo), whole=kind.whole and row == "years",
                     percent=kind.name == "rate")
        self.fields.append(f)
        own: dict[str, Any] = {"value": Slot(rkey)}
        for bound, given, x in (("low", p.low, lo), ("high", p.high, hi)):
            if given is not None and x is not None and not (bound == "low" and f.exclusive):
                own[bound] = value_text(f, x)
        if p.description:
            own["description"] = p.description
        return own

    def _like_value(self, kind: F.Kind, value: Any, key: str, item_type: str | None,
                    item_label: str | None, bidder: dict[str, Parameter],
                    field_name: str | None = None) -> Any:
        """A value of the 'like' alternative: the bidder's (a Slot) or kept as written."""
        name = field_name or key
        unit: str | None = None
        note = ""
        if isinstance(value, dict) and set(value) == {"parameter"}:
            p = bidder.get(value["parameter"])
            if p is None:
                return value  # the buyer's parameter
            # one parameter, one value: one row however many fields use it, and the bid
            # keeps the parameter (its range and distribution) as the alternative gives it
            if p.name not in self.like_params:
                self.like_params[p.name] = self._like_parameter(kind, p, key)
            self.like_uses.setdefault(p.name, []).append(
                str(self._label(item_type, item_label, name)))
            return value
        if isinstance(value, str) and kind.name == "quantity":
            unit = unit_of_text(value)
            if unit is None:
                return value
            text_kind = "quantity"
        else:
            return value
        row = _ROW_KINDS[text_kind]
        if row == "quantity" and unit is None:
            return value
        lo = _lowest(kind, row)
        shown_unit = (unit or "") if row == "quantity" else "yr" if row == "years" else ""
        self.fields.append(BidField(
            key, self._label(item_type, item_label, name), row, shown_unit,
            minimum=lo, maximum=_highest(kind, shown_unit), note=note,
            exclusive=_exclusive(kind, lo), whole=kind.whole and row == "years",
            percent=kind.name == "rate"))
        return Slot(key)

    def _label(self, item_type: str | None, item_label: str | None, name: str) -> str:
        from lcc.bidform._words import TYPE_WORDS, field_message

        words = said(field_message(item_type, name), self.lang)
        if item_type is None:
            return words
        head = item_label or said(TYPE_WORDS.get(item_type, item_type), self.lang)
        if self.lang == "en":  # the label shown in messages: in the reader's words later
            return Msg("{head}: {words}", head=head, words=words)
        return f"{head}: {words}"

    # -- [[bid_form.items]] ---------------------------------------------------------------
    def items(self, obj: dict[str, Any], path: Path, origin: Msg) -> BidForm | None:
        self.fields = [self.name_field()]
        template: dict[str, Any] = {}
        for key in ("start", "quantity", "life"):
            if key not in obj:
                continue
            kind = F.ALTERNATIVE[key]
            kp: Path = (*path, key)
            value = obj[key]
            if _is_marker(value):
                slot = self.marker(kind, value, kp, key, None, None, key)
                template[key] = slot if slot is not None else BAD
                if slot is not None:
                    self.trial[key] = self.sample(kind, self.fields[-1])
            else:
                if self.r.value(F.ALTERNATIVE[key], value, kp, self.scope) is BAD:
                    template[key] = BAD
                else:
                    template[key] = value
        ip: Path = (*path, "items")
        raw = obj["items"]
        if not isinstance(raw, list) or not raw:
            self.c.add("wrong-type" if not isinstance(raw, list) else "missing-field", ip,
                       Msg("expected the bid's cost items as [[bid_form.items]] tables"))
            return None
        if len(raw) > F.MAX_ITEMS:
            self.c.add("too-many", ip, Msg("{n} items; the limit is {limit}", n=len(raw),
                                           limit=F.MAX_ITEMS))
            return None
        items: list[Any] = []
        for i, item in enumerate(raw):
            p: Path = (*ip, i)
            t = self.r.table(item, p, Msg("a cost item {type = \"Investment\", ...}"))
            if t is None:
                continue
            kind_name = t.get("type")
            spec = F.ITEMS.get(kind_name) if isinstance(kind_name, str) else None
            if spec is None:
                build_item(self.r, t, p, self.scope)  # records the type's problem
                continue
            label = t.get("label") if isinstance(t.get("label"), str) else None
            out: dict[str, Any] = {}
            sample: dict[str, Any] = {}
            rows: dict[str, BidField] = {}
            for key, value in t.items():
                if _is_marker(value) and key in spec.fields:
                    slot = self.marker(spec.fields[key], value, (*p, key), f"items[{i}].{key}",
                                       kind_name, label, key)
                    if slot is None:
                        out[key] = BAD
                        continue
                    out[key] = slot
                    sample[key] = self.sample(spec.fields[key], self.fields[-1])
                    rows[key] = self.fields[-1]
                else:
                    out[key] = value
                    sample[key] = value
            if BAD not in out.values():
                sample = self.workable(sample, rows, p)
                self.trial.update({f.key: sample[k] for k, f in rows.items()})
            items.append(out)
        template["items"] = items
        return BidForm("items", tuple(self.fields), origin, template=template)

    def sample(self, kind: F.Kind, f: BidField) -> Any:
        """A plausible value of a bidder row, to try the bid with: the tender's ``min`` where
        it is above 0, else the field's example in the row's unit (a service life asked in
        hours: '20 yr' as 175 320 h, not 1 h, which is a life of 15 minutes), within the
        row's bounds; else the least the row takes (:func:`_sample`)."""
        if f.kind != "quantity" or (f.minimum is not None and f.minimum > 0) or \
                not kind.example:
            return _sample(f)
        from lcc.units import _parse_text

        try:
            example = _parse_text(in_currency(kind.example, self.currency), "example")
            one = _parse_text(f"1 {f.unit}", "unit")
            if example.dimensionality != one.dimensionality:
                return _sample(f)
            x = float((example / one).to("").magnitude)
        except (LCCError, ArithmeticError, ValueError, TypeError):
            return _sample(f)
        if f.maximum is not None and x > f.maximum:
            x = f.maximum
        if not math.isfinite(x) or x <= 0:
            return _sample(f)
        return f"{number_text(x)} {f.unit}"

    def workable(self, sample: dict[str, Any], rows: Mapping[str, BidField],
                 path: Path) -> dict[str, Any]:
        """An item's example values with which it can be built: each bidder row at its
        plausible value (:meth:`sample`), or — where the buyer's own values need a later year
        (``first = 5`` before the bidder's ``last``) — its years rows at the study's last
        year, together or one at a time, or its quantity rows at the least they take. The
        first that builds; else the plausible values, whose problems are reported with the
        value tried."""
        years = [k for k, f in rows.items() if f.kind == "years"]
        last = float(self.tender.study.years)
        tries = [sample]
        if years:
            tries += [{**sample, **dict.fromkeys(years, last)},
                      *({**sample, k: last} for k in years)]
        least = {k: _sample(f) for k, f in rows.items() if f.kind == "quantity"}
        if any(sample[k] != v for k, v in least.items()):
            tries.append({**sample, **least})
        for values in tries:
            scratch = Reader(Collector(None), self.currency, self.tender.study.exchange_rates)
            if build_item(scratch, values, path, self.scope) is not None:
                return values
        before = len(self.c.issues)
        build_item(self.r, sample, path, self.scope)  # records why the item does not build
        from lcc.io._issues import format_path

        tried = {format_path((*path, k)): (k, f) for k, f in rows.items()}
        for i in range(before, len(self.c.issues)):  # a value the author never wrote: said so
            issue = self.c.issues[i]
            if issue.path in tried:
                k, f = tried[issue.path]
                self.c.issues[i] = dataclasses.replace(issue, message=Msg(
                    "the form is tried with {value} in the bidder's row {label!r} (its min, "
                    "else the example of the field in the row's unit), and then: {problem}; "
                    "give the row a min = <value> that every bid may take",
                    value=UnitText(str(sample[k])), label=f.label, problem=issue.message))
        return sample

    def marker(self, kind: F.Kind, raw: dict[str, Any], path: Path, key: str,
               item_type: str | None, item_label: str | None, name: str) -> Slot | None:
        """A bidder value ``{ bidder = "...", unit = ..., ... }``: a BidField and its Slot."""
        r = self.r
        ok = r.keys(raw, path, MARKER_KEYS, ("bidder",), what=Msg("a bidder value: "))
        label = r.text(raw.get("bidder"), (*path, "bidder")) if "bidder" in raw else BAD
        form_kind = _ROW_KINDS.get(kind.name)
        if form_kind is None:
            self.c.add("wrong-type", path, Msg(
                "{key!r} cannot be given by the bidder on a form (a {kind} value); write the "
                "value itself", key=name, kind=kind.name))
            return None
        unit = ""
        if form_kind == "quantity":
            assert kind.unit is not None
            if "unit" in raw:
                u = raw["unit"]
                if not isinstance(u, str) or not u.strip():
                    self.c.add("wrong-type", (*path, "unit"), Msg(
                        "expected a unit as text, e.g. unit = \"{unit}\"",
                        unit=kind.example.split(" ", 1)[-1]))
                    ok = False
                elif (problem := unit_problem(kind, f"1 {u}")) is not None:
                    self.c.add(problem.code or "invalid-value", (*path, "unit"),
                               problem.detail)
                    ok = False
                else:
                    unit = u.strip()
            else:
                unit = in_currency(kind.example.split(" ", 1)[-1], self.currency)
        elif form_kind == "years":
            unit = "yr"
            if "unit" in raw:
                self.c.add("invalid-value", (*path, "unit"), Msg(
                    "a number of years has no unit to choose; leave unit out"))
                ok = False
        elif "unit" in raw:
            self.c.add("invalid-value", (*path, "unit"), Msg(
                "{key!r} is a {kind} without a unit; leave unit out", key=name,
                kind=kind.name))
            ok = False
        if "required" in raw and raw["required"] is not True and "default" not in raw:
            self.c.add("invalid-value", (*path, "required"), Msg(
                "a blank cell must not lower a bid's LCC: every bidder value is required "
                "unless the tender gives the value used for a blank cell, default = <value> "
                "(printed on the form); remove required = false or add a default"))
            ok = False
        bounds: dict[str, float | None] = {"min": None, "max": None}
        for b in ("min", "max"):
            if b in raw:
                if form_kind not in ("quantity", "years", "number", "count"):
                    self.c.add("invalid-value", (*path, b), Msg("{key} applies to numbers "
                                                                "only", key=b))
                    ok = False
                    continue
                x = self.rate_bound(raw[b], (*path, b), b) if kind.name == "rate" else \
                    r.finite(raw[b], (*path, b))
                ok = ok and x is not BAD
                bounds[b] = None if x is BAD else float(x)
        lo = bounds["min"] if "min" in raw else _lowest(kind, form_kind)
        hi = bounds["max"] if "max" in raw else _highest(kind, unit)
        if kind.name == "rate" and bounds["min"] is not None and (
                bounds["min"] <= PERCENT_RANGE[0] or (bounds["min"] >= PERCENT_RANGE[1]
                                                      and hi is None)):
            # a rate row takes more than −100 % (the model's rule), and under 100 % unless
            # the tender's max says more: a min outside would be accepted and ignored
            self.c.add("invalid-value", (*path, "min"), Msg(
                "min = {low}: a rate row takes more than −100 % and, without a max, less than "
                "100 %; give a min inside, or a max as well", low=UnitText(
                    f"{bounds['min'] * 100:g} %")))
            ok = False
        if lo is not None and hi is not None and lo > hi:
            self.c.add("invalid-value", (*path, "max"), Msg(
                "max = {high} is below min = {low}", high=number_text(hi), low=number_text(lo)))
            ok = False
        note = ""
        if "note" in raw:
            n = r.text(raw["note"], (*path, "note"))
            ok = ok and n is not BAD
            note = n if n is not BAD else ""
        if not ok or label is BAD:
            return None
        f: BidField | None = BidField(key, label, form_kind, unit, True, lo, hi,
                                      kind.choices if form_kind == "choice" else (), note,
                                      exclusive=_exclusive(kind, lo),
                                      whole=kind.whole and form_kind == "years",
                                      percent=kind.name == "rate",
                                      rule=kind if form_kind == "choice" else None)
        if "default" in raw:
            f = self.with_default(f, raw["default"], (*path, "default"))  # type: ignore[arg-type]
        if f is None:
            return None
        self.fields.append(f)
        return Slot(key)

    def rate_bound(self, raw: Any, path: Path, key: str) -> Any:
        """A rate row's ``min`` or ``max`` read as every rate is: ``"5 %"`` or 0.05; a bare 5
        is refused with the percentage reading offered (it would be 500 %, no bound at all on
        a row that takes less than 100 %)."""
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            return self.r.finite(raw, path)  # its wrong type, said as for every bound
        try:
            with located(key, key):
                return F.RATE.read(raw, key).rate.value  # one value: one rate
        except LCCError as exc:
            self.c.add(exc.code or "invalid-value", path, exc.detail)
            return BAD

    def with_default(self, f: BidField, raw: Any, path: Path) -> BidField | None:
        """The field with the tender's value for a blank cell (checked like a cell)."""
        x = raw
        if isinstance(raw, str) and f.kind not in ("text", "choice"):
            try:
                with located("default", "default"):
                    x = _default_number(f, raw)
            except LCCError as exc:
                self.c.add(exc.code or "invalid-value", path, exc.detail)
                return None
        from lcc.bidform._read import cell_problem

        problem = cell_problem(f, x)
        if problem is not None:
            self.c.add(problem[0], path, Msg(
                "the value for a blank cell: {problem} (a number in {unit}, or the text "
                "'<number> {unit}')", problem=problem[1], unit=UnitText(f.unit))
                if f.unit else Msg("the value for a blank cell: {problem} (a number)",
                                   problem=problem[1]))
            return None
        value = x if f.kind in ("text", "choice") else float(x)
        return dataclasses.replace(f, required=False, default=value)

    # -- template = "<calculator>" --------------------------------------------------------
    def calculator(self, name: Any, raw_inputs: Any, raw_units: Any, tp: Path, ip: Path,
                   up: Path, *, like: bool, origin: str) -> BidForm | None:
        from lcc.io import _templates as T

        module = T.calculator(self.r, {"template": name}, tp[:-1])
        if module is None:
            return None
        specs = {inp.name: inp for inp in module.INPUTS}
        inputs = self.r.table(raw_inputs, ip, Msg("the calculator's inputs (a table)"))
        units = self.r.table(raw_units, up, Msg("units of the bidder's inputs (a table)"))
        if inputs is None or units is None:
            return None
        fixed: dict[str, Any] = {}
        #: like: the bidder's inputs of the calculator the alternative writes (rows, a
        #: value with a unit in the unit as written), as written
        written: dict[str, Any] = {}
        for key, value in inputs.items():
            inp = specs.get(key)
            if inp is None:
                self.c.add("unknown-key", (*ip, key), Msg(
                    "{calculator!r} has no input {key!r}{hint}; its inputs are: {inputs}",
                    calculator=module.NAME, key=key, hint=suggest(key, specs),
                    inputs=", ".join(specs)))
                continue
            if like and inp.role == "bidder" and not _buyer_ref(value, self.buyer):
                # the calculator says who gives an input: a bidder's, with a unit or without
                # (a pump's efficiency, a design's luminaires), is asked on the form, where
                # the buyer may bound it ([bid_form.bounds])
                written[key] = value
                continue
            # read as a tender file's calculator input is: one description per input
            v = T._profile(self.r, inp, value, (*ip, key), self.scope) \
                if inp.kind == "profile" else T._value(self.r, inp, value, (*ip, key), self.scope)
            if v is not BAD:
                fixed[key] = v
        if like:  # each row in the unit the alternative writes (a life in 'h' stays in h)
            units = {k: unit_of_text(v) for k, v in written.items() if isinstance(v, str)}
        selector = getattr(module, "SELECTOR", None)
        chosen = fixed.get(selector, specs[selector].default) if selector else None
        defaults = self.defaults or {}
        dp: Path = ("bid_form", "defaults")
        self.fields = [self.name_field()]
        asked: list[str] = []  # the inputs that are rows (also one whose unit or default failed)
        for inp in module.INPUTS:
            if inp.name in fixed or inp.role == "buyer" or inp.name == selector:
                continue
            if inp.applies_to and chosen not in inp.applies_to:
                continue
            asked.append(inp.name)
            f = self.calculator_field(module.NAME, inp, units.get(inp.name), (*up, inp.name))
            if f is None:
                continue
            if inp.name in defaults:
                f = self.with_default(f, defaults[inp.name], (*dp, inp.name))
            elif not inp.required and inp.default is not None:
                # the calculator's own default, documented in its input: printed on the form
                f = dataclasses.replace(f, required=False, default=inp.default)
            if f is not None:
                self.fields.append(f)
        for key in units:
            if key not in asked:
                self.c.add("invalid-value", (*up, key), Msg(
                    "{key!r} is not a value the bidder gives on this form; units apply to: "
                    "{keys}", key=key,
                    keys=", ".join(k for k in asked if specs[k].kind == "quantity")))
        for key in defaults:
            if key not in asked:
                self.c.add("invalid-value", (*dp, key), Msg(
                    "{key!r} is not a value the bidder gives on this form; defaults apply to: "
                    "{keys}", key=key, keys=", ".join(asked)))
        if self.c.issues:
            return None
        # a trial bid with example values checks the buyer's inputs together; a bidder
        # input that the buyer's choices exclude (a vehicle's co2 per km beside an emission
        # factor) is no row of the form
        trial = dict(fixed)
        for f in self.fields[1:]:
            trial[f.key] = calculator_sample(specs[f.key], f)
        for _ in range(len(self.fields)):
            try:
                module.alternative("trial", **trial)
                break
            except LCCError as exc:
                errors = exc.errors or (exc,)
                names = [(e.field or "").split(".", 1)[-1] for e in errors]
                excluded = [n for n in names if n in trial and n not in fixed]
                if excluded:
                    self.fields = [f for f in self.fields if f.key not in excluded]
                    for n in excluded:
                        del trial[n]
                    continue
                model_issues(self.c, exc, ip, inputs, placed=self.r.placed(self.scope))
                return None
        # an optional input of the calculator that the tender's study cannot evaluate (an
        # exhaust emission priced in EUR without an exchange rate) is no row either
        optional = [f.key for f in self.fields[1:] if not specs[f.key].required]
        base = {k: v for k, v in trial.items() if k not in optional}
        if optional and self._evaluates(module, base):
            bad = [k for k in optional if not self._evaluates(module, {**base, k: trial[k]})]
            self.fields = [f for f in self.fields if f.key not in bad]
        if like and self.like_alt is not None:  # a row of the alternative's own parameter:
            own = {p.name: p for p in self.like_alt.parameters()}  # within its low and high
            for i, f in enumerate(self.fields):
                ref = written.get(f.key)
                p = own.get(ref["parameter"]) if isinstance(ref, dict) else None
                if p is None or f.kind not in _NUMBERS:
                    continue
                lo, hi = _number_in(p.low, f.unit), _number_in(p.high, f.unit)
                self.fields[i] = dataclasses.replace(
                    f, minimum=f.minimum if lo is None or (f.minimum is not None
                                                           and f.minimum > lo) else lo,
                    maximum=f.maximum if hi is None or (f.maximum is not None
                                                        and f.maximum < hi) else hi,
                    exclusive=f.exclusive and (lo is None or lo <= (f.minimum or 0.0)))
        self.life_in_hours(module, trial)
        self.at_most()
        self.trial.update({f.key: trial[f.key] for f in self.fields[1:]})
        return BidForm("calculator", tuple(self.fields), origin, calculator=module.NAME,
                       inputs=fixed)

    def literal_note(self, rows: list[tuple[BidField, Any]]) -> None:
        """Note the rows that come from literal values of the alternative a form is like:
        every bidder gives them now, which the buyer may not have meant (an electricity price
        or operating hours written as a value); a buyer parameter keeps a value the buyer's."""
        if not rows or self.like_alt is None:
            return
        self.notes.append(Msg(
            "the form asks every bidder for {n} values that the alternative {alternative!r} "
            "writes as literal values with a unit: {rows}. To keep one the buyer's, the same "
            "for every bid, write it as a buyer parameter ({example} and a [parameters.<name>] "
            "table)", n=len(rows), alternative=self.like_alt.name,
            rows="; ".join(f"{f.label} = {value}" for f, value in rows),
            example='{ parameter = "<name>" }'))

    def life_in_hours(self, module: Any, trial: Mapping[str, Any]) -> None:
        """A calculator row of a life asked in hours (burning hours, counted with the
        calculator's operating hours) gets the model's bound of a service life (500 years)
        in hours: 500 × the hours per year the calculator counts with, found by building the
        trial bid at two lives. (A calculator without operating hours refuses hours where
        the unit is chosen, see :meth:`calculator_field`.)"""
        from lcc.units import _parse_text

        most = F.ITEMS["Investment"].fields["life"].maximum
        for i, f in enumerate(self.fields):
            if f.kind != "quantity" or not _in_hours(f.unit) or most is None:
                continue
            one = float(_parse_text(f"1 {f.unit}", "unit").to("h").magnitude)
            lives = []
            for hours in (8766.0, 17532.0):
                try:
                    alt = module.alternative("trial", **{
                        **trial, f.key: f"{number_text(hours / one)} {f.unit}"})
                except LCCError:
                    break
                lives.append([float(it.life.to("yr").magnitude) for it in alt.items
                              if hasattr(getattr(it, "life", None), "to")
                              and not np.ndim(it.life.magnitude)])
            if len(lives) != 2 or len(lives[0]) != len(lives[1]):
                continue
            moved = [(a, b) for a, b in zip(*lives, strict=True)
                     if b != a and math.isclose(b, 2 * a, rel_tol=1e-9)]
            if not moved:
                continue
            per_year = float(f"{8766.0 / moved[0][0]:.9g}")  # 4100 h/yr, not 4100.0000001
            hi = most * per_year / one  # in the row's unit
            if f.maximum is None or hi < f.maximum:
                self.fields[i] = dataclasses.replace(f, maximum=hi)

    def at_most(self) -> None:
        """A row that is at most another row (:data:`AT_MOST`: a resale value at most the
        price), with the scale of its unit in the other's."""
        from lcc.units import _parse_text

        rows = {f.key: f for f in self.fields}
        for i, f in enumerate(self.fields):
            other = rows.get(AT_MOST.get(f.key, ""))
            if other is None or f.kind != "quantity" or other.kind != "quantity":
                continue
            try:
                scale = _parse_text(f"1 {f.unit}", "unit") / _parse_text(f"1 {other.unit}",
                                                                         "unit")
                factor = float(scale.to("").magnitude)
            except (LCCError, ArithmeticError, ValueError, TypeError, AttributeError):
                continue  # another currency (pint's DimensionalityError is a TypeError):
                # the model compares them at the import
            self.fields[i] = dataclasses.replace(f, at_most=other.key, at_most_scale=factor)

    def _evaluates(self, module: Any, inputs: dict[str, Any]) -> bool:
        from lcc.results import evaluate

        try:
            evaluate(module.alternative("trial", **inputs), self.tender.study)
        except LCCError:
            return False
        return True

    def unit_refused(self, calculator: str, inp: Any, unit_raw: Any) -> Msg | None:
        """Why a calculator input cannot be asked in the unit ``unit_raw``, or None: a unit
        that is none (``'xyz'``, ``'mo'``), one of another kind (``'kg'`` for a life), or
        hours for a life of a calculator without operating hours (DESIGN §6: a life in hours
        is burning hours and needs an operating-hours basis)."""
        from lcc.units import _parse_text

        example = ", ".join(repr(u) for u in inp.units)
        if not isinstance(unit_raw, str) or not unit_raw.strip():
            return Msg("got {value!r}; the input {key!r} takes one of the units {units}",
                       value=unit_raw, key=inp.name, units=example)
        unit = unit_raw.strip()
        if unit in inp.units:
            return None
        try:
            _parse_text(f"1 {unit}", "unit")
        except LCCError:
            return Msg("got {value!r}, which is not a unit lcc knows; give a unit of the "
                       "input {key!r}, e.g. {units}", value=unit_raw, key=inp.name,
                       units=example)
        problem = unit_problem(inp.field, f"1 {unit}")
        if problem is not None:
            return Msg("got {value!r}, a unit of another kind than the input {key!r} takes "
                       "(e.g. {units})", value=unit_raw, key=inp.name, units=example)
        if _in_hours(unit) and not any(_in_hours(u) for u in inp.units):
            return Msg("got {value!r}: a life in hours is burning hours, which {calculator!r} "
                       "cannot turn into years (it has no operating hours); ask for the life "
                       "in years ('yr') or months ('month')", value=unit_raw,
                       calculator=calculator)
        return None

    def calculator_field(self, calculator: str, inp: Any, unit_raw: Any,
                         path: Path) -> BidField | None:
        if inp.kind == "profile":
            self.c.add("invalid-value", path, Msg(
                "{calculator}: the bidder's input {key!r} is a profile, which a form row "
                "cannot hold; give it in the tender's inputs", calculator=calculator,
                key=inp.name))
            return None
        unit = inp.unit
        if unit_raw is not None and inp.kind == "quantity":
            # the rule of the input's Field, as a tender file reads the input ('tkr' for SEK,
            # 'kW' for W), or one of its own units ('1' for a share)
            problem = self.unit_refused(calculator, inp, unit_raw)
            if problem is not None:
                self.c.add("invalid-value", path, as_msg(problem))
                return None
            unit = unit_raw.strip()
        elif unit_raw is not None:
            self.c.add("invalid-value", path, Msg(
                "the input {key!r} is a {kind} without a unit to choose", key=inp.name,
                kind=inp.kind))
            return None
        lang = self.lang
        note = tr(inp.meaning, lang).rstrip(".")
        example = inp.example
        if isinstance(example, str) and inp.kind == "quantity" and unit_of_text(example) \
                not in (unit, in_currency(unit, self.currency)):
            example = None  # written in another of the input's units
        if example is not None and inp.kind != "choice":
            note += " (" + tr("for example {value}", lang,
                              value=example_text(example, lang, self.currency)) + ")"
        note += "."
        if inp.kind == "quantity" and (inp.choices or len(inp.units) > 1):
            note += " " + _one_reading(in_currency(unit, self.currency), lang)
        note += " " + tr("Source: {source}.", lang, source=tr(inp.source, lang).rstrip("."))
        label = said(inp.label, lang)
        if inp.kind == "choice":
            shown = tuple(tr(w, lang) for w in inp.choice_labels)
            spellings = tuple(tuple(tr(w, other) for other in LANGS) for w in inp.choice_labels)
            owner: dict[str, set[str]] = {}
            for word, texts in zip(inp.choices, spellings, strict=False):
                for x in (word, *texts):
                    owner.setdefault(x.strip().lower(), set()).add(word)
            unique = all(len(words) == 1 for words in owner.values())  # no text names two
            return BidField(inp.name, label, "choice", "", choices=inp.choices, note=note,
                            shown=shown if unique else (),
                            spellings=spellings if unique else ())
        field = inp.field  # the input's one description: its bounds are the row's
        if inp.kind in ("number", "count"):
            rate = field.kind == "rate"
            return BidField(inp.name, label, inp.kind, "", True, field.minimum, field.maximum,
                            note=note, exclusive=field.exclusive, percent=rate)
        if unit == "1":  # a share of a quantity input (the vehicles' residual): a number
            return BidField(inp.name, label, "number", "", True, inp.minimum, inp.maximum,
                            note=note)
        row_unit = in_currency(unit, self.currency)
        lo = _bound_in(field, field.minimum, row_unit, self.currency)
        most = field.maximum
        if most is None and field.unit == "yr":  # a service life: the model's own bound
            most = F.ITEMS["Investment"].fields["life"].maximum  # (500 years; in hours, see
        hi = _bound_in(field, most, row_unit, self.currency)   # life_in_hours)
        return BidField(inp.name, label, "quantity", row_unit, True, lo, hi, note=note,
                        exclusive=field.exclusive and lo is not None)


def _one_reading(unit: str, lang: str) -> str:
    """Said after the meaning of an input that takes more than its row holds (the vehicles'
    residual value: a word, a share of the price or an amount): the row takes one unit, so
    that 0.4 meant as 40 % of the price is not typed into a row in SEK."""
    if unit == "1":
        return tr("On this form it is given as a plain number only.", lang)
    return tr("On this form it is given in {unit} only.", lang, unit=unit_words(unit, lang))


def default_word(form: BidForm, f: BidField) -> str | None:
    """The catalogue label of a calculator row's default when it is one of the input's words
    (the vehicles' residual 'linear' → 'linear', 'linjärt' in Swedish); None otherwise."""
    if not isinstance(f.default, str) or form.calculator is None:
        return None
    from lcc import templates

    inp = next((i for i in templates.get(form.calculator).INPUTS if i.name == f.key), None)
    if inp is None or not inp.choices or \
            f.default.strip().lower() not in {c.lower() for c in inp.choices}:
        return None
    return str(inp.choice_label(f.default))


def derive_form(tender: Tender, tf: TenderFile, lang: str) -> BidForm:
    """The BidForm a tender declares; TenderError (located in the tender file) if invalid."""
    return _Deriver(tender, tf, lang).derive()


# ---------------------------------------------------------------------------- helpers


def _lowest(kind: F.Kind, row: str) -> float | None:
    """A row's minimum: the field's own for a number of years (the first year of an annual
    cost is 1) and for a rate (more than −100 %), else 0 for numbers that are never negative
    unless the tender says so."""
    if (row == "years" or kind.name == "rate") and kind.minimum is not None:
        return kind.minimum
    return 0.0 if row in _NOT_NEGATIVE else None


def _highest(kind: F.Kind, unit: str) -> float | None:
    """A row's maximum: the field's own where the row is in the field's unit (a service life
    in years is at most 500 years; a row in hours has no such bound)."""
    return kind.maximum if kind.unit is not None and unit == kind.unit else None


def _bound_in(kind: F.Kind, x: float | None, unit: str, currency: str) -> float | None:
    """A bound of a quantity field (in its unit) in a row's unit: 0 stays 0; another bound
    is converted where the row's unit is of the field's kind ('50 W' is 0.05 kW); a bound in
    years is not converted to hours (a life in hours is burning hours), nor any bound a row
    cannot hold (None: the model's field refuses the value at the import)."""
    if x is None or x == 0:
        return x
    if kind.unit is None:
        return None
    from lcc.units import _parse_text

    try:
        bound = _parse_text(f"{x!r} {in_currency(kind.unit.replace('CUR', currency), currency)}",
                            "bound")
        one = _parse_text(f"1 {unit}", "unit")
        if kind.unit == "yr" and not same_unit(unit, "yr"):
            return None
        if bound.dimensionality != one.dimensionality:
            return None
        return float((bound / one).to("").magnitude)
    except (LCCError, ArithmeticError, ValueError, TypeError):
        return None


def _number_in(x: Any, unit: str) -> float | None:
    """A parameter's low or high as a number in a row's unit (``"40 W"`` in W: 40; a rate's
    ``"1 %"``: 0.01); None if not given or not one number."""
    if x is None or np.ndim(getattr(x, "magnitude", x)):
        return None
    from lcc.units import _parse_text

    try:
        if hasattr(x, "units"):
            return float((x / _parse_text(f"1 {unit}", "unit")).to("").magnitude) if unit \
                else float(x.to("").magnitude)
        return float(x)
    except (LCCError, ArithmeticError, ValueError, TypeError):
        return None


def rows_of_error(form: BidForm, inputs: Mapping[str, Any]) -> list[str]:
    """The rows of a calculator form that a bid's refusal comes from (``inputs``: the bid's
    calculator inputs, the buyer's and the bidder's, as the reader passes them): each bidder
    row whose value, put back to the form's trial value, lets the bid build. A model's
    refusal names its calculator and item ('street_lighting: Investment 'Luminaire'.life'),
    not the input: this places it at the row of the input it comes from (a life of 10^6
    years at the life's cell, not the bidder's name); empty where no one row alone does."""
    if form.kind != "calculator" or form.calculator is None:
        return []
    from lcc import templates

    module = templates.get(form.calculator)
    out = []
    for f in form.fields[1:]:
        if f.key not in inputs or f.key not in form.trial:
            continue
        try:
            module.alternative("probe", **{**inputs, f.key: form.trial[f.key]})
        except LCCError:
            continue
        out.append(f.key)
    return out


#: What no parameter name holds, and the underscore: the places a bid's name is cut.
_NOT_IN_NAME = re.compile(r"[^0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+")


def bid_parameter_name(name: str, bid: str) -> str:
    """The name of a like form's bidder parameter ``name`` in the bid named ``bid``: the
    parameter's name and the bid's, in letters, digits and underscores (``power`` of 'Firm
    AB' is ``power_firm_ab``), so that the bids' parameters and the model alternative's are
    told apart in one tender and in the sensitivity analysis. A bid name with characters no
    parameter name holds (``'A/S Ljus'``, ``'Ljus & Co'``) also gets six hex digits of its
    SHA-256, so two such bids never share a name."""
    words = re.sub(r"\s+", "_", bid.strip()).lower()
    slug = "_".join(w for w in _NOT_IN_NAME.split(words) if w)
    if slug != words or not slug:
        digest = hashlib.sha256(bid.strip().casefold().encode("utf-8")).hexdigest()[:6]
        slug = f"{slug}_{digest}".strip("_")
    if len(name) + 1 + len(slug) > 100:  # the longest name a parameter may have
        digest = hashlib.sha256(f"{name} {bid}".encode()).hexdigest()[:12]
        return f"{name[:100 - 13]}_{digest}"
    return f"{name}_{slug}"


def own_parameters(bid_form: BidForm, raw: dict[str, Any]) -> dict[str, Any]:
    """A like form's bid (a tender file's alternative table, named ``raw["name"]``) with each
    of its bidder parameters that a row holds named its own (:func:`bid_parameter_name`),
    and every reference to it too. Without this every bid kept the model alternative's name
    (``power``), and the tender with the bids refused them all (two parameters of one name
    with other values)."""
    params = (bid_form.template or {}).get("parameters") or {}
    names = {n: bid_parameter_name(n, str(raw.get("name", ""))) for n, t in params.items()
             if isinstance(t, Mapping) and isinstance(t.get("value"), Slot)}
    if not names or not isinstance(raw.get("parameters"), dict):
        return raw

    def ref(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"parameter"} and \
                value["parameter"] in names:
            return {"parameter": names[value["parameter"]]}
        return value

    out = {k: ref(v) for k, v in raw.items() if k not in ("items", "parameters")}
    out["parameters"] = {names.get(n, n): t for n, t in raw["parameters"].items()}
    if "items" in raw:
        out["items"] = [{k: ref(v) for k, v in item.items()} for item in raw["items"]]
    return out


def _in_hours(unit: str) -> bool:
    """Whether a unit is hours of operation (``h``, ``kh``): a life given in it is burning
    hours (the model's rule, :func:`lcc.model._inputs.in_burning_hours`)."""
    from lcc.model._inputs import in_burning_hours

    return in_burning_hours(f"1 {unit}")


def _exclusive(kind: F.Kind, lo: float | None) -> bool:
    """Whether a row's minimum ``lo`` is one the item's field refuses (0 for a life, −100 %
    for a rate)."""
    return kind.exclusive and lo is not None and lo == kind.minimum and \
        (lo == 0.0 or kind.name == "rate")


def _default_number(f: BidField, text: str) -> Any:
    """The number of a default written as text, by the rule of every value of its kind: a rate
    ('2 %') as every rate field reads it, a plain number or share ('10 %', '0,1') as a number
    field does, a quantity or a number of years in the row's unit, however spelt ('1 500,5 kr'
    for SEK, '3 år'; '1.500 kr' is refused); any other text, also one in another unit of the
    row's kind ('1,5 tkr', '3 h' for years), is returned as it is and refused as a cell holding
    text is."""
    from lcc.units import _parse_text

    if f.percent:
        return F.RATE.read(text, "default").rate.value  # one text: one rate
    try:
        parts = quantity_parts(text, "default")  # the model's reading of the text
    except LCCError:
        if re.search(r"\d", text):
            raise  # a number the model cannot read ('1,500 kr'): its reason
        parts = None
    unit = parts[1] if parts is not None else None
    if f.kind in ("quantity", "years") and parts is not None:
        # in the row's unit, also spelt 'år' or 'kr', '2500kr' or 'SEK 2500'
        return parts[0] if f.unit and same_unit(parts[1], f.unit) else text
    if (f.kind == "years" and unit is None) or \
            (f.kind in ("number", "count") and unit in (None, "%", "percent", "procent")):
        q = _parse_text(text, "default")
        return float(q.to("").magnitude) if hasattr(q, "to") else float(q)
    return text


def same_unit(text: str, unit: str) -> bool:
    """Whether ``text`` is the unit ``unit``, however spelt (``kr`` for SEK, ``år`` for yr):
    one of it is exactly one ``unit``; never another unit of its kind (``tkr``, ``h``)."""
    from lcc.units import _parse_text

    try:
        q = _parse_text(f"1 {text}", "unit")
    except LCCError:
        return False
    row = _parse_text(f"1 {unit}", "unit")
    return q.dimensionality == row.dimensionality and \
        float((1 * q.units).to(row.units).magnitude) == 1.0


def _is_marker(value: Any) -> bool:
    return isinstance(value, dict) and "bidder" in value


def _buyer_ref(value: Any, buyer: Mapping[str, Parameter]) -> bool:
    return isinstance(value, dict) and set(value) == {"parameter"} and \
        value["parameter"] in buyer


def _sample(f: BidField) -> Any:
    """A valid value of a field, to check a template before any bid exists."""
    if f.kind == "quantity":
        x = f.minimum if f.minimum is not None and f.minimum > 0 else 1.0
        if f.maximum is not None and x > f.maximum:
            x = f.maximum
        return f"{number_text(x)} {f.unit}"
    if f.kind in ("years", "count"):
        return max(1.0, f.minimum or 0.0)
    if f.kind == "number":  # a rate of 100 % or more as a percentage (see value_text)
        return value_text(f, f.minimum if f.minimum is not None and f.minimum > 0 else 0.0)
    if f.kind == "choice":
        return f.choices[0]
    return "x"


def _trial_number(x: Any, f: BidField) -> float | None:
    """A trial value as a number in its row's unit (None if it is in another unit)."""
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if not isinstance(x, str):
        return None
    try:
        parts = quantity_parts(x)
    except LCCError:
        return None
    if parts is None:
        try:
            return float(x)
        except ValueError:
            return None
    return parts[0] if f.unit and same_unit(parts[1], f.unit) else None


def _within(f: BidField) -> float:
    """A number a bounded row takes: the middle of its bounds, else its min (more than it
    where the min itself is refused), else 1 (or its max, where that is less)."""
    lo, hi = f.minimum, f.maximum
    if lo is not None and hi is not None:
        x = (lo + hi) / 2.0
        return float(math.ceil(x)) if f.whole_number and math.ceil(x) <= hi else x
    if lo is not None:
        return lo + 1.0 if f.exclusive or (lo == 0 and f.kind != "number") else lo
    return min(1.0, hi) if hi is not None else 1.0


def trial_values(form: BidForm) -> dict[str, Any]:
    """A value of each bidder row of a form, valid together: the form's own trial values,
    else the least each row takes (:func:`_sample`)."""
    return {**{f.key: _sample(f) for f in form.fields[1:]}, **form.trial}


def calculator_sample(inp: Any, f: BidField) -> Any:
    """An example value of a calculator's bidder input (for the trial bid)."""
    if f.kind == "choice":
        return inp.default if inp.default is not None else f.choices[0]
    if inp.example is not None and not isinstance(inp.example, (list, tuple)):
        return inp.example
    return _sample(f)


def example_text(example: Any, lang: str, currency: str = "SEK") -> str:
    """A calculator input's example as a reader writes it: ``3 500 kr``, ``0,3``, ``50 kr/år``
    in Swedish (money in the tender's currency's words)."""
    from lcc._i18n import significant, unit

    if isinstance(example, bool):
        return str(example)
    if isinstance(example, (int, float)):
        return significant(float(example), lang)
    text = str(example)
    try:
        parts = quantity_parts(text)
    except LCCError:
        return text
    if parts is None:
        return text
    x, shown = parts
    return f"{significant(x, lang)} {unit(in_currency(shown, currency), lang)}"


def value_text(f: BidField, x: Any) -> Any:
    """A form value as the value a tender file or calculator takes (a word such as a
    calculator's default 'linear' as it is)."""
    if f.kind in ("text", "choice") or isinstance(x, str):
        return x
    if f.kind == "quantity":
        return f"{number_text(x)} {f.unit}"
    if f.kind == "count" and float(x).is_integer():
        return int(x)
    if f.percent and abs(float(x)) >= 1:  # a rate of 100 % or more (the tender's max allows
        # it) is a percentage as text, as a file writes it: a bare 1.2 would be refused
        return f"{format(Decimal(repr(float(x))).scaleb(2), 'f')} %"
    return float(x)
