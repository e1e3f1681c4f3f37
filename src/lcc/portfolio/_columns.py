"""The one description of each column of a procurement plan.

:data:`COLUMNS` drives the reader (headers, Swedish aliases, what a cell may
hold), the messages of located errors and the table of columns in the
documentation (:func:`columns_markdown`; a test keeps the docs equal to it).
"""

from __future__ import annotations

from dataclasses import dataclass

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
        What the column holds (English).
    meaning_sv : str
        What the column holds (Swedish).
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    required: bool
    example: str
    meaning: str
    meaning_sv: str
    choices: tuple[str, ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header accepted for the column: the name, then its aliases."""
        return (self.name, *self.aliases)


def _req(name: str, sv: str, what: str, what_sv: str) -> Column:
    return Column(name, (sv,), "yesno", True, "yes",
                  f"whether the procurement sets {what} (yes/no; ja/nej)",
                  f"om upphandlingen ställer {what_sv} (ja/nej)")


#: Every column of a plan, in the order of the documentation and of a written plan.
COLUMNS: tuple[Column, ...] = (
    Column("id", ("id", "diarienummer", "upphandlings-id"), "id", True, "2025-017",
           "the procurement's identifier, unique in the plan",
           "upphandlingens id, unikt i planen"),
    Column("title", ("titel", "benämning", "upphandling"), "text", True, "Street lighting",
           "what is procured", "vad som upphandlas"),
    Column("organisation", ("organisation", "myndighet", "kommun"), "text", True,
           "Alby kommun", "the procuring organisation", "den upphandlande organisationen"),
    Column("year", ("år", "planår"), "year", True, "2025",
           "the plan year (a calendar year)", "planåret (ett kalenderår)"),
    Column("category", ("kategori", "område", "upphandlingsområde"), "text", True, "Vehicles",
           "the procurement category (for follow-up, climate factors and criteria)",
           "upphandlingsområdet (för uppföljning, klimatfaktorer och kriterier)"),
    Column("value", ("värde", "uppskattat värde", "kontraktsvärde"), "money", True,
           "1 200 000 SEK",
           "estimated or contract value with a currency (kr, tkr, Mkr, SEK, EUR …), ≥ 0",
           "uppskattat värde eller kontraktsvärde med valuta (kr, tkr, Mkr, SEK, EUR …), ≥ 0"),
    Column("award_basis", ("tilldelningsgrund",), "choice", True, "cost",
           "the award criterion: price (lowest price), cost (lowest cost, e.g. LCC) or "
           "price_quality (best price-quality ratio)",
           "tilldelningsgrund: pris, kostnad eller pris och kvalitet",
           tuple(AWARD_BASES)),
    _req("environmental", "miljökrav", "environmental requirements", "miljökrav"),
    _req("reuse", "återbrukskrav", "reuse requirements", "återbrukskrav"),
    _req("plastics", "plastkrav", "requirements on single-use plastics",
         "krav på engångsplast"),
    _req("climate", "klimatkrav", "climate requirements", "klimatkrav"),
    Column("lcc", ("lcc-krav", "livscykelkostnad"), "yesno", True, "no",
           "whether the award or a requirement uses a life-cycle cost (yes/no; ja/nej)",
           "om tilldelningen eller ett krav använder livscykelkostnad (ja/nej)"),
    Column("criteria", ("kriterier", "kravid"), "list", True, "10234; 10551",
           "criteria IDs (e.g. Upphandlingsmyndigheten's KravID) separated by ';'; may be "
           "blank",
           "kriteriernas id (t.ex. Upphandlingsmyndighetens KravID) åtskilda med ';'; får "
           "vara tomt"),
    Column("status", ("status",), "choice", True, "planned",
           "planned, advertised or awarded", "planerad, annonserad eller tilldelad",
           tuple(STATUSES)),
    Column("tender", ("anbudsfil", "lcc-fil"), "path", False, "../street-lighting.toml",
           "optional: an lcc tender file, relative to the plan's folder",
           "valfri: en lcc-anbudsfil, relativt planens mapp"),
    Column("awarded", ("tilldelat", "vinnande anbud"), "text", False, "LED bid A",
           "with tender and status awarded: the name of the awarded alternative",
           "med anbudsfil och status tilldelad: namnet på det tilldelade alternativet"),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}

#: The columns a plan may be grouped by.
GROUPS: tuple[str, ...] = ("organisation", "year", "category", "status", "award_basis")


def header_map() -> dict[str, str]:
    """Every accepted header (lower case) -> the column's binding name."""
    out: dict[str, str] = {}
    for col in COLUMNS:
        for h in col.headers:
            out[h.lower()] = col.name
    return out


def columns_markdown() -> str:
    """The documentation's table of plan columns (generated from :data:`COLUMNS`)."""
    lines = ["| column | Swedish headers | required | example | meaning |",
             "| --- | --- | --- | --- | --- |"]
    for c in COLUMNS:
        sv = ", ".join(f"`{a}`" for a in c.aliases if a != c.name) or "—"
        lines.append(f"| `{c.name}` | {sv} | {'yes' if c.required else 'no'} | "
                     f"`{c.example}` | {c.meaning} |")
    return "\n".join(lines)
