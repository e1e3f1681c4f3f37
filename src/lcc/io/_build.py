"""Validating file data and building the model from it, collecting every error.

Each reader checks one value against its kind (:mod:`lcc.io._fields`) and
records a located :class:`~lcc.io._issues.TenderIssue` when it is wrong;
model objects are built only from values that passed, and an
:class:`lcc.LCCError` the model raises while building is turned into an
issue at the path of the field it names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path as FsPath
from typing import Any

from lcc._errors import LCCError, Msg, as_msg, suggest
from lcc._text import is_blank
from lcc.io import _fields as F
from lcc.io._issues import (
    Collector,
    Path,
    TenderError,
    TenderIssue,
    file_year,
    format_path,
    kind_of,
    path_of,
)
from lcc.io._model import (
    AssumptionSet,
    ComparisonSettings,
    SensitivitySettings,
    Source,
    Tender,
    _split,
    buyer_override,
    check_baseline,
    check_bids,
    check_overrides,
    check_sensitivity_names,
    departures,
    every_parameter,
    not_in_set,
    rate_parameters,
    settings_issues,
    study_issues,
    unique_sources,
)
from lcc.model import Alternative, ByYear, CostItem, Parameter, Study
from lcc.model._fields import located
from lcc.model._inputs import read_number
from lcc.model._parameter import NAME as PARAMETER_NAME
from lcc.units import ExchangeRates, _parse_text, _written

BAD: Any = object()  # a value that failed validation (its issue is recorded)
OUTSIDE: Any = object()  # an assumption set outside the folder the reader may read


def currency_of_value(value: Any) -> str | None:
    """The currency of a money value as given (text, Quantity or Parameter), if it has one."""
    from lcc.units import currency_of

    raw = value.value if isinstance(value, Parameter) else value
    try:
        q = _parse_text(raw, "value") if isinstance(raw, str) else raw
        return currency_of(q) if hasattr(q, "dimensionality") else None
    except Exception:  # pint raises odd errors on odd text (":"); the model reports the value
        return None


def unit_problem(kind: F.Kind, value: Any) -> LCCError | None:
    """None if a value has one of the field's units (by the model's rule), else the error.

    A value out of the field's range has its unit; its range is the field's own check."""
    first = None
    for unit in kind.units:
        try:
            with located("value", "value"):
                kind.read(value, "value", unit=unit)
            return None
        except LCCError as exc:
            if exc.code not in ("wrong-unit", "bare-number"):
                return None if exc.code == "invalid-value" else exc
            first = first or exc
    return first

_NOTHING = Msg("")
_A_NUMBER = Msg("a number")
_BUYER = Msg("buyer parameters, as [parameters.<name>] tables")
_BIDDER = Msg("bidder parameters, as [parameters.<name>] tables")
_NEEDS_VALUE = Msg("missing; a parameter needs a value")
_STUDY_WHAT = Msg("[study]: ")
_YEARLY = Msg("yearly values")
# said only when a table is wrong, made once (a tender reads hundreds of fields)
_A_COST_ITEM = Msg("a cost item {example}", example="{type = \"Investment\", ...}")
_ITEM_KEYS = {kind: Msg("an {type} item: ", type=kind) if kind[:1].lower() in "aeiou"
              else Msg("a {type} item: ", type=kind) for kind in F.ITEMS}
_AN_ALTERNATIVE = Msg("an alternative (a bid) with name and items")
_ALTERNATIVE_KEYS = Msg("an alternative: ")
_A_REFERENCE = Msg("a reference has one key, ")


def _parameter_name(value: Any) -> Msg:
    return Msg("expected a parameter name, got {kind}", kind=kind_of(value))


def _limit(count: int, what: Msg, limit: int) -> Msg:
    """``"600 items; the limit is 500"``."""
    return Msg("{count} {what}; the limit is {limit}", count=count, what=what, limit=limit)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def model_issues(c: Collector, exc: Exception, path: Path, fields: Any,
                 skip: set[str] | frozenset[str] = frozenset(),
                 placed: Callable[[str], Path | None] | None = None) -> None:
    """Record the errors of a model object built from file values at their paths.

    Each :class:`LCCError` names its input (``field = "Investment.life"``); the
    part after the object's type is the key under ``path``. Errors of keys in
    ``skip`` (whose values already failed) are left out. An error about a number of a
    parameter this file defines (:attr:`LCCError.parameter`) stands at that number,
    where ``placed(name)`` says the parameter's table is, and names the field that reads it.
    """
    if not isinstance(exc, LCCError):  # pragma: no cover - the model raises LCCError only
        c.add("invalid-value", path, Msg("could not be read ({type}: {error})",
                                         type=type(exc).__name__, error=str(exc)))
        return
    for err in exc.errors:
        key = (err.field or "").partition(".")[2]
        if key in skip or (skip and key not in fields):
            continue
        where = (*path, key) if key in fields else path
        table = placed(err.parameter[0]) if placed and err.parameter else None
        if table is not None and err.parameter is not None:
            c.add(err.code or "invalid-value", (*table, err.parameter[1]), Msg(
                "{detail} (read by {field})", detail=err.detail, field=format_path(where)))
            continue
        c.add(err.code or "invalid-value", where, err.detail)


class Scope:
    """Parameters a value may reference: the bid's own, then the buyer's."""

    def __init__(self, buyer: dict[str, Parameter], bid: dict[str, Parameter] | None = None,
                 bid_path: Path = (), failed: set[str] | None = None,
                 incomplete: bool = False) -> None:
        self.buyer = buyer
        self.bid = bid or {}
        self.bid_path = bid_path
        self.used: set[str] = set()
        #: names of parameters that failed validation: references to them stay quiet
        self.failed: set[str] = failed if failed is not None else set()
        #: True when the assumption set could not be read: unknown names stay quiet
        self.incomplete = incomplete

    def lookup(self, name: str) -> Parameter | None:
        if name in self.bid:
            self.used.add(name)
            return self.bid[name]
        return self.buyer.get(name)

    def names(self) -> list[str]:
        return [*self.bid, *self.buyer]


class Reader:
    """Reads the values of one document into model values, recording issues."""

    def __init__(self, c: Collector, currency: str | None = None,
                 rates: ExchangeRates | None = None) -> None:
        self.c = c
        self.currency = currency
        self.rates = rates
        #: where the table of each Parameter this document defines is (by the object)
        self.tables: dict[int, Path] = {}

    def placed(self, scope: Scope) -> Callable[[str], Path | None]:
        """Where the table of a parameter ``scope`` names is, in this document, or None."""
        def table(name: str) -> Path | None:
            p = scope.bid.get(name) or scope.buyer.get(name)
            return None if p is None else self.tables.get(id(p))
        return table

    # -- structure --------------------------------------------------------------------
    def table(self, value: Any, path: Path, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.c.add("wrong-type", path, Msg("expected {what} (a table of keys), got {kind}",
                                           what=what, kind=kind_of(value)))
        return None

    def keys(self, obj: dict[str, Any], path: Path, allowed: Any, required: Any = (),
             what: str = _NOTHING) -> bool:
        """Unknown and missing keys; True if none."""
        ok = True
        allowed = list(allowed)
        for key in obj:
            if key not in allowed:
                ok = False
                if self.c.full:
                    self.c.add("unknown-key", (*path, key), _NOTHING)
                    break
                self.c.add("unknown-key", (*path, key), Msg(
                    "unknown key {key!r}{suggest}; {what}the keys are: {keys}", key=key,
                    suggest=suggest(key, allowed), what=what, keys=", ".join(allowed)))
        for key in required:
            if key not in obj:
                ok = False
                self.c.add("missing-field", (*path, key), Msg("missing; {what}{key!r} is required",
                                                              what=what, key=key))
        return ok

    def text(self, value: Any, path: Path, *, empty: bool = False) -> Any:
        if isinstance(value, str) and (empty or not is_blank(value)):
            return value
        if isinstance(value, str):
            self.c.add("invalid-value", path, Msg("expected a non-empty text") if not value else
                       Msg("expected a non-empty text, got {value!r}: only blanks or invisible "
                           "characters", value=value))
        else:
            self.c.add("wrong-type", path, Msg("expected a text, got {kind}",
                                               kind=kind_of(value)))
        return BAD

    def name(self, value: Any, path: Path, what: str) -> Any:
        if not isinstance(value, str):
            self.c.add("wrong-type", path, Msg("expected the {what} as a text, got {kind}",
                                               what=what, kind=kind_of(value)))
            return BAD
        if not PARAMETER_NAME.fullmatch(value):
            self.c.add("invalid-value", path, Msg(
                "{value!r} is not a valid {what}: use letters, digits and underscores, starting "
                "with a letter (e.g. 'electricity_price')", value=value, what=what))
            return BAD
        return value

    def finite(self, value: Any, path: Path, what: str = _A_NUMBER) -> Any:
        if not _is_number(value):
            self.c.add("wrong-type", path, Msg("expected {what}, got {kind}", what=what,
                                               kind=kind_of(value)))
            return BAD
        if not math.isfinite(value):
            self.c.add("invalid-value", path, Msg("got {value!r}; expected a finite number",
                                                  value=value))
            return BAD
        return value

    def entries(self, raw: Any, path: Path, what: Msg, limit: int | None = None,
                noun: Msg | None = None, empty: Msg = _NOTHING,
                empty_code: str = "missing-field") -> list[Any] | None:
        """A list of ``what`` (``noun`` in counts); None, with the issue recorded, when it is
        not a list, is longer than ``limit`` or is empty where ``empty`` says why it may not
        be."""
        if not isinstance(raw, list):
            self.c.add("wrong-type", path, Msg("expected a list of {what}, got {kind}",
                                               what=what, kind=kind_of(raw)))
        elif limit is not None and len(raw) > limit:
            self.c.add("too-many", path, _limit(len(raw), noun or what, limit))
        elif not raw and empty:
            self.c.add(empty_code, path, empty)
        else:
            return raw
        return None

    def number_or_text(self, value: Any, path: Path) -> bool:
        """Whether a value is a number or a text (a table or a list is no value at all)."""
        if _is_number(value) or isinstance(value, str):
            return True
        self.c.add("wrong-type", path, Msg("expected a number or a text with a unit (e.g. "
                                           "'1.2 SEK/kWh'), got {kind}", kind=kind_of(value)))
        return False

    # -- values by kind -------------------------------------------------------------------
    def value(self, kind: F.Kind, raw: Any, path: Path, scope: Scope | None) -> Any:
        """A value of a field as the model takes it; BAD if the file's form is wrong.

        References become the Parameter they name and ``{by_year = ...}`` tables a
        ByYear; every other rule of the value (its unit, range, type) is the
        model's, checked once when the object is built (:func:`model_issues`). A value no
        field takes in this form (true or false where no truth value goes, a date where no
        calendar year goes, YAML's binary data or set) is said in the file's words.
        """
        if (isinstance(raw, bool) and kind.kind != "bool") or not (
                raw is None or isinstance(raw, (str, int, float, dict, list))
                or (kind.kind == "year" and isinstance(raw, dt.date))):
            self.c.add("wrong-type", path, Msg("expected {what}, got {kind}",
                                               what=kind.expect(), kind=kind_of(raw)))
            return BAD
        if isinstance(raw, dict):
            if "parameter" in raw:
                return self.reference(kind, raw, path, scope)
            if "by_year" in raw and kind.by_year:
                return self.by_year(kind, raw, path)
            if kind.name != "exchange_rates":
                self.c.add("wrong-type", path, Msg("expected {expect}, got a table",
                                                   expect=kind.expect()))
                return BAD
        if isinstance(raw, list) and kind.name == "rate" and kind.by_year:
            return self.yearly_rates(raw, path)
        if isinstance(raw, list) and not kind.by_year:  # a file holds no samples
            self.c.add("wrong-type", path, Msg("expected {expect}, got a list",
                                               expect=kind.expect()))
            return BAD
        reader = getattr(self, f"_read_{kind.name}", None)
        return raw if reader is None else reader(kind, raw, path)

    def fields(self, obj: dict[str, Any], path: Path, fields: dict[str, F.Kind],
               scope: Scope | None) -> tuple[dict[str, Any], set[str]]:
        """The values of the keys of ``obj`` that ``fields`` describes, each read by its
        field (:meth:`value`), and the keys whose values failed."""
        values: dict[str, Any] = {}
        bad: set[str] = set()
        for key, raw in obj.items():
            if key in fields:
                value = self.value(fields[key], raw, (*path, key), scope)
                if value is BAD:
                    bad.add(key)
                else:
                    values[key] = value
        return values, bad

    def reference(self, kind: F.Kind, raw: dict[str, Any], path: Path,
                  scope: Scope | None) -> Any:
        if not self.keys(raw, path, ["parameter"], what=_A_REFERENCE):
            return BAD
        if not kind.ref or scope is None:
            plain = dataclasses.replace(kind, ref=False)
            self.c.add("wrong-type", path, Msg("this field cannot refer to a parameter; "
                                               "expected {expect}", expect=plain.expect()))
            return BAD
        name = raw["parameter"]
        if not isinstance(name, str):
            self.c.add("wrong-type", (*path, "parameter"), _parameter_name(name))
            return BAD
        p = scope.lookup(name)
        if p is None and (name in scope.failed or scope.incomplete):
            scope.used.add(name)
            return BAD
        if p is None:
            known = scope.names()  # a misspelt name of a parameter that failed is still likely
            self.c.add("unknown-parameter", (*path, "parameter"), Msg(
                "no parameter is named {parameter!r}{suggest}; defined: {known}",
                parameter=name, suggest=suggest(name, [*known, *sorted(scope.failed)]),
                known=", ".join(known) if known else Msg("none")))
            return BAD
        return p

    def yearly_rates(self, raw: list[Any], path: Path) -> Any:
        """A list of yearly rates (escalation by year): not empty, within the length limit,
        each a finite number; BAD with the issues recorded."""
        if self.entries(raw, path, _YEARLY, F.MAX_SEQUENCE, empty=Msg(
                "an empty list; {give}", give=Msg("give one rate per year")),
                empty_code="invalid-value") is None:
            return BAD
        nums = [self.finite(v, (*path, i), Msg("a rate (a number)"))
                if not isinstance(v, str) else self.rate_text(v, (*path, i))
                for i, v in enumerate(raw)]
        return BAD if any(v is BAD for v in nums) else raw

    def rate_text(self, text: str, path: Path) -> Any:
        """A yearly rate written as text ('2 %'), read by the model's rule for a rate."""
        try:
            read_number(text, format_path(path), minimum=-1.0, exclusive=True,
                        what=Msg("a rate"), rate=True)
        except LCCError as exc:
            self.c.add(exc.code or "invalid-value", path,
                       Msg("{detail}", detail=as_msg(exc.message).detail() or exc.detail))
            return BAD
        return text

    def check_currency(self, code: str, path: Path) -> bool:
        """Whether an amount in currency ``code`` can enter the study (else an issue)."""
        cur = self.currency
        if cur is None or code == cur:
            return True
        if self.rates is not None and code in self.rates.rates and cur in self.rates.rates:
            return True
        self.c.add("currency-mix", path, Msg(
            "the amount is in {code} but the study currency is {currency}, and no exchange rate "
            "for {code} is declared; add to [study]: exchange_rates = {{base = \"{currency}\", "
            "rates = {{{code} = <{currency} per {code}>}}, date = \"...\", source = \"...\"}}",
            code=code, currency=cur))
        return False

    def checked(self, kind: F.Kind, raw: Any, path: Path) -> Any:
        """A value read by its field's rule (the model's); BAD with the issue recorded."""
        try:
            with located("value", "value"):
                return kind.read(raw, "value")
        except LCCError as exc:
            self.c.add(exc.code or "invalid-value", path, exc.detail)
            return BAD

    def _read_text(self, kind: F.Kind, raw: Any, path: Path) -> Any:
        return self.text(raw, path)

    def _read_choice(self, kind: F.Kind, raw: Any, path: Path) -> Any:
        return self.checked(kind, raw, path)  # the field's own rule (Field.read)

    def _read_exchange_rates(self, kind: F.Kind, raw: Any, path: Path) -> Any:
        """The file's table; every rule of the rates is :class:`~lcc.ExchangeRates`' own."""
        obj = self.table(raw, path, Msg("exchange rates {example}",
                                        example="{base = \"SEK\", rates = {EUR = 11.48}}"))
        if obj is None:
            return BAD
        ok = self.keys(obj, path, ["base", "rates", "date", "source"], ["base", "rates"])
        table = self.table(obj["rates"], (*path, "rates"),
                           Msg("rates such as {example}", example="{EUR = 11.48}")) \
            if "rates" in obj else None
        if "base" not in obj or table is None:
            return BAD
        date = obj.get("date")
        try:
            rates = ExchangeRates(obj["base"], table, source=obj.get("source"),
                                  date=date.isoformat() if isinstance(date, dt.date) else date)
        except LCCError as exc:
            for err in exc.errors:
                where = (err.field or "").split(".", 2)[1:]  # ExchangeRates.rates.EUR
                self.c.add(err.code or "invalid-value", (*path, *where), err.detail)
            return BAD
        return rates if ok else BAD

    def by_year(self, kind: F.Kind, raw: dict[str, Any], path: Path) -> Any:
        """A ``{by_year = [...], unit, first_year}`` table: its structure here, its values by
        :class:`~lcc.ByYear`'s rules, its unit by the field's."""
        rate = kind.name == "rate"  # yearly rates: fractions, or percentages with unit = "%"
        allowed = ["by_year", "unit", "first_year"] if kind.unit or rate else \
            ["by_year", "first_year"]
        if not self.keys(raw, path, allowed, ["by_year"], what=Msg("a per-year sequence: ")):
            return BAD
        values = raw["by_year"]
        vp = (*path, "by_year")
        if self.entries(values, vp, _YEARLY, F.MAX_SEQUENCE) is None:
            return BAD
        unit = raw.get("unit")
        if kind.unit and "unit" not in raw:
            self.c.add("missing-field", (*path, "unit"), Msg(
                "missing; the values need a unit, e.g. unit = \"{unit}\"",
                unit=kind.example.split(" ", 1)[-1]))
            return BAD
        errors: tuple[LCCError, ...] = ()
        try:
            seq: Any = ByYear(values, unit=unit,
                              first_year=file_year(raw.get("first_year", 1)))
        except LCCError as exc:
            seq, errors = BAD, exc.errors
        for err in errors:  # ByYear.values[3], ByYear.first_year, ByYear.unit
            key, _, index = (err.field or "").removeprefix("ByYear.").partition("[")
            where = {"values": vp}.get(key, (*path, key))
            self.c.add(err.code or "invalid-value",
                       (*where, int(index[:-1])) if index else where, err.detail)
        if rate and unit is not None and seq is not BAD:
            try:  # the field's rule: plain numbers or percentages
                with located("value", "value"):
                    kind.read(seq, "value")
            except LCCError as exc:
                if exc.code == "wrong-unit":
                    self.c.add("wrong-unit", (*path, "unit"), Msg(
                        "got {unit!r}; yearly rates are fractions without a unit (0.02) or "
                        "percentages with unit = \"%\" (2 for 2 %)", unit=unit))
                    seq = BAD
        elif isinstance(unit, str) and not any(e.field == "ByYear.unit" for e in errors):
            problem = unit_problem(kind, f"1 {unit}")  # the field's rule: its dimension
            if problem is not None:
                self.c.add(problem.code or "invalid-value", (*path, "unit"), problem.detail)
                seq = BAD
        return seq

    # -- parameters -----------------------------------------------------------------------
    def parameter_fields(self, obj: dict[str, Any], path: Path) -> dict[str, Any] | None:
        """The fields of a parameter table as the model takes them (None if the table's form
        is wrong); the rules of each value are :class:`~lcc.Parameter`'s own."""
        ok = self.keys(obj, path, F.PARAMETER_KEYS, what=Msg("a parameter: "))
        out: dict[str, Any] = {}
        for key in ("value", "low", "high"):
            if key not in obj:
                continue
            out[key] = obj[key] if self.number_or_text(obj[key], (*path, key)) else BAD
            ok = ok and out[key] is not BAD
        if "distribution" in obj:
            from lcc.io._sensitivity_io import read_distribution  # issue 19: lazy scipy

            d = read_distribution(self, obj["distribution"], (*path, "distribution"), BAD)
            ok = ok and d is not BAD
            out["distribution"] = d
        out.update({k: obj[k] for k in ("description", "source") if k in obj})
        if not ok and out.get("value", BAD) is not BAD:  # the rest still gets checked
            rest = {k: v for k, v in out.items() if v is not BAD and k != "distribution"}
            try:
                Parameter("p", rest.pop("value"), **rest)
            except LCCError as exc:
                model_issues(self.c, exc, path, F.PARAMETER_KEYS)
        return out if ok else None

    def build_parameter(self, name: str, fields: dict[str, Any], role: str,
                        path: Path) -> Parameter | None:
        try:
            p = Parameter(name, fields.get("value"), role=role, low=fields.get("low"),
                          high=fields.get("high"), distribution=fields.get("distribution"),
                          description=fields.get("description"), source=fields.get("source"))
        except LCCError as exc:
            model_issues(self.c, exc, path, F.PARAMETER_KEYS)
            return None
        return p

    def parameters(self, obj: dict[str, Any], path: Path, role: str,
                   base: dict[str, Parameter] | None = None,
                   refuse: Callable[[str, Path], bool] | None = None
                   ) -> tuple[dict[str, Parameter], set[str]]:
        """The ``parameters`` table of ``obj`` (at ``path``) as Parameters of ``role``, and
        the names that failed. A table of a name in ``base`` changes that parameter's fields
        (a tender over its assumption set), any other needs a value; ``refuse(name, path)``
        records why a name may not be defined here."""
        out: dict[str, Parameter] = {}
        failed: set[str] = set()
        path = (*path, "parameters")
        table = self.table(obj["parameters"], path, _BUYER if role == "buyer" else _BIDDER) \
            if "parameters" in obj else None
        if table is not None and len(table) > F.MAX_PARAMETERS:
            self.c.add("too-many", path, _limit(len(table), Msg("parameters"), F.MAX_PARAMETERS))
            table = None
        for name, raw in (table or {}).items():
            pp = (*path, name)
            if self.name(name, pp, Msg("parameter name")) is BAD:
                continue
            t = self.table(raw, pp, Msg("a parameter table with at least value = ..."))
            if t is None:
                continue
            old = (base or {}).get(name)
            fields = None if refuse is not None and refuse(name, pp) else \
                self.parameter_fields(t, pp)
            if fields is not None and old is None and "value" not in fields:
                self.c.add("missing-field", (*pp, "value"), _NEEDS_VALUE)
                fields = None
            if old is not None and fields is not None and "value" in fields and \
                    "distribution" not in fields and old.distribution is not None:
                fields["distribution"] = _carried(old, fields["value"])  # in the set's unit
                if fields["distribution"] is None:
                    self.c.add("wrong-unit", (*pp, "value"), Msg(
                        "got {value!r}, in another unit than the assumption set's value "
                        "{assumed}, whose distribution draws whole numbers of that unit; "
                        "write the value in the set's unit, or give the distribution too",
                        value=fields["value"], assumed=_written(old.value)))
                    fields = None
            if old is not None and fields is not None:
                fields = {**{k: getattr(old, k) for k in F.PARAMETER_KEYS}, **fields}
            p = None if fields is None else self.build_parameter(name, fields, role, pp)
            if p is None:
                failed.add(name)
            else:
                out[name] = p
                self.tables[id(p)] = pp
        return out, failed


# ---------------------------------------------------------------------------- helpers


def _carried(old: Parameter, value: Any) -> Any:
    """The distribution of a set's parameter for a tender's value, maybe in another unit (the
    value's own errors are said where its parameter is built)."""
    from lcc.io._model import distribution_in
    from lcc.io._values import _as_quantity

    q = _as_quantity(value)  # the cached reading the parameter gets too
    return distribution_in(old, q.units if q is not None else None)


def _check_format(r: Reader, data: dict[str, Any], expected: str, other: str,
                  other_hint: Msg) -> None:
    if "format" not in data:
        return
    value = data["format"]
    if value == expected:
        return
    if value == other:
        r.c.add("unsupported-format", ("format",), Msg("this file is {format!r}: {hint}",
                                                       format=other, hint=other_hint))
    else:
        r.c.add("unsupported-format", ("format",), Msg("got {value!r}; expected {format!r}",
                                                       value=value, format=expected))


def _read_study(r: Reader, data: dict[str, Any], base: dict[str, Any], scope: Scope
                ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``[study]`` table of a document: its keys as written, and the fields as the model
    takes them over ``base`` (an assumption set's). The currency and exchange rates are read
    first: the reader checks the currencies of the amounts against them."""
    raw: dict[str, Any] = {}
    if "study" in data:
        table = r.table(data["study"], ("study",), Msg("the study ([study] table)"))
        if table is not None:
            r.keys(table, ("study",), F.STUDY, what=_STUDY_WHAT)
            raw = {k: v for k, v in table.items() if k in F.STUDY}
    fields = dict(base)
    first = ("currency", "exchange_rates")
    for key in first:
        if key in raw:
            fields[key] = r.value(F.STUDY[key], raw[key], ("study", key), None)
    currency, rates = fields.get("currency", "SEK"), fields.get("exchange_rates")
    r.currency = currency if isinstance(currency, str) else None
    r.rates = rates if isinstance(rates, ExchangeRates) else None
    if rates is BAD:  # reported where it stands: amounts in other currencies stay quiet
        r.currency = None
    values, bad = r.fields({k: v for k, v in raw.items() if k not in first}, ("study",),
                           F.STUDY, scope)
    return raw, {**fields, **values, **dict.fromkeys(bad, BAD)}


def _build_study(r: Reader, fields: dict[str, Any],
                 path_of: Callable[[str], tuple[Reader, Path]],
                 owner: Mapping[str, tuple[Collector, Path]]) -> Study | None:
    """The tender's study from its fields (the set's and its own), each error reported in
    the file that gave the field, or that gave the number of the parameter it refers to
    (``owner``: name -> the file and path of the parameter's table); None if any field
    failed."""
    failed = {k for k, v in fields.items() if v is BAD}

    def at(code: str, path: tuple[Any, ...], message: Msg) -> None:
        if path[0] == "parameters":
            col, table = owner.get(path[1], (r.c, path[:2]))
            col.add(code, (*table, *path[2:]), message)
            return
        key = path[1] if len(path) > 1 else None
        if key not in failed:
            reader, where = path_of(key) if key is not None else (r, ("study",))
            reader.c.add(code, where, message)

    study = study_issues({k: v for k, v in fields.items() if v is not BAD}, at)
    return None if failed else study


# ---------------------------------------------------------------------------- assumption set


def build_assumptions(data: dict[str, Any], c: Collector, path: FsPath | None) -> Any:
    """An AssumptionSet from file data, or BAD (issues recorded in ``c``)."""
    start = c.count  # the sink may hold the issues of the tender that refers to the set
    r = Reader(c)
    r.keys(data, (), F.ASSUMPTION_KEYS, ("name", "version", "valid_from", "owner"),
           what=Msg("an assumption set: "))
    _check_format(r, data, F.ASSUMPTIONS_FORMAT, F.TENDER_FORMAT,
                  Msg("load it with lcc.io.load_tender, and reference assumption sets with "
                      "assumptions = \"<file>\""))
    fields: dict[str, Any] = {}
    for key in ("name", "owner", "description"):
        if key in data:
            fields[key] = r.text(data[key], (key,))
    if "version" in data:
        v = data["version"]
        if _is_number(v):
            c.add("wrong-type", ("version",), Msg("got the number {value!r}; write the version "
                                                  "as text, e.g. version = \"{value}\"",
                                                  value=v))
            v = BAD
        fields["version"] = r.text(v, ("version",)) if v is not BAD else BAD
    if "valid_from" in data:
        v = data["valid_from"]
        if isinstance(v, str):
            try:
                v = dt.date.fromisoformat(v)
            except ValueError:
                c.add("invalid-value", ("valid_from",), Msg("got {value!r}; expected a date "
                                                            "such as 2025-01-01", value=v))
                v = BAD
        elif type(v) is not dt.date:
            c.add("wrong-type", ("valid_from",), Msg("expected a date such as 2025-01-01, got "
                                                     "{kind}", kind=kind_of(v)))
            v = BAD
        fields["valid_from"] = v
    sources: list[tuple[int, Source]] = []
    raw = r.entries(data["sources"], ("sources",), Msg("sources ([[sources]] tables)"),
                    F.MAX_PARAMETERS, Msg("sources")) if "sources" in data else None
    for i, s in enumerate(raw or ()):
        sp: Path = ("sources", i)
        t = r.table(s, sp, Msg("a source {example}", example="{id = ..., title = ...}"))
        if t is None or not r.keys(t, sp, F.SOURCE_KEYS, ("id", "title"),
                                   what=Msg("a source: ")):
            continue
        vals = {k: r.text(t[k], (*sp, k)) for k in F.SOURCE_KEYS if k in t}
        if BAD not in vals.values():
            sources.append((i, Source(**vals)))

    def in_file(code: str, path: tuple[Any, ...], message: Msg) -> None:  # i-th read source
        c.add(code, ("sources", sources[int(path[1])][0], *path[2:]), message)

    unique_sources([s for _, s in sources], in_file)
    params, _ = r.parameters(data, (), "buyer")
    study: dict[str, Any] = {}
    if "study" in data:
        _, study = _read_study(r, data, {}, Scope(params))
        if isinstance(data["study"], dict):
            study_issues({k: v for k, v in study.items() if v is not BAD}, c.add)
    policy: list[str] = []
    choices = r.entries(data["policy_choices"], ("policy_choices",), Msg(
        "paths such as \"parameters.discount_rate\"")) if "policy_choices" in data else None
    for i, item in enumerate(choices or ()):
        if r.text(item, ("policy_choices", i)) is BAD:
            continue
        parts = _split(item)
        if parts is None or parts[1] not in (study if parts[0] == "study" else params):
            c.add("invalid-value", ("policy_choices", i), not_in_set(item))
            continue
        policy.append(item)
    if c.count > start or any(v is BAD for v in fields.values()) or \
            any(v is BAD for v in study.values()):
        return BAD
    try:
        return AssumptionSet(
            fields["name"], fields["version"], fields["valid_from"], fields["owner"],
            study=study, parameters=tuple(params.values()),
            sources=tuple(s for _, s in sources),
            policy_choices=tuple(policy), description=fields.get("description"), path=path)
    except TenderError as exc:
        c.issues.extend(TenderIssue(e.code, e.message, e.path, c.file, None)
                        for e in exc.errors)
        return BAD


# ---------------------------------------------------------------------------- tender


def build_item(r: Reader, raw: Any, path: Path, scope: Scope) -> CostItem | None:
    obj = r.table(raw, path, _A_COST_ITEM)
    if obj is None:
        return None
    if "type" not in obj:
        r.c.add("missing-field", (*path, "type"), Msg("missing; every item needs a type, one "
                                                      "of {choices}", choices=", ".join(F.ITEMS)))
        return None
    kind = obj["type"]
    if not isinstance(kind, str) or kind not in F.ITEMS:
        r.c.add("unknown-type" if isinstance(kind, str) else "wrong-type", (*path, "type"),
                Msg("got {value!r}{suggest}; expected one of {choices}", value=kind,
                    suggest=suggest(kind, F.ITEMS) if isinstance(kind, str) else _NOTHING,
                    choices=", ".join(F.ITEMS)))
        return None
    spec = F.ITEMS[kind]
    ok = r.keys(obj, path, ["type", *spec.fields], spec.required, what=_ITEM_KEYS[kind])
    values, bad = r.fields(obj, path, spec.fields, scope)
    missing = [k for k in spec.required if k not in obj]
    try:  # the model checks every value; its errors of keys already reported are left out
        item = spec.cls(**{**{k: None for k in spec.required}, **values})
    except LCCError as exc:
        # hours convert a life or interval: with that value failed, they cannot be judged
        judged = {"hours"} if bad & {"life", "every"} else set()
        model_issues(r.c, exc, path, spec.fields, skip={*bad, *missing, *judged}
                     if bad or missing else frozenset(), placed=r.placed(scope))
        failed = {(e.field or "").partition(".")[2] for e in exc.errors}
        for key, value in values.items():  # the currencies of the values the model read
            unit = spec.fields[key].unit
            if key not in failed and unit is not None and "CUR" in unit:
                code = currency_of_value(value)
                if code is not None:
                    r.check_currency(code, (*path, key))
        return None
    for key, value in item.read_values().items():
        code = getattr(value, "currency", None)
        if code is not None and not r.check_currency(code, (*path, key)):
            ok = False
    return item if ok and not bad else None


def build_alternative(r: Reader, raw: Any, path: Path, buyer_scope: Scope,
                      buyer_where: Callable[[str], str]) -> Alternative | None:
    obj = r.table(raw, path, _AN_ALTERNATIVE)
    if obj is None:
        return None
    # the calculators are imported only for a tender that uses one (CLI start-up, issue 19)
    T: Any = importlib.import_module("lcc.io._templates") \
        if "template" in obj or "inputs" in obj else None

    # a template alternative: the calculator builds the items from the inputs
    module = T.calculator(r, obj, path) if "template" in obj else None
    templated = module is not None or ("inputs" in obj and "template" not in obj)
    required = ("name", "template", "inputs") if templated else \
        ("name",) if "template" in obj else ("name", "items")
    ok = r.keys(obj, path, F.ALTERNATIVE, required, what=_ALTERNATIVE_KEYS)
    ok = ok and ("template" not in obj or module is not None)
    if templated:
        for key in T.NOT_WITH_TEMPLATE:
            if key in obj:
                r.c.add("not-applicable", (*path, key), Msg(
                    "{key!r} does not go with template: the calculator sets the items and the "
                    "quantity from the inputs; the keys of a template alternative are: {keys}",
                    key=key, keys=", ".join(T.TEMPLATE_KEYS)))
                ok = False
    name = r.text(obj["name"], (*path, "name")) if "name" in obj else BAD
    buyer = buyer_scope.buyer

    def override(pname: str, pp: Path) -> bool:
        if pname in buyer or pname in buyer_scope.failed:
            r.c.add("parameter-override", pp, buyer_override(pname, buyer_where(pname)))
            return True
        return False

    bid, failed = r.parameters(obj, path, "bidder", refuse=override)
    ok = ok and not failed
    scope = Scope(buyer, bid, path, failed | buyer_scope.failed, buyer_scope.incomplete)
    items: list[CostItem] = []
    inputs: tuple[dict[str, Any], set[str], bool] | None = None
    if module is not None and "inputs" in obj:
        inputs = T.read_inputs(r, module, obj["inputs"], path, scope)
        ok = ok and inputs is not None and inputs[2]
    if "items" in obj and not templated:
        ip = (*path, "items")
        raw_items = r.entries(obj["items"], ip, Msg("items ([[alternatives.items]] tables)"),
                              F.MAX_ITEMS, Msg("items"),
                              Msg("an alternative needs at least one item"))
        ok = ok and raw_items is not None
        for i, item_raw in enumerate(raw_items or ()):
            item = build_item(r, item_raw, (*ip, i), scope)
            if item is None:
                ok = False
            else:
                items.append(item)
    extra, bad = r.fields(obj, path, {k: kind for k, kind in F.ALTERNATIVE_FIELDS.items()
                                      if not (templated and k in T.NOT_WITH_TEMPLATE)}, scope)
    ok = ok and not bad
    for pname in bid:
        if pname not in scope.used:
            r.c.add("unused-parameter", (*path, "parameters", pname), Msg(
                "the bid defines {parameter!r} but none of its values uses it; refer to it with "
                "{{parameter = \"{parameter}\"}} or remove it", parameter=pname))
            ok = False
    if module is not None and inputs is not None and name is not BAD:
        values, reported, _ = inputs
        alt = T.build(r, module, name, values, path, extra.get("description"), reported,
                      r.placed(scope))
        return alt if ok else None
    if not ok or name is BAD:  # its own keys are read all the same: every error at once
        for key, value in extra.items():
            try:
                with located(f"Alternative.{key}", key):
                    F.ALTERNATIVE_FIELDS[key].read(value, key)
            except LCCError as exc:
                model_issues(r.c, exc, path, F.ALTERNATIVE, placed=r.placed(scope))
        return None
    try:
        return Alternative(name, *items, **extra)
    except LCCError as exc:
        model_issues(r.c, exc, path, F.ALTERNATIVE, placed=r.placed(scope))
        return None


def _same_input(given: Any, value: Any) -> bool:
    """Whether a calculator's input is the value an item of its alternative holds: the
    object itself, or a list of yearly rates the calculator made a ByYear of."""
    if given is value:
        return True
    from lcc.model import ByYear

    return isinstance(given, (list, tuple)) and isinstance(value, ByYear) and \
        value.unit is None and value.first_year == 1 and list(value.values) == list(given)


def check_evaluation(r: Reader, alt: Alternative, study: Study, path: Path) -> bool:
    """Compile the alternative under the study: errors that only the pair shows.

    A per-year sequence too short for the study, an amount in a currency
    without an exchange rate … are located at the item input they concern
    (at ``inputs`` for a calculator's alternative, whose items are not in the file).
    """
    import numpy as np

    from lcc.engine import base_values, compile_alternative

    inputs = (*path, "inputs") if alt.calculator is not None else None
    try:
        compiled = compile_alternative(alt, study)
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is said below, in words
            ctx, per_term = base_values(compiled)
        quantity = ctx.value(compiled.quantity) if compiled.quantity is not None else 1.0
    except LCCError as exc:
        for err in exc.errors:  # Alternative.items[2].price
            pos, _, key = (err.field or "").removeprefix("Alternative.items[").partition("]")
            where = path
            if pos.isdigit():
                where = (*path, "items", int(pos))
                if key[1:] in F.ITEMS[alt.items[int(pos)].kind].fields:
                    where = (*where, key[1:])
            if alt.calculator is not None and inputs is not None:  # the input holding it
                given = getattr(alt.items[int(pos)], key[1:], None) \
                    if pos.isdigit() and key[1:] else None
                where = next(((*inputs, k) for k, v in alt.calculator.inputs.items()
                              if given is not None and _same_input(v, given)), inputs)
            r.c.add(err.code or "invalid-value", where, err.detail)
        return False
    for term, values in per_term:
        if not all(np.all(np.isfinite(v)) for v in values.values()):
            at = next(((*path, "items", i) for i, it in enumerate(alt.items)
                       if it.name == term.item), path)
            r.c.add("invalid-value", inputs or at, Msg(
                "its present value overflows: an amount, a quantity or a rate is so large "
                "that the sum is not finite; check the values"))
            return False
    with np.errstate(all="ignore"):
        total = sum(float(np.sum(v)) for _, values in per_term for v in values.values())
        total = float(np.max(np.abs(total * np.asarray(quantity, dtype=float))))
    if not np.isfinite(total):
        r.c.add("invalid-value", inputs or path, Msg(
            "the life-cycle cost overflows: the amounts and quantities are so large that their "
            "sum is not finite; check the values"))
        return False
    return True


def _sensitivity(r: Reader, raw: Any, known: dict[str, Parameter], failed: set[str],
                 incomplete: bool) -> Any:
    """``[sensitivity]``: its structure here, its values by :class:`SensitivitySettings` and
    the names by the tender's rule (:func:`check_sensitivity_names`)."""
    obj = r.table(raw, ("sensitivity",), Msg("sensitivity settings"))
    if obj is None:
        return BAD
    ok = r.keys(obj, ("sensitivity",), ["parameters", "monte_carlo"],
                what=Msg("[sensitivity]: "))
    pp: Path = ("sensitivity", "parameters")
    names = r.entries(obj["parameters"], pp, Msg("parameter names"), F.MAX_PARAMETERS,
                      Msg("names")) if "parameters" in obj else None
    ok = ok and ("parameters" not in obj or names is not None)
    mc: dict[str, Any] = {}
    if "monte_carlo" in obj:
        mp: Path = ("sensitivity", "monte_carlo")
        table = r.table(obj["monte_carlo"], mp, Msg("Monte Carlo settings {example}",
                                                    example="{n = 10000, seed = 1}"))
        if table is None or not r.keys(table, mp, ["n", "seed"], what=Msg("monte_carlo: ")):
            ok = False
        else:
            mc = table
    given = tuple(names or ())
    chosen = check_sensitivity_names(given, known, r.c.add,
                                     lambda name: incomplete or name in failed)
    settings: SensitivitySettings | None = None
    try:
        settings = SensitivitySettings(None if names is None else tuple(names), mc.get("n"),
                                       mc.get("seed"))
    except LCCError as exc:
        settings_issues(exc, r.c.add, ("sensitivity",))
    return settings if ok and settings is not None and chosen == given else BAD


def _comparison(r: Reader, raw: Any, alternatives: Any) -> Any:
    obj = r.table(raw, ("comparison",), Msg("comparison settings {example}",
                                            example="{policy = \"study_period\"}"))
    if obj is None or not r.keys(obj, ("comparison",), ["policy", "baseline"],
                                 what=Msg("[comparison]: ")):
        return BAD
    settings: ComparisonSettings | None = None
    try:
        settings = ComparisonSettings(**obj)
    except LCCError as exc:
        settings_issues(exc, r.c.add, ("comparison",))
    names = [a["name"] for a in alternatives if isinstance(a, dict)
             and isinstance(a.get("name"), str)] if isinstance(alternatives, list) else []
    baseline = obj.get("baseline")
    ok = check_baseline(baseline if isinstance(baseline, str) else None, names, r.c.add)
    return settings if ok and settings is not None else BAD


def _assumption_set(r: Reader, data: dict[str, Any], base_dir: FsPath,
                    load_set: Callable[[FsPath, str], tuple[Any, Collector]]
                    ) -> tuple[Any, Collector | None]:
    """The assumption set a tender refers to (None if none, BAD if it cannot be read) and the
    collector of its file."""
    if "assumptions" not in data:
        return None, None
    ref = r.text(data["assumptions"], ("assumptions",))
    if ref is BAD:
        return BAD, None
    target = FsPath(ref) if os.path.isabs(ref) else base_dir / ref
    aset, set_c = load_set(target, ref)
    if aset is OUTSIDE:
        r.c.add("missing-file", ("assumptions",), Msg(
            "the assumption set {file!r} is outside the folder assumption sets are read from "
            "here; give its name within that folder", file=ref))
        return BAD, None
    if aset is None:
        r.c.add("missing-file", ("assumptions",), Msg(
            "cannot read the assumption set {file!r} (looked for {target}); the path is "
            "relative to the tender file", file=ref, target=os.path.normpath(target)))
        return BAD, set_c
    return aset, set_c


def _alternatives(r: Reader, data: dict[str, Any], scope: Scope, study: Study | None,
                  buyer_where: Callable[[str], str]) -> list[Alternative]:
    """The tender's alternatives that could be built; the issues of the others recorded,
    and two alternatives of one name, or two bids' different parameters of one name."""
    c = r.c
    raw_alts = r.entries(data["alternatives"], ("alternatives",), Msg(
        "alternatives ([[alternatives]] tables)"), F.MAX_ALTERNATIVES, Msg("alternatives"),
        _NOTHING if "bid_form" in data else Msg("a tender needs at least one alternative"))
    bids: list[tuple[int, Any, Alternative | None]] = []
    for i, raw in enumerate(raw_alts or ()):
        alt = build_alternative(r, raw, ("alternatives", i), scope, buyer_where)
        if alt is not None and study is not None and \
                not check_evaluation(r, alt, study, ("alternatives", i)):
            alt = None
        bids.append((i, raw.get("name") if isinstance(raw, dict) else None, alt))

    def line(path: Path) -> Msg:
        return Msg(" (line {line})", line=c.line(path))

    def place(path: Path) -> Msg:
        return Msg(" ({where})", where=c.where(path))

    check_bids(bids, scope.buyer, c.add, line, place)
    return [alt for _, _, alt in bids if alt is not None]


def _overrides(r: Reader, raw: Any, aset: Any) -> dict[str, str]:
    """The ``[overrides]`` table: path -> reason, by the tender's rule (check_overrides)."""
    table = r.table(raw, ("overrides",), Msg("overrides: \"<path>\" = \"<reason>\""))
    return check_overrides((table or {}).items(), aset is not None, r.c.add)


def build_tender(data: dict[str, Any], c: Collector, source: FsPath | None,
                 base_dir: FsPath, load_set: Callable[[FsPath, str], tuple[Any, Collector]]
                 ) -> Tender:
    """A Tender from file data; raises TenderError with every issue found."""
    r = Reader(c)
    # a tender with a bid form may have no alternatives yet: its forms come first
    r.keys(data, (), F.TENDER_KEYS, ("name",) if "bid_form" in data else ("name", "alternatives"),
           what=Msg("a tender file: "))
    _check_format(r, data, F.TENDER_FORMAT, F.ASSUMPTIONS_FORMAT,
                  Msg("load it with lcc.io.load_assumptions, and reference it from a tender "
                      "with assumptions = \"<file>\""))
    head: dict[str, Any] = {}
    for key in ("name", "description", "reference"):
        if key in data:
            head[key] = r.text(data[key], (key,))
    aset, set_c = _assumption_set(r, data, base_dir, load_set)
    the_set: AssumptionSet | None = aset if isinstance(aset, AssumptionSet) else None
    # buyer parameters: the set's, with the tender's fields on top
    buyer: dict[str, Parameter] = {}
    owner: dict[str, tuple[Collector, Path]] = {}
    if the_set is not None and set_c is not None:
        for p in the_set.parameters:
            buyer[p.name] = p
            owner[p.name] = (set_c, ("parameters", p.name))
    params, bad_params = r.parameters(data, (), "buyer", buyer)
    buyer.update(params)
    owner.update({name: (c, ("parameters", name)) for name in params})

    def buyer_where(name: str) -> str:
        col, path = owner.get(name, (c, ("parameters", name)))
        return f"{col.where(path)} {format_path(path)}"

    # the study: the set's fields, with the tender's on top
    from_set = {k: buyer.get(v.name, v) if isinstance(v, Parameter) else v
                for k, v in (the_set.study if the_set is not None else {}).items()}
    set_failed = aset is BAD
    scope = Scope(buyer, failed=bad_params, incomplete=set_failed)
    raw_study, study_fields = _read_study(r, data, from_set, scope)
    for key in F.STUDY_REQUIRED:
        if key not in study_fields and set_failed:
            study_fields[key] = BAD
        elif key not in study_fields:
            c.add("missing-field", ("study", key), Msg(
                "missing; {key} must be set in the tender's [study] table or the assumption set "
                "{set!r}", key=key, set=the_set.name) if the_set is not None else Msg(
                "missing; {key} must be set in the tender's [study] table", key=key))
            study_fields[key] = BAD

    def study_path(field: str) -> tuple[Reader, Path]:
        if field in raw_study or set_c is None:
            return r, ("study", field)
        return Reader(set_c), ("study", field)

    study = _build_study(r, study_fields, study_path, owner)
    alternatives = _alternatives(r, data, scope, study, buyer_where) \
        if "alternatives" in data else []
    # sensitivity
    sensitivity: Any = None
    if "sensitivity" in data:
        known = dict(buyer)
        for alt in alternatives:
            known.update({p.name: p for p in alt.parameters() if p.role == "bidder"})
        failed = set(bad_params)
        alts_raw = data.get("alternatives")
        for raw in alts_raw if isinstance(alts_raw, list) else []:
            if isinstance(raw, dict) and isinstance(raw.get("parameters"), dict):
                failed.update(k for k in raw["parameters"] if isinstance(k, str))
        sensitivity = _sensitivity(r, data["sensitivity"], known, failed - set(known),
                                   set_failed)
    scenarios: Any = None
    if "scenarios" in data:  # issue 19: [scenarios.NAME]
        from lcc.io._sensitivity_io import read_scenarios

        every = every_parameter(buyer.values(), alternatives)
        scenarios = read_scenarios(r, data["scenarios"], every, set(bad_params) - set(every),
                                   BAD, set_failed, rate_parameters(alternatives))
        if scenarios is not BAD:
            scenarios.alternatives = tuple(alternatives)  # read with these bids' parameters
    comparison: Any = None
    if "comparison" in data:
        comparison = _comparison(r, data["comparison"], data.get("alternatives"))
    declared = _overrides(r, data["overrides"], aset) if "overrides" in data else {}
    if the_set is not None and study is not None and set_c is not None and not bad_params:
        departures(the_set, study, buyer.values(), declared, c.add,
                   lambda path: set_c.where(path) if set_c is not None else "")
    bid_form = data.get("bid_form")
    if bid_form is not None and not isinstance(bid_form, dict):
        c.add("wrong-type", ("bid_form",), Msg("expected a table [bid_form] describing what "
                                               "each bidder gives on the Excel bid form"))
    if c.count or study is None or aset is BAD or sensitivity is BAD or comparison is BAD \
            or scenarios is BAD \
            or any(v is BAD for v in head.values()):
        raise TenderError(c.issues)
    try:
        return Tender(head["name"], study, tuple(alternatives),
                      parameters=tuple(buyer.values()), description=head.get("description"),
                      reference=head.get("reference"), assumptions=the_set,
                      overrides=declared, sensitivity=sensitivity, comparison=comparison,
                      source=source, bid_form=bid_form, scenarios=scenarios)
    except TenderError as exc:  # the tender's own checks: each at its line where it has one
        c.issues.extend(TenderIssue(e.code, e.message, e.path, c.file,
                                    c.line(path_of(e.path) or ()))
                        for e in exc.errors)
        raise TenderError(c.issues) from None
