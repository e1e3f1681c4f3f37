"""Guard the public surface: names in lcc.__all__ exist, and nothing is lost."""

from __future__ import annotations

import subprocess
import sys

import lcc

#: The binding public names (DESIGN §4). Removing one is a breaking change.
BINDING = {
    "Comparison",
    "compare",
    "inflate",
    "data",
    "templates",
    "Alternative",
    "ByYear",
    "Disposal",
    "Emission",
    "Energy",
    "Investment",
    "LCCResult",
    "OneOff",
    "Parameter",
    "Periodic",
    "Recurring",
    "Replacement",
    "Residual",
    "Study",
    "Water",
    "evaluate",
    "ExchangeRates",
    "LCCError",
    "Q_",
    "__version__",
    "discounting",
    "irr",
    "npv",
    "units",
    "ureg",
}


def test_all_is_complete_and_importable() -> None:
    assert set(lcc.__all__) >= BINDING
    assert len(set(lcc.__all__)) == len(lcc.__all__)
    for name in lcc.__all__:
        assert getattr(lcc, name) is not None, name


def test_version() -> None:
    assert isinstance(lcc.__version__, str)
    assert lcc.__version__.count(".") >= 2


def test_import_is_lazy() -> None:
    """`import lcc` must not load pandas, pint, scipy or matplotlib."""
    code = (
        "import sys, lcc; "
        "heavy = [m for m in ('pandas', 'pint', 'scipy', 'matplotlib') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_unknown_attribute() -> None:
    try:
        lcc.does_not_exist  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "does_not_exist" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


#: The public names of lcc.bidform (its own layer; lcc.io.bidform is an alias).
BIDFORM = {"BID_FORM_KEYS", "ERROR_CODES", "MARKER_KEYS", "BidField", "BidForm", "bid_form",
           "read_bid_form", "read_bid_forms", "save_with_bids", "with_bids",
           "write_bid_form"}


def test_bidform_is_its_own_package_with_an_exact_surface() -> None:
    import lcc.bidform as B
    import lcc.io.bidform as alias

    assert "bidform" in lcc.__all__ and lcc.bidform is B
    assert set(B.__all__) == BIDFORM and len(B.__all__) == len(BIDFORM)
    for name in B.__all__:
        assert getattr(alias, name) is getattr(B, name), name
    assert sorted(alias.__all__) == sorted(B.__all__)
