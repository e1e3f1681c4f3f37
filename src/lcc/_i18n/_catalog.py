"""The message catalogue: gettext ``.po`` files read with Babel, one dictionary per language.

Every text a person reads is written in the code in English, marked with
:func:`tr` (translate now) or :func:`N_` (mark for later), and translated from
``lcc/locale/<lang>/LC_MESSAGES/*.po``. Every ``.po`` file of a language is
read and merged, so a module (the bid form, the portfolio report) adds its
messages in its own file (``bidform.po``) without touching the others'.

The English text is the message id, so English needs no catalogue and a
missing translation falls back to English; ``tests/test_i18n.py`` fails when
a message used in the code has no Swedish translation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lcc._errors import LCCError, Msg

#: The languages of the outputs.
LANGS: tuple[str, ...] = ("en", "sv")

#: Where the catalogues are: ``locale/<lang>/LC_MESSAGES/<domain>.po``.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else an LCCError."""
    if lang not in LANGS:
        raise LCCError(Msg("{name}: got {value!r}, expected 'en' or 'sv'", name="lang",
                           value=lang), field="lang",
                       code="invalid-value")
    return lang


def po_files(lang: str) -> list[Path]:
    """The ``.po`` files of a language, sorted by name."""
    return sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"))


@cache
def catalog(lang: str) -> dict[tuple[str | None, str], str]:
    """(context, English text) -> translation, from every ``.po`` file of ``lang``.

    Read once per process with :func:`babel.messages.pofile.read_po` (no
    compiled ``.mo`` is needed, so an install from the source tree works).
    Untranslated and fuzzy entries are left out (they fall back to English).
    """
    if lang == "en":
        return {}
    from babel.messages.pofile import read_po

    out: dict[tuple[str | None, str], str] = {}
    for path in po_files(lang):
        with path.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        for msg in cat:
            if not msg.id or msg.fuzzy:
                continue
            if isinstance(msg.id, tuple):  # (singular, plural): its forms, and the singular
                forms = tuple(msg.string) if isinstance(msg.string, tuple) else ()
                if len(forms) == 2 and all(forms):
                    out[(msg.context, msg.id[0])] = forms[0]
                    out[(msg.context, _PLURAL + msg.id[0])] = forms[1]
                continue
            text = msg.string if isinstance(msg.string, str) else None
            if text and isinstance(msg.id, str):
                out[(msg.context, msg.id)] = text
    return out


#: The key of a message's plural form in :func:`catalog`: the singular behind this mark.
_PLURAL = "\x00plural\x00"


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (``gettext_noop``)."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a message with a context without translating it yet (``pgettext_noop``);
    :func:`ptr` with the same context translates it."""
    return message


def tr(message: str, lang: str, /, **values: Any) -> str:
    """``message`` in ``lang``, with ``{name}`` fields filled from ``values``.

    >>> tr("Life-cycle cost analysis", "sv")
    'Livscykelkostnadsanalys'
    >>> tr("{name} has the lowest life-cycle cost", "en", name="LED")
    'LED has the lowest life-cycle cost'
    """
    text = catalog(check_lang(lang)).get((None, message), message) if lang != "en" else message
    return text.format(**values) if values else text


def ntr(singular: str, plural: str, n: float, lang: str, /, **values: Any) -> str:
    """Like :func:`tr` for a message about ``n`` things (``ngettext``): the singular for
    exactly one, the plural otherwise, in English and Swedish alike (``n != 1``, the
    catalogues' ``Plural-Forms``). ``n`` is also a value of the message.

    >>> ntr("{n} replacement", "{n} replacements", 1, "en")
    '1 replacement'
    >>> ntr("{n} replacement {when}", "{n} replacements {when}", 2, "sv", when="vid t = 8, 16")
    '2 utbyten vid t = 8, 16'
    """
    values.setdefault("n", n)
    if lang == "en" or check_lang(lang) == "en":
        text = singular if n == 1 else plural
    else:
        table = catalog(lang)
        text = table.get((None, singular), singular) if n == 1 else \
            table.get((None, _PLURAL + singular), plural)
    return text.format(**values)


def ptr(context: str, message: str, lang: str, /, **values: Any) -> str:
    """Like :func:`tr` for a message that needs a context to be translated (``pgettext``)."""
    text = message if lang == "en" else catalog(check_lang(lang)).get((context, message),
                                                                       message)
    return text.format(**values) if values else text
