"""Model objects pickle and load back, in this process and in a fresh one.

pint unpickles a quantity through its application registry, which knows no SEK: a
Parameter of '1.2 SEK/kWh', an Alternative or a Tender pickled by one process
(multiprocessing, a bid portal's cache, a notebook's saved state) could not be
loaded back anywhere (``UndefinedUnitError``). lcc's quantities now pickle through
lcc's registry (:func:`lcc.units._reduce_quantity`).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import lcc
import lcc.io
from lcc.sensitivity import Normal

ROOT = Path(__file__).resolve().parents[1]


def objects() -> dict[str, object]:
    price = lcc.Parameter("price", "1.2 SEK/kWh", low="1 SEK/kWh", high="2 SEK/kWh",
                          distribution=Normal.of("1.2 SEK/kWh", "0.1 SEK/kWh"))
    alt = lcc.Alternative("A", lcc.Investment(lcc.Q_(1000, "SEK"), life="12 yr"),
                          lcc.Energy(annual="100 kWh/yr", price=price),
                          lcc.Recurring(lcc.Q_(np.array([10.0, 20.0]), "SEK/yr")),
                          lcc.Recurring("5 EUR/yr"))
    study = lcc.Study("10 yr", "3 %", exchange_rates=lcc.ExchangeRates("SEK", {"EUR": 11.48}))
    return {"alternative": alt, "study": study, "price": price,
            "tender": lcc.io.load_tender(ROOT / "examples" / "street-lighting.toml")}


def test_in_this_process() -> None:
    got = objects()
    back = pickle.loads(pickle.dumps(got))
    want = lcc.evaluate(got["alternative"], got["study"]).value
    assert np.array_equal(lcc.evaluate(back["alternative"], back["study"]).value, want)
    assert back["price"].value == got["price"].value
    tender = got["tender"]
    assert float(back["tender"].evaluate()[tender.alternatives[0].name].value) == \
        float(tender.evaluate()[tender.alternatives[0].name].value)


def test_in_a_fresh_process(tmp_path: Path) -> None:
    got = objects()
    path = tmp_path / "objects.pkl"
    path.write_bytes(pickle.dumps(got))
    code = f"""
import pickle
back = pickle.loads(open({str(path)!r}, "rb").read())  # lcc is not imported first
import lcc
print(repr(float(lcc.evaluate(back["alternative"], back["study"]).value[1])))
print(back["price"].value)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    value, price = out.stdout.splitlines()
    want = lcc.evaluate(got["alternative"], got["study"]).value[1]
    assert float(value) == float(want)
    assert price == str(got["price"].value)
    # the hand check: 1 000 SEK at 0, 100 kWh × 1.2 SEK/kWh, 20 SEK and 5 EUR × 11.48 a year
    # over 10 years at 3 % (UPV 8.530203); the 12-year unit's residual 2/12 at t = 10
    upv = (1 - 1.03**-10) / 0.03
    hand = 1000 + (120 + 20 + 57.4) * upv - 1000 * 2 / 12 * 1.03**-10
    assert float(value) == pytest.approx(hand, rel=1e-12)


def test_a_product_pickles() -> None:
    """A Product could not be unpickled ('Product is immutable'): it is rebuilt."""
    import pickle

    import lcc

    p = lcc.Product("45 W", lcc.Parameter("h", "4000 h/yr"), lcc.one_minus(0.2))
    assert pickle.loads(pickle.dumps(p)) == p
