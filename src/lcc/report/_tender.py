"""A tender's facts for readers: its name, files, assumption set, overrides and settings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lcc._i18n import N_, date, ntr, number, tr
from lcc.results._describe import parameter_name, parameter_names, policy_name


def tender_lines(tender: Any, lang: str, *, comparison: Any = None,
                 tornado: Sequence[str] | None = None,
                 monte_carlo: tuple[int, Any] | None = None,
                 named_baseline: bool = False) -> list[str]:
    """Lines about a tender in ``lang`` (the reader's version of ``Tender.describe``) and about
    what was run with it: the basis of ``comparison`` (the Comparison made) and its baseline
    where one was named (in the tender or, ``named_baseline``, on the command line), the
    parameters of the ``tornado`` run and the (samples, seed) of the ``monte_carlo`` run —
    none of them when not run, whatever the tender file's settings."""
    lines = [tr("Procurement: {name}", lang, name=tender.name)
             + (f" ({tender.reference})" if tender.reference else "")]
    if tender.source is not None:
        lines.append(tr("Tender file: {file}", lang, file=getattr(tender.source, "name",
                                                                  tender.source)))
    a = tender.assumptions
    if a is None:
        lines.append(tr("Assumption set: none (every value is set in the tender itself)", lang))
    else:
        lines.append(tr("Assumption set: {name}, version {version}, valid from {valid}, decided "
                        "by {owner}", lang, name=a.name, version=a.version,
                        valid=date(a.valid_from, lang), owner=a.owner))
        if a.path is not None:
            lines.append(tr("File of the assumption set: {file}", lang,
                            file=getattr(a.path, "name", a.path)))
        if not tender.overrides:
            lines.append(tr("Departures from the assumption set: none", lang))
        for o in tender.overrides:
            lines.append(tr("Departure from the assumption set, {what}: {reason}", lang,
                            what=_path_name(o.path, lang), reason=o.reason))
            for c in o.changes:
                lines.append(tr("{what}: {value} (assumption set: {assumed})", lang,
                                what=_path_name(c.path, lang),
                                value=_value_words(tender, c.path, c.raw[1], c.value, lang),
                                assumed=_value_words(tender, c.path, c.raw[0], c.assumed,
                                                     lang)))
    parts = []
    if tornado:
        every = {p.name: p.description for p in tender.parameters}  # as every table names them
        if tender.assumptions is not None:
            every.update({p.name: p.description for p in tender.assumptions.parameters
                          if p.name not in every})
        names = parameter_names({**every, **{n: _description(tender, n) for n in tornado
                                             if n not in every}}, lang,
                                [a.name for a in tender.alternatives])
        parts.append(tr("Sensitivity analysis of: {names}", lang, names=", ".join(
            names[n] for n in tornado)))
    if monte_carlo is not None:
        n, seed = monte_carlo
        parts.append(ntr("Monte Carlo with {n} sample", "Monte Carlo with {n} samples", n, lang,
                         n=number(n, lang, 0)) + ", " + tr("random seed {seed}", lang,
                                                           seed=seed))
    if parts:
        lines.append("; ".join(parts))
    if comparison is not None:
        lines.append(tr("Comparison basis: {policy}", lang,
                        policy=policy_name(comparison.policy, lang)))
        if named_baseline or (tender.comparison is not None and tender.comparison.baseline):
            lines[-1] += "; " + tr("measures against {name}", lang, name=comparison.baseline)
    return lines


def _description(tender: Any, name: str) -> str | None:
    for p in tender.parameters:
        if p.name == name:
            return p.description
    if tender.assumptions is not None:
        p = tender.assumptions.parameter(name)
        if p is not None:
            return p.description
    for alt in tender.alternatives:  # a bidder's parameter, declared with its alternative
        for own in alt.parameters():
            if getattr(own, "name", None) == name:
                return getattr(own, "description", None)
    return None


#: The parts of a parameter a departure names, in words.
_PARAMETER_KEYS = {"value": N_("value"), "low": N_("low value"), "high": N_("high value"),
                   "distribution": N_("distribution"), "description": N_("description"),
                   "source": N_("source")}


def _path_name(path: str, lang: str) -> str:
    """``parameters.electricity_price`` → ``Electricity price``,
    ``parameters.electricity_price.low`` → ``Electricity price, low value``; ``study.period``
    → its name."""
    parts = str(path).split(".")
    if len(parts) >= 2 and parts[0] in ("parameters", "study"):
        from lcc._i18n import field_name

        if parts[0] == "study":
            return field_name(parts[1], lang) or parts[1]
        name = parameter_name(parts[1], lang)
        key = _PARAMETER_KEYS.get(parts[2]) if len(parts) > 2 else None
        return f"{name}, {tr(key, lang)}" if key else name
    return str(path)


def _value_words(tender: Any, path: str, raw: Any, written: str, lang: str) -> str:
    """A departure's value as the reader reads it: '1,1 kr/kWh', a distribution in words,
    'not set'; as the file writes it where lcc has no words for it (a text)."""
    from lcc.model import Parameter
    from lcc.results._describe import distribution_text, value_text

    if raw is None:
        return tr("not set", lang)
    if isinstance(raw, Parameter):  # a study field the set takes from its parameter
        return tr("the parameter {name}, {value}", lang,
                  name=parameter_name(raw.name, lang, raw.description),
                  value=_value_words(tender, path, raw.value, written, lang))
    parts = str(path).split(".")
    p = next((q for q in tender.parameters if len(parts) > 1 and q.name == parts[1]), None)
    unit = p.unit_text if p is not None and p.unit is not None else None
    if hasattr(raw, "rvs"):
        return distribution_text(raw, unit, lang)
    if hasattr(raw, "magnitude") or (isinstance(raw, (int, float))
                                     and not isinstance(raw, bool)):
        rate = parts[0] == "study" and parts[-1] in ("discount_rate", "inflation") and \
            not hasattr(raw, "magnitude")  # a rate as a fraction: 4 %, not 0.04
        return value_text(raw, None, lang, rate=rate)
    return written
