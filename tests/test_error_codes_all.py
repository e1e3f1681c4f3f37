"""Every input error of the analyses, results, data, charts, command line, plans and reports
names its field and carries a documented code, like those of the model and the files
(``tests/test_error_fields.py``).

``LCCError.field`` is the dotted path of the input: ``"<function>.<argument>"`` for an
argument (``"compare.baseline"``, ``"monte_carlo.n"``) and ``"<Class>.<attribute>"`` for an
attribute (``"Scenario.values"``, ``"Triangular.low"``); ``.code`` one of
:data:`lcc.io.ERROR_CODES` (in ``lcc.portfolio`` also one of
:data:`lcc.portfolio.PLAN_CODES`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest

import lcc
import lcc.data
import lcc.discounting as dc
from lcc._errors import LCCError

SRC = Path(lcc.__file__).resolve().parent

#: The packages this test covers (``tests/test_error_fields.py`` covers the others).
PACKAGES = ["sensitivity", "results", "discounting.py", "data", "plot", "cli", "portfolio",
            "report", "demo.py", "_i18n", "__init__.py"]


def _files(name: str) -> list[Path]:
    path = SRC / name
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _calls() -> list[tuple[str, Path, ast.Call]]:
    """Every ``LCCError(...)`` call of the packages, with its package and file."""
    out = []
    for name in PACKAGES:
        for file in _files(name):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                called = f.id if isinstance(f, ast.Name) else \
                    f.attr if isinstance(f, ast.Attribute) else None
                if called == "LCCError":
                    out.append((name, file, node))
    return out


def _allowed(package: str) -> set[str]:
    from lcc.io._issues import ERROR_CODES
    from lcc.portfolio import PLAN_CODES

    return set(ERROR_CODES) | (set(PLAN_CODES) if package == "portfolio" else set())


def test_the_packages_raise_errors_at_all() -> None:
    """The AST walk below finds the raises (a renamed package would pass it empty)."""
    found = {name for name, _, _ in _calls()}
    assert {"sensitivity", "results", "discounting.py", "data", "plot", "cli", "portfolio",
            "report", "_i18n"} <= found
    assert len(_calls()) >= 140


def test_every_error_passes_a_field_and_a_code() -> None:
    bad = []
    for _, file, node in _calls():
        given = {k.arg: k.value for k in node.keywords}
        for key in ("field", "code"):
            value = given.get(key)
            if value is None or (isinstance(value, ast.Constant) and value.value is None):
                bad.append(f"{file.relative_to(SRC)}:{node.lineno}: no {key}=")
    assert not bad, "LCCError raised without field= or code=:\n" + "\n".join(bad)


def test_every_code_given_is_documented() -> None:
    bad = []
    for package, file, node in _calls():
        value = next((k.value for k in node.keywords if k.arg == "code"), None)
        if value is None:  # reported by the test above
            continue
        literals = [n.value for n in ast.walk(value)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if not literals:  # a code passed on (exc.code) must still fall back to a literal
            bad.append(f"{file.relative_to(SRC)}:{node.lineno}: no literal code")
        bad += [f"{file.relative_to(SRC)}:{node.lineno}: {code!r}" for code in literals
                if code not in _allowed(package)]
    assert not bad, "codes that are not documented:\n" + "\n".join(bad)


def test_every_field_literal_is_a_dotted_path_or_an_option() -> None:
    bad = []
    for _, file, node in _calls():
        value = next((k.value for k in node.keywords if k.arg == "field"), None)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            text = value.value
            if not text or " " in text or not (text[0].isalpha() or text.startswith("-")):
                bad.append(f"{file.relative_to(SRC)}:{node.lineno}: {text!r}")
    assert not bad, "\n".join(bad)


# --------------------------------------------------------------------------- runtime cases

def _study() -> lcc.Study:
    return lcc.Study("10 yr", 0.05)


def _pair() -> list[lcc.Alternative]:
    """Two alternatives sharing the Parameter ``price`` (with a range)."""
    price = lcc.Parameter("price", "1.5 SEK/kWh", low="1 SEK/kWh", high="2 SEK/kWh")
    a = lcc.Alternative("A", lcc.Investment("10000 SEK"),
                        lcc.Energy(annual="1000 kWh/yr", price=price))
    b = lcc.Alternative("B", lcc.Investment("4000 SEK"),
                        lcc.Energy(annual="2000 kWh/yr", price=price))
    return [a, b]


def _samples() -> Any:
    return lcc.compare(_pair(), lcc.Study("10 yr", np.array([0.0, 0.05]))).summary


def _plan(tmp_path: Path) -> Any:
    import lcc.portfolio as P

    plan = tmp_path / "plan.csv"
    plan.write_text(
        "id,title,organisation,year,category,value,award_basis,environmental,reuse,plastics,"
        "climate,lcc,criteria,status,tender,awarded\n"
        "P1,Lighting,Alby,2025,Lighting,1 000 000 SEK,cost,yes,yes,no,no,yes,K1,awarded,,\n",
        encoding="utf-8")
    return P.read_plan(plan)


def _report(tmp_path: Path) -> Any:
    import lcc.report

    report = lcc.report.build(lcc.compare(_pair(), _study()), charts=False, date="2025-01-01")
    return report.save(tmp_path / "report.pdf")


CASES: list[tuple[str, Callable[[Path], Any], str, str]] = [
    # results
    ("a baseline that is no alternative",
     lambda _: lcc.compare(_pair(), _study(), baseline="X"), "compare.baseline",
     "invalid-value"),
    ("a policy that does not exist", lambda _: lcc.compare(_pair(), _study(), policy="cheap"),
     "compare.policy", "invalid-value"),
    ("no alternatives", lambda _: lcc.compare([], _study()), "compare.alternatives",
     "missing-field"),
    ("one ranking of samples", lambda _: _samples(), "Comparison.summary", "not-applicable"),
    ("a chart that does not exist",
     lambda _: lcc.evaluate(_pair()[0], _study()).plot("pie"), "LCCResult.plot.kind",
     "invalid-value"),
    # discounting
    ("a discount rate of -150 %", lambda _: dc.spv(-1.5, 10), "spv.d", "invalid-value"),
    ("a negative number of years", lambda _: dc.upv(0.03, -1), "upv.n", "invalid-value"),
    ("a capital recovery over 0 years", lambda _: dc.crf(0.05, 0), "crf.n", "invalid-value"),
    ("a timing that does not exist", lambda _: dc.npv(0.05, [-100, 60], timing="weekly"),
     "npv.timing", "invalid-value"),
    ("a short escalation sequence", lambda _: dc.upv_star(0.05, [0.01, 0.02], 3),
     "upv_star.e", "missing-field"),
    # sensitivity
    ("a Monte Carlo of no samples",
     lambda _: lcc.sensitivity.monte_carlo(_pair(), _study(), n=0), "monte_carlo.n",
     "invalid-value"),
    ("a Monte Carlo of 1.5 samples",
     lambda _: lcc.sensitivity.monte_carlo(_pair(), _study(), n=cast(Any, 1.5)), "monte_carlo.n",
     "wrong-type"),
    ("a negative seed",
     lambda _: lcc.sensitivity.monte_carlo(_pair(), _study(), n=10, seed=-1),
     "monte_carlo.seed", "invalid-value"),
    ("a range of an unknown parameter",
     lambda _: lcc.sensitivity.tornado(_pair(), _study(), ranges={"gas": (1, 2)}),
     "tornado.ranges", "unknown-parameter"),
    ("a range high below low",
     lambda _: lcc.sensitivity.tornado(_pair(), _study(), ranges={"price": (2, 1)}),
     "tornado.ranges", "invalid-value"),
    ("a break-even of an unknown parameter",
     lambda _: lcc.sensitivity.break_even(_pair(), _study(), "gas"), "break_even.parameter",
     "unknown-parameter"),
    ("a pair of one alternative twice",
     lambda _: lcc.sensitivity.break_even(_pair(), _study(), "price", pair=("A", "A")),
     "break_even.pair", "invalid-value"),
    ("a scenario named base",
     lambda _: lcc.sensitivity.scenarios(_pair(), _study(), {"base": {"price": 2}}),
     "scenarios.scenarios", "duplicate-name"),
    ("a confidence level of 2",
     lambda _: lcc.sensitivity.sobol(_pair(), _study(), n=8, confidence_level=2),
     "sobol.confidence_level", "invalid-value"),
    ("a triangle with low above high", lambda _: lcc.sensitivity.Triangular.of(3, 2, 1),
     "Triangular.low", "invalid-value"),
    ("a normal without spread", lambda _: lcc.sensitivity.Normal.of("1 SEK", "0 SEK"),
     "Normal.sd", "invalid-value"),
    ("a distribution with a bare number among units",
     lambda _: lcc.sensitivity.PERT.of("1 SEK/kWh", 2, "3 SEK/kWh"), "PERT.mode",
     "bare-number"),
    ("scenarios that are no mapping",
     lambda _: lcc.sensitivity.Scenario(cast(Any, ["price"])), "Scenario.values", "wrong-type"),
    # data
    ("a table that is not shipped", lambda _: lcc.data.load("no_such_table"), "load.name",
     "invalid-value"),
    ("a year outside the index", lambda _: lcc.data.inflate("7 SEK/kg", 1066, 2023),
     "inflate.from_year", "invalid-value"),
    ("an amount without a currency", lambda _: lcc.data.inflate("7 kg", 2017, 2023),
     "inflate.amount", "wrong-unit"),
    ("an index that is no series", lambda _: lcc.data.inflate(7.0, 2017, 2023, index=cast(Any, 3)),
     "inflate.index", "wrong-type"),
    # portfolio
    ("a column to group by that does not exist",
     lambda tmp: _plan(tmp).follow_up(by="colour"), "Plan.follow_up.by", "invalid-value"),
    ("a requirement that does not exist",
     lambda tmp: _plan(tmp).priorities(requirement="beauty"), "Plan.priorities.requirement",
     "invalid-value"),
    ("a report in German", lambda tmp: _plan(tmp).report(lang="de"), "Plan.report.lang",
     "invalid-value"),
    # report
    ("a report written as PDF", _report, "Report.save.path", "unsupported-format"),
    ("a report of samples",
     lambda _: __import__("lcc.report").report.build(lcc.compare(
         _pair(), lcc.Study("10 yr", np.array([0.0, 0.05])))), "build.comparison",
     "not-applicable"),
]


@pytest.mark.parametrize(("what", "make", "field", "code"), CASES, ids=[c[0] for c in CASES])
def test_an_error_names_its_field_and_code(what: str, make: Callable[[Path], Any], field: str,
                                           code: str, tmp_path: Path) -> None:
    with pytest.raises(LCCError) as info:
        make(tmp_path)
    got = [(e.field, e.code) for e in info.value.errors]
    assert (field, code) in got, (what, got, str(info.value))
    from lcc.io._issues import ERROR_CODES

    assert info.value.code in ERROR_CODES


def test_a_field_survives_pickling() -> None:
    import pickle

    with pytest.raises(LCCError) as info:
        lcc.sensitivity.monte_carlo(_pair(), _study(), n=0)
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.field, again.code) == ("monte_carlo.n", "invalid-value")
