"""``lcc sensitivity``: every option is used by the analysis it is given to, or refused.

``--pair`` was accepted and ignored by tornado, Monte Carlo, Sobol and scenarios (the default
pair's difference was printed under exit 0), ``-n``/``--seed`` by tornado, break-even and
scenarios, and ``--discount-rates`` by every analysis but scenarios. Sobol's default sample
count came from the tender's Monte Carlo setting (20 000 → 32 768 × (k + 2) evaluations).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lcc
from lcc.cli import main

ROOT = Path(__file__).resolve().parents[1]
STREET = str(ROOT / "examples" / "street-lighting.toml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict | str]:
    code = main(["sensitivity", STREET, *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 and "json" in args else err


def test_tornado_measures_the_difference_of_the_pair_given(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = run(capsys, "tornado", "--pair", "LED bid C", "Existing HPS", "--format", "json")
    assert code == 0 and isinstance(doc, dict)
    assert doc["pair"] == ["LED bid C", "Existing HPS"]
    assert doc["difference"] == "Existing HPS minus LED bid C"
    rows = {(r["parameter"], r["alternative"]): r for r in doc["rows"]}
    # each difference row is the pair's own rows subtracted, at both ends of the range
    for (name, alternative), row in rows.items():
        if alternative != doc["difference"]:
            continue
        existing, c = rows[(name, "Existing HPS")], rows[(name, "LED bid C")]
        assert row["lcc_low"] == pytest.approx(existing["lcc_low"] - c["lcc_low"])
        assert row["lcc_high"] == pytest.approx(existing["lcc_high"] - c["lcc_high"])
    assert any(alternative == doc["difference"] for _, alternative in rows)


def test_the_library_takes_the_pair_too() -> None:
    tender = lcc.load_tender(STREET)
    alts, study = list(tender.alternatives), tender.study
    default = lcc.sensitivity.tornado(alts, study)
    assert default.attrs["pair"] == ("LED bid A", "LED bid B")
    chosen = lcc.sensitivity.tornado(alts, study, pair=("LED bid C", "Existing HPS"))
    assert chosen.attrs["difference"] == "Existing HPS minus LED bid C"
    with pytest.raises(lcc.LCCError, match="LED bid Q"):
        lcc.sensitivity.tornado(alts, study, pair=("LED bid Q", "Existing HPS"))
    s = lcc.sensitivity.sobol(alts, study, n=64, seed=1, bootstrap=0,
                              pair=("LED bid C", "Existing HPS"))
    assert s.attrs["pair"] == ("LED bid C", "Existing HPS")
    assert set(s["alternative"]) >= {"Existing HPS minus LED bid C"}


@pytest.mark.parametrize(("kind", "option"), [
    ("monte-carlo", ["--pair", "LED bid A", "LED bid B"]),
    ("scenarios", ["--pair", "LED bid A", "LED bid B"]),
    ("tornado", ["-n", "500"]),
    ("break-even", ["--seed", "3"]),
    ("scenarios", ["--samples", "500"]),
    ("monte-carlo", ["--discount-rates", "2%"]),
    ("tornado", ["--discount-rates", "2%", "5%"]),
])
def test_an_option_the_analysis_does_not_use_is_refused(
        capsys: pytest.CaptureFixture[str], kind: str, option: list[str]) -> None:
    code, err = run(capsys, kind, *option)
    assert code == 2
    name = {"-n": "--samples"}.get(option[0], option[0])
    assert f"{name}: {kind} does not use it; it is for " in str(err)
    code, err = run(capsys, kind, *option, "--lang", "sv")
    assert code == 2 and f"{name}: {kind} använder det inte; det gäller " in str(err)


def test_sobols_default_samples_are_its_own_not_monte_carlos(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The tender sets monte_carlo = { n = 20000, seed = 2025 }: Sobol takes the seed, and
    1024 samples unless -n says otherwise."""
    code, doc = run(capsys, "sobol", "--format", "json")
    assert code == 0 and isinstance(doc, dict)
    assert (doc["n_requested"], doc["n"], doc["seed"]) == (1024, 1024, 2025)
    code, doc = run(capsys, "sobol", "-n", "100", "--format", "json")
    assert isinstance(doc, dict) and (doc["n_requested"], doc["n"]) == (100, 128)
