"""Issue 19: default and unit-written distributions, one sign convention, Sobol' any n
with bootstrap intervals, scenarios (per-year paths, tender files), to_dict/to_json,
pickling, py.typed, and the one ranking rule shared by Comparison and Monte Carlo."""

from __future__ import annotations

import json
import math
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

import lcc
from lcc.results import best_shares, difference_label, ranks, tied
from lcc.sensitivity import (
    PERT,
    Normal,
    Scenario,
    SobolResult,
    TornadoResult,
    Triangular,
    Uniform,
    default_distribution,
    monte_carlo,
    scenarios,
    sobol,
    tornado,
)

ROOT = Path(__file__).resolve().parents[1]
STREET = ROOT / "examples" / "street-lighting.toml"
P = lcc.Parameter
STUDY = lcc.Study("10 yr", 0.05)


def upv(d: float, n: int) -> float:
    """Uniform present value factor (1 − (1+d)^−n)/d (NIST Handbook 135, §5)."""
    return (1.0 - (1.0 + d) ** -n) / d


U = upv(0.05, 10)


def two(price: lcc.Parameter) -> list[lcc.Alternative]:
    """A: 10 000 SEK + 1000 kWh/yr at ``price``; B: 20 000 SEK, nothing else."""
    a = lcc.Alternative("A", lcc.Investment("10000 SEK"),
                        lcc.Energy(annual="1000 kWh/yr", price=price))
    b = lcc.Alternative("B", lcc.Investment("20000 SEK"))
    return [a, b]


# ------------------------------------------------------------------- distributions


def test_pert_is_the_beta_pert_of_vose() -> None:
    """PERT(a, m, b): α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a); mean (a+4m+b)/6."""
    d = PERT.of(1.0, 2.0, 5.0)
    assert d.shapes == pytest.approx((1 + 4 * 1 / 4, 1 + 4 * 3 / 4))
    assert d.mean() == pytest.approx((1 + 8 + 5) / 6, rel=1e-12)
    ref = stats.beta(2.0, 4.0, loc=1.0, scale=4.0)
    q = np.linspace(0.01, 0.99, 7)
    assert d.ppf(q) == pytest.approx(ref.ppf(q), rel=1e-12)
    assert d.describe() == "PERT(1, 2, 5)"
    assert default_distribution(1.0, 2.0, 5.0) == d


def test_unit_distributions_convert_to_the_parameter_unit() -> None:
    tri = Triangular.of("75 öre/kWh", "1.5 SEK/kWh", "3 SEK/kWh")
    assert tri.unit == "öre/kWh" and tri.values == (75.0, 150.0, 300.0)
    price = P("price", "1.5 SEK/kWh", distribution=tri)
    res = monte_carlo(two(price), STUDY, n=20_000, seed=3)
    # triangular(0.75, 1.5, 3) SEK/kWh: mean 1.75 SEK/kWh
    assert res.inputs["price"].mean() == pytest.approx(1.75, abs=0.01)
    assert res.described["price"] == "triangular(0.75, 1.5, 3) SEK/kWh"
    normal = Normal.of("1.5 SEK/kWh", "20 öre/kWh")
    res = monte_carlo(two(P("price", "1.5 SEK/kWh", distribution=normal)), STUDY, n=20_000,
                      seed=3)
    assert res.inputs["price"].std() == pytest.approx(0.2, rel=0.02)
    uni = Uniform.of(1, 2)
    assert uni.ppf(0.25) == pytest.approx(1.25)
    with pytest.raises(lcc.LCCError, match="low <= mode <= high"):
        Triangular.of(1, 3, 2)
    with pytest.raises(lcc.LCCError, match="sd > 0"):
        Normal.of(1, 0)
    with pytest.raises(lcc.LCCError, match="dimension"):
        monte_carlo(two(P("price", "1.5 SEK/kWh", distribution=Normal.of("1 kg", "1 kg"))),
                    STUDY, n=10)


