"""What a bid form is made for: the inputs that decide the evaluation, not the file's bytes.

A form records each input that decides how its bid is evaluated — the study,
the buyer's parameters (values and ranges), the assumption set and the
bid-form specification (rows, units, bounds, defaults, the bid's template) —
as ``path = text`` lines, and their SHA-256. Descriptions, labels, comments,
titles and the order of keys are not among them, so editing them keeps the
returned forms importable; a change of what decides the evaluation is named
path by path (``study.discount_rate: 0.035 → 0.04``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from lcc._errors import Msg
from lcc.bidform._spec import BidForm, Slot
from lcc.io._model import Tender
from lcc.io._values import display
from lcc.model._study import FIELDS as STUDY_FIELDS

#: Keys of a template item or field that describe rather than decide.
_WORDS = ("label", "note", "description", "title", "instructions")


def _text(value: Any) -> str:
    if isinstance(value, Slot):
        return f"<the bidder's value {value.key}>"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {_text(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return display(value)


def decisive(tender: Tender, form: BidForm) -> dict[str, str]:
    """``path -> text`` of every input that decides a bid's evaluation."""
    out: dict[str, str] = {}
    s = tender.study
    for key in STUDY_FIELDS:
        out[f"study.{key}"] = _text(getattr(s, key))
    out["study.exchange_rates"] = repr(s.exchange_rates)
    a = tender.assumptions
    out["assumptions"] = "none" if a is None else f"{a.name} {a.version}"
    for p in tender.parameters:
        for key in ("value", "low", "high"):
            out[f"parameters.{p.name}.{key}"] = _text(getattr(p, key))
        out[f"parameters.{p.name}.distribution"] = str(p.distribution)
    out["bid_form.kind"] = form.kind
    for f in form.fields:
        for key in ("kind", "unit", "required", "minimum", "maximum", "choices", "default"):
            out[f"bid_form.rows.{f.key}.{key}"] = _text(getattr(f, key))
    if form.calculator is not None:
        out["bid_form.calculator"] = form.calculator
    for key, value in form.inputs.items():
        out[f"bid_form.inputs.{key}"] = _text(value)
    template = form.template or {}
    for key, value in template.items():
        if key == "parameters":  # the bid's own parameters: their numbers, not their words
            for name, table in value.items():
                for k, v in table.items():
                    if k not in (*_WORDS, "source"):
                        out[f"bid_form.parameters.{name}.{k}"] = _text(v)
        elif key != "items":
            out[f"bid_form.{key}"] = _text(value)
    for i, item in enumerate(template.get("items", [])):
        for key, value in item.items():
            if key not in _WORDS:
                out[f"bid_form.items[{i}].{key}"] = _text(value)
    return out


def fingerprint(items: Mapping[str, str]) -> str:
    """SHA-256 of the decisive inputs (independent of their order)."""
    text = json.dumps(sorted(items.items()), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def changes(made: Mapping[str, str], now: Mapping[str, str]) -> list[Msg]:
    """What changed between the form's inputs and the tender's, path by path."""
    out = []
    for key in sorted(set(made) | set(now)):
        before, after = made.get(key), now.get(key)
        if before != after:
            out.append(Msg("{key}: {before} → {after}", key=key,
                           before=before if before is not None else Msg("(none)"),
                           after=after if after is not None else Msg("(none)")))
    return out
