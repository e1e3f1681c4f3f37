"""Every text a person reads, in English and Swedish: the message catalogue and formats.

* :func:`tr` / :func:`N_` / :func:`ptr` — messages from the gettext catalogue
  (``lcc/locale/<lang>/LC_MESSAGES/*.po``; English is the message id);
* :func:`word` — labels of columns and categories by their JSON key;
* :func:`number`, :func:`percent`, :func:`money`, :func:`unit`, :func:`date`
  — Babel formats for sv_SE and English;
* :func:`table`, :func:`csv`, :func:`to_json` — CLI output with safe text;
* :func:`error_lines` — input errors per code in the reader's language.

Adding messages: write the English text in the code inside ``tr("…", lang)``
(or ``N_("…")`` where it is translated later, ``NP_(context, "…")`` with a
context, translated by ``ptr``) and add its ``msgid``/``msgstr``
to a ``.po`` file of ``lcc/locale/sv/LC_MESSAGES/`` — a module may have its
own file. ``tests/test_i18n.py`` extracts every message with Babel and fails
on one without a Swedish translation.
"""

from lcc._i18n._catalog import LANGS, N_, catalog, check_lang, ntr, ptr, tr
from lcc._i18n._format import (
    NOT_DEFINED,
    date,
    document_date,
    money,
    number,
    percent,
    quantity,
    significant,
    unit,
    years,
)
from lcc._i18n._labels import LABELS, PERCENT_COLUMNS, emission_columns, word
from lcc._i18n._messages import error_lines, field_name
from lcc._i18n._tables import (
    VALUE_COLUMNS,
    cell,
    csv,
    table,
    to_json,
)

__all__ = [
    "LABELS", "LANGS", "NOT_DEFINED", "N_", "PERCENT_COLUMNS", "VALUE_COLUMNS", "catalog",
    "cell", "check_lang", "csv", "date", "document_date", "emission_columns",
    "error_lines", "field_name", "money", "ntr", "number", "percent", "ptr",
    "quantity", "significant", "table", "to_json", "tr", "unit", "word", "years",
]
