"""The words of an Excel bid form (internal): English message ids of the catalogue.

The Swedish texts are in ``lcc/locale/sv/LC_MESSAGES/bidform.po`` (a message
shared with the reports, such as ``Disposal``, is translated once, in
``lcc.po``). What stays here is data: the sheet names, which a filled form is
read back by, and the words of the item types (a field's words are its own label,
described with the field in the model; the other texts are ``tr(...)`` calls where they
are used).
"""

from __future__ import annotations

from lcc._errors import Msg
from lcc._i18n import LANGS, N_, tr

#: Sheet names by language; the metadata sheet is ``lcc`` in every language. A form is
#: read back by these names, so they are data of the form's layout, not catalogue texts.
SHEETS: dict[str, dict[str, str]] = {
    "en": {"tender": "Tender", "bid": "Bid", "lcc": "Your LCC"},
    "sv": {"tender": "Upphandling", "bid": "Anbud", "lcc": "Ert LCC"},
}
META_SHEET = "lcc"

#: The item types in words.
TYPE_WORDS: dict[str, str] = {
    'Investment': N_('Investment'),
    'Replacement': N_('Replacement'),
    'OneOff': N_('One-off cost'),
    'Periodic': N_('Periodic cost'),
    'Recurring': N_('Annual cost'),
    'Energy': N_('Energy'),
    'Water': N_('Water'),
    'Emission': N_('Emissions'),
    'Residual': N_('Residual value'),
    'Disposal': N_('Disposal'),
}

#: How each item type enters the LCC.
TYPE_METHOD: dict[str, str] = {
    'Investment': N_('paid when the unit enters service; bought again at the end of '
                     'each service life within the study period; the unit in service'
                     ' at the end leaves a linear residual value'),
    'Replacement': N_('a component replaced at each interval within the study '
                      'period; the last one leaves a linear residual value'),
    'OneOff': N_('paid once, at its time'),
    'Periodic': N_('paid at each interval'),
    'Recurring': N_('paid every year of service'),
    'Energy': N_('energy per year (given, or power × operating hours, or distance × '
                 'consumption) × energy price, every year of service'),
    'Water': N_('volume per year × water price, every year of service'),
    'Emission': N_('mass per year × price per kg, every year of service '
                   '(externality)'),
    'Residual': N_('a value recovered at its time (default: the end of the study '
                   'period), counted as a negative cost'),
    'Disposal': N_('a cost at its time (default: the end of the study period)'),
}

def type_words(lang: str, item_type: str) -> str:
    """An item type in words (``Energy`` -> ``Energi``)."""
    message = TYPE_WORDS.get(item_type)
    return tr(message, lang) if message else item_type


def type_method(lang: str, item_type: str) -> str:
    """How an item type enters the LCC, in words."""
    message = TYPE_METHOD.get(item_type)
    return tr(message, lang) if message else ""


def field_words(lang: str, item_type: str | None, name: str) -> str:
    """A field of an item (or of the alternative, ``item_type`` None) in words."""
    return tr(field_message(item_type, name), lang)


def field_message(item_type: str | None, name: str) -> str:
    """The catalogue message naming a field of an item (of the alternative for
    ``item_type`` None): the field's own label (:attr:`lcc.model._fields.Field.label`),
    else its key in words."""
    from lcc.io import _fields as F

    spec = F.ITEMS.get(item_type) if item_type is not None else None
    found = (spec.fields if spec is not None else F.ALTERNATIVE).get(name)
    return found.label if found is not None and found.label else name.replace("_", " ")


def said(message: str, lang: str) -> str:
    """A catalogue message in ``lang``; in English a :class:`Msg`, so a message that quotes
    it (an error of a form read in English) shows it in its reader's words."""
    return Msg(message) if lang == "en" else tr(message, lang)


__all__ = ["LANGS", "META_SHEET", "SHEETS", "TYPE_METHOD", "TYPE_WORDS",
           "field_message", "field_words", "said", "type_method", "type_words"]
