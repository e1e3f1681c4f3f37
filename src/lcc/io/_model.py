"""Tender, AssumptionSet and their parts: frozen, validated, compared by value."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lcc._errors import LCCError, Msg, NotFound, as_msg, raise_collected, suggest
from lcc._text import is_blank, same_name
from lcc.io._fields import MAX_ALTERNATIVES, MAX_MONTE_CARLO, PARAMETER_KEYS, STUDY
from lcc.io._issues import TenderError, TenderIssue, format_path, kind_of
from lcc.io._read import MAX_TEXT, _too_long
from lcc.io._values import display, dist_key, same_value
from lcc.model import Alternative, Parameter, Study
from lcc.model._compare import same
from lcc.model._fields import TEXT, located

if TYPE_CHECKING:
    from lcc.results import LCCResult


def _fail(code: str, path: str, message: Msg | str) -> TenderError:
    return TenderError([TenderIssue(code, message, path)])


_TWICE = Msg("defined twice")


def _non_empty(value: Any) -> Msg:
    return Msg("expected a non-empty text, got {value!r}", value=value)


def _expected(what: str, value: Any) -> Msg:
    return Msg("expected {what}, got {value!r}", what=what, value=value)


@dataclass(frozen=True)
class Source:
    """Where a number of an assumption set comes from.

    Attributes
    ----------
    id : str
        Short key that parameter ``source`` texts can cite, e.g. ``"asek-7"``.
    title : str
        The publication.
    url : str, optional
    note : str, optional
        What was taken from it, its price level, its confidence.
    """

    id: str
    title: str
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True, eq=False)
class AssumptionSet:
    """A shared, versioned set of buyer assumptions that tenders reference.

    Parameters
    ----------
    name, version : str
        E.g. ``"sweden-2025"``, ``"1.0"``; every evaluation names both.
    valid_from : datetime.date
        First day the set applies.
    owner : str
        Who decides the set (an organisation, a group of regions).
    study : mapping
        Study fields the set fixes (``discount_rate``, ``timing``,
        ``carbon_price`` …), as model values; a Parameter stands for a
        reference to one of ``parameters``.
    parameters : tuple of Parameter
        Buyer parameters (role "buyer"): energy prices, escalation, CO2 value …
    sources : tuple of Source
    policy_choices : tuple of str
        Paths (``"parameters.discount_rate"``, ``"study.timing"``) of the values
        that are the buyer's policy choices rather than data.
    description : str, optional
    path : pathlib.Path, optional
        The file it was read from (not part of equality).
    """

    name: str
    version: str
    valid_from: dt.date
    owner: str
    study: Mapping[str, Any] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()
    sources: tuple[Source, ...] = ()
    policy_choices: tuple[str, ...] = ()
    description: str | None = None
    path: Path | None = None

    def __post_init__(self) -> None:
        issues: list[TenderIssue] = []

        def bad(code: str, path: str, message: Msg) -> None:
            issues.append(TenderIssue(code, message, path))

        for key in ("name", "version", "owner"):
            value = getattr(self, key)
            if not isinstance(value, str) or is_blank(value):
                bad("wrong-type", key, _non_empty(value))
        if type(self.valid_from) is not dt.date:
            bad("wrong-type", "valid_from", Msg("expected a date such as 2025-01-01, got "
                                                "{value!r}", value=self.valid_from))
        object.__setattr__(self, "study", dict(self.study))
        object.__setattr__(self, "parameters", tuple(self.parameters))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "policy_choices", tuple(self.policy_choices))
        if self.path is not None:
            object.__setattr__(self, "path", Path(self.path))
        for key in self.study:
            if key not in STUDY:
                bad("unknown-key", f"study.{key}", Msg("unknown study field; expected one of "
                                                       "{keys}", keys=", ".join(STUDY)))
        names: set[str] = set()
        for p in self.parameters:
            if not isinstance(p, Parameter):
                bad("wrong-type", "parameters", Msg("expected lcc.Parameter objects, got "
                                                    "{value!r}", value=p))
                continue
            if p.role != "buyer":
                bad("invalid-value", f"parameters.{p.name}",
                    Msg("an assumption set holds buyer parameters only (role 'buyer'), got "
                        "role {role!r}", role=p.role))
            if p.name in names:
                bad("duplicate-name", f"parameters.{p.name}", _TWICE)
            names.add(p.name)
        unknown = [v.name for v in self.study.values()
                   if isinstance(v, Parameter) and v.name not in names]
        for name in unknown:
            bad("unknown-parameter", "study",
                Msg("refers to the parameter {parameter!r}, which the set does not define",
                    parameter=name))
        def at(code: str, path: tuple[Any, ...], message: Msg) -> None:
            bad(code, format_path(path), message)

        if not unknown and all(key in STUDY for key in self.study):
            study_issues(self.study, at)
        unique_sources(self.sources, at)
        for choice in self.policy_choices:
            if _split(choice) is None or not self._has(choice):
                bad("invalid-value", "policy_choices", not_in_set(choice))
        if issues:
            raise TenderError(issues)

    def _has(self, path: str) -> bool:
        parts = _split(path)
        if parts is None:
            return False
        if parts[0] == "study":
            return parts[1] in self.study
        p = self.parameter(parts[1])
        return p is not None and (len(parts) == 2 or getattr(p, parts[2]) is not None)

    def parameter(self, name: str) -> Parameter | None:
        """The set's parameter of that name, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    def label(self) -> str:
        """``"sweden-2025" version 1.0 (valid from 2025-01-01, owner …)"``."""
        return (f"{self.name!r} version {self.version} (valid from "
                f"{self.valid_from.isoformat()}, owner: {self.owner})")

    def describe(self) -> list[str]:
        """Lines naming the set, its values and which of them are policy choices."""
        lines = [f"Assumption set {self.label()}"]
        if self.path is not None:
            lines.append(f"  file: {self.path}")
        for key, value in self.study.items():
            mark = " (policy choice)" if f"study.{key}" in self.policy_choices else ""
            lines.append(f"  study.{key} = {display(value)}{mark}")
        for p in self.parameters:
            mark = " (policy choice)" if f"parameters.{p.name}" in self.policy_choices else ""
            lines.append(f"  {p.describe()}{mark}")
        return lines

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AssumptionSet):
            return NotImplemented
        return all(same(getattr(self, f.name), getattr(other, f.name))
                   for f in dataclasses.fields(self) if f.name != "path")

    __hash__ = None  # type: ignore[assignment]