def test_low_high_only_parameters_get_the_default_pert() -> None:
    """Monte Carlo used to refuse parameters with only low/high."""
    price = P("price", "1.5 SEK/kWh", low="1 SEK/kWh", high="3 SEK/kWh")
    res = monte_carlo(two(price), STUDY, n=40_000, seed=1)
    assert res.described["price"] == ("PERT(1, 1.5, 3) SEK/kWh (default: PERT(low, value, "
                                      "high))")
    # E[PERT] = (1 + 4·1.5 + 3)/6 = 1.6667 SEK/kWh; LCC_A = 10 000 + 1000·U·price
    assert res.lcc["A"].mean() == pytest.approx(10_000 + 1000 * U * 10 / 6, rel=2e-3)
    s = sobol(two(price), STUDY, n=64, seed=1, bootstrap=10)
    assert s.attrs["distributions"]["price"].startswith("PERT(1, 1.5, 3)")
    with pytest.raises(lcc.LCCError, match="outside the parameter's own range"):
        P("price", "5 SEK/kWh", low="1 SEK/kWh", high="3 SEK/kWh")  # issue 16: refused at once


def test_tender_distributions_in_units_and_a_lazy_scipy(tmp_path: Path) -> None:
    text = STREET.read_text(encoding="utf-8").replace(
        'distribution = { name = "uniform", loc = 3900, scale = 400 }',
        'distribution = { name = "triangular", low = "3900 h/yr", mode = "4100 h/yr", '
        'high = "4300 h/yr" }')
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "assumptions").mkdir()
    (tmp_path / "assumptions" / "sweden-2025.toml").write_bytes(
        (ROOT / "examples" / "assumptions" / "sweden-2025.toml").read_bytes())
    code = ("import sys, lcc; t = lcc.load_tender(sys.argv[1]); t.compare().summary; "
            "print('scipy.stats' in sys.modules, "
            "t.parameters[[p.name for p in t.parameters].index('operating_hours')]"
            ".distribution)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["False", "triangular(3900,", "4100,", "4300)", "h/yr"]
    t = lcc.load_tender(path)
    saved = tmp_path / "saved.toml"
    lcc.save_tender(t, saved)
    assert 'name = "triangular"' in saved.read_text(encoding="utf-8")
    assert lcc.load_tender(saved).parameters == t.parameters
    bad = text.replace('mode = "4100 h/yr"', 'mode = "4100 kg"')
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(lcc.TenderError, match="operating_hours"):
        lcc.load_tender(path)


# ------------------------------------------------------------------- sign convention


def test_one_sign_convention_other_minus_best() -> None:
    price = P("price", "1.2 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh",
              distribution=stats.uniform(0.5, 1.5))
    alts = two(price)  # A = 10 000 + 1200·U = 19 266 < B = 20 000: A is best
    assert difference_label("B", "A") == "B minus A"
    t = tornado(alts, STUDY)
    row = t[(t.alternative == "B minus A") & (t.parameter == "price")].iloc[0]
    assert row.lcc_base == pytest.approx(20_000 - (10_000 + 1200 * U), rel=1e-12)
    assert row.lcc_low == pytest.approx(20_000 - (10_000 + 500 * U), rel=1e-12)
    mc = monte_carlo(alts, STUDY, n=1000, seed=1)
    assert mc.best == "A"
    assert "B minus A" in mc.summary.index
    diff = mc.differences()["B minus A"]
    assert np.allclose(diff, mc.lcc["B"] - mc.lcc["A"])
    s = sobol(alts, STUDY, n=64, seed=1, bootstrap=0)
    assert s.attrs["difference"] == "B minus A"
    assert set(s.alternative) == {"A", "B", "B minus A"}
    assert not any("−" in str(x) for x in [*t.alternative, *mc.summary.index, *s.alternative])


# ------------------------------------------------------------------- Sobol'


def test_sobol_any_n_and_bootstrap_intervals() -> None:
    """A depends on the price alone: S1 = ST = 1 (up to the estimator's error)."""
    price = P("price", "1.2 SEK/kWh", distribution=stats.uniform(0.5, 1.5))
    res = sobol(two(price), STUDY, n=300, seed=7)
    assert isinstance(res, SobolResult)
    assert res.attrs["n"] == 512 and res.attrs["n_requested"] == 300
    assert res.attrs["notes"][0] == ("n = 300 rounded up to 512: Sobol' sampling needs a "
                                     "power of 2")
    a = res[res.alternative == "A"].iloc[0]
    assert pytest.approx(1.0, abs=0.02) == a.S1 and pytest.approx(1.0, abs=0.02) == a.ST
    assert 0 < a.S1_conf < 0.2 and 0 < a.ST_conf < 0.2  # bootstrap ~ 2/√n
    b = res[res.alternative == "B"].iloc[0]  # B does not depend on the price
    assert math.isnan(b.S1) and "does not vary" in res.attrs["notes"][1]
    again = sobol(two(price), STUDY, n=300, seed=7)
    assert res.to_dict() == again.to_dict()


def test_sobol_intervals_cover_the_analytic_indices() -> None:
    """Y = X1 + 2·X2 (X uniform on [0, 1]): S1 = ST = 1/5 and 4/5; 95 % intervals."""
    x1 = P("x1", "1 SEK/yr", distribution=stats.uniform(0, 1))
    x2 = P("x2", "1 SEK", distribution=stats.uniform(0, 2))
    alt = lcc.Alternative("Y", lcc.Recurring(x1), lcc.Investment(x2))
    res = sobol(alt, lcc.Study("1 yr", 0.0), n=2048, seed=11)
    got = res.set_index("parameter")
    for name, want in (("x1", 0.2), ("x2", 0.8)):
        for col in ("S1", "ST"):
            assert abs(got.loc[name, col] - want) <= got.loc[name, f"{col}_conf"] * 1.5 + 1e-3
            assert 0 < got.loc[name, f"{col}_conf"] < 0.1


def test_bootstrap_matches_a_gather_implementation() -> None:
    """The weighted-sum bootstrap equals resampling the rows and recomputing."""
    from lcc.sensitivity._sobol import bootstrap_conf, saltelli

    rng = np.random.default_rng(0)
    n, d, s = 64, 3, 2
    f_a, f_b = rng.normal(size=(s, n)), rng.normal(size=(s, n))
    f_ab = rng.normal(size=(d, s, n))
    c1, c2 = bootstrap_conf(f_a, f_b, f_ab, 50, 0.95, np.random.default_rng(5))
    gen = np.random.default_rng(5)
    s1s, sts = [], []
    for _ in range(50):
        idx = gen.integers(0, n, size=(1, n))[0]
        one, tot = saltelli(f_a[:, idx], f_b[:, idx], f_ab[:, :, idx])
        s1s.append(one)
        sts.append(tot)
    z = 1.959963984540054
    assert c1 == pytest.approx(z * np.std(s1s, axis=0, ddof=1), rel=1e-9)
    assert c2 == pytest.approx(z * np.std(sts, axis=0, ddof=1), rel=1e-9)


# ------------------------------------------------------------------- scenarios


def test_scenarios_with_values_and_per_year_paths() -> None:
    price = P("price", "1.5 SEK/kWh")
    esc = P("esc", 0.0)
    a = lcc.Alternative("A", lcc.Investment("10000 SEK"),
                        lcc.Energy(annual="1000 kWh/yr", price=price, escalation=esc))
    b = lcc.Alternative("B", lcc.Investment("20000 SEK"))
    path = lcc.ByYear([1.5 + 0.1 * k for k in range(10)], "SEK/kWh")
    df = scenarios([a, b], STUDY, {
        "rate_2": {"discount_rate": "2 %"},
        "rising": Scenario({"price": path}, "rising price"),
        "flat_path": {"price": lcc.ByYear([1.5] * 10, "SEK/kWh")},
        "esc_path": {"esc": [0.0] * 10},
    })
    want = 10_000 + sum((1.5 + 0.1 * (k - 1)) * 1000 * 1.05 ** -k for k in range(1, 11))
    assert df.loc["rising", ("lcc", "A")] == pytest.approx(want, rel=1e-12)
    assert df.loc["flat_path", ("lcc", "A")] == pytest.approx(df.loc["base", ("lcc", "A")],
                                                             rel=1e-12)
    assert df.loc["esc_path", ("lcc", "A")] == pytest.approx(df.loc["base", ("lcc", "A")],
                                                            rel=1e-12)
    assert df.loc["rate_2", ("lcc", "A")] == pytest.approx(10_000 + 1500 * upv(0.02, 10),
                                                          rel=1e-12)
    assert df.attrs["descriptions"]["rising"] == "rising price"
    assert df.attrs["best"]["rising"] == ["B"]
    with pytest.raises(lcc.LCCError, match="one value, not a per-year path"):
        scenarios([a, b], STUDY, {"x": {"discount_rate": [0.02] * 10}})


def test_tender_scenarios_round_trip() -> None:
    t = lcc.load_tender(STREET)
    assert set(t.scenarios) == {"rate_2_percent", "rate_5_percent", "high_electricity_price",
                                "low_electricity_price"}
    assert isinstance(t.scenarios["high_electricity_price"].values["electricity_price"],
                      lcc.ByYear)
    text = lcc.io.dumps_tender(t) if hasattr(lcc.io, "dumps_tender") else None
    del text
    df = scenarios(list(t.alternatives), t.study, dict(t.scenarios))
    assert df.attrs["best"]["rate_2_percent"] == ["LED bid A"]
    assert df.loc["rate_2_percent", ("rank", "LED bid C")] == 2


@pytest.mark.parametrize("body, message", [
    ('[scenarios.x]\nnope = 1\n', "no parameter is named 'nope'"),
    ('[scenarios.x]\nelectricity_price = "2 kg"\n', "dimension"),
    ('[scenarios.x]\nelectricity_price = { by_year = [1, 2] }\n', "unit"),
    ('[scenarios.base]\ndiscount_rate = 0.02\n', "'base' is the row of base values"),
    ('[scenarios.x]\ndescription = "only words"\n', "at least one parameter"),
])
def test_bad_scenarios_in_tender_files(tmp_path: Path, body: str, message: str) -> None:
    text = STREET.read_text(encoding="utf-8").split("\n# Scenarios")[0] + "\n" + body
    (tmp_path / "assumptions").mkdir()
    (tmp_path / "assumptions" / "sweden-2025.toml").write_bytes(
        (ROOT / "examples" / "assumptions" / "sweden-2025.toml").read_bytes())
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lcc.TenderError, match=message):
        lcc.load_tender(path)


