"""The one exception type for every input error."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
from collections.abc import Iterable
from typing import Any, ClassVar

#: The stable error codes an input error may carry (the ones tender files document too).
INPUT_CODES: tuple[str, ...] = (
    "wrong-type", "bare-number", "wrong-unit", "invalid-value", "missing-field",
    "not-applicable", "currency-mix", "too-many",
)


class Msg(str):
    """An English message that can also be shown in the reader's language.

    It *is* the English text (a :class:`str`), and it keeps the catalogue id
    (``msgid``, English with ``{name}`` fields) and the ``values`` that fill
    it, so :meth:`in_lang` can render it from ``lcc/locale/<lang>/`` later —
    an error raised deep in the model is shown in Swedish by the command line
    without anyone parsing its text. A value that is itself a ``Msg`` is
    rendered in the same language. Babel extracts ``Msg("…")`` like ``tr``.

    >>> m = Msg("{name}: got {value!r}; expected a duration", name="life", value="-3 yr")
    >>> str(m)
    "life: got '-3 yr'; expected a duration"
    >>> m.msgid, m.values["value"]
    ('{name}: got {value!r}; expected a duration', '-3 yr')
    """

    msgid: str
    values: dict[str, Any]

    def __new__(cls, msgid: str, /, **values: Any) -> Msg:
        for v in values.values():
            if isinstance(v, _DATES) or (type(v) is int and not -_LONG < v < _LONG) or \
                    (type(v) is str and len(v) > _LONG_TEXT):
                values = {k: _shown(v) for k, v in values.items()}  # as a file writes it
                break
        self = super().__new__(cls, msgid.format(**values) if values else msgid)
        self.msgid = msgid
        self.values = values
        return self

    def in_lang(self, lang: str) -> str:
        """The message in ``lang`` (``"en"`` or ``"sv"``); English where no translation exists.

        A value named ``name`` that is plain text is the name of an input
        (``"Investment 'LED'.life"``): in another language than English the
        reader's name of the field follows it, ``Investment 'LED'.life (livslängd)``.
        """
        if lang == "en":
            return str(self)
        from lcc._i18n._catalog import tr

        return tr(self.msgid, lang, **self._values_in(lang))

    def _values_in(self, lang: str) -> dict[str, Any]:
        out = {k: in_lang(v, lang) for k, v in self.values.items()}
        name = self.values.get("name")
        if isinstance(name, str) and (not isinstance(name, Msg) or isinstance(name, ItemName)):
            from lcc._i18n._messages import field_name

            reader = field_name(name, lang)
            if reader:
                out["name"] = f"{out['name']} ({reader})"
        return out

    def detail(self) -> Msg | None:
        """The message without the name of the input it starts with (``"{name}: …"``).

        A file reader shows it after its own location of the input. Every
        translation of a message that starts with ``{name}: `` starts with it too
        (``tests/test_i18n.py`` checks), so the rest is the detail in any language.
        """
        return _Detail(self) if self.msgid.startswith(_HEAD) and "name" in self.values \
            else None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_msg, (self.msgid, self.values))


#: How a message about an input starts: its name.
_HEAD = "{name}: "


class _AsWritten(str):
    """A value as a file writes it: ``2025-01-01``, ``1.000e+400`` (as is, also with ``!r``)."""

    def __repr__(self) -> str:
        return str(self)


class Figure(Msg):
    """A number a reader typed (a spreadsheet's cell), quoted in a message in the reader's
    format: as Python writes it in English, with the decimal comma in Swedish (as the
    reader's spreadsheet shows it).

    >>> m = Msg("got {value!r}", value=Figure(-1500.5))
    >>> str(m), str(Figure(-1500.5).in_lang("sv"))
    ('got -1500.5', '-1500,5')
    """

    def __new__(cls, value: float) -> Figure:
        self = str.__new__(cls, repr(value))
        self.msgid, self.values = "{value}", {"value": value}
        return self

    def __repr__(self) -> str:
        return str(self)

    def in_lang(self, lang: str) -> str:
        return _AsWritten(str(self).replace(".", ",") if lang == "sv" else str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (self.values["value"],))


class _Cut(str):
    """A long text quoted in a message (``{value!r}``, a value from a file) is shown by its
    start; as it is (``{value}``, lcc's own words) it is whole.

    >>> str(Msg("got {v!r}", v="x" * 999))
    "got 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"
    """

    def __repr__(self) -> str:
        return repr(self[:60] + "…")


_DATES = (dt.date, dt.time)
#: A whole number this long or longer is shown by its size.
_LONG = 10**30
#: A text longer than this, quoted in a message, is shown by its start.
_LONG_TEXT = 200


def _shown(value: Any) -> Any:
    """A value as a message shows it: a file's date in its own words (``2025-01-01``, not
    ``datetime.date(2025, 1, 1)``), a whole number of over 30 digits by its size
    (``1.000e+400``, not 401 digits)."""
    if isinstance(value, _DATES):
        return _AsWritten(value.isoformat())
    if type(value) is str and len(value) > _LONG_TEXT:
        return _Cut(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _LONG:
        digits = str(abs(value))
        sign = "-" if value < 0 else ""
        return _AsWritten(f"{sign}{digits[0]}.{digits[1:4]}e+{len(digits) - 1}")
    return value


class _Detail(Msg):
    """A message about an input without its leading ``{name}: `` (see :meth:`Msg.detail`)."""

    whole: Msg

    def __new__(cls, whole: Msg) -> _Detail:
        text = str(whole)[len(str(whole.values["name"])) + 2:]
        self = str.__new__(cls, text)
        self.msgid = whole.msgid[len(_HEAD):]
        self.values = whole.values
        self.whole = whole
        return self

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        from lcc._i18n._catalog import catalog

        template: str = catalog(lang).get((None, self.whole.msgid), self.whole.msgid)
        if template.startswith(_HEAD):
            template = template[len(_HEAD):]
        return template.format(**self.whole._values_in(lang))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Detail, (self.whole,))


class ItemName(Msg):
    """The name of a cost item whose label is lcc's own words (a product calculator's
    ``Msg``): ``Energy 'Electricity, step 1: 100% power'`` in English, the type and the
    label in the reader's words in another language (``Energi 'El, steg 1: 100 % effekt'``).
    ``suffix`` follows the name as it is (`` (CO2e)``).

    >>> ItemName("Recurring", Msg("Maintenance")).in_lang("sv")
    "Årlig kostnad 'Underhåll'"
    """

    kind: str
    label: Msg | str | None
    suffix: str

    def __new__(cls, kind: str, label: Msg | str | None, suffix: str = "") -> ItemName:
        if label is None:  # an item without a label is named by its type
            self = str.__new__(cls, f"{kind}{suffix}")
            self.msgid = "{kind}{suffix}"
        else:
            self = str.__new__(cls, f"{kind} {label!r}{suffix}")
            self.msgid = "{kind} {label!r}{suffix}"
        self.values = {"kind": kind, "label": label, "suffix": suffix}
        self.kind, self.label, self.suffix = kind, label, suffix
        return self

    def with_suffix(self, suffix: str) -> ItemName:
        """The name followed by ``suffix``."""
        return ItemName(self.kind, self.label, self.suffix + suffix)

    def words(self, lang: str) -> tuple[str, str | None]:
        """(the item type, the label or None) in ``lang``; a label the user wrote is data,
        kept as written."""
        from lcc._i18n import tr
        from lcc.results._trace import ITEM_TYPES

        kind = tr(ITEM_TYPES[self.kind], lang) if self.kind in ITEM_TYPES else self.kind
        return kind, None if self.label is None else str(in_lang(self.label, lang))

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        kind, label = self.words(lang)
        return f"{kind}{self.suffix}" if label is None else f"{kind} {label!r}{self.suffix}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (ItemName, (self.kind, self.label, self.suffix))


def field_of(item: str, key: str) -> str:
    """How messages name field ``key`` of the item named ``item``: ``Investment 'LED'.life``,
    the path the API writes; in the reader's words where the item's label is lcc's own (a
    calculator's item, whose label the user never wrote)."""
    if type(item) is ItemName and isinstance(item.label, Msg):
        return item.with_suffix(f".{key}")
    return f"{item}.{key}"


class CatalogText(Msg):
    """A text of lcc's catalogue used as a value in a message (a calculator input's meaning,
    a role): shown in the reader's language.

    >>> CatalogText("bidder").in_lang("sv")
    'anbudsgivaren'
    """

    def __new__(cls, text: str) -> CatalogText:
        self = str.__new__(cls, text)
        self.msgid, self.values = text, {}
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (CatalogText, (str(self),))


class UnitText(Msg):
    """A unit, or a value with its unit, named in a message and shown in the reader's words
    (``SEK/yr`` → ``kr/år``, ``'800 SEK/yr'`` → ``'800 kr/år'``), as forms and reports show
    it; lcc reads both spellings.

    A number in it is lcc's (an example, a conversion), never a reader's text, so in
    Swedish it has the decimal comma.

    >>> UnitText("SEK/yr").in_lang("sv"), UnitText("394.47 kWh/yr").in_lang("sv")
    ('kr/år', '394,47 kWh/år')
    """

    def __new__(cls, text: str) -> UnitText:
        self = str.__new__(cls, text)
        self.msgid, self.values = "{unit}", {"unit": text}
        return self

    def in_lang(self, lang: str) -> str:
        from lcc._i18n._format import unit

        text = re.sub(r"(?<=\d)\.(?=\d)", ",", str(self)) if lang == "sv" else str(self)
        return unit(text, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (UnitText, (str(self),))


def _msg(msgid: str, values: dict[str, Any]) -> Msg:
    return Msg(msgid, **values)


def raise_collected(errors: list[LCCError]) -> None:
    """Raise the errors collected from one object's inputs, if any: the one, or all of them
    in one LCCError whose message lists them and whose ``errors`` holds each."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise LCCError(join("\n", (e.message for e in errors)), field=errors[0].field,
                       code=errors[0].code, errors=errors)


def as_msg(text: str) -> Msg:
    """A message passed on: the raiser's :class:`Msg` as it is, or a text that is none (shown
    as it is in every language).

    >>> as_msg(Msg("a {x}", x=1)).msgid, as_msg("plain").msgid
    ('a {x}', '{text}')
    """
    return text if isinstance(text, Msg) else Msg("{text}", text=text)


def join(sep: str, parts: Iterable[str]) -> Msg:
    """The texts ``parts`` joined by ``sep`` as one :class:`Msg` (each part in its language).

    >>> join("; ", [Msg("a {x}", x=1), "b"])
    'a 1; b'
    """
    items = list(parts)
    if not items:
        return Msg("")
    escaped = sep.replace("{", "{{").replace("}", "}}")
    return Msg(escaped.join(f"{{m{i}}}" for i in range(len(items))),
               **{f"m{i}": p for i, p in enumerate(items)})


def suggest(word: str, options: Iterable[str]) -> Msg:
    """`` (did you mean 'x'?)`` for the option closest to a misspelt word (case ignored,
    :func:`lcc._text.closest`), or nothing.

    >>> suggest("sek", ["SEK", "EUR"]), suggest("kr", ["SEK", "EUR"])
    (" (did you mean 'SEK'?)", '')
    """
    from lcc._text import closest

    option = closest(word, options)
    return Msg(" (did you mean {option!r}?)", option=option) if option else Msg("")


def os_reason(exc: OSError) -> Msg | str:
    """Why a file could not be read or written, in the reader's words (the operating system
    says it in English: 'No such file or directory'); its own text where lcc has none."""
    known = {
        errno.ENOENT: Msg("no such file or folder"),
        errno.EACCES: Msg("permission denied"),
        errno.EPERM: Msg("permission denied"),
        errno.EISDIR: Msg("it is a folder"),
        errno.ENOTDIR: Msg("a part of the path is not a folder"),
        errno.ENOSPC: Msg("no space left on the disk"),
        errno.EROFS: Msg("the disk is read-only"),
        errno.ENAMETOOLONG: Msg("the name is too long"),
        errno.EFBIG: Msg("the file is too large"),
        errno.EOVERFLOW: Msg("a value is too large for the system"),
    }
    return known.get(exc.errno or -1) or exc.strerror or str(exc)


def in_lang(text: Any, lang: str) -> Any:
    """``text`` in ``lang`` if it is a :class:`Msg`; any other value unchanged."""
    return text.in_lang(lang) if isinstance(text, Msg) else text


class LCCError(ValueError):
    """An input to lcc is invalid.

    Every message names the field, the value it got and what was expected.
    It subclasses :class:`ValueError` so callers that already catch
    ``ValueError`` keep working.

    Parameters
    ----------
    message : str
        What is wrong, for the person who gave the value.
    field : str, optional
        The dotted path of the input inside the object it belongs to, e.g.
        ``"Investment.life"`` or ``"Study.discount_rate"``; tender files
        prefix it with the place of the object in the file
        (``alternatives[1].items[0].life``).
    code : str, optional
        A stable code saying what kind of problem it is: ``"wrong-type"``,
        ``"bare-number"``, ``"wrong-unit"``, ``"invalid-value"``,
        ``"missing-field"``, ``"not-applicable"``, ``"currency-mix"`` …
    errors : iterable of LCCError, optional
        When one object has several invalid inputs, each of them; the
        message then lists them all.

    Attributes
    ----------
    parameter : tuple of (str, str) or None
        Where the field's value comes from a :class:`~lcc.Parameter` whose own number
        breaks the field's rule: its name and the key that holds the number
        (``("esc", "value")``, ``"low"``, ``"high"`` or ``"distribution"``). A tender
        file reports the error at that key of the parameter's table.

    Examples
    --------
    >>> err = LCCError("Investment.life: got '-3 yr'; expected a duration > 0",
    ...                field="Investment.life", code="invalid-value")
    >>> err.field, err.code
    ('Investment.life', 'invalid-value')
    """

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None,
                 errors: Iterable[LCCError] = (), detail: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.errors: tuple[LCCError, ...] = tuple(errors) or (self,)
        self._detail = detail
        self.parameter: tuple[str, str] | None = None

    @property
    def message(self) -> str:
        """The message without the exception's type (a :class:`Msg` where the raiser gave one)."""
        if not self.args:
            return ""
        m = self.args[0]
        return m if isinstance(m, str) else str(m)

    def message_in(self, lang: str) -> str:
        """The message in the reader's language (``"en"`` or ``"sv"``)."""
        return str(in_lang(self.message, lang))

    def detail_in(self, lang: str) -> str:
        """:attr:`detail` in the reader's language."""
        return str(in_lang(self.detail, lang))

    @property
    def detail(self) -> str:
        """The message without the name of the input it starts with, where known.

        A file reader shows it after its own location of the input.
        """
        return self._detail if self._detail is not None else self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.field, self.code,
                           self.errors if self.errors != (self,) else (), self._detail,
                           self.parameter))