def _split(path: str) -> tuple[str, ...] | None:
    """A declared override or policy path as parts, or None if it is not one."""
    if not isinstance(path, str):
        return None
    parts = tuple(path.split("."))
    if parts[0] == "study" and len(parts) == 2 and parts[1] in STUDY:
        return parts
    if parts[0] == "parameters" and len(parts) in (2, 3) and parts[1] and (
            len(parts) == 2 or parts[2] in PARAMETER_KEYS):
        return parts
    return None


@dataclass(frozen=True)
class Change:
    """One value of a tender that differs from its assumption set.

    ``assumed`` and ``value`` are written as a tender file writes them (for messages about
    the file); ``raw`` holds the two values themselves (a quantity, a number, a
    distribution or None), for a reader's words."""

    path: str
    assumed: str
    value: str
    raw: tuple[Any, Any] = field(default=(None, None), compare=False, repr=False)


@dataclass(frozen=True)
class Override:
    """A declared departure from the assumption set, with its reason.

    Attributes
    ----------
    path : str
        What is overridden: ``"study.period"``, ``"parameters.electricity_price"``
        (every field of it) or ``"parameters.electricity_price.value"``.
    reason : str
        Why — printed with every evaluation.
    changes : tuple of Change
        The values that differ (filled in by the Tender).
    """

    path: str
    reason: str
    changes: tuple[Change, ...] = ()

    def describe(self) -> list[str]:
        """Lines for notes: the path, the reason and each change."""
        lines = [f"Override of {self.path}: {self.reason}"]
        lines += [f"  {c.path}: {c.value} (assumption set: {c.assumed})" for c in self.changes]
        return lines


@dataclass(frozen=True)
class SensitivitySettings:
    """Sensitivity settings of a tender.

    Attributes
    ----------
    parameters : tuple of str, optional
        Names of the parameters to vary; None means every parameter with a
        range (low/high) or a distribution. The tender checks that each names
        one of its parameters and that it has a range or a distribution.
    monte_carlo_n : int, optional
        Number of Monte Carlo samples, 1 to 1 000 000.
    seed : int, optional
        Seed of the random generator (0 ≤ seed < 2**63), for reproducible samples.

    Raises
    ------
    LCCError
        Every bad value, each with its field (``SensitivitySettings.seed``).
    """

    parameters: tuple[str, ...] | None = None
    monte_carlo_n: int | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        errors: list[LCCError] = []

        def bad(key: str, code: str, message: Msg) -> None:
            errors.append(LCCError(message, field=f"SensitivitySettings.{key}", code=code,
                                   detail=message.detail()))

        names = self.parameters
        if isinstance(names, str) or not (names is None or isinstance(names, Iterable)):
            bad("parameters", "wrong-type", Msg(
                "{name}: expected a list of parameter names, got {kind}",
                name="SensitivitySettings.parameters", kind=kind_of(names)))
        elif names is not None:
            object.__setattr__(self, "parameters", tuple(names))
            for i, word in enumerate(self.parameters or ()):
                if not isinstance(word, str):
                    bad(f"parameters[{i}]", "wrong-type", Msg(
                        "{name}: expected a parameter name, got {kind}",
                        name=f"SensitivitySettings.parameters[{i}]", kind=kind_of(word)))
        for key in ("monte_carlo_n", "seed"):  # JSON's 1000.0 is 1000
            got = getattr(self, key)
            if isinstance(got, float) and got.is_integer() and abs(got) < 2**63:
                object.__setattr__(self, key, int(got))
        n = self.monte_carlo_n
        if n is not None and (not isinstance(n, int) or isinstance(n, bool)):
            bad("monte_carlo_n", "wrong-type", Msg(
                "{name}: expected a whole number of samples, got {kind}",
                name="SensitivitySettings.monte_carlo_n", kind=kind_of(n)))
        elif n is not None and not 1 <= n <= MAX_MONTE_CARLO:
            bad("monte_carlo_n", "too-many" if n > 0 else "invalid-value", Msg(
                "{name}: got {value}; expected 1 to {limit} samples",
                name="SensitivitySettings.monte_carlo_n", value=n,
                limit=f"{MAX_MONTE_CARLO:,}".replace(",", " ")))
        seed = self.seed
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)
                                 or not 0 <= seed < 2**63):
            bad("seed", "wrong-type" if not isinstance(seed, int) else "invalid-value", Msg(
                "{name}: got {value!r}; expected a whole number from 0 to {limit}",
                name="SensitivitySettings.seed", value=seed, limit=2**63 - 1))
        raise_collected(errors)


