"""The words of an Excel bid form (internal): English message ids of the catalogue.

The Swedish texts are in ``lcc/locale/sv/LC_MESSAGES/bidform.po`` (a message
shared with the reports, such as ``Disposal``, is translated once, in
``lcc.po``). What stays here is data: the sheet names, which a filled form is
read back by, and the key of each text.
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

#: The texts of the form by key.
TEXT: dict[str, str] = {
    'form_title': N_('Bid form'),
    'live_title': N_('Your LCC — preliminary and informative'),
    'live_note': N_("Computed by formulas from your values on the sheet '{bid}' and "
                    "the buyer's values on the sheet '{tender}', as present values "
                    'over the study period. It is for your information only: the '
                    "buyer's evaluation with lcc decides (these formulas agree with "
                    'it to within 1 kr).'),
    'live_total': N_('Your LCC (preliminary)'),
    'live_preliminary': N_("preliminary — the buyer's evaluation decides"),
    'live_missing': N_('fill in every required value'),
    'live_values': N_('Your values (a blank cell with a stated default takes the '
                      'default)'),
    'live_none': N_('Not computed on the form: {reason}. The buyer computes your LCC'
                    ' with lcc from the values you give.'),
    'live_check': N_("the form's formulas cannot reproduce this bid's LCC exactly (a"
                     ' value that divides, such as an efficiency, or sets a time is '
                     'not followed)'),
    'live_item': N_('Cost item (present value per unit)'),
    'live_sum': N_('Sum'),
    'live_m': N_('Replacements'),
    'live_s': N_('Replacement factor'),
    'live_per_unit': N_('Per unit'),
    'live_quantity': N_('Number of units'),
    'live_lcc': N_('LCC'),
    'live_short': N_('LCC (preliminary)'),
    'tender_title': N_('Tender and evaluation method'),
    'reference': N_('Reference'),
    'tender_file': N_('Tender file'),
    'fill_in': N_('Fill in the yellow cells in column D: numbers only, in the unit '
                  'of column C (no unit, no text, no formulas without a value). '
                  'Every row must be filled in, except where the tender states the '
                  'value used for a blank cell. Do not add, remove or move rows or '
                  "sheets. The buyer's parameters and the evaluation method are on "
                  "the sheet '{tender}'."),
    'col_key': N_('key'),
    'col_what': N_('Value to give'),
    'col_unit': N_('Unit'),
    'col_value': N_('Your value'),
    'col_required': N_('Required'),
    'col_note': N_('Explanation'),
    'yes': N_('yes'),
    'no': N_('no'),
    'if_blank': N_("if left blank: {value} (the tender's assumption)"),
    'bidder': N_('Bidder: company name (names the bid)'),
    'bidder_note': N_('The name of your bid as it appears in the evaluation, e.g. '
                      "'Company AB' or 'Company AB, option 2'."),
    'at_least': N_('≥ {x}'),
    'at_most': N_('≤ {x}'),
    'between': N_('{a} to {b}'),
    'whole': N_('a whole number'),
    'one_of': N_('one of: {x}'),
    'prompt_title': N_('Your value'),
    'error_title': N_('Not accepted'),
    'error_number': N_('Enter a number{range} in {unit}.'),
    'error_plain': N_('Enter a number{range}.'),
    'error_whole': N_('Enter a whole number{range}.'),
    'error_choice': N_('Choose one of the values in the list.'),
    'error_text': N_('Enter a text of at most 200 characters.'),
    'study': N_('Study'),
    'period': N_('Study period'),
    'discount_real': N_('Discount rate (kalkylränta), real, per year'),
    'discount_nominal': N_('Discount rate (kalkylränta), nominal, per year'),
    'inflation': N_('General inflation per year'),
    'timing': N_('Timing of yearly amounts'),
    'base_year': N_('Base year (price level)'),
    'currency': N_('Currency'),
    'carbon_price': N_('Carbon price (CO2e)'),
    'externalities': N_('Externalities included in the LCC'),
    'timing_end': N_('end of each year'),
    'timing_middle': N_('middle of each year'),
    'timing_beginning': N_('beginning of each year'),
    'timing_continuous': N_('continuous discounting'),
    'parameters': N_("The buyer's parameters (the same for every bid)"),
    'col_name': N_('Name'),
    'col_value_b': N_('Value'),
    'col_low': N_('Low'),
    'col_high': N_('High'),
    'col_description': N_('Description'),
    'col_source': N_('Source'),
    'col_origin': N_('From'),
    'from_set': N_('assumption set'),
    'from_set_overridden': N_('tender (overrides the assumption set)'),
    'from_tender': N_('tender'),
    'assumptions': N_('Assumption set'),
    'no_assumptions': N_('No assumption set: every buyer value is set in the tender itself.'),
    'set_name': N_('Name'),
    'set_version': N_('Version'),
    'set_valid_from': N_('Valid from'),
    'set_owner': N_('Owner'),
    'set_file': N_('File'),
    'set_description': N_('Description'),
    'sources': N_('Sources'),
    'col_id': N_('Id'),
    'col_url': N_('URL'),
    'col_source_note': N_('Title and note'),
    'overrides': N_('Departures from the assumption set (overrides)'),
    'no_overrides': N_('No departures.'),
    'col_path': N_('Value'),
    'col_reason': N_('Reason'),
    'col_changes': N_('Changes (assumption set)'),
    'method': N_('Method'),
    'm_lcc': N_('The life-cycle cost (LCC) of each bid is the sum of the present '
                'values of all its costs over a study period of {n} years, the same '
                'for every bid (Directive 2014/24/EU art. 68; LOU 16 kap.). Costs '
                'are positive; residual values count as negative costs. The bid with'
                ' the lowest LCC is the best on cost.'),
    'm_pv': N_('Present value: an amount paid t years after the base date counts as '
               'amount × (1 + d)^−t, where d = {d} is the {kind} discount rate '
               '(kalkylränta).'),
    'm_pv_continuous': N_('Present value: an amount paid t years after the base date'
                          ' counts as amount × e^(−d·t), where d = {d} is the {kind}'
                          ' discount rate, used as a continuously compounded rate.'),
    'real': N_('real'),
    'nominal': N_('nominal'),
    'm_timing_end': N_('Yearly amounts (energy, maintenance …) of year k are placed '
                       'at the end of that year (t = k); one-off amounts at their '
                       'stated time.'),
    'm_timing_middle': N_('Yearly amounts (energy, maintenance …) of year k are '
                          'placed in the middle of that year (t = k − 0.5); one-off '
                          'amounts at their stated time.'),
    'm_timing_beginning': N_('Yearly amounts (energy, maintenance …) of year k are '
                             'placed at the beginning of that year (t = k − 1); '
                             'one-off amounts at their stated time.'),
    'm_timing_continuous': N_('Every amount is discounted from its own time.'),
    'm_real': N_('The analysis is real: every amount is in constant prices of the '
                 'base year{year}, excluding VAT; a price that changes faster or '
                 'slower than general inflation follows its escalation e (the amount'
                 ' of year k is A × (1 + e_1) × … × (1 + e_k)).'),
    'm_nominal': N_('The analysis is nominal: the discount rate includes general '
                    'inflation i = {i}; amounts follow general inflation and their '
                    'own escalation.'),
    'm_life': N_('A unit with a service life shorter than the study period is bought'
                 ' again at the end of each life; the unit still in service at the '
                 'end of the study period leaves a residual value proportional to '
                 'its remaining life, at the price level of the last year and '
                 'discounted from the end of the period.'),
    'm_currency': N_('All amounts in {cur}, excluding VAT.'),
    'm_ext_in': N_('Externalities (emissions at the carbon price) are included in '
                   'the LCC.'),
    'm_ext_out': N_('Emissions are reported in kg CO2e; they are not included in the'
                    ' LCC.'),
    'm_bidder': N_("Each bidder gives the values on the sheet '{bid}' (the yellow "
                   "cells), in the units shown; every other value is the buyer's and"
                   ' the same for every bid. The LCC is computed with the '
                   'open-source library lcc (openlcc) version {version}.'),
    'items': N_('The cost items of every bid'),
    'bidder_values': N_('The values each bidder gives'),
    'your_value': N_('your value ({cell})'),
    'optional_value': N_('your value ({cell}; optional)'),
    'buyer_parameter': N_("the buyer's parameter {name} ({value})"),
    'calculator': N_('Product calculator'),
    'calc_inputs': N_("The buyer's inputs of the calculator"),
    'calc_default': N_('calculator default'),
    'col_input': N_('Input'),
    'col_meaning': N_('Meaning'),
    'formulas': N_('Formulas'),
    'declared_by': N_('What bidders give is declared in the bid form section of the tender file.'),
    'hidden_note': N_('Metadata of the bid form: lcc reads it back to check that a '
                      'filled form belongs to this tender. Do not change it.'),
}

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

#: The fields of the items (and of an alternative) in words.
FIELD_WORDS: dict[str, str] = {
    'Investment.amount': N_('price per unit incl. delivery and installation, excl. '
                            'VAT'),
    'Investment.life': N_('service life'),
    'Investment.disposal': N_('disposal cost per replaced unit'),
    'Investment.at': N_('year of purchase'),
    'Replacement.amount': N_('cost per replacement'),
    'Replacement.every': N_('replacement interval'),
    'Replacement.disposal': N_('disposal cost per replaced component'),
    'OneOff.amount': N_('cost'),
    'OneOff.at': N_('year'),
    'Periodic.amount': N_('cost per occasion'),
    'Periodic.every': N_('interval'),
    'Periodic.first': N_('first occasion'),
    'Periodic.last': N_('last occasion'),
    'Recurring.amount_per_year': N_('cost per year'),
    'Recurring.start': N_('first year'),
    'Recurring.end': N_('last year'),
    'Energy.annual': N_('energy use per year'),
    'Energy.power': N_('power'),
    'Energy.hours': N_('operating hours per year'),
    'Energy.distance': N_('distance per year'),
    'Energy.consumption': N_('consumption per distance'),
    'Energy.price': N_('energy price'),
    'Energy.emission_factor': N_('emissions per unit of energy'),
    'Water.annual': N_('water use per year'),
    'Water.price': N_('water price'),
    'Emission.annual': N_('emissions per year'),
    'Emission.intensity': N_('emissions per distance'),
    'Emission.distance': N_('distance per year'),
    'Emission.price': N_('price per kg'),
    'Emission.pollutant': N_('pollutant'),
    'Residual.amount': N_('residual value'),
    'Residual.at': N_('year'),
    'Disposal.amount': N_('disposal cost'),
    'Disposal.at': N_('year'),
    'escalation': N_('real price change per year'),
    'category': N_('cost category'),
    'label': N_('label'),
    'quantity': N_('Number of units'),
    'life': N_('Service life of the bid'),
    'start': N_('Years from the base date until service starts'),
}


def texts(lang: str) -> dict[str, str]:
    """Every text of the form by key, in ``lang`` (fields such as ``{bid}`` left to fill)."""
    return {key: tr(message, lang) for key, message in TEXT.items()}


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
    """The catalogue message of a field of an item (the field's name in words if none)."""
    if item_type is not None and f"{item_type}.{name}" in FIELD_WORDS:
        return FIELD_WORDS[f"{item_type}.{name}"]
    return FIELD_WORDS.get(name, name.replace("_", " "))


def said(message: str, lang: str) -> str:
    """A catalogue message in ``lang``; in English a :class:`Msg`, so a message that quotes
    it (an error of a form read in English) shows it in its reader's words."""
    return Msg(message) if lang == "en" else tr(message, lang)


__all__ = ["FIELD_WORDS", "LANGS", "META_SHEET", "SHEETS", "TEXT", "TYPE_METHOD",
           "TYPE_WORDS", "field_message", "field_words", "said", "texts", "type_method",
           "type_words"]
