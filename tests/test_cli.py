"""The ``lcc`` command line end to end, and a catalogue of malformed inputs.

Every malformed input must give exit code 2 and a message naming the location
on stderr — never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lcc import LCCError
from lcc.io import load_tender

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STREET = EXAMPLES / "street-lighting.toml"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lcc", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


# ------------------------------------------------------------------ commands end to end


def test_compare_street_lighting() -> None:
    out = run("compare", STREET)
    assert out.returncode == 0, out.stderr
    assert "Lowest life-cycle cost: LED bid A" in out.stdout
    for name in ("Existing HPS", "LED bid A", "LED bid B", "LED bid C"):
        assert name in out.stdout
    assert "Assumption set: sweden-2025, version 1.0" in out.stdout


def test_compare_json_matches_the_library() -> None:
    import lcc

    out = run("compare", STREET, "--format", "json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    c = lcc.load_tender(STREET).compare()
    assert payload["best"] == c.best == "LED bid A"
    # issue 19: rows are a list of objects (the index a column), not keyed by the index
    rows = {r["alternative"]: r for r in payload["rows"]}
    for name, row in c.summary.iterrows():
        assert rows[name]["lcc"] == pytest.approx(row["lcc"], rel=1e-12)


def test_evaluate_swedish_csv() -> None:
    out = run("evaluate", STREET, "--format", "csv", "--lang", "sv")
    assert out.returncode == 0, out.stderr
    header = out.stdout.splitlines()[0]
    assert header.startswith("Alternativ;") and "Livscykelkostnad" in header
    assert ";" in out.stdout and "," in out.stdout.splitlines()[1]


def test_evaluate_one_alternative_and_unknown_name() -> None:
    assert run("evaluate", STREET, "--alternative", "LED bid B").returncode == 0
    bad = run("evaluate", STREET, "--alternative", "LED bid Z")
    assert bad.returncode == 2 and "LED bid Z" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("kind", ["tornado", "break-even", "monte-carlo", "sobol",
                                  "scenarios"])
def test_sensitivity_kinds(kind: str) -> None:
    extra = ["-n", "256"] if kind in ("monte-carlo", "sobol") else []
    out = run("sensitivity", STREET, kind, *extra)
    assert out.returncode == 0, out.stderr
    assert "discount_rate" in out.stdout or "LED bid" in out.stdout


def test_break_even_of_one_parameter() -> None:
    out = run("sensitivity", STREET, "break-even", "--parameter", "electricity_price",
              "--pair", "LED bid B", "LED bid C", "--format", "json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert [r["parameter"] for r in payload["rows"]] == ["electricity_price"]
    assert payload["difference"] == "LED bid C minus LED bid B"


def test_explain_has_the_trace_and_the_assumption_set() -> None:
    out = run("explain", STREET)
    assert out.returncode == 0, out.stderr
    for text in ("Assumption set: sweden-2025", "Life-cycle cost of LED bid A",
                 "NIST Handbook 135", "= 4 replacements at t = 4, 8, 12, 16"):
        assert text in out.stdout


def test_schema_and_version(tmp_path: Path) -> None:
    out = run("schema")
    assert out.returncode == 0 and json.loads(out.stdout)["$schema"].startswith("https://")
    assert run("schema", "-o", tmp_path / "s.json").returncode == 0
    assert json.loads((tmp_path / "s.json").read_text())["type"] == "object"
    assert run("--version").stdout.startswith("lcc ")


def test_calculators_listing() -> None:
    out = run("calculators")
    assert out.returncode == 0, out.stderr
    for name in ("indoor_lighting", "street_lighting", "dishwasher", "fridge_freezer",
                 "vehicles", "it_equipment", "pump_motor", "reusable_vs_single_use",
                 "refurbished_vs_new"):
        assert name in out.stdout
    assert run("calculators", "dishwasher").returncode == 0
    bad = run("calculators", "toaster")
    assert bad.returncode == 2 and "toaster" in bad.stderr


def test_report_command(tmp_path: Path) -> None:
    out = run("report", STREET, "-o", tmp_path / "r.html", "--monte-carlo", "500", "--seed", "1")
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "r.html").read_text()
    assert "Calculation trace" in page and "<svg" in page
    assert run("report", STREET, "-o", tmp_path / "r.pdf").returncode == 2


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_bundled_example_compares(example: str) -> None:
    out = run("compare", EXAMPLES / example)
    assert out.returncode == 0, out.stderr
    assert "Lowest life-cycle cost" in out.stdout


def test_usage_errors_exit_2() -> None:
    out = run("compare")
    assert out.returncode == 2 and "tender" in out.stderr
    out = run("frobnicate")
    assert out.returncode == 2


# ------------------------------------------------------------------ malformed inputs

BASE = """format = "lcc.tender/1"
name = "Catalogue"
[study]
period = "10 yr"
discount_rate = 0.03
[parameters.electricity_price]
value = "1.5 SEK/kWh"
[[alternatives]]
name = "Bid A"
[[alternatives.items]]
type = "Investment"
amount = "20000 SEK"
life = "12 yr"
[[alternatives.items]]
type = "Energy"
annual = "3000 kWh/yr"
price = { parameter = "electricity_price" }
"""

SECOND = """[[alternatives]]
name = "Bid B"
[[alternatives.items]]
type = "Investment"
amount = "25000 SEK"
"""


def _nested(depth: int) -> str:
    return "x = " + "[" * depth + "1" + "]" * depth + "\n"


# (case id, file name, content, text the message must contain)
CATALOGUE: list[tuple[str, str, bytes | str, str]] = [
    ("wrong-unit", "t.toml", BASE.replace('amount = "20000 SEK"', 'amount = "20000 kWh"'),
     "alternatives[0].items[0].amount"),
    ("negative-life", "t.toml", BASE.replace('life = "12 yr"', 'life = "-12 yr"'),
     "alternatives[0].items[0].life"),
    ("unknown-key", "t.toml", BASE.replace('life = "12 yr"', 'life = "12 yr"\nlifetime = 3'),
     "alternatives[0].items[0].lifetime"),
    ("missing-price", "t.toml", BASE.replace('price = { parameter = "electricity_price" }', ""),
     "alternatives[0].items[1]"),
    ("currency-mix", "t.toml", BASE.replace('"20000 SEK"', '"2000 EUR"'),
     "alternatives[0].items[0]"),
    ("nan", "t.toml", BASE.replace('"20000 SEK"', '"nan SEK"'), "alternatives[0].items[0].amount"),
    ("inf", "t.toml", BASE.replace('"3000 kWh/yr"', '"inf kWh/yr"'),
     "alternatives[0].items[1].annual"),
    ("overflow-1e308", "t.toml",
     BASE.replace('annual = "3000 kWh/yr"', 'annual = "1e308 kWh/yr"'),
     "alternatives[0].items[1]"),
    ("wrong-type-amount", "t.toml", BASE.replace('amount = "20000 SEK"', "amount = true"),
     "alternatives[0].items[0].amount"),
    ("wrong-type-period", "t.toml", BASE.replace('period = "10 yr"', "period = [10]"),
     "study.period"),
    ("bare-number-amount", "t.toml", BASE.replace('amount = "20000 SEK"', "amount = 20000"),
     "alternatives[0].items[0].amount"),
    ("bare-number-hours", "t.toml",
     BASE.replace('annual = "3000 kWh/yr"', 'power = "45 W"\nhours = 4000'),
     "alternatives[0].items[1].hours"),
    ("duplicate-names", "t.toml", BASE + SECOND.replace("Bid B", "Bid A"), "alternatives[1].name"),
    ("non-utf8", "t.toml", BASE.encode() + b"# \xff\xfe caf\xe9\n", "not UTF-8"),
    ("empty-file", "t.toml", b"", "t.toml"),
    ("binary-garbage", "t.toml", bytes(range(256)) * 4, "t.toml"),
    ("yaml-object-tag", "t.yaml", "name: !!python/object/apply:os.system ['echo hacked']\n",
     "t.yaml"),
    ("deeply-nested", "t.toml", _nested(200), "t.toml"),
    ("huge-document", "t.toml", "# " + "x" * (6 * 2**20) + "\n" + BASE, "t.toml"),
    ("bid-overrides-buyer-parameter", "t.toml",
     BASE + '[alternatives.parameters.electricity_price]\nvalue = "0.5 SEK/kWh"\n',
     "electricity_price"),
    ("assumption-set-silently-overridden", "t.toml",
     BASE.replace('period = "10 yr"\ndiscount_rate = 0.03',
                  'period = "10 yr"\ndiscount_rate = 0.05').replace(
         'format = "lcc.tender/1"',
         'format = "lcc.tender/1"\nassumptions = "'
         + (EXAMPLES / "assumptions" / "sweden-2025.toml").as_posix() + '"'),
     "discount_rate"),
    ("unknown-item-type", "t.toml", BASE.replace('type = "Investment"', 'type = "Purchase"'),
     "alternatives[0].items[0].type"),
    ("unknown-parameter-reference", "t.toml",
     BASE.replace('{ parameter = "electricity_price" }', '{ parameter = "el_price" }'),
     "alternatives[0].items[1].price"),
    ("toml-syntax", "t.toml", BASE.replace('name = "Catalogue"', 'name = "Catalogue'), "t.toml"),
    ("json-trailing-comma", "t.json", '{"name": "x",}', "t.json"),
    ("discount-rate-below-minus-one", "t.toml",
     BASE.replace("discount_rate = 0.03", "discount_rate = -1.5"), "study.discount_rate"),
    ("unknown-timing", "t.toml",
     BASE.replace('period = "10 yr"', 'period = "10 yr"\ntiming = "later"'), "study.timing"),
    ("missing-alternatives", "t.toml", BASE.split("[[alternatives]]")[0], "alternatives"),
    ("bad-distribution", "t.toml",
     BASE.replace('value = "1.5 SEK/kWh"',
                  'value = "1.5 SEK/kWh"\ndistribution = { name = "banana" }'),
     "parameters.electricity_price.distribution"),
    ("fractional-period", "t.toml", BASE.replace('"10 yr"', '"10.5 yr"'), "study.period"),
]


@pytest.mark.parametrize(("case", "filename", "content", "location"), CATALOGUE,
                         ids=[c[0] for c in CATALOGUE])
def test_malformed_input_exits_2_with_a_location(tmp_path: Path, case: str, filename: str,
                                                  content: bytes | str, location: str) -> None:
    path = tmp_path / filename
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with contextlib.suppress(LCCError):  # in process too, for the issue snapshot
        load_tender(path)
    out = run("compare", path, cwd=tmp_path)
    assert out.returncode == 2, (case, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr, case
    assert location in out.stderr, (case, out.stderr)
    assert "hacked" not in out.stdout


def test_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 25


def test_missing_file_and_folder(tmp_path: Path) -> None:
    out = run("compare", tmp_path / "nope.toml")
    assert out.returncode == 2 and "nope.toml" in out.stderr
    out = run("compare", tmp_path)
    assert out.returncode == 2 and "folder" in out.stderr


def test_internal_errors_exit_1_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from lcc import cli
    from lcc.cli import _commands

    def boom(args: object) -> int:
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(_commands.COMMANDS, "schema", boom)
    assert cli.main(["schema"]) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: simulated bug" in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_huge_but_finite_amount_is_shown_with_an_exponent(tmp_path: Path, lang: str) -> None:
    """An amount of '1e300 SEK' is finite and is read; its LCC used to crash the number
    formatting (exit 1, Babel cannot round 1e302 to cents). Figures past 1e15 are shown with
    an exponent, in every command and document."""
    text = STREET.read_text(encoding="utf-8").replace('amount = "3900 SEK"',
                                                      'amount = "1e300 SEK"', 1)
    assert "1e300 SEK" in text
    path = tmp_path / "street-lighting.toml"
    path.write_text(text.replace('"assumptions/', f'"{(EXAMPLES / "assumptions").as_posix()}/'),
                    encoding="utf-8")
    out = run("compare", path, "--lang", lang)
    assert out.returncode == 0, out.stderr
    # LED bid B: 250 light points × 1e300 SEK bought at t = 0 (life 20 yr = the study), the
    # rest negligible beside it
    assert ("2,5e+302" if lang == "sv" else "2.5e+302") in out.stdout
    for args in (("explain", path), ("report", path, "-o", tmp_path / f"r-{lang}.html"),
                 ("report", path, "-o", tmp_path / f"r-{lang}.xlsx"),
                 ("sensitivity", path, "tornado")):
        done = run(*args, "--lang", lang)
        assert done.returncode == 0, (args, done.stderr)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_rates_in_the_sensitivity_tables_are_percentages(lang: str, capsys) -> None:
    """The break-even table showed the discount rate as 0,035 / 0,01 / 0,06 and its
    break-even as 0,045718 with no unit, and the relative change as 0,306227, while the
    report says 3,5 %; the tornado showed 0.01 and 0.06."""
    from lcc.cli import main

    vehicles = str(ROOT / "examples" / "vehicles.toml")
    assert main(["sensitivity", vehicles, "break-even", "--lang", lang]) == 0
    rate = next(line for line in capsys.readouterr().out.splitlines()
                if line.startswith(("Discount rate", "Kalkylränta")))
    want = ["3.5 %", "1 %", "6 %", "4.5718 %", "30.62 %"] if lang == "en" else \
        ["3,5 %", "1 %", "6 %", "4,5718 %", "30,62 %"]
    assert rate.split()[-len(want) * 2:] == " ".join(want).split()
    assert main(["sensitivity", vehicles, "tornado", "--lang", lang]) == 0
    first = next(line for line in capsys.readouterr().out.splitlines()
                 if line.startswith(("Discount rate", "Kalkylränta")))
    assert " 1\xa0% " in first and " 6\xa0% " in first


def test_a_monte_carlo_without_a_seed_repeats_byte_for_byte(tmp_path: Path, capsys) -> None:
    """A tender and a command without a seed drew fresh entropy: the same report differed
    run to run and printed a 39-digit seed. A command's seed is the tender's, else 1."""
    from lcc.cli import main

    path = tmp_path / "t.toml"
    path.write_text('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
                    '[parameters.price]\nvalue = "1 SEK/kWh"\nlow = "0.5 SEK/kWh"\n'
                    'high = "2 SEK/kWh"\n[[alternatives]]\nname = "A"\n'
                    '[[alternatives.items]]\ntype = "Energy"\nannual = "100 kWh/yr"\n'
                    'price = { parameter = "price" }\n[[alternatives]]\nname = "B"\n'
                    '[[alternatives.items]]\ntype = "OneOff"\namount = "850 SEK"\nat = 0\n',
                    encoding="utf-8")
    outs = []
    for _ in range(2):
        assert main(["sensitivity", str(path), "monte-carlo", "-n", "300"]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] and "300 samples, random seed 1" in outs[0]
    for name in ("a.md", "b.md"):
        assert main(["report", str(path), "-o", str(tmp_path / name), "--monte-carlo",
                     "300"]) == 0
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


def test_the_reports_tornado_varies_the_parameters_the_tender_names(tmp_path: Path) -> None:
    """it-equipment.toml names its sensitivity parameters without the electricity price's
    escalation: `lcc sensitivity … tornado` left it out, and the report varied it."""
    from lcc.cli import main

    example = ROOT / "examples" / "it-equipment.toml"
    out = tmp_path / "r.md"
    assert main(["report", str(example), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    tornado = text[text.index("## Sensitivity analysis (tornado)"):]
    tornado = tornado[:tornado.index("\n## ", 5)]
    assert "| Electricity price |" in tornado
    assert "Real change of the electricity price" not in tornado
    # and its Monte Carlo samples them alone, as `lcc sensitivity … monte-carlo` does
    assert main(["report", str(example), "-o", str(out), "--force", "--monte-carlo",
                 "300"]) == 0
    text = out.read_text(encoding="utf-8")
    carlo = text[text.index("## Uncertainty analysis (Monte Carlo)"):]
    carlo = carlo[:carlo.index("\n## ", 5)]
    assert "Electricity price" in carlo and "Real change of the electricity price" not in carlo


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "over the whole bracket [1 %, 6 %] (difference"),
    ("sv", "i hela intervallet från 1 % till 6 % (skillnaden")])
def test_a_break_even_comment_says_a_rate_as_the_row_does(lang: str, said: str,
                                                          capsys) -> None:
    """The row showed the discount rate's range as 1 % and 6 % while its comment said
    'from 0,01 till 0,06'."""
    from lcc.cli import main

    street = str(ROOT / "examples" / "street-lighting.toml")
    assert main(["sensitivity", street, "break-even", "--lang", lang]) == 0
    rate = next(line for line in capsys.readouterr().out.splitlines()
                if line.startswith(("Discount rate", "Kalkylränta")))
    assert said.replace(" %", "\xa0%") in rate


def test_a_bidders_own_parameter_is_named_in_words_in_the_command_tables(capsys) -> None:
    """it-equipment's resale_b (a parameter of one alternative) stood as 'resale_b' in the
    Monte Carlo lines and 'Resale b' in the tornado, while the report named it from its
    description."""
    from lcc.cli import main

    example = str(ROOT / "examples" / "it-equipment.toml")
    assert main(["sensitivity", example, "monte-carlo", "-n", "200"]) == 0
    out = capsys.readouterr().out
    assert "Resale value, Bid B: triangular, lowest 400\xa0SEK" in out and "resale_b" not in out
    assert main(["sensitivity", example, "tornado"]) == 0
    out = capsys.readouterr().out
    assert "Resale value, Bid B" in out and "Resale b" not in out


def test_a_relative_change_not_shown_says_why(capsys) -> None:
    """The escalation's break-even 1.394 % had '—' as its relative change and no word: its
    base value is 0, so no relative change exists."""
    from lcc.cli import main

    vehicles = str(ROOT / "examples" / "vehicles.toml")
    assert main(["sensitivity", vehicles, "break-even", "--lang", "sv"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("Real förändring av elpriset"))
    assert row.endswith("—  ingen relativ ändring: grundvärdet är 0")


_RATES = """format = "lcc.tender/1"
name = "Rate BE"
[study]
period = "15 yr"
discount_rate = { parameter = "discount_rate" }
[parameters.discount_rate]
value = "VALUE"
low = "LOW"
high = "HIGH"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "20000 SEK"
life = "15 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"
[[alternatives]]
name = "B"
[[alternatives.items]]
type = "Investment"
amount = "5000 SEK"
life = "15 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "2500 SEK/yr"
"""


@pytest.mark.parametrize(("value", "low", "high", "row"), [
    ("0.04", "0", "0.12", ["4 %", "0 %", "12 %", "5.5565 %", "38.91 %"]),
    ("4 %", "0 %", "12 %", ["%", "4", "0", "12", "5.5565", "38.91 %"])])
def test_a_rate_held_in_percent_is_not_shown_a_hundred_times_larger(
        tmp_path: Path, capsys, value: str, low: str, high: str, row: list[str]) -> None:
    """A discount rate held as '4 %' showed its break-even as 555.6497 % (and its range as
    0 %–1 200 %) once the tables wrote rates as percentages: its values are percentages
    already. By hand the break-even is where 15 000 = 1 500 × (1 − (1 + d)^−15)/d, that is
    an annuity factor of 10: d = 5.5565 %."""
    from lcc.cli import main

    path = tmp_path / "t.toml"
    text = _RATES.replace('"VALUE"', value if "%" not in value else f'"{value}"')
    text = text.replace('"LOW"', low if "%" not in low else f'"{low}"')
    path.write_text(text.replace('"HIGH"', high if "%" not in high else f'"{high}"'),
                    encoding="utf-8")
    assert main(["sensitivity", str(path), "break-even"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines()
                if x.startswith("Discount rate"))
    assert " ".join(line.split()[2:]).replace("\xa0", " ") == " ".join(row)


@pytest.mark.parametrize("kind", ["tornado", "monte-carlo", "scenarios"])
def test_a_parameter_option_only_break_even_takes_is_refused_not_ignored(kind: str) -> None:
    """`tornado --parameter discount_rate` ran the whole tornado, as if the option had not
    been given."""
    out = run("sensitivity", STREET, kind, "--parameter", "discount_rate")
    assert out.returncode == 2
    assert "--parameter: only break-even takes one parameter" in out.stderr


def test_break_even_searches_the_parameters_the_tender_names(capsys) -> None:
    """it-equipment names its sensitivity parameters without the escalation: the tornado
    and Monte Carlo left it out, and break-even searched it."""
    from lcc.cli import main

    example = str(ROOT / "examples" / "it-equipment.toml")
    assert main(["sensitivity", example, "break-even", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["parameter"] for r in rows] == ["discount_rate", "electricity_price", "laptops",
                                              "resale_b"]