@dataclass(frozen=True)
class ComparisonSettings:
    """How the tender's alternatives are compared (defaults of :meth:`Tender.compare`).

    Attributes
    ----------
    policy : str
        One of ``lcc.results.POLICIES``: ``"study_period"`` (default),
        ``"annuity"``, ``"per_service_year"``.
    baseline : str, optional
        Name of the alternative the measures (net savings, SIR …) are taken
        against; default the one with the lowest initial investment. The tender
        checks that it names one of its alternatives.

    Raises
    ------
    LCCError
        Every bad value, each with its field (``ComparisonSettings.policy``).
    """

    policy: str = "study_period"
    baseline: str | None = None

    def __post_init__(self) -> None:
        from lcc.model._fields import Field, located
        from lcc.results import POLICIES

        errors: list[LCCError] = []
        try:
            with located("ComparisonSettings.policy", "ComparisonSettings.policy"):
                Field("choice", choices=POLICIES).read(self.policy, "ComparisonSettings.policy")
        except LCCError as exc:
            errors.append(exc)
        if self.baseline is not None and not isinstance(self.baseline, str):
            message = Msg("{name}: expected the name of an alternative, got {kind}",
                          name="ComparisonSettings.baseline", kind=kind_of(self.baseline))
            errors.append(LCCError(message, field="ComparisonSettings.baseline",
                                   code="wrong-type", detail=message.detail()))
        raise_collected(errors)


def every_parameter(buyer: Iterable[Parameter],
                    alternatives: Iterable[Alternative]) -> dict[str, Parameter]:
    """The parameters a tender's sensitivity settings and scenarios may name: the buyer's,
    then each bid's."""
    known = {p.name: p for p in buyer}
    for alt in alternatives:
        known.update({p.name: p for p in alt.parameters()})
    return known


def rate_parameters(alternatives: Iterable[Alternative]) -> set[str]:
    """Names of the parameters that stand for a rate (escalation) somewhere: a bare 4 given
    for one is 4 %, not 400 %."""
    return set().union(*(alt.rates() for alt in alternatives))


def study_issues(fields: Mapping[str, Any],
                 bad: Callable[[str, tuple[Any, ...], Msg], None]) -> Study | None:
    """The study of some fields (an assumption set's, over the defaults of :class:`Study`),
    or None with each of its errors reported at ``("study", field)``; an error about a
    number of the parameter a field refers to at ``("parameters", name, key)``, naming the
    field (:attr:`LCCError.parameter`)."""
    try:
        return Study(**fields)
    except LCCError as exc:
        for err in exc.errors:
            key = (err.field or "").partition(".")[2]
            if err.parameter is not None and key in fields:
                bad(err.code or "invalid-value", ("parameters", *err.parameter), Msg(
                    "{detail} (read by {field})", detail=as_msg(err.detail),
                    field=f"study.{key}"))
                continue
            bad(err.code or "invalid-value", ("study", key) if key in fields else ("study",),
                as_msg(err.detail))
    return None


def unique_sources(sources: Sequence[Source],
                   bad: Callable[[str, tuple[Any, ...], Msg], None]) -> None:
    """Report a source id used twice (parameters cite sources by id)."""
    ids: set[str] = set()
    for i, source in enumerate(sources):
        if source.id in ids:
            bad("duplicate-name", ("sources", i, "id"), Msg("the source id {id!r} is used twice",
                                                           id=source.id))
        ids.add(source.id)


def settings_issues(exc: LCCError, bad: Callable[[str, tuple[Any, ...], Msg], None],
                    at: tuple[Any, ...]) -> None:
    """Report the errors of SensitivitySettings or ComparisonSettings at their paths in a
    tender (``at``: the settings' own path): ``monte_carlo_n`` is ``monte_carlo.n``."""
    for err in exc.errors:
        key = (err.field or "").partition(".")[2]
        name, _, index = key.partition("[")
        path = _SETTINGS_PATHS.get(name, (name,) if name else ())
        if index:
            path = (*path, int(index.rstrip("]")))
        bad(err.code or "invalid-value", (*at, *path), as_msg(err.detail))


_SETTINGS_PATHS = {"monte_carlo_n": ("monte_carlo", "n"), "seed": ("monte_carlo", "seed")}


