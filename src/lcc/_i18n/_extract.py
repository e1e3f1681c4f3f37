"""Extract the messages of the code and update the catalogues (a tool for maintainers).

::

    python -m lcc._i18n._extract            # list messages without a Swedish translation
    python -m lcc._i18n._extract --update   # add them (empty) to locale/sv/LC_MESSAGES/lcc.po

Messages are the first argument of ``tr(…)`` and ``N_(…)``, the first two of
``ntr(…)`` (singular and plural), and the second of
``ptr(context, …)`` and ``NP_(context, …)`` (the first is the context), found with
Babel's Python extractor — the same list ``tests/test_i18n.py`` checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lcc._i18n._catalog import LOCALE_DIR, po_files

#: Babel keyword specification of the marking functions.
KEYWORDS = {"tr": (1,), "ntr": (1, 2), "N_": None, "ptr": ((1, "c"), 2), "NP_": ((1, "c"), 2),
            "Msg": (1,)}
PACKAGE = Path(__file__).resolve().parent.parent


def extract(root: Path = PACKAGE) -> dict[tuple[str | None, str], list[str]]:
    """(context, message) -> the files:lines that use it, for every ``.py`` under ``root``."""
    from babel.messages.extract import extract_from_file

    out: dict[tuple[str | None, str], list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for lineno, message, _comments, context in extract_from_file(
                "python", str(path), keywords=KEYWORDS, comment_tags=()):
            if isinstance(message, tuple):  # ntr's (singular, plural): the singular's key
                message = message[0]
            if message:
                out.setdefault((context, message), []).append(
                    f"{path.relative_to(root.parent)}:{lineno}")
    return out


def update(lang: str = "sv", domain: str = "lcc") -> list[tuple[str | None, str]]:
    """Add every extracted message missing from ``lang``'s catalogues to ``<domain>.po``."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    known: set[tuple[str | None, str]] = set()
    for path in po_files(lang):
        with path.open("rb") as fh:
            known |= {(m.context, str(m.id)) for m in read_po(fh) if m.id}
    target = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    if target.exists():
        with target.open("rb") as fh:
            cat = read_po(fh, locale=lang)
    else:
        cat = Catalog(locale=lang, project="openlcc", domain=domain)
    added = []
    for (context, message), where in extract().items():
        if (context, message) not in known:
            cat.add(message, "", locations=[(w.rsplit(":", 1)[0], int(w.rsplit(":", 1)[1]))
                                            for w in where], context=context)
            added.append((context, message))
    with target.open("wb") as fh:
        write_po(fh, cat, width=100, omit_header=False, sort_output=False, no_location=True)
    return added


def main(argv: list[str]) -> int:
    if "--update" in argv:
        for context, message in update():
            print(f"added: {context + ' | ' if context else ''}{message}")
        return 0
    from lcc._i18n._catalog import catalog

    cat = catalog("sv")
    missing = [k for k in extract() if k not in cat]
    for context, message in missing:
        print(f"{context + ' | ' if context else ''}{message}")
    return 1 if missing else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