def _rebuild(cls: type[LCCError], message: str, field: str | None, code: str | None,
             errors: tuple[LCCError, ...], detail: str | None,
             parameter: tuple[str, str] | None = None) -> LCCError:
    err = cls.__new__(cls)
    LCCError.__init__(err, message, field=field, code=code, errors=errors, detail=detail)
    err.parameter = parameter
    return err


class LocatedErrors(LCCError):
    """Base of the errors of a file: every problem found, each a located record.

    ``errors`` lists the records (frozen dataclasses with ``code``, ``file``, a position
    and ``to_dict()``) once each, ordered by file and then by :attr:`position`;
    ``str(error)`` lists them one per line. :attr:`code` and :attr:`field` are those of
    the first problem (its ``path``, where the record has one), as for any LCCError.
    """

    #: The record attribute that orders problems within a file ("line", "row").
    position: ClassVar[str] = "line"
    #: Whether problems without a position come first (a whole plan) or last (a file).
    unplaced_first: ClassVar[bool] = False

    def __init__(self, errors: Iterable[Any]) -> None:
        unique = list(dict.fromkeys(errors))
        order = {f: i for i, f in enumerate(dict.fromkeys(e.file for e in unique))}

        def key(e: Any) -> tuple[int, bool, int]:
            at = getattr(e, self.position)
            return order[e.file], (at is not None) == self.unplaced_first, at or 0

        unique.sort(key=key)
        first = unique[0] if unique else None
        super().__init__("\n".join(str(e) for e in unique),
                         field=getattr(first, "path", None) or getattr(first, "column", None)
                         or None,
                         code=getattr(first, "code", None))
        self.errors: list[Any] = unique  # type: ignore[assignment]

    @property
    def codes(self) -> list[str]:
        """The code of every error, in order."""
        return [e.code for e in self.errors]

    def to_json(self, indent: int | None = None, lang: str = "en") -> str:
        """The errors as JSON: ``{"errors": [each record as a dict]}``, each ``message`` in
        ``lang`` (``"en"`` or ``"sv"``); codes, paths and positions are the same in both."""
        records = []
        for e in self.errors:
            record = e.to_dict()
            if lang != "en" and isinstance(record.get("message"), str):
                record["message"] = str(in_lang(e.message, lang))
            records.append(record)
        return json.dumps({"errors": records}, indent=indent, ensure_ascii=False)

    def message_in(self, lang: str) -> str:
        """Every problem, one per line, in the reader's language (``"en"`` or ``"sv"``): what
        ``str(error)`` says in English."""
        if lang == "en":
            return str(self)
        from lcc._i18n import error_lines

        return "\n".join(error_lines(self, lang))


class NotFound(KeyError):
    """A name looked up that is not there: a :class:`KeyError` whose message names the
    closest one and those there are.

    >>> err = NotFound("LED bid a", ["LED bid A", "LED bid B"], "alternative")
    >>> err.args[0], str(err)
    ('LED bid a', "no alternative named 'LED bid a' (did you mean 'LED bid A'?); the \
alternatives are 'LED bid A', 'LED bid B'")
    """

    def __init__(self, name: str, options: Iterable[str], what: str) -> None:
        super().__init__(name)
        known = list(options)
        listed = ", ".join(repr(o) for o in known) or "none"
        self.message = f"no {what} named {name!r}{suggest(name, known)}; the {what}s are {listed}"

    def __str__(self) -> str:
        return str(self.message)