def check_sensitivity_names(names: Iterable[Any], known: Mapping[str, Parameter],
                            bad: Callable[[str, tuple[Any, ...], Msg], None],
                            quiet: Callable[[str], bool] = lambda name: False) -> tuple[str, ...]:
    """The names that name a parameter with a range or a distribution; each other name is
    reported as ``bad(code, path, message)`` (an unknown name for which ``quiet(name)``,
    one of a parameter that failed, is left to that parameter's own issue)."""
    out = []
    for i, n in enumerate(names):
        if not isinstance(n, str):
            continue  # the settings' own problem (expected a parameter name)
        path = ("sensitivity", "parameters", i)
        p = known.get(n)
        if p is None:
            if not quiet(n):
                bad("unknown-parameter", path, Msg("no parameter is named {parameter!r}{suggest}",
                                                   parameter=n, suggest=suggest(n, known)))
        elif p.distribution is None and None in (p.low, p.high):
            bad("invalid-value", path, Msg(
                "the parameter {parameter!r} has neither a range (low and high) nor a "
                "distribution to vary it by", parameter=n))
        else:
            out.append(n)
    return tuple(out)


def buyer_override(name: str, where: str) -> Msg:
    """The message of a bid's parameter under the name of a buyer parameter (``where``:
    where the buyer's is defined)."""
    return Msg("a bid cannot override the buyer parameter {parameter!r} (defined at {where}); "
               "refer to it with {{parameter = \"{parameter}\"}}, or give the bid's own value "
               "another name", parameter=name, where=where)


def _nowhere(path: tuple[Any, ...]) -> Msg:
    return Msg("")


def check_bids(bids: Iterable[tuple[int, Any, Alternative | None]], buyer: Container[str],
               bad: Callable[[str, tuple[Any, ...], Msg], None],
               line: Callable[[tuple[Any, ...]], Msg] = _nowhere,
               place: Callable[[tuple[Any, ...]], Msg] = _nowhere) -> None:
    """Two alternatives of one name, and two bids' different parameters of one name (the
    sensitivity analysis names parameters across all bids), reported as ``bad``.

    ``bids`` holds ``(index, name, alternative or None)``; ``line(path)`` and
    ``place(path)`` say where the other one is (`` (line 8)``, `` (t.toml:8)``) in a file.
    """
    names: dict[str, tuple[int, str]] = {}
    bidder: dict[str, tuple[int, Parameter]] = {}
    for i, name, alt in bids:
        key = same_name(name) if isinstance(name, str) else None
        if key is not None and key in names:
            first, written = names[key]
            at = line(("alternatives", first, "name"))
            bad("duplicate-name", ("alternatives", i, "name"), Msg(
                "{alternative!r} is also the name of alternatives[{index}]{at}; every "
                "alternative needs its own name", alternative=name, index=first, at=at)
                if written == name else Msg(
                "{alternative!r} looks the same as {other!r}, the name of "
                "alternatives[{index}]{at}; every alternative needs a name of its own",
                alternative=name, other=written, index=first, at=at))
        if key is not None:
            names.setdefault(key, (i, name))
        for p in alt.parameters() if alt is not None else ():
            if p.role != "bidder" or p.name in buyer:
                continue
            j, other = bidder.setdefault(p.name, (i, p))
            if j != i and not other.same_as(p):
                bad("duplicate-name", ("alternatives", i, "parameters", p.name), Msg(
                    "alternatives[{index}]{at} has another parameter named {parameter!r}; "
                    "sensitivity analysis addresses parameters by name across all bids, so "
                    "give each bid's parameter its own name (e.g. '{parameter}_{number}')",
                    index=j, at=place(("alternatives", j, "parameters", p.name)),
                    parameter=p.name, number=i + 1))


def check_baseline(baseline: str | None, names: Sequence[str],
                   bad: Callable[[str, tuple[Any, ...], Msg], None]) -> bool:
    """Whether the baseline names an alternative (else reported as ``bad``)."""
    if baseline is None or same_name(baseline) in {same_name(n) for n in names}:
        return True
    bad("invalid-value", ("comparison", "baseline"), Msg(
        "no alternative is named {alternative!r}{suggest}", alternative=baseline,
        suggest=suggest(baseline, names)))
    return False


def check_policy(policy: str, alternatives: Sequence[Alternative]) -> None:
    """Refuse at ``comparison.policy`` a policy that needs every alternative's service life
    where one has none: the rule of :func:`lcc.compare`, a life by
    :meth:`lcc.Alternative.service_life`, asked when the tender compares by its own policy,
    so that the error names the file's key (the tender still evaluates, and compares by
    another policy given in its place)."""
    if policy == "study_period":
        return
    missing = [f"{alt.name} (alternatives[{i}])" for i, alt in enumerate(alternatives)
               if alt.service_life() is None]
    if missing:
        raise LCCError(Msg("{name}: {problem}", name="comparison.policy", problem=Msg(
            "policy {policy!r} needs each alternative's service life, and these have none: "
            "{missing}; give each a life (e.g. life = '20 yr') or an Investment with a life",
            policy=policy, missing=", ".join(missing))), field="comparison.policy",
            code="invalid-value")