# ------------------------------------------------------------------- ranking


def test_one_ranking_rule() -> None:
    v = np.array([3.0, 1.0, 3.0 * (1 + 1e-12), 2.0])
    assert ranks(v).tolist() == [3, 1, 3, 2]
    assert tied(1.0, 1.0 + 1e-10) and not tied(1.0, 1.0 + 1e-8)
    assert best_shares(np.array([[1.0, 2.0], [1.0, 1.0]])).tolist() == [0.25, 0.75]


def test_comparison_and_monte_carlo_split_ties_alike() -> None:
    """Issue 15 point 4: Comparison counted a tie for each; Monte Carlo split it."""
    x = np.array([1.0, 2.0, 3.0])
    a = lcc.Alternative("A", lcc.Recurring(x * lcc.Q_(1000, "SEK/yr")))
    b = lcc.Alternative("B", lcc.Recurring(lcc.Q_(2000, "SEK/yr")))
    c = lcc.compare([a, b], STUDY)
    assert c.rank_samples.to_numpy().tolist() == [[1, 2], [1, 1], [2, 1]]
    assert c.probability_best.to_dict() == pytest.approx({"A": 0.5, "B": 0.5})
    assert c.probability_best.sum() == pytest.approx(1.0)


# ------------------------------------------------------------------- to_dict, pickle


