"""Excel bid forms: publish a form with the tender, read the filled forms back as bids.

:func:`write_bid_form` writes a workbook (needs openpyxl: ``pip install
'openlcc[excel]'``) with a protected *Tender* sheet (study, the buyer's
parameters, assumption set, method), a protected *Bid* sheet (one validated
row per value the bidder gives; a blank cell takes the tender's declared
default or is refused), a *Your LCC* sheet (the bidder's own LCC by Excel
formulas, preliminary: :mod:`lcc.bidform._live`) and a very hidden sheet
recording what decides the evaluation (:mod:`lcc.bidform._identity`).
:func:`read_bid_forms` reads filled forms back into alternatives: cell
values only (formulas are never evaluated, macros never run), every problem
located by file, sheet and cell with a code of :data:`ERROR_CODES`.

A tender declares the form in ``[bid_form]``: ``[[bid_form.items]]`` with
bidder values ``{ bidder = "...", unit, min, max, default, note }``, a product
calculator (``template``, ``inputs``, ``units``, ``defaults``) or an
alternative as the model (``like``, the default). The table is described in
full in ``docs/howto/bid-forms.md``; a tender with a ``[bid_form]`` needs no
alternatives before its bids are imported.
"""

from lcc.bidform._api import (
    ERROR_CODES,
    bid_form,
    read_bid_form,
    read_bid_forms,
    save_with_bids,
    with_bids,
    write_bid_form,
)
from lcc.bidform._spec import BID_FORM_KEYS, MARKER_KEYS, BidField, BidForm

__all__ = [
    "BID_FORM_KEYS",
    "ERROR_CODES",
    "MARKER_KEYS",
    "BidField",
    "BidForm",
    "bid_form",
    "read_bid_form",
    "read_bid_forms",
    "save_with_bids",
    "with_bids",
    "write_bid_form",
]