def conflicts(assumptions: AssumptionSet, study: Study,
              parameters: Iterable[Parameter]) -> list[tuple[tuple[str, ...], Any, Any]]:
    """Values of a tender that differ from its assumption set.

    Returns
    -------
    list of (path, set value, tender value)
        Paths such as ``("study", "period")`` or
        ``("parameters", "electricity_price", "value")``.
    """
    out: list[tuple[tuple[str, ...], Any, Any]] = []
    for key, assumed in assumptions.study.items():
        value = getattr(study, key)
        if not same_value(assumed, value):
            out.append((("study", key), assumed, value))
    by_name = {p.name: p for p in parameters}
    for p in assumptions.parameters:
        q = by_name.get(p.name)
        if q is None:
            continue
        for key in PARAMETER_KEYS:
            a, b = getattr(p, key), getattr(q, key)
            if key == "distribution":  # the set's numbers in the tender value's unit
                if a is not None and getattr(p.value, "_units", None) != getattr(
                        q.value, "_units", None):
                    a = distribution_in(p, q.unit)
                differs = dist_key(a) != dist_key(b)
            elif key in ("description", "source"):
                differs = a != b
            else:
                differs = not same_value(a, b)
            if differs:
                out.append((("parameters", p.name, key), a, b))
    return out


def distribution_in(p: Parameter, unit: Any) -> Any:
    """The distribution of ``p``, whose bare numbers are in its value's unit, for a value in
    ``unit``: a set's '0.75' for a price in SEK/kWh is 750 for a tender's price in SEK/MWh
    (None for a discrete one, which cannot be)."""
    from lcc.sensitivity._distributions import scaled
    from lcc.units import get_registry

    if p.distribution is None or unit == p.unit:
        return p.distribution
    try:
        factor = float(get_registry().Quantity(1.0, p.unit or "").to(unit or "").magnitude)
    except Exception:  # another dimension: the value's own check says so
        return p.distribution
    return scaled(p.distribution, factor)


def not_in_set(path: str) -> Msg:
    """The message of a policy choice that is not a value of its assumption set."""
    return Msg("{path!r} is not a value of this set; expected a path such as 'study.timing' or "
               "'parameters.discount_rate'", path=path)


def check_overrides(declared: Iterable[tuple[str, Any]], has_set: bool,
                    bad: Callable[[str, tuple[Any, ...], Msg], None]) -> dict[str, str]:
    """The declared overrides (path -> reason) that name a value and give a reason, of a
    tender that has an assumption set; each other one is reported as ``bad``."""
    out: dict[str, str] = {}
    for key, reason in declared:
        path = ("overrides", key)
        if _split(key) is None:
            bad("invalid-value", path, Msg(
                "expected a path such as \"study.period\", \"parameters.electricity_price\" "
                "or \"parameters.electricity_price.value\""))
        elif not isinstance(reason, str) or is_blank(reason):
            bad("wrong-type" if not isinstance(reason, str) else "invalid-value", path, Msg(
                "expected the reason as a non-empty text, got {kind}", kind=kind_of(reason)))
        elif not has_set:
            bad("unused-override", path, Msg(
                "the tender has no assumption set (assumptions = \"<file>\") to override"))
        else:
            out[key] = reason
    return out


def departures(assumptions: AssumptionSet, study: Study, parameters: Iterable[Parameter],
               declared: Iterable[str], bad: Callable[[str, tuple[str, ...], Msg], None],
               where: Callable[[tuple[str, ...]], str] | None = None
               ) -> dict[str, tuple[Change, ...]]:
    """The changes each declared override (a valid path) covers.

    Every override that changes nothing and every departure from the set that no override
    covers is reported as ``bad(code, path, message)``; ``where(path)`` is the place in the
    set's file of a value the tender departs from (for a file's messages).
    """
    found = conflicts(assumptions, study, parameters)
    name, version = assumptions.name, assumptions.version
    out: dict[str, tuple[Change, ...]] = {}
    covered: set[tuple[str, ...]] = set()
    for key in declared:
        parts = _split(key)
        assert parts is not None
        hits = [(path, a, b) for path, a, b in found if path[:len(parts)] == parts]
        covered.update(path for path, _, _ in hits)
        out[key] = tuple(Change(".".join(path), _show(a), _show(b), (a, b))
                         for path, a, b in hits)
        if not hits:
            bad("unused-override", ("overrides", key), Msg(
                "declared, but the tender does not change {path} of the assumption set {set!r} "
                "version {version}; remove the override", path=key, set=name, version=version))
    for path, a, b in found:
        if path not in covered:
            at = Msg(" ({where} {path})", where=where(path), path=".".join(path)) \
                if where is not None else Msg("")
            bad("assumption-override", path, Msg(
                "{value} conflicts with the assumption set {set!r} version {version}, which says "
                "{assumed}{at}; follow the set, or declare the departure with a reason under "
                "[overrides]: \"{path}\" = \"<reason>\"", value=_show(b), set=name,
                version=version, assumed=_show(a), at=at, path=".".join(path)))
    return out


def _show(value: Any) -> str:
    if value is None:
        return "(not set)"
    if hasattr(value, "rvs"):
        from lcc.io._values import distribution_data

        try:
            return display(distribution_data(value, "distribution"))
        except Exception:
            return repr(value)
    return display(value)


