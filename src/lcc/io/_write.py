"""Writing a Tender as TOML, YAML or JSON.

The tender is written as its file says it: values that come from the
assumption set are left out (the file references the set), values that depart
from it are written together with their declared override, and defaults are
left out except the ones a reader should see (period, discount rate, timing,
currency).
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lcc._errors import LCCError, Msg
from lcc._text import INVISIBLE, escape_invisible
from lcc._version import __version__
from lcc.io import _fields as F
from lcc.io._model import Tender, every_parameter
from lcc.io._values import encode, parameter_data, same_value
from lcc.model import Alternative, CostItem, Study
from lcc.model._compare import same

_SHOWN_ALWAYS = ("period", "discount_rate", "timing", "currency")
_CLASS_NAMES = {spec.cls: name for name, spec in F.ITEMS.items()}


def _data(values: dict[str, Any], cls: type, keys: Iterable[str], where: str,
          keep: Iterable[str] = ()) -> dict[str, Any]:
    """The ``values`` of a model object that say something, as file data, in the order of
    ``keys``: not None, and not the default of the class's constructor (unless in ``keep``)."""
    defaults = {k: p.default for k, p in inspect.signature(cls).parameters.items()
                if p.default is not inspect.Parameter.empty}
    values = {k: "none" if v is None and k == "residual" and defaults.get(k) is not None
              else v for k, v in values.items()}  # None is no residual; left out, 'linear'
    return {key: encode(values[key], f"{where}.{key}") for key in keys
            if values.get(key) is not None and (key in keep or key not in defaults
                                                or not same(values[key], defaults[key]))}


def _study_data(t: Tender) -> dict[str, Any]:
    """The study's fields but those that the assumption set gives."""
    assumed = dict(t.assumptions.study) if t.assumptions is not None else {}
    values = {key: getattr(t.study, key) for key in F.STUDY}
    return _data({k: v for k, v in values.items()
                  if k not in assumed or not same_value(assumed[k], v)},
                 Study, F.STUDY, "study", keep=(*_SHOWN_ALWAYS, *assumed))


def _parameters_data(t: Tender) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in t.parameters:
        data = parameter_data(p, f"parameters.{p.name}")
        base = t.assumptions.parameter(p.name) if t.assumptions is not None else None
        if base is None:
            out[p.name] = data
            continue
        base_data = parameter_data(base, f"parameters.{p.name}")
        dropped = [k for k in base_data if k not in data]
        if dropped:
            raise LCCError(Msg(
                "{name}: the tender drops {keys} of the assumption set's parameter; a tender "
                "file can change a value of the set but not remove it",
                name=f"parameters.{p.name}", keys=", ".join(dropped)),
                field=f"parameters.{p.name}", code="invalid-value")
        diff = {k: v for k, v in data.items() if base_data.get(k) != v}
        if diff:
            out[p.name] = diff
    return out


def item_data(item: CostItem, where: str) -> dict[str, Any]:
    """A cost item as a file table: its type and the fields that differ from defaults."""
    kind = _CLASS_NAMES.get(type(item))
    if kind is None:
        raise LCCError(Msg("{name}: cannot write an item of type {type}; a tender file holds "
                           "the items {types}", name=where, type=type(item).__name__,
                           types=", ".join(F.ITEMS)), field=where, code="unknown-type")
    spec = F.ITEMS[kind]
    values = item.field_values()
    order = ["label", *(k for k in spec.fields if k != "label")]
    return {"type": kind, **_data(values, type(item), [*order, *(k for k in values
                                                               if k not in order)],
                                  where, keep=spec.required)}


def alternative_data(alt: Alternative, where: str) -> dict[str, Any]:
    """An alternative as a file table, with its bidder parameters.

    An alternative a product calculator built (:attr:`lcc.Alternative.calculator`)
    is written as its ``template`` and ``inputs``.
    """
    if alt.calculator is not None:
        from lcc.io._templates import template_data

        return template_data(alt, where)
    keys = ("description", "start", "quantity", "life")
    out = {"name": alt.name, **_data({k: getattr(alt, k) for k in keys}, Alternative, keys,
                                     where)}
    bidder = {p.name: p for p in alt.parameters() if p.role == "bidder"}
    if bidder:
        out["parameters"] = {name: parameter_data(p, f"{where}.parameters.{name}")
                             for name, p in bidder.items()}
    out["items"] = [item_data(it, f"{where}.items[{i}]") for i, it in enumerate(alt.items)]
    return out


