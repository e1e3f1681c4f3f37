"""The one description of each column of a procurement plan.

:data:`COLUMNS` drives the reader (headers, Swedish aliases, what a cell may
hold), the messages of located errors and the table of columns in the
documentation (:func:`columns_markdown`; a test keeps the docs equal to it).
"""

from __future__ import annotations

from dataclasses import dataclass

from lcc._errors import Msg
from lcc._i18n._catalog import N_, tr

#: The requirement columns, in the order every output lists them.
REQUIREMENTS: tuple[str, ...] = ("environmental", "reuse", "plastics", "climate", "lcc")

#: The texts read as yes and as no in a requirement column (case-insensitive).
YES: tuple[str, ...] = ("yes", "ja", "true", "sant", "1")
NO: tuple[str, ...] = ("no", "nej", "false", "falskt", "0")

#: Award bases and statuses with the Swedish words accepted for them.
AWARD_BASES: dict[str, tuple[str, ...]] = {
    "price": ("pris", "lägsta pris"),
    "cost": ("kostnad", "lägsta kostnad"),
    "price_quality": ("pris och kvalitet", "pris_kvalitet", "bästa förhållande mellan pris "
                      "och kvalitet"),
}
STATUSES: dict[str, tuple[str, ...]] = {
    "planned": ("planerad",),
    "advertised": ("annonserad",),
    "awarded": ("tilldelad",),
}


@dataclass(frozen=True)
class Column:
    """One column of a procurement plan.

    Attributes
    ----------
    name : str
        The binding name (also the header in English).
    aliases : tuple of str
        Swedish headers accepted for the column (matched case-insensitively).
    kind : str
        ``"text"``, ``"id"``, ``"year"``, ``"money"``, ``"choice"``,
        ``"yesno"``, ``"list"`` (separated by ``;``) or ``"path"``.
    required : bool
        Whether the column must be present, and its cells non-blank.
    choices : tuple of str
        The accepted values of a ``"choice"`` column.
    example : str
        An example cell.
    meaning : str
        What the column holds (English; the catalogue has it in Swedish, see
        :meth:`meaning_in`).
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    required: bool
    example: str
    meaning: str
    choices: tuple[str, ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header accepted for the column: the name, then its aliases."""
        return (self.name, *self.aliases)

    def meaning_in(self, lang: str) -> str:
        """What the column holds, in ``lang``."""
        return tr(self.meaning, lang)

    @property
    def meaning_sv(self) -> str:
        """What the column holds, in Swedish."""
        return self.meaning_in("sv")


def _req(name: str, sv: str, meaning: str) -> Column:
    return Column(name, (sv,), "yesno", True, "yes", meaning)


#: Every column of a plan, in the order of the documentation and of a written plan.
COLUMNS: tuple[Column, ...] = (
    Column("id", ("id", "diarienummer", "upphandlings-id"), "id", True, "2025-017",
           N_("the procurement's identifier, unique in the plan")),
    Column("title", ("titel", "benämning", "upphandling"), "text", True, "Street lighting",
           N_("what is procured")),
    Column("organisation", ("organisation", "myndighet", "kommun"), "text", True,
           "Alby kommun", N_("the procuring organisation")),
    Column("year", ("år", "planår"), "year", True, "2025",
           N_("the plan year (a calendar year)")),
    Column("category", ("kategori", "område", "upphandlingsområde"), "text", True, "Vehicles",
           N_("the procurement category (for follow-up, climate factors and criteria)")),
    Column("value", ("värde", "uppskattat värde", "kontraktsvärde"), "money", True,
           "1 200 000 SEK",
           N_("estimated or contract value with a currency (kr, tkr, Mkr, SEK, EUR …), ≥ 0")),
    Column("award_basis", ("tilldelningsgrund",), "choice", True, "cost",
           N_("the award criterion: price (lowest price), cost (lowest cost, e.g. LCC) or "
              "price_quality (best price-quality ratio)"),
           tuple(AWARD_BASES)),
    _req("environmental", "miljökrav",
         N_("whether the procurement sets environmental requirements (yes/no; ja/nej)")),
    _req("reuse", "återbrukskrav",
         N_("whether the procurement sets reuse requirements (yes/no; ja/nej)")),
    _req("plastics", "plastkrav",
         N_("whether the procurement sets requirements on single-use plastics (yes/no; "
            "ja/nej)")),
    _req("climate", "klimatkrav",
         N_("whether the procurement sets climate requirements (yes/no; ja/nej)")),
    Column("lcc", ("lcc-krav", "livscykelkostnad"), "yesno", True, "no",
           N_("whether the award or a requirement uses a life-cycle cost (yes/no; ja/nej)")),
    Column("criteria", ("kriterier", "kravid"), "list", True, "10234; 10551",
           N_("criteria IDs (e.g. Upphandlingsmyndigheten's KravID) separated by ';', ',' or "
              "line breaks; may be blank")),
    Column("status", ("status",), "choice", True, "planned",
           N_("planned, advertised or awarded"), tuple(STATUSES)),
    Column("tender", ("upphandlingsfil", "anbudsfil", "lcc-fil"), "path", False,
           "../street-lighting.toml",
           N_("optional: an lcc tender file, relative to the plan's folder")),
    Column("awarded", ("tilldelat", "vinnande anbud"), "text", False, "LED bid A",
           N_("with tender and status awarded: the name of the awarded alternative")),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}

#: The columns a plan may be grouped by.
GROUPS: tuple[str, ...] = ("organisation", "year", "category", "status", "award_basis")

#: The labels of the criteria table (:meth:`Plan.criteria`) beside one column per
#: organisation: its two index levels and its two summary columns. No organisation may be
#: called by one of them, or its column would be another's.
CRITERIA_LABELS: tuple[str, ...] = ("category", "criterion", "organisations", "differs")


def header_map() -> dict[str, str]:
    """Every accepted header (lower case) -> the column's binding name."""
    out: dict[str, str] = {}
    for col in COLUMNS:
        for h in col.headers:
            out[h.lower()] = col.name
    return out


def column_of(word: str, among: tuple[str, ...]) -> str | None:
    """The column of ``among`` that ``word`` names: its name or any of its Swedish headers, in
    any letter case, as a plan's header row is read ('återbrukskrav' is ``reuse``, 'År' is
    ``year``); None where it names none of them."""
    from lcc._text import name_key

    name = header_map().get(name_key(word).lower())
    return name if name in among else None


class Headers(Msg):
    """Columns named in a message as a reader of its language writes their headers: in
    English their names, in Swedish their first Swedish header ('miljökrav, återbrukskrav')."""

    names: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...]) -> Headers:
        self = str.__new__(cls, ", ".join(names))
        self.msgid, self.values, self.names = "{names}", {"names": ", ".join(names)}, names
        return self

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        return ", ".join(BY_NAME[n].aliases[0] if BY_NAME[n].aliases else n for n in self.names)

    def __reduce__(self) -> tuple[object, ...]:
        return (Headers, (self.names,))


def columns_markdown() -> str:
    """The documentation's table of plan columns (generated from :data:`COLUMNS`)."""
    lines = ["| column | Swedish headers | required | example | meaning |",
             "| --- | --- | --- | --- | --- |"]
    for c in COLUMNS:
        sv = ", ".join(f"`{a}`" for a in c.aliases if a != c.name) or "—"
        lines.append(f"| `{c.name}` | {sv} | {'yes' if c.required else 'no'} | "
                     f"`{c.example}` | {c.meaning} |")
    return "\n".join(lines)