class TenderResults(dict[str, "LCCResult"]):
    """The result of every alternative of a tender, by name, with the tender's notes.

    ``notes`` names the tender, its file, the assumption set and version it
    used and every override with its reason; ``explain(name)`` puts these
    lines in front of that alternative's calculation trace.
    """

    def __init__(self, results: Mapping[str, LCCResult], notes: Sequence[str]) -> None:
        super().__init__(results)
        self.notes: list[str] = list(notes)

    def explain(self, name: str) -> str:
        """The notes followed by the calculation trace of one alternative."""
        return "\n".join([*self.notes, "", self[name].explain()])


@dataclass(frozen=True, eq=False)
class Tender:
    """A procurement's evaluation: the study, buyer parameters and the bids.

    Parameters
    ----------
    name : str
        Short name of the procurement.
    study : Study
    alternatives : sequence of Alternative
        The bids (and, if wanted, the existing solution); unique names.
    parameters : sequence of Parameter
        The buyer (internal) parameters. Buyer parameters used by the study
        or the bids and parameters of the assumption set are added if missing.
    description, reference : str, optional
        Free text; ``reference`` e.g. the case number (diarienummer).
    assumptions : AssumptionSet, optional
        The shared set the tender follows.
    overrides : mapping of path to reason, or sequence of Override
        Declared departures from the assumption set. Every value that differs
        from the set must be declared, and every declaration must change
        something.
    sensitivity : SensitivitySettings, optional
    comparison : ComparisonSettings, optional
    scenarios : mapping of name to lcc.sensitivity.Scenario, optional
        Named scenarios (``[scenarios.NAME]``) for ``lcc sensitivity FILE scenarios``.
    source : pathlib.Path, optional
        The file it was read from (not part of equality).

    Raises
    ------
    TenderError
        Duplicate names, a bid parameter under a buyer parameter's name,
        undeclared or unused overrides, unknown sensitivity parameters.
    """

    name: str
    study: Study
    alternatives: tuple[Alternative, ...]
    parameters: tuple[Parameter, ...] = ()
    description: str | None = None
    reference: str | None = None
    assumptions: AssumptionSet | None = None
    overrides: Any = ()
    sensitivity: SensitivitySettings | None = None
    comparison: ComparisonSettings | None = None
    source: Path | None = None
    bid_form: Mapping[str, Any] | None = None
    scenarios: Mapping[str, Any] | None = None  # {name: lcc.sensitivity.Scenario} (issue 19)
    #: the text it was read from (internal): (SHA-256 of the bytes read, the text, its
    #: format), so that bid forms use what was read and never open ``source`` again
    _document: tuple[str, str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        issues: list[TenderIssue] = []

        def bad(code: str, path: str, message: Msg) -> None:
            issues.append(TenderIssue(code, message, path))

        set_ = object.__setattr__
        if not isinstance(self.name, str) or is_blank(self.name):
            raise _fail("wrong-type", "name", _non_empty(self.name))
        if not isinstance(self.study, Study):
            raise _fail("wrong-type", "study", _expected("lcc.Study", self.study))
        for key in ("name", "description", "reference"):
            text = getattr(self, key)
            if isinstance(text, str) and len(text) > MAX_TEXT:
                raise _fail("too-large", key, _too_long(text))
            if text is not None and key != "name":
                try:
                    with located(key, key):
                        TEXT.read(text, key)
                except LCCError as exc:
                    raise _fail(exc.code or "invalid-value", key, exc.detail) from None
        alts = tuple(self.alternatives)
        if not alts and self.bid_form is None:  # with a bid form, the bids may come later
            raise _fail("missing-field", "alternatives",
                        Msg("a tender needs at least one alternative"))
        if len(alts) > MAX_ALTERNATIVES:
            raise _fail("too-many", "alternatives", Msg(
                "{count} {what}; the limit is {limit}", count=len(alts),
                what=Msg("alternatives"), limit=MAX_ALTERNATIVES))
        for i, alt in enumerate(alts):
            if not isinstance(alt, Alternative):
                raise _fail("wrong-type", f"alternatives[{i}]",
                            _expected("lcc.Alternative", alt))
        set_(self, "alternatives", alts)
        if self.source is not None:
            set_(self, "source", Path(self.source))
        if self.assumptions is not None and not isinstance(self.assumptions, AssumptionSet):
            raise _fail("wrong-type", "assumptions", _expected("AssumptionSet",
                                                              self.assumptions))
        # buyer parameters: declared, from the assumption set, used
        params: dict[str, Parameter] = {}
        for p in self.parameters:
            if not isinstance(p, Parameter):
                raise _fail("wrong-type", "parameters", _expected("lcc.Parameter", p))
            if p.name in params:
                bad("duplicate-name", f"parameters.{p.name}", _TWICE)
            if p.role != "buyer":
                bad("invalid-value", f"parameters.{p.name}",
                    Msg("the tender's parameters are the buyer's (role 'buyer'); got role "
                        "{role!r} — bidder parameters belong to their alternative", role=p.role))
            params[p.name] = p
        if self.assumptions is not None:
            for p in self.assumptions.parameters:
                params.setdefault(p.name, p)
        used = list(self.study.parameters())
        for alt in alts:
            used += [p for p in alt.parameters() if p.role == "buyer"]
        for p in used:
            old = params.setdefault(p.name, p)
            if old is not p and not old.same_as(p):
                bad("duplicate-name", f"parameters.{p.name}",
                    Msg("two different parameters are named {parameter!r}: {one} and {other}",
                        parameter=p.name, one=old.describe(), other=p.describe()))
        set_(self, "parameters", tuple(params.values()))
        for i, alt in enumerate(alts):
            for p in alt.parameters():
                if p.role == "bidder" and p.name in params:
                    bad("parameter-override", f"alternatives[{i}].parameters.{p.name}",
                        buyer_override(p.name, f"parameters.{p.name}"))

        def at(code: str, path: tuple[Any, ...], message: Msg) -> None:
            bad(code, format_path(path), message)

        check_bids([(i, alt.name, alt) for i, alt in enumerate(alts)], params, at)

        if self.comparison is not None:
            if not isinstance(self.comparison, ComparisonSettings):
                raise _fail("wrong-type", "comparison",
                            _expected("ComparisonSettings", self.comparison))
            check_baseline(self.comparison.baseline, [a.name for a in alts], at)
        known = every_parameter(params.values(), alts)
        if self.sensitivity is not None:
            if not isinstance(self.sensitivity, SensitivitySettings):
                raise _fail("wrong-type", "sensitivity",
                            _expected("SensitivitySettings", self.sensitivity))
            check_sensitivity_names(self.sensitivity.parameters or (), known, at)
        if self.scenarios is not None:
            count = len(issues)
            self._check_scenarios(known, bad)
            if len(issues) == count and alts:  # the rules of a scenario applied to the bids
                from lcc.sensitivity._deterministic import check_scenarios

                try:
                    check_scenarios(alts, self.study, self.scenarios)
                except LCCError as exc:
                    parts = (exc.field or "").split(".", 2)  # scenarios.<name>.<parameter>
                    where = format_path(("scenarios", *parts[1:])) \
                        if parts[0] == "scenarios" and len(parts) == 3 else "scenarios"
                    bad(exc.code or "invalid-value", where, Msg(
                        "{detail}", detail=as_msg(exc.message).detail() or exc.message))
        set_(self, "overrides", self._check_overrides(bad))
        if issues:
            raise TenderError(issues)

    def _check_scenarios(self, known: Mapping[str, Parameter], bad: Any) -> None:
        """The scenarios follow the rules of a file's ``[scenarios]``: they are read as the
        file :func:`lcc.io.save_tender` writes would be, so what a Tender accepts its file
        accepts (and the other way round)."""
        from lcc.io._build import BAD, Reader
        from lcc.io._issues import Collector
        from lcc.io._sensitivity_io import CheckedScenarios, read_scenarios, scenarios_data
        from lcc.sensitivity import Scenario

        if not isinstance(self.scenarios, Mapping):
            bad("wrong-type", "scenarios", Msg(
                "expected a mapping of scenario names to lcc.sensitivity.Scenario, got "
                "{kind}", kind=kind_of(self.scenarios)))
            return
        if isinstance(self.scenarios, CheckedScenarios) and \
                self.scenarios.checked_against(known, self.alternatives):
            return  # read from a file against these very parameters and bids
        # {parameter: value} stands for a Scenario without description, as in
        # lcc.sensitivity.scenarios
        object.__setattr__(self, "scenarios", {
            name: Scenario(dict(sc)) if isinstance(sc, Mapping) else sc
            for name, sc in self.scenarios.items()})
        c = Collector(None)
        read_scenarios(Reader(c), scenarios_data(self.scenarios, known), known, set(), BAD,
                       rates=rate_parameters(self.alternatives))
        for issue in c.issues:
            bad(issue.code, issue.path, issue.message)

    def _check_overrides(self, bad: Any) -> tuple[Override, ...]:
        raw = self.overrides
        if isinstance(raw, Mapping):
            declared = [Override(str(k), v) for k, v in raw.items()]
        else:
            declared = list(raw)
        for o in declared:
            if not isinstance(o, Override):
                bad("wrong-type", "overrides", Msg("expected Override records or a mapping of "
                                                   "path to reason, got {value!r}", value=o))
                return ()
        def at(code: str, path: tuple[str, ...], message: Msg) -> None:
            bad(code, format_path(path), message)

        valid = check_overrides([(o.path, o.reason) for o in declared],
                                self.assumptions is not None, at)
        if self.assumptions is None:
            return tuple(declared)
        changes = departures(self.assumptions, self.study, self.parameters, valid, at)
        return tuple(Override(path, reason, changes[path]) for path, reason in valid.items())

    # -- convenience ---------------------------------------------------------------
    def parameter(self, name: str) -> Parameter | None:
        """The buyer parameter of that name, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    def alternative(self, name: str) -> Alternative:
        """The alternative of that name (KeyError, naming the closest, if none)."""
        for alt in self.alternatives:
            if alt.name == name:
                return alt
        raise NotFound(name, (a.name for a in self.alternatives), "alternative")

    def with_alternatives(self, *alternatives: Alternative) -> Tender:
        """A copy with other alternatives (validated again).

        ``with_alternatives(a, b)`` or ``with_alternatives([a, b])``.
        """
        if len(alternatives) == 1 and isinstance(alternatives[0], (list, tuple)):
            alternatives = tuple(alternatives[0])
        return dataclasses.replace(self, alternatives=tuple(alternatives))

    def describe(self) -> list[str]:
        """Lines to print with every result: tender, file, assumption set, overrides."""
        lines = [f"Tender: {self.name}" + (f" ({self.reference})" if self.reference else "")]
        if self.source is not None:
            lines.append(f"File: {self.source}")
        if self.assumptions is None:
            lines.append("Assumption set: none (every value is set in the tender itself)")
        else:
            lines.append(f"Assumption set: {self.assumptions.label()}")
            if self.assumptions.path is not None:
                lines.append(f"  file: {self.assumptions.path}")
            if not self.overrides:
                lines.append("Overrides of the assumption set: none")
            for o in self.overrides:
                lines += o.describe()
        if self.sensitivity is not None:
            s = self.sensitivity
            names = ", ".join(s.parameters) if s.parameters is not None else \
                "every parameter with a range or distribution"
            text = f"Sensitivity: {names}"
            if s.monte_carlo_n is not None:
                text += f"; Monte Carlo n = {s.monte_carlo_n}"
            if s.seed is not None:
                text += f"{',' if s.monte_carlo_n is not None else '; Monte Carlo'} seed = {s.seed}"
            lines.append(text)
        if self.comparison is not None:
            lines.append(f"Comparison: policy {self.comparison.policy}" + (
                f", baseline {self.comparison.baseline!r}" if self.comparison.baseline else ""))
        # what the alternatives say of themselves, e.g. an imported bid whose blank cells
        # took the tender's defaults (one line for alternatives with the same description)
        described: dict[str, list[str]] = {}
        for a in self.alternatives:
            if a.description:
                described.setdefault(a.description, []).append(repr(a.name))
        lines += [f"Alternative{'s' if len(n) > 1 else ''} {', '.join(n)}: {text}"
                  for text, n in described.items()]
        return lines

    def evaluate(self, **kwargs: Any) -> TenderResults:
        """Evaluate every alternative under the tender's study.

        Keyword arguments go to :func:`lcc.evaluate` (e.g. ``overrides=``).

        Returns
        -------
        TenderResults
            A dict of name -> LCCResult with ``notes`` (:meth:`describe`).
        """
        self._bids_needed()
        from lcc.engine import compile_alternative
        from lcc.results import evaluate

        overrides = dict(kwargs.pop("overrides", None) or {})
        known: dict[str, set[str]] = {
            alt.name: {"discount_rate", *compile_alternative(alt, self.study).parameters}
            for alt in self.alternatives}
        everywhere = set().union(*known.values()) if known else {"discount_rate"}
        unknown = sorted(set(overrides) - everywhere)
        if unknown:
            raise LCCError(Msg("{name}: unknown parameter {unknown}{suggest}; the tender's "
                               "parameters are: {known}", name="overrides",
                               unknown=", ".join(map(repr, unknown)),
                               suggest=suggest(str(unknown[0]), everywhere)
                               if len(unknown) == 1 else "",
                               known=", ".join(sorted(everywhere))),
                           field="overrides", code="unknown-parameter")
        results = {}
        for alt in self.alternatives:
            mine = {k: v for k, v in overrides.items() if k in known[alt.name]}
            results[alt.name] = evaluate(alt, self.study, overrides=mine or None, **kwargs)
        return TenderResults(results, self.describe())

    def compare(self, **kwargs: Any) -> Any:
        """Compare the alternatives: ``lcc.compare(alternatives, study, **kwargs)``.

        ``policy`` and ``baseline`` default to the tender's ``comparison``
        settings; the tender's notes are in :meth:`describe`.
        """
        import lcc.results

        self._bids_needed()
        if self.comparison is not None:
            if "policy" not in kwargs:  # the file's policy, said at its key where it cannot be
                check_policy(self.comparison.policy, self.alternatives)
            kwargs.setdefault("policy", self.comparison.policy)
            if self.comparison.baseline is not None:
                kwargs.setdefault("baseline", self.comparison.baseline)
        return lcc.results.compare(list(self.alternatives), self.study, **kwargs)

    def _bids_needed(self) -> None:
        if not self.alternatives:
            raise LCCError(Msg("the tender {tender!r} has no alternatives yet: write its bid "
                               "forms (lcc bid-form) and import the filled forms (lcc "
                               "import-bids)", tender=self.name), field="alternatives",
                           code="missing-field")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tender):
            return NotImplemented
        for f in dataclasses.fields(self):
            if f.name in ("source", "_document"):
                continue
            a, b = getattr(self, f.name), getattr(other, f.name)
            if f.name == "parameters":
                a = {p.name: p for p in a}
                b = {p.name: p for p in b}
            if not same(a, b):
                return False
        return True

    __hash__ = None  # type: ignore[assignment]