def tender_data(t: Tender, dest_dir: Path | None = None) -> dict[str, Any]:
    """A Tender as plain file data (the same for TOML, YAML and JSON).

    Parameters
    ----------
    t : Tender
    dest_dir : pathlib.Path, optional
        The folder the file goes to: the reference to the assumption set is
        written relative to it.
    """
    out: dict[str, Any] = {"format": F.TENDER_FORMAT, "name": t.name}
    for key in ("description", "reference"):
        value = getattr(t, key)
        if value is not None:
            out[key] = value
    if t.assumptions is not None:
        if t.assumptions.path is None:
            raise LCCError(Msg(
                "{name}: the assumption set {set!r} has no file to refer to; load it with "
                "lcc.io.load_assumptions(path)", name="assumptions", set=t.assumptions.name),
                field="assumptions", code="missing-file")
        target = os.path.abspath(t.assumptions.path)
        if dest_dir is None:
            out["assumptions"] = Path(target).as_posix()
        else:
            try:
                rel = os.path.relpath(target, os.path.abspath(dest_dir))
            except ValueError:  # another drive (Windows)
                rel = target
            out["assumptions"] = Path(rel).as_posix()
    study = _study_data(t)
    if study:
        out["study"] = study
    params = _parameters_data(t)
    if params:
        out["parameters"] = params
    out["alternatives"] = [alternative_data(a, f"alternatives[{i}]")
                           for i, a in enumerate(t.alternatives)]
    if t.sensitivity is not None:
        s: dict[str, Any] = {}
        if t.sensitivity.parameters is not None:
            s["parameters"] = list(t.sensitivity.parameters)
        mc = {k: v for k, v in (("n", t.sensitivity.monte_carlo_n),
                                ("seed", t.sensitivity.seed)) if v is not None}
        if mc:
            s["monte_carlo"] = mc
        out["sensitivity"] = s
    if t.scenarios:
        from lcc.io._sensitivity_io import scenarios_data

        out["scenarios"] = scenarios_data(t.scenarios, every_parameter(t.parameters,
                                                                        t.alternatives))
    if t.comparison is not None:
        cmp: dict[str, Any] = {"policy": t.comparison.policy}
        if t.comparison.baseline is not None:
            cmp["baseline"] = t.comparison.baseline
        out["comparison"] = cmp
    if t.overrides:
        out["overrides"] = {o.path: o.reason for o in t.overrides}
    if t.bid_form is not None:
        out["bid_form"] = t.bid_form
    return out


# ---------------------------------------------------------------------------- text


_HEADER = f"Tender file (lcc.tender/1), written by lcc {__version__}."


def to_json(data: dict[str, Any]) -> str:
    """JSON text of file data (invisible characters as escapes)."""
    return escape_invisible(json.dumps(data, indent=2, ensure_ascii=False), json=True) + "\n"


def to_yaml(data: dict[str, Any]) -> str:
    """YAML text of file data (needs PyYAML)."""
    try:
        import yaml
    except ImportError:
        raise LCCError(Msg("writing YAML needs PyYAML: pip install 'openlcc[yaml]' (or write "
                           "TOML or JSON)"), field="format", code="unsupported-format") from None
    from lcc.io._read import _yaml_loader

    class Dumper(yaml.SafeDumper):
        pass

    # a text that YAML 1.2 (as lcc reads it) or 1.1 (as other tools do) would read as a
    # number or a truth value is quoted: '0E0' is a float to YAML 1.2, not to 1.1
    for first, resolvers in _yaml_loader().yaml_implicit_resolvers.items():
        for tag, rx in resolvers:
            Dumper.add_implicit_resolver(tag, rx, [first])

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # YAML reads NEL and the Unicode line and paragraph separators as line breaks, and
        # an invisible character can be written as an escape, only in a double-quoted scalar
        style = '"' if INVISIBLE.search(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
    return f"# {_HEADER}\n{escape_invisible(body)}"


_TABLES = {"study", "sensitivity", "comparison", "overrides", "exchange_rates", "monte_carlo",
           "inputs", "scenarios"}
_ARRAYS = {"alternatives", "items", "sources"}


def to_toml(data: dict[str, Any]) -> str:
    """TOML text of file data: tables for sections, inline tables for small values."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment(_HEADER))
    _fill(doc, data, top=True)
    return tomlkit.dumps(doc)


def _fill(container: Any, data: dict[str, Any], top: bool = False,
          params: bool = True) -> None:
    """Put file data into a TOML table. ``params``: whether a key ``parameters`` of this
    table holds parameter tables (it does in the tender's top level and in an alternative;
    elsewhere, in ``[scenarios]`` say, it is a name like any other)."""
    import tomlkit

    later: list[tuple[str, Any]] = []
    for key, value in data.items():
        parameters = params and key == "parameters"
        table = isinstance(value, dict) and (key in _TABLES or parameters
                                             or (top and key not in _ARRAYS))
        array = isinstance(value, list) and key in _ARRAYS and bool(value) and \
            all(isinstance(v, dict) for v in value)
        if table or array:
            later.append((key, value))
        else:
            container[key] = _inline(value)
    for key, value in later:
        if isinstance(value, list):
            aot = tomlkit.aot()
            for entry in value:
                t = tomlkit.table()
                _fill(t, entry, params=key == "alternatives")
                aot.append(t)
            container[key] = aot
        elif params and key == "parameters":
            sup = tomlkit.table(is_super_table=True)
            for name, p in value.items():
                t = tomlkit.table()
                _fill(t, p, params=False)
                sup[name] = t
            container[key] = sup
        else:
            t = tomlkit.table()
            _fill(t, value, params=False)
            container[key] = t


def _inline(value: Any) -> Any:
    import tomlkit

    if isinstance(value, dict):
        t = tomlkit.inline_table()
        for k, v in value.items():
            t[k] = _inline(v)
        return t
    if isinstance(value, list):
        arr = tomlkit.array()
        for v in value:
            arr.append(_inline(v))
        return arr
    if isinstance(value, str):
        text = tomlkit.string(value, multiline="\n" in value and "\r" not in value)
        if not INVISIBLE.search(value):
            return text
        from tomlkit.items import String, Trivia

        quotes = len(text.type.value)  # a basic string: escapes are read
        inner = text.as_string()[quotes:-quotes]
        return String(text.type, value, escape_invisible(inner), Trivia())
    return value


WRITERS = {"toml": to_toml, "yaml": to_yaml, "json": to_json}