def _finite_or_null(obj: object) -> None:
    if isinstance(obj, dict):
        if obj.get("value", 0) is None and "unit" in obj:
            assert obj.get("reason"), obj
        for v in obj.values():
            _finite_or_null(v)
    elif isinstance(obj, list):
        for v in obj:
            _finite_or_null(v)
    elif isinstance(obj, float):
        assert math.isfinite(obj)


def test_to_dict_and_to_json_are_json_safe_with_units() -> None:
    t = lcc.load_tender(STREET)
    alts, study = list(t.alternatives), t.study
    c = t.compare()
    r = c.results["LED bid A"]
    mc = monte_carlo(alts, study, n=500, seed=1, parameters=["electricity_price"])
    s = sobol(alts, study, n=64, seed=1, bootstrap=20)
    tor = tornado(alts, study)
    assert isinstance(tor, TornadoResult)
    for obj, kind in ((r, "lcc.LCCResult"), (c, "lcc.Comparison"),
                      (mc, "lcc.MonteCarloResult"), (s, "lcc.SobolResult"),
                      (tor, "lcc.TornadoResult")):
        doc = obj.to_dict()
        assert doc["type"] == kind and doc["lcc_version"] == lcc.__version__
        text = obj.to_json()
        assert json.loads(text) == json.loads(json.dumps(doc, allow_nan=False))
        _finite_or_null(doc)
    assert r.to_dict()["lcc"] == {"value": pytest.approx(float(r.value)), "unit": "SEK"}
    rows = {row["alternative"]: row for row in c.to_dict()["alternatives"]}
    assert rows["Existing HPS"]["sir"] == {"value": None, "unit": "1",
                                           "reason": "the baseline: measures are against it"}
    assert rows["LED bid A"]["lcc"]["unit"] == "SEK"
    assert mc.to_dict()["distributions"]["electricity_price"].startswith("triang(")
    assert len(tor.to_dict()["rows"]) == len(tor)
    # pandas' own to_dict still answers when asked with its arguments
    assert tor.to_dict("records")[0]["parameter"] == tor.iloc[0]["parameter"]


