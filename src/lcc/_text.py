"""Text from outside (tender files, bid forms, plans, the command line) as lcc shows it.

Text from outside is data. Wherever lcc shows it, the same rule applies:

* no control character reaches a terminal or a document: an escape sequence is
  removed whole (``ESC [2J`` would clear the screen), other C0/C1 controls are
  removed, and line breaks and tabs become spaces in one-line text;
* no invisible format character is shown: a bidi override (U+202E) in a bid's
  name would turn the figures after it around on the screen (``2 268 560 kr``
  shown as ``rk 065 862 2``), a zero-width space would make two names look the
  same; zero-width joiners (U+200C, U+200D), which some scripts need, stay;
* half of a UTF-16 surrogate pair, which no file can hold, is shown as U+FFFD;
* a spreadsheet cell never starts like a formula (OWASP, CSV injection);
* matplotlib never reads ``$…$`` as mathematics.

Two names are the same name when they look the same: :func:`name_key` is what
the checks for repeated names compare.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

#: ANSI escape sequences (CSI … final byte, OSC … BEL/ST, two-character escapes).
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: Line breaks and tabs: a space in one-line text.
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
#: Invisible format characters (Cf) but the joiners U+200C/U+200D.
_FORMAT = ("\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e"
           "\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd"
           "\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
           "\U000e0001\U000e0020-\U000e007f")
#: Controls (Cc), invisible format characters and surrogates (Cs); tested against
#: ``unicodedata`` for every code point.
_HIDDEN = re.compile(f"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f{_FORMAT}\ud800-\udfff]")


def _bmp_class(chars: str) -> str:
    """The characters and ranges (``a-b``) of a class, those in the Basic Multilingual Plane
    as ``\\uXXXX`` escapes, which JSON Schema's (ECMA-262) and Python's patterns both read."""
    out, i = [], 0
    while i < len(chars):
        last = chars[i + 2] if i + 2 < len(chars) and chars[i + 1] == "-" else chars[i]
        if ord(last) <= 0xFFFF:
            out.append(f"\\u{ord(chars[i]):04x}" + (f"-\\u{ord(last):04x}" if last != chars[i]
                                                   else ""))
        i += 3 if last != chars[i] else 1
    return "".join(out)


#: A pattern that finds a character a reader sees: what :func:`is_blank` text lacks (for a
#: JSON Schema; invisible characters beyond the Basic Multilingual Plane are not in it).
VISIBLE_PATTERN = f"[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u200c\\u200d{_bmp_class(_FORMAT)}]"
#: What a file lcc writes holds as an escape (``\u202e``), so that an editor, a terminal or
#: a diff shows it: C1 controls and DEL, invisible format characters, line separators.
INVISIBLE = re.compile(f"[\x7f-\x9f{_FORMAT}\u2028\u2029]")
#: Half of a UTF-16 surrogate pair: no character, and no file can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What a spreadsheet runs as a formula when a cell starts with it (full-width forms too).
_FORMULA_START = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"


def _hide(text: str) -> str:
    return _HIDDEN.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)


def escape_invisible(text: str, *, json: bool = False) -> str:
    """``text`` with every :data:`INVISIBLE` character written as an escape (``\\u202e``).

    For text where such characters can only stand inside quoted strings: JSON, TOML's
    basic strings, YAML's double-quoted scalars. Beyond U+FFFF an escape is ``\\U…``
    (TOML, YAML) or a surrogate pair (``json=True``).

    >>> print(escape_invisible('"A\\u202e"'), escape_invisible("\\U000e0001", json=True))
    "A\\u202e" \\udb40\\udc01
    """
    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        if json:
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\U{code:08x}"

    return INVISIBLE.sub(escape, text)


def shown(text: Any) -> str:
    """``text`` as one line that is safe to show anywhere.

    >>> shown("\\x1b[31mLED\\x1b[0m Alfa\\u202e\\nAB")
    'LED Alfa AB'
    """
    s = str(text)
    if s.isascii() and s.isprintable():
        return s
    return _hide(_BREAKS.sub(" ", _ANSI.sub("", s)))


def shown_lines(text: Any) -> str:
    """``text`` safe to show, its line breaks kept (``\\n``).

    >>> shown_lines("a\\tb\\r\\nc\\x07")
    'a b\\nc'
    """
    return "\n".join(shown(line) for line in re.split(r"\r\n|[\n\u2028\u2029]", str(text)))


def width(text: str) -> int:
    """How many terminal columns ``text`` takes: a wide or full-width character (CJK) two, a
    combining mark none (Unicode's East Asian Width; what a monospaced terminal shows).

    >>> width("Kök"), width("東京 AB"), width("e\u0301")
    (3, 7, 1)
    """
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (:func:`width`)."""
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


#: A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and others): where one
#: stands, :func:`html_text` looks for the runs to isolate.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff]")


#: What stands between two names in lcc's texts ("{other} − {best}", "A, B"): each name
#: is isolated by itself, so that "B − A" is not shown as "A − B".
_BETWEEN = re.compile(r"\s+[−–—/|]\s+|[,;]\s+")


def _rtl_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds right-to-left text: from a right-to-left letter to the last one
    (or its marks and Arabic digits) before a left-to-right letter, a line break or what
    stands between two names."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    between = {i for m in _BETWEEN.finditer(text) for i in range(*m.span())}
    for i, ch in enumerate(text):
        kind = unicodedata.bidirectional(ch)
        if i in between and start >= 0:
            runs.append((start, end))
            start = -1
        elif kind in ("R", "AL"):
            start = i if start < 0 else start
            end = i + 1
        elif (kind == "AN" and start >= 0) or (kind == "NSM" and end == i):
            end = i + 1
        elif kind in ("L", "B", "S") and start >= 0:
            runs.append((start, end))
            start = -1
    if start >= 0:
        runs.append((start, end))
    return runs


#: The longest word a report shows without a line-break opportunity (characters): a
#: SHA-256 checksum (64 hex digits) stays whole.
LONG_WORD = 64


def html_text(text: Any, *, lines: bool = False, isolate: bool = True) -> str:
    """``text`` safe to show, escaped for HTML (``lines``: line breaks kept).

    Right-to-left text (a bidder's name in Arabic or Hebrew) stands in ``<bdi>``
    (``isolate``), so that the figures and words after it keep their place: without it, a
    browser shows "شركة ألف: 1 234 kr" as "1 234 :شركة ألف kr", the amount before the
    name. ``isolate=False`` is for where no markup may stand (``<title>``).

    >>> html_text("<b>A</b>\\u202e & B")
    '&lt;b&gt;A&lt;/b&gt; &amp; B'
    >>> print(ascii(html_text("Bid \\u05d0\\u05d1 2: 1 234 kr")))
    'Bid <bdi>\\u05d0\\u05d1</bdi> 2: 1 234 kr'
    """
    s = shown_lines(text) if lines else shown(text)
    if not isolate:
        return html.escape(s)
    if not _RTL.search(s):
        return _breakable(s)
    out, at = [], 0
    for start, end in _rtl_runs(s):
        out += [_breakable(s[at:start]), "<bdi>", _breakable(s[start:end]), "</bdi>"]
        at = end
    return "".join([*out, _breakable(s[at:])])


_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _breakable(s: str) -> str:
    """``s`` escaped for HTML, with a line-break opportunity (``<wbr>``) every
    :data:`LONG_WORD` characters of a word longer than that, so that a name without a space
    cannot push a report's tables and figures off the page; shorter words stay whole.

    >>> _breakable("A " + "x" * 65 + " &").replace("x" * 64, "x…x")
    'A x…x<wbr>x &amp;'
    """
    out, at = [], 0
    for m in _LONG_WORD.finditer(s):
        word = m.group()
        out += [html.escape(s[at:m.start()]),
                "<wbr>".join(html.escape(word[i:i + LONG_WORD])
                             for i in range(0, len(word), LONG_WORD))]
        at = m.end()
    return "".join([*out, html.escape(s[at:])])


_POWER = re.compile(r"(?:\*\*|\^)([23])(?!\d)")


def unit_powers(text: str) -> str:
    """A unit's squares and cubes as a reader writes them; another power with ``^``.

    >>> unit_powers("SEK/m**3"), unit_powers("kWh/(48 h)/m^3"), unit_powers("m**4")
    ('SEK/m³', 'kWh/(48 h)/m³', 'm^4')
    """
    return _POWER.sub(lambda m: "²³"[int(m.group(1)) - 2], text).replace("**", "^")


def spreadsheet_text(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: ``'=…``; numbers stay numbers.

    >>> spreadsheet_text("=1+1"), spreadsheet_text("\\u200b-2"), spreadsheet_text(3)
    ("'=1+1", "'-2", 3)
    """
    if not isinstance(value, str):
        return value
    s = shown(value)
    first = s.lstrip(" ")[:1]
    return "'" + s if first and first in _FORMULA_START else s


def math_text(text: Any) -> str:
    """Text for a matplotlib label: safe to show, ``$`` not read as mathematics.

    >>> math_text("$x^2$ bid")
    '\\\\$x^2\\\\$ bid'
    """
    return shown_lines(text).replace("$", r"\$")


def lone_surrogate(text: str) -> tuple[int, str] | None:
    """Where ``text`` holds half of a UTF-16 surrogate pair (a JSON ``"\\ud800"`` escape
    without its other half): ``(position from 1, 'U+D800')``, or None.

    >>> lone_surrogate("ok"), lone_surrogate("A\\ud83d")
    (None, (2, 'U+D83D'))
    """
    m = None if text.isascii() else _SURROGATE.search(text)
    return None if m is None else (m.start() + 1, f"U+{ord(m.group()):04X}")


def name_key(text: str) -> str:
    """What two names are compared by: as shown, in NFKC, joiners removed, blanks collapsed.

    ``"LED Alfa"``, ``"LED  Alfa "``, ``"LED\\u200b Alfa"`` and ``"ＬＥＤ Alfa"`` are one name.

    >>> name_key("ＬＥＤ  Alfa\\u00a0 ") == name_key("LED Alfa")
    True
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    s = unicodedata.normalize("NFKC", shown(text)).replace("\u200c", "").replace("\u200d", "")
    return " ".join(s.split())


#: Cyrillic and Greek letters drawn like Latin ones, in small letters (after Unicode's
#: confusables, UTS #39; a capital is compared by its small letter): 'Аcme AB' with a
#: Cyrillic А is 'Acme AB' to whoever reads the award.
_LOOKALIKE = str.maketrans("авекмнорстхуіјѕԁԛԝαβεζηικμνορτυχ",
                           "abekmhopctxyijsdqwabezhikmnoptyx")


def same_name(text: str) -> str:
    """What tells two alternatives, bids or scenarios apart: as :func:`name_key`, without
    regard to letter case (in any script) or to letters drawn alike. 'ACME ab', 'Аcme AB'
    (a Cyrillic А) and 'Acme AB' are one name to whoever reads the award.

    >>> same_name("ACME ab") == same_name("\u0410cme AB") == same_name("Acme  AB")
    True
    """
    return name_key(text).casefold().translate(_LOOKALIKE)


def closest(word: str, options: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The option a misspelt word most likely means, spelt as the option is, or None.

    One that looks the same but for case is it; else the nearest by
    :func:`difflib.get_close_matches` (case ignored) with a ratio of at least ``cutoff``.

    >>> closest("sek", ["SEK", "EUR"]), closest("Invesment", ["Investment", "OneOff"])
    ('SEK', 'Investment')
    >>> closest("kr", ["SEK", "EUR"]) is None
    True
    """
    import difflib

    by_key = {name_key(o).casefold(): o for o in options}
    key = name_key(word).casefold()
    if key in by_key:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=cutoff)
    return by_key[close[0]] if close else None


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, spaces, or only invisible characters.

    >>> is_blank(" \\u200b\\u202e "), is_blank(" A ")
    (True, False)
    """
    if text.lstrip()[:1].isalnum():  # a letter or digit is never hidden
        return False
    return not name_key(text)


def repeated(names: Iterable[str]) -> str:
    """The names that occur more than once by :func:`same_name`, for a message ('' if none):
    each as written (``'A'``), look-alikes with every spelling (``'A' and 'A\\u200b'``).

    >>> repeated(["A", "B", "A", "A\\u200b", "C"]), repeated(["A", "B"])
    ("'A' and 'A\\\\u200b'", '')
    >>> repeated(["Acme AB", "ACME AB"])
    "'Acme AB' and 'ACME AB'"
    """
    from lcc._errors import Msg, join

    spellings: dict[str, list[str]] = {}
    for n in names:
        spellings.setdefault(same_name(n), []).append(n)
    groups = []
    for group in spellings.values():
        if len(group) > 1:
            *first, last = [repr(s) for s in dict.fromkeys(group)]
            groups.append(Msg("{first} and {second}", first=", ".join(first), second=last)
                          if first else last)  # 'A' and 'A' (written alike)
    return join(", ", groups)
