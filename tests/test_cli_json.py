"""Issue 19: every command's ``--format json`` output keeps every row and matches its
documented JSON Schema (``lcc schema WHAT``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lcc.cli._main import OUTPUTS
from lcc.cli._output_schema import PORTFOLIO_SCHEMAS, SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
STREET = ROOT / "examples" / "street-lighting.toml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lcc", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def json_of(*args: str | Path) -> Any:
    out = run(*args, "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def csv_rows(*args: str | Path) -> int:
    out = run(*args, "--format", "csv")
    assert out.returncode == 0, out.stderr
    return len(out.stdout.strip().splitlines()) - 1


COMMANDS: dict[str, tuple[str, ...]] = {
    "evaluate": ("evaluate", str(STREET)),
    "compare": ("compare", str(STREET)),
    "sensitivity-tornado": ("sensitivity", str(STREET), "tornado"),
    "sensitivity-break-even": ("sensitivity", str(STREET), "break-even"),
    "sensitivity-monte-carlo": ("sensitivity", str(STREET), "monte-carlo", "-n", "500",
                                "--no-progress"),
    "sensitivity-sobol": ("sensitivity", str(STREET), "sobol", "-n", "100"),
    "sensitivity-scenarios": ("sensitivity", str(STREET), "scenarios"),
    "calculators": ("calculators", "dishwasher"),
}


def test_every_output_has_a_schema() -> None:
    assert set(SCHEMAS) | set(PORTFOLIO_SCHEMAS) == set(OUTPUTS)
    for schema in (*SCHEMAS.values(), *PORTFOLIO_SCHEMAS.values()):
        jsonschema.Draft202012Validator.check_schema(schema)


def test_lcc_schema_gives_a_portfolio_output_schema() -> None:
    """`lcc schema portfolio-priorities` was refused: the command knew only the tender
    commands' outputs, though output_schema() had the portfolio's."""
    out = run("schema", "portfolio-priorities")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == PORTFOLIO_SCHEMAS["portfolio-priorities"]


@pytest.mark.parametrize("what", sorted(COMMANDS))
def test_json_matches_its_schema_and_keeps_every_row(what: str) -> None:
    args = COMMANDS[what]
    payload = json_of(*args)
    jsonschema.validate(payload, SCHEMAS[what])
    assert payload["command"] == what
    assert len(payload["rows"]) == csv_rows(*args)


def test_import_bids_json_matches_its_schema(tmp_path: Path) -> None:
    import shutil

    from tests.test_docs_run import fixtures

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    fixtures(tmp_path)  # form-a.xlsx and form-b.xlsx, filled in by two bidders
    out = subprocess.run([sys.executable, "-m", "lcc", "import-bids",
                          "examples/street-lighting.toml", "form-a.xlsx", "form-b.xlsx",
                          "--format", "json"], capture_output=True, text=True, cwd=tmp_path,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    jsonschema.validate(payload, SCHEMAS["import-bids"])
    assert [r["alternative"] for r in payload["rows"]] == ["Lumen AB", "Gatuljus AB"]


def test_tornado_json_keeps_the_rows_pandas_index_json_lost() -> None:
    """Rows sharing a parameter used to overwrite each other (4–6 rows instead of 15–24)."""
    payload = json_of("sensitivity", STREET, "tornado")
    assert len(payload["rows"]) == 20
    assert payload["difference"] == "LED bid B minus LED bid A"
    diff = [r for r in payload["rows"] if r["alternative"] == payload["difference"]]
    assert {r["parameter"] for r in diff} == {"discount_rate", "electricity_price",
                                               "electricity_price_escalation",
                                               "operating_hours"}
    assert all(r["lcc_low"] > 0 and r["lcc_high"] > 0 for r in diff)  # A stays best


def test_sobol_json_has_intervals_and_rounds_n() -> None:
    payload = json_of("sensitivity", STREET, "sobol", "-n", "1000")
    assert payload["n"] == 1024 and payload["n_requested"] == 1000
    assert any("rounded up to 1024" in n for n in payload["notes"])
    assert len(payload["rows"]) == 20
    for row in payload["rows"]:
        assert row["S1_conf"] >= 0 and row["ST_conf"] >= 0


@pytest.mark.parametrize("what", ["compare", "sensitivity-sobol", "tender"])
def test_schema_command(what: str, tmp_path: Path) -> None:
    out = run("schema", what)
    assert out.returncode == 0, out.stderr
    schema = json.loads(out.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert run("schema", what, "-o", tmp_path / "s.json").returncode == 0
    assert json.loads((tmp_path / "s.json").read_text()) == schema


def test_sobol_from_the_readme_line_exits_0() -> None:
    """The README's ``lcc sensitivity examples/street-lighting.toml sobol`` used to exit 2.
    It samples Sobol's own default, 1024 (a power of 2: no rounding), not the tender's Monte
    Carlo n = 20 000 (which it rounded up to 32 768)."""
    out = run("sensitivity", "examples/street-lighting.toml", "sobol")
    assert out.returncode == 0, out.stderr
    assert "1 024 samples (6 144 evaluations)" in out.stdout  # 1 024 × (4 inputs + 2)
    assert "rounded up" not in out.stdout


def test_scenarios_with_discount_rates(tmp_path: Path) -> None:
    payload = json_of("sensitivity", STREET, "scenarios", "--discount-rates", "2%", "5%")
    names = {r["scenario"] for r in payload["rows"]}
    assert {"base", "rate_2_percent", "high_electricity_price", "discount_rate 2%",
            "discount_rate 5%"} <= names
    two = {r["alternative"]: r["lcc"] for r in payload["rows"]
           if r["scenario"] == "discount_rate 2%"}
    named = {r["alternative"]: r["lcc"] for r in payload["rows"]
             if r["scenario"] == "rate_2_percent"}
    assert two == pytest.approx(named, rel=1e-12)
    bare = tmp_path / "t.toml"
    bare.write_text("\n".join(line for line in STREET.read_text(encoding="utf-8").split(
        "\n# Scenarios")[0].splitlines()) + "\n", encoding="utf-8")
    bare.with_name("assumptions").mkdir()
    (tmp_path / "assumptions" / "sweden-2025.toml").write_bytes(
        (ROOT / "examples" / "assumptions" / "sweden-2025.toml").read_bytes())
    out = run("sensitivity", bare, "scenarios")
    assert out.returncode == 2 and "--discount-rates" in out.stderr


@pytest.mark.parametrize(("rate", "expected"), [
    ("4", "lcc: error: --discount-rates: got the bare number 4; a rate is a fraction per year, "
          "so this would be 400 %; did you mean 4 % = 0.04?"),
    ("fyra", "lcc: error: --discount-rates: could not read 'fyra'")])
def test_a_discount_rate_option_is_refused_by_its_name(rate: str, expected: str) -> None:
    """A mistaken --discount-rates value was named by the Python call behind it
    (``scenarios['Discount rate 4']['discount_rate']``); it is named by the option."""
    out = run("sensitivity", STREET, "scenarios", "--discount-rates", "2%", rate,
              "--no-progress")
    assert out.returncode == 2
    assert out.stderr.startswith(expected), out.stderr
    assert "scenarios[" not in out.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (("break-even", "--parameter", "Electricity-price"),
     "lcc: error: --parameter: unknown parameter 'Electricity-price' (did you mean "
     "'electricity_price'?); known parameters: discount_rate, "),
    (("break-even", "--pair", "LED bd A", "Existing HPS"),  # ('led bid a' is LED bid A)
     "lcc: error: --pair: no alternative named 'LED bd A' in 'Street lighting, "
     "Storgatan–Hamnvägen' (did you mean 'LED bid A'?); the alternatives are: "),
    (("compare", STREET, "--baseline", "Existing HSP"),
     "lcc: error: --baseline: no alternative named 'Existing HSP' in 'Street lighting, "
     "Storgatan–Hamnvägen' (did you mean 'Existing HPS'?); the alternatives are: ")])
def test_a_misspelt_name_on_the_command_line_offers_the_name(
        args: tuple[str | Path, ...], expected: str) -> None:
    out = run(*args) if args[0] == "compare" else \
        run("sensitivity", STREET, *args, "--no-progress")
    assert out.returncode == 2
    assert out.stderr.startswith(expected), out.stderr


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_no_figure_is_written_as_negative_zero(fmt, capsys) -> None:
    """The existing HPS luminaires have no residual value: −(0 × value) is −0.0 in floats,
    and CSV and JSON wrote it "-0.0" (Swedish "-0,0"); a residual of nothing is 0."""
    from lcc.cli import main

    path = str(Path(__file__).parent.parent / "examples" / "street-lighting.toml")
    assert main(["evaluate", path, "--format", fmt, "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "Existing HPS" in out
    assert not re.search(r"-0([.,]0+)?\b(?![.,]?\d)", out), out
