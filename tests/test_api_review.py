"""The Python API as a bid portal uses it (review 5): every input error an LCCError, however
odd the text; results a caller may change without changing lcc's; messages in Swedish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lcc
import lcc.io
from lcc.io import TenderError, loads_tender

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TENDER = """name = "x"
[study]
period = "10 yr"
discount_rate = 0.03
[[alternatives]]
name = "a"
[[alternatives.items]]
type = "OneOff"
at = 0
amount = "{amount}"
"""


def test_a_unit_raised_to_a_huge_power_is_refused_in_words() -> None:
    """'1 SEK a a a …' (89 times pint's 'a', a year) is SEK·yr⁸⁹: its size in SI base units
    overflows a float, and Python's OverflowError came out of loads_tender and lcc.OneOff."""
    amount = "1 SEK" + " a" * 89
    with pytest.raises(TenderError) as info:
        loads_tender(TENDER.format(amount=amount), "toml", source="t.toml")
    (issue,) = info.value.errors
    assert (issue.path, issue.code, issue.line) == ("alternatives[0].items[0].amount",
                                                    "invalid-value", 10)
    assert "a unit is raised to the power 89" in issue.message
    with pytest.raises(lcc.LCCError, match="power 89"):
        lcc.OneOff(amount, at=0)
    lcc.OneOff("45 SEK/m**3 * m**3", at=0)  # a cube is a unit's power any input may take


@pytest.mark.parametrize("ref", ["x" * 300, "a/" * 3000 + "b.toml", "x" * 255 + ".toml"])
def test_an_assumption_set_path_too_long_is_a_missing_file(ref: str) -> None:
    """A 300-character assumption-set path gave a bare OSError ('File name too long')."""
    text = f'name = "P"\nassumptions = "{ref}"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
    with pytest.raises(TenderError) as info:
        loads_tender(text, "toml")
    assert "missing-file" in info.value.codes


def test_a_tender_path_too_long_is_a_missing_file() -> None:
    with pytest.raises(TenderError) as info:
        lcc.io.load_tender("x" * 300 + ".toml")
    assert info.value.codes == ["missing-file"]
    assert "the name is too long" in str(info.value)


def test_a_callers_change_to_a_results_table_does_not_change_the_result() -> None:
    """A portal scaled Comparison.summary to kSEK in place for its page; to_json() then
    published 2.27 'SEK' for an LCC of 2 268.56 SEK. Every table of a result or comparison is
    handed out as a copy (1 000 + 5 × 253.71 = 2 268.55 at 0 %)."""
    study = lcc.Study("5 yr", 0.0)
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK"), lcc.Recurring("253.71 SEK/yr")),
            lcc.Alternative("B", lcc.Investment("2000 SEK"))]
    c = lcc.compare(alts, study)
    before = c.to_json()
    shown = c.summary
    shown["lcc"] /= 1000
    c.notes.clear()
    r = c.results["A"]
    flows, by_category = r.cash_flows, r.by_category
    flows.iloc[:, :] = 0.0
    by_category[:] = 0.0
    assert c.to_json() == before
    assert float(c.summary.loc["A", "lcc"]) == pytest.approx(1000 + 5 * 253.71)
    assert r.cash_flows["present_value"]["total"].sum() == pytest.approx(2268.55)


def test_a_tender_error_in_swedish_from_the_api() -> None:
    """A portal had no documented way to show a tender's errors in Swedish: to_json() and
    str() were English only. TenderError.to_json(lang="sv") and .message_in("sv") give them,
    codes, paths and lines unchanged."""
    import json

    text = 'name = "x"\n[study]\nperiod = "10 yr"\ndiscount_rate = 4\n'
    with pytest.raises(TenderError) as info:
        loads_tender(text, "toml", source="t.toml")
    err = info.value
    en, sv = json.loads(err.to_json())["errors"], json.loads(err.to_json(lang="sv"))["errors"]
    assert [(e["code"], e["path"], e["line"]) for e in sv] == \
        [(e["code"], e["path"], e["line"]) for e in en] == \
        [("invalid-value", "study.discount_rate", 4), ("missing-field", "alternatives", None)]
    assert en[0]["message"].startswith("got the bare number 4; a rate is a fraction per year")
    assert sv[0]["message"].startswith("talet 4 saknar enhet; en ränta anges som andel per år")
    lines = err.message_in("sv").splitlines()
    assert lines[0].startswith("t.toml:4: study.discount_rate (kalkylränta): talet 4 saknar")
    assert err.message_in("en") == str(err)


def test_a_portal_reads_assumption_sets_only_from_its_own_folder(tmp_path: Path) -> None:
    """An uploaded tender could name any .toml/.yaml/.json file of the server as its
    assumption set (absolute path or '..'), and its keys came back in the errors.
    ``within=`` keeps the reading to one folder; outside it, the same words whether or not
    the file exists."""
    sets = tmp_path / "sets"
    sets.mkdir()
    shutil.copy(EXAMPLES / "assumptions" / "sweden-2025.toml", sets / "sweden-2025.toml")
    secret = tmp_path / "secret.toml"
    secret.write_text('password = "hunter2"\n', "utf-8")
    body = '[study]\nperiod = "10 yr"\n[[alternatives]]\nname = "A"\n' \
           '[[alternatives.items]]\ntype = "OneOff"\nat = 0\namount = "1 SEK"\n'
    ok = loads_tender(f'name = "T"\nassumptions = "sweden-2025.toml"\n{body}', "toml",
                      base_dir=sets, within=sets)
    assert ok.assumptions is not None
    for ref in (str(secret), "../secret.toml", "../missing.toml", "/etc/hostname"):
        with pytest.raises(TenderError) as info:
            loads_tender(f'name = "T"\nassumptions = "{ref}"\n{body}', "toml",
                         base_dir=sets, within=sets)
        (issue,) = info.value.errors
        assert (issue.path, issue.code, issue.line) == ("assumptions", "missing-file", 2)
        assert "outside the folder" in issue.message and "hunter2" not in str(info.value)
    with pytest.raises(TenderError) as info:  # without within=, as before: read, and refused
        loads_tender(f'name = "T"\nassumptions = "../secret.toml"\n{body}', "toml",
                     base_dir=sets)
    assert "password" in str(info.value)


@pytest.mark.parametrize("data", [5, None, ["name = 'x'"]])
def test_loads_tender_of_neither_text_nor_bytes_is_refused_by_type(data: object) -> None:
    """loads_tender(5) said 'the file holds a NUL byte'."""
    with pytest.raises(lcc.LCCError) as info:
        loads_tender(data)  # type: ignore[arg-type]
    assert (info.value.field, info.value.code) == ("loads_tender.data", "wrong-type")
    assert f"got {type(data).__name__}; expected the text of a tender file" in str(info.value)