@pytest.mark.parametrize("example", ["street-lighting", "dishwashers", "vehicles"])
def test_pickle_round_trips(example: str, tmp_path: Path) -> None:
    """'cannot pickle mappingproxy' (calculator alternatives) and pint's registry, fixed."""
    t = lcc.load_tender(ROOT / "examples" / f"{example}.toml")
    c = t.compare()
    again = pickle.loads(pickle.dumps(c))
    assert again.to_dict(results=True) == c.to_dict(results=True)
    r = next(iter(c.results.values()))
    assert pickle.loads(pickle.dumps(r)).to_dict() == r.to_dict()
    tor = tornado(list(t.alternatives), t.study)
    back = pickle.loads(pickle.dumps(tor))
    assert isinstance(back, TornadoResult) and back.to_dict() == tor.to_dict()
    # a fresh process: lcc's units are found although nothing has built the registry yet
    (tmp_path / "c.pkl").write_bytes(pickle.dumps(c))
    code = ("import pickle, sys; c = pickle.loads(open(sys.argv[1], 'rb').read()); "
            "print(c.best)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c.pkl")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == c.best


def test_monte_carlo_pickles() -> None:
    price = P("price", "1.5 SEK/kWh", distribution=Triangular.of(1, 1.5, 3))
    mc = monte_carlo(two(price), STUDY, n=100, seed=2)
    back = pickle.loads(pickle.dumps(mc))
    assert back.to_dict(samples=True) == mc.to_dict(samples=True)


def test_py_typed_ships() -> None:
    assert (Path(lcc.__file__).parent / "py.typed").is_file()


# ------------------------------------------------------------------- start-up


def test_compare_imports_only_what_it_needs() -> None:
    """``lcc compare`` used to import scipy.stats (≈ 1.2 s); the ratio is benchmarked in
    benchmarks/bench_startup.py."""
    code = ("import sys, runpy; sys.argv = ['lcc', 'compare', 'examples/street-lighting.toml']\n"
            "try:\n    runpy.run_module('lcc', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('scipy.stats', 'matplotlib', 'openpyxl', "
            "'lcc.templates', 'lcc.sensitivity._sobol') if m in sys.modules), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines()[-1] == "[]"


def test_a_scenario_number_for_a_percent_parameter_survives_writing() -> None:
    """0.05 for a parameter in percent is 5 % (the model's rule), and a written tender
    says '5 %' rather than '0.05 %'."""
    from lcc.sensitivity import Scenario

    rate = P("discount_rate", "3 %", low="1 %", high="5 %")
    esc = P("esc", "2 %", low="0 %", high="4 %")
    study = lcc.Study("10 yr", rate)
    a = lcc.Alternative("A", lcc.Investment("1000 SEK"), lcc.Recurring("100 SEK/yr",
                                                                       escalation=esc))
    t = lcc.Tender("T", study, [a], scenarios={"r5": Scenario({"discount_rate": 0.05}),
                                               "e5": Scenario({"esc": 0.05})})
    text = lcc.io.dumps_tender(t)
    assert 'discount_rate = "5 %"' in text and 'esc = "5 %"' in text
    back = lcc.io.loads_tender(text)
    before = scenarios([a], study, t.scenarios)["lcc"]["A"]
    after = scenarios(list(back.alternatives), back.study, back.scenarios)["lcc"]["A"]
    # r5: 1 000 + 100 × Σ_{k=1..10} (1.02/1.05)^k = 1 000 + 855.59 = 1 855.59 SEK
    k = np.arange(1, 11)
    assert before["r5"] == pytest.approx(1000 + 100 * np.sum((1.02 / 1.05) ** k))
    assert after.to_dict() == pytest.approx(before.to_dict())
