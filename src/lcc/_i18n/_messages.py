"""Input errors in the reader's language: one sentence per error code, the field's name.

The raising code writes each message as a :class:`~lcc._errors.Msg`: English text
that keeps its catalogue id and values, so it is shown here in the reader's
language as the raiser worded it, after the input's path and the reader's name of
the field. Nobody parses a message. A message that is still plain English (a
module not converted yet) is shown with the sentence of its stable ``code`` and
the English text after it.
"""

from __future__ import annotations

import re
from typing import Any

from lcc._errors import Msg
from lcc._i18n._catalog import N_, tr

#: One sentence per error code (the codes of :data:`lcc.io.ERROR_CODES` and LCCError).
CODE_TEXT: dict[str, str] = {
    "parse-error": N_("the file cannot be read as TOML, YAML or JSON"),
    "too-large": N_("the file or one of its values is larger than the limit"),
    "too-deep": N_("the data is nested deeper than the limit"),
    "too-many": N_("more entries than the limit"),
    "unsupported-format": N_("an unknown file type or format version"),
    "missing-file": N_("a referenced file cannot be found or read"),
    "unknown-key": N_("a key the format does not define"),
    "missing-field": N_("a required value is missing"),
    "wrong-type": N_("a value of the wrong kind"),
    "bare-number": N_("a number without a unit where the value needs a unit"),
    "wrong-unit": N_("a unit of the wrong kind for this value"),
    "invalid-value": N_("a value outside what is allowed"),
    "duplicate-name": N_("the same name is used twice"),
    "unknown-type": N_("an item type that does not exist"),
    "unknown-template": N_("a product calculator that does not exist"),
    "not-applicable": N_("a value that does not apply here"),
    "unknown-parameter": N_("a reference to a parameter that is not defined"),
    "unused-parameter": N_("a bid defines a parameter that none of its values uses"),
    "parameter-override": N_("a bid defines a parameter with the name of a buyer parameter"),
    "assumption-override": N_("the value departs from the assumption set without a declared "
                              "override"),
    "unused-override": N_("an override is declared for a value the tender does not change"),
    "currency-mix": N_("an amount in another currency than the study's, without an exchange "
                       "rate"),
}

#: The names of input fields (the last part of a field path).
FIELD_NAMES: dict[str, str] = {
    "period": N_("study period"), "discount_rate": N_("discount rate"),
    "inflation": N_("inflation"), "timing": N_("timing of annual amounts"),
    "base_year": N_("base year"), "currency": N_("currency"),
    "carbon_price": N_("carbon price"), "include_externalities": N_("externalities in the LCC"),
    "exchange_rates": N_("exchange rates"), "amount": N_("amount"),
    "amount_per_year": N_("amount per year"), "at": N_("point in time"),
    "life": N_("service life"), "residual": N_("residual value"), "disposal": N_("disposal cost"),
    "every": N_("interval"), "first": N_("first time"), "last": N_("last time"),
    "start": N_("start"), "end": N_("end"), "category": N_("cost category"),
    "annual": N_("annual quantity"), "power": N_("power"), "hours": N_("operating hours"),
    "price": N_("price"), "emission_factor": N_("emission factor"),
    "pollutant": N_("pollutant"), "escalation": N_("price escalation"),
    "indexed": N_("indexed to inflation"), "label": N_("label"), "name": N_("name"),
    "quantity": N_("quantity"), "value": N_("value"), "low": N_("low value"),
    "high": N_("high value"), "distribution": N_("distribution"),
    "description": N_("description"), "type": N_("item type"), "items": N_("cost items"),
    "alternatives": N_("alternatives"), "parameters": N_("parameters"),
    "template": N_("product calculator"), "format": N_("file format"),
    "assumptions": N_("assumption set"), "overrides": N_("overrides"),
    "scenarios": N_("scenarios"), "seed": N_("random seed"),
}


def field_name(path: str | None, lang: str) -> str | None:
    """The reader's name of the field at a dotted path (``alternatives[0].items[1].life``)."""
    if not path:
        return None
    last = re.sub(r"\[[^\]]*\]", "", str(path)).split(".")[-1]
    key = FIELD_NAMES.get(last)
    return tr(key, lang) if key else None


def _one(code: str | None, path: str | None, message: str, lang: str,
         where: str = "") -> str:
    tail = f" [{code}]" if code and where else ""
    if lang == "en":
        return f"{where}{path + ': ' if path and where else ''}{message}{tail}"
    name = field_name(path, lang)
    head = f"{path}" + (f" ({name})" if name and name != path else "") if path else ""
    if isinstance(message, Msg):  # the raiser's own words, in the reader's language
        return f"{where}{head + ': ' if head and where else ''}{message.in_lang(lang)}{tail}"
    # not (yet) written as a Msg: the sentence of its code, then the English text as it is
    if not code or code not in CODE_TEXT:
        return f"{where}{head + ': ' if head and where else ''}{message}{tail}"
    if not where:
        head = head or (name or "")
    detail = tr("details (English): {detail}", lang, detail=message)
    return f"{where}{head + ': ' if head else ''}{tr(CODE_TEXT[code], lang)}. {detail} [{code}]"


def error_lines(exc: Any, lang: str) -> list[str]:
    """One line per problem of an LCCError (or TenderError) in ``lang``."""
    issues = getattr(exc, "errors", None) or ()
    out = []
    for issue in issues:
        if hasattr(issue, "text_in"):  # a located record that renders itself (a PlanIssue)
            out.append(issue.text_in(lang))
        elif hasattr(issue, "path") and hasattr(issue, "file"):  # a TenderIssue of a file
            where = (issue.file or "<string>") + (f":{issue.line}" if issue.line else "") + ": "
            if lang == "en":
                out.append(str(issue))
            else:
                out.append(_one(issue.code, issue.path, issue.message, lang, where))
        elif issue is not exc and hasattr(issue, "code"):
            out.append(_one(issue.code, issue.field, getattr(issue, "message", str(issue)),
                            lang))
    if out:
        return out
    message = getattr(exc, "message", str(exc))
    if lang == "en":
        return [tr("error: {message}", lang, message=message)]
    return [tr("error: {message}", lang, message=_one(getattr(exc, "code", None),
                                                     getattr(exc, "field", None),
                                                     message, lang))]
