"""Unit words that pint reads otherwise than a procurer means them.

pint applies every SI prefix to every unit, so the Swedish financial notations
``Tkr``/``TSEK`` (*tusental kronor*) were read as tera-kronor (10¹² SEK) and
``mkr`` (*miljoner kronor*) as milli-kronor (0.001 SEK); a Dane's ``dkr`` was a
tenth of a krona; and ``ton`` is the US short ton of 907.18474 kg, where a Swedish
procurer means 1 000 kg. lcc now reads the Swedish notations as meant and refuses
the rest with the likely reading, in every reader (they all parse through
:mod:`lcc.units`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lcc
import lcc.io
from lcc import LCCError


@pytest.mark.parametrize(("text", "sek"), [
    ("2 Tkr", 2_000.0), ("2 TSEK", 2_000.0), ("2 tkr", 2_000.0), ("2 kSEK", 2_000.0),
    ("2 kkr", 2_000.0), ("2 mkr", 2e6), ("2 mnkr", 2e6), ("2 Mkr", 2e6), ("2 MSEK", 2e6),
    ("2 mdkr", 2e9), ("2 GSEK", 2e9), ("2 öre", 0.02),
])
def test_swedish_money_words(text: str, sek: float) -> None:
    assert lcc.Q_(text).to("SEK").magnitude == pytest.approx(sek, rel=1e-15)
    unit = text.split()[1]
    assert lcc.Q_(2, unit).to("SEK").magnitude == pytest.approx(sek, rel=1e-15)
    # an investment at t = 0 in a one-year study at 0 %: the LCC is the amount
    result = lcc.evaluate(lcc.Alternative("A", lcc.Investment(text)), lcc.Study("1 yr", 0.0))
    assert result.value == pytest.approx(sek, rel=1e-12)


@pytest.mark.parametrize("text", ["100 dkr", "100 nkr", "100 ckr", "100 hkr", "100 mSEK",
                                  "100 µkr", "100 cEUR", "100 möre", "100 ktkr",
                                  "100 dkr/yr"])
def test_other_prefixes_on_a_currency_are_refused(text: str) -> None:
    unit = text.split()[1].split("/")[0]
    for read in (lcc.Q_, lambda t: lcc.Q_(100, t.split()[1]),
                 lambda t: lcc.Investment(t) if "/" not in t else lcc.Recurring(t)):
        with pytest.raises(LCCError) as info:
            read(text)
        assert info.value.code == "invalid-value"
        assert repr(unit) in str(info.value) and "DKK and NOK" in str(info.value)


def test_ton_is_refused_with_the_tonne_offered() -> None:
    for read in (lambda: lcc.Q_("2 ton"), lambda: lcc.Q_(2, "ton"), lambda: lcc.Q_("2 tons"),
                 lambda: lcc.Q_("3 kiloton"),
                 lambda: lcc.Parameter("co2_price", "1 200 SEK/ton")):
        with pytest.raises(LCCError, match=r"'ton' is 1 000 kg in Swedish, 907 kg") as info:
            read()
        assert info.value.code == "invalid-value"
    assert lcc.Q_("2 t").to("kg").magnitude == 2000.0
    assert lcc.Q_("2 tonne").to("kg").magnitude == 2000.0
    assert lcc.Q_("1 short_ton").to("kg").magnitude == pytest.approx(907.18474, rel=1e-12)
    assert lcc.Q_("1200 SEK/t").to("SEK/kg").magnitude == pytest.approx(1.2, rel=1e-15)


def test_in_a_tender_file_and_in_swedish() -> None:
    text = """name = "T"
[study]
period = "1 yr"
discount_rate = 0.0
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "3 mkr"
"""
    assert lcc.io.loads_tender(text).evaluate()["A"].value == pytest.approx(3e6, rel=1e-15)
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text.replace("3 mkr", "3 dkr"))
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "alternatives[0].items[0].amount")
    with pytest.raises(LCCError) as err:
        lcc.Investment("3 dkr")
    assert "danska och norska kronor är DKK och NOK" in err.value.message_in("sv")


def test_a_fresh_registry_without_the_disk_cache_reads_them_too() -> None:
    """pint caches a unit name at its first lookup: the definitions come before any."""
    code = ("import lcc; print(lcc.Q_('1 Tkr').to('SEK').magnitude, "
            "lcc.Q_(1, 'mkr').to('SEK').magnitude)")
    for cache in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={**os.environ, "LCC_PINT_CACHE": cache}, timeout=120)
        assert out.stdout.split() == ["1000", "1000000"], out.stderr
