"""Guard the public surface: names in lcc.__all__ exist, and nothing is lost."""

from __future__ import annotations
import __future__

import importlib
import subprocess
import sys
import types
from typing import Any

import pytest

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


#: lcc and its public subpackages (DESIGN §2), each with an exact ``__all__``.
PACKAGES = ("lcc", "lcc.bidform", "lcc.cli", "lcc.data", "lcc.engine", "lcc.io",
            "lcc.io.bidform", "lcc.model", "lcc.plot", "lcc.portfolio", "lcc.report",
            "lcc.results", "lcc.sensitivity", "lcc.templates")


def _exported(module: Any) -> set[str]:
    """The public names a package binds once imported, as httpx's own guard counts them.

    Submodules are left out: they are bound as attributes only once something imports
    them, and they are reached by their dotted name. So is ``annotations``, which
    ``from __future__ import annotations`` binds: a compiler directive, not an export.
    """
    names = set(dir(module))  # a lazy package lists its lazy names through __dir__
    return {n for n in names if (not n.startswith("_") or n == "__version__")
            and not isinstance(getattr(module, n), (types.ModuleType, __future__._Feature))}


@pytest.mark.parametrize("name", PACKAGES)
def test_each_package_exports_exactly_its_all(name: str) -> None:
    module = importlib.import_module(name)
    assert len(module.__all__) == len(set(module.__all__)), "a name is listed twice"
    assert sorted(_exported(module)) == sorted(
        n for n in module.__all__ if not isinstance(getattr(module, n), types.ModuleType))
    for n in module.__all__:
        assert getattr(module, n) is not None, n


def test_the_guard_sees_a_stray_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import lcc.results

    monkeypatch.setattr(lcc.results, "helper", lambda: None, raising=False)
    assert "helper" in _exported(lcc.results) - set(lcc.results.__all__)


def test_every_public_subpackage_is_guarded() -> None:
    import pkgutil

    found = {f"lcc.{m.name}" for m in pkgutil.iter_modules(lcc.__path__)
             if m.ispkg and not m.name.startswith("_") and m.name != "locale"}
    assert found <= set(PACKAGES), found - set(PACKAGES)
