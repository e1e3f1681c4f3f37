"""Words and number formats in English and Swedish, for the command line and reports."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "lcc": "Livscykelkostnad",
        "LCC": "LCC",
        "rank": "Rang",
        "net_savings": "Nettobesparing",
        "sir": "SIR",
        "airr": "AIRR",
        "simple_payback": "Återbetalningstid (år)",
        "discounted_payback": "Diskonterad återbetalningstid (år)",
        "annual_value": "Årskostnad",
        "alternative": "Alternativ",
        "category": "Kostnadsslag",
        "present_value": "Nuvärde",
        "nominal": "Belopp",
        "total": "Totalt",
        "year": "År",
        "acquisition": "Anskaffning",
        "replacement": "Reinvestering",
        "residual": "Restvärde",
        "energy": "Energi",
        "water": "Vatten",
        "consumables": "Förbrukningsmaterial",
        "maintenance": "Underhåll",
        "end_of_life": "Slutomhändertagande",
        "externality": "Externa kostnader",
        "other": "Övrigt",
        "parameter": "Parameter",
        "low": "Lågt värde",
        "high": "Högt värde",
        "lcc_low": "LCC vid lågt värde",
        "lcc_high": "LCC vid högt värde",
        "swing": "Utslag",
        "break_even": "Brytpunkt",
        "base": "Grundvärde",
        "reason": "Kommentar",
        "mean": "Medelvärde",
        "std": "Standardavvikelse",
        "sem": "Medelfel",
        "se": "Medelfel",
        "p5": "P5",
        "p50": "P50 (median)",
        "p95": "P95",
        "probability_best": "Sannolikhet lägst LCC",
        "probability_best_se": "Medelfel (sannolikhet)",
        "first_order": "Förstaordningens index",
        "total_order": "Totalindex",
        "S1": "Förstaordningens index (S1)",
        "S1_conf": "± (S1)",
        "ST": "Totalindex (ST)",
        "ST_conf": "± (ST)",
        "kind": "Typ",
        "Kalkylränta": "Kalkylränta",
        "best": "Lägst livscykelkostnad",
        "notes": "Anmärkningar",
        "kg": "kg",
        "pollutant": "Ämne",
        "emissions": "Utsläpp",
        "study": "Kalkylförutsättningar",
        "assumptions": "Kalkylförutsättningar",
        "method": "Metod och källor",
        "versions": "Versioner och kontrollsumma",
        "trace": "Beräkningsspår",
        "summary": "Sammanställning",
        "by_category": "Nuvärde per kostnadsslag",
        "differences": "Skillnad mot jämförelsealternativet per kostnadsslag",
        "cumulative": "Ackumulerad nuvärdeskostnad",
        "breakdown_chart": "Livscykelkostnad per kostnadsslag",
        "tornado": "Känslighetsanalys (tornado)",
        "monte_carlo": "Osäkerhetsanalys (Monte Carlo)",
        "report_title": "Livscykelkostnadsanalys",
        "baseline": "Jämförelsealternativ",
        "policy": "Jämförelsegrund",
        "inputs_hash": "Kontrollsumma för indata",
        "library": "Programversion",
        "data_version": "Referensdata",
        "assumption_set": "Gemensamma kalkylförutsättningar",
        "overrides": "Avsteg från de gemensamma förutsättningarna",
        "trace_note": ("Beräkningsspåret visar varje post, dess tidpunkt, formel, faktorer "
                       "och nuvärde (på engelska)."),
        "generated": "Skapad",
        "scenario": "Scenario",
        "scenarios": "Scenarier",
        "amounts_in": "Belopp i",
    },
    "en": {
        "lcc": "LCC",
        "net_savings": "Net savings",
        "simple_payback": "Simple payback (yr)",
        "discounted_payback": "Discounted payback (yr)",
        "annual_value": "Annual value",
        "present_value": "Present value",
        "end_of_life": "End of life",
        "probability_best": "P(lowest LCC)",
        "probability_best_se": "P(lowest) std. error",
        "sir": "SIR",
        "airr": "AIRR",
        "lcc_low": "LCC at low",
        "lcc_high": "LCC at high",
        "se": "Std. error",
        "std": "Std. dev.",
        "first_order": "First order",
        "total_order": "Total order",
        "S1": "S1",
        "S1_conf": "S1 ±",
        "ST": "ST",
        "ST_conf": "ST ±",
        "break_even": "Break-even",
        "relative_change": "Relative change",
        "best": "Lowest life-cycle cost",
        "notes": "Notes",
        "emissions": "Emissions",
        "study": "Assumptions",
        "assumptions": "Assumptions",
        "method": "Method and sources",
        "versions": "Versions and input hash",
        "trace": "Calculation trace",
        "summary": "Summary",
        "by_category": "Present value by category",
        "differences": "Difference from the baseline by category",
        "cumulative": "Cumulative discounted cost",
        "breakdown_chart": "Life-cycle cost by category",
        "tornado": "Sensitivity (tornado)",
        "monte_carlo": "Uncertainty (Monte Carlo)",
        "report_title": "Life-cycle cost analysis",
        "baseline": "Baseline",
        "policy": "Policy",
        "inputs_hash": "Hash of the inputs",
        "library": "Library",
        "data_version": "Reference data",
        "assumption_set": "Shared assumption set",
        "overrides": "Overrides of the shared assumptions",
        "trace_note": ("The calculation trace lists each item, its timing, formula, factors "
                       "and present value."),
        "generated": "Generated",
        "amounts_in": "Amounts in",
        "scenario": "Scenario",
        "scenarios": "Scenarios",
    },
}


def word(key: Any, lang: str, *, header: bool = True) -> str:
    """Translate a label; unknown column headers lose their underscores (en), other
    unknown labels (names of parameters and alternatives) pass through unchanged."""
    text = str(key)
    known = WORDS.get(lang, {}).get(text)
    if known is not None:
        return known
    return text.replace("_", " ") if header and lang == "en" else text


def number(x: Any, lang: str, digits: int = 2) -> str:
    """Format a number: '12 345.67' (en) or '12 345,67' (sv); NaN as '—'."""
    if x is None:
        return "—"
    if isinstance(x, (str, bytes)):
        return str(x)
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v):
        return "—"
    if round(v, digits) == 0:
        v = 0.0  # no "−0,00"
    if float(v).is_integer() and abs(v) < 1e15 and digits == 0:
        text = f"{v:,.0f}"
    else:
        text = f"{v:,.{digits}f}"
    if lang == "sv":
        return text.replace(",", "\u00a0").replace(".", ",").replace("-", "−")
    return text.replace(",", " ")


#: Columns of input values (any magnitude): shown with 6 significant digits.
VALUE_COLUMNS = ("base", "low", "high", "break_even", "relative_change", "value")


def significant(x: Any, lang: str, digits: int = 6) -> str:
    """A number with up to ``digits`` significant digits ('0.035', '4 100'); sv: comma."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v):
        return "—"
    if abs(v) >= 1000:
        return number(v, lang, 0 if float(v).is_integer() else 2)
    text = f"{v:.{digits}g}"
    return text.replace(".", ",").replace("-", "−") if lang == "sv" else text


def _digits(column: str) -> int:
    if column in ("rank", "simple_payback", "discounted_payback"):
        return 0
    if column in ("sir", "first_order", "total_order", "probability_best", "airr",
                  "probability_best_se", "S1", "S1_conf", "ST", "ST_conf"):
        return 4
    return 2


def table(df: pd.DataFrame, lang: str, *, title: str | None = None) -> str:
    """An aligned plain-text table with translated labels and formatted numbers."""
    shown = df.copy()
    index_name = word(shown.index.name or "", lang)
    cols = [str(c) for c in shown.columns]
    header = [index_name] + [word(c, lang) for c in cols]
    rows = []
    for idx, row in shown.iterrows():
        cells = [word(idx, lang, header=False)]
        for c, v in zip(cols, row.tolist(), strict=True):
            if isinstance(v, (float, int, np.floating, np.integer)) and not isinstance(v, bool):
                cells.append(significant(v, lang) if c in VALUE_COLUMNS
                             else number(v, lang, _digits(c)))
            else:
                cells.append(str(v))
        rows.append(cells)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    numeric = [False] + [pd.api.types.is_numeric_dtype(shown[c]) and
                         not pd.api.types.is_bool_dtype(shown[c]) for c in shown.columns]

    def fit(text: str, i: int) -> str:
        return text.rjust(widths[i]) if numeric[i] else text.ljust(widths[i])

    lines = []
    if title:
        lines.append(title)
    lines.append("  ".join(fit(h, i) for i, h in enumerate(header)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(fit(c, i) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def csv(df: pd.DataFrame, lang: str) -> str:
    """CSV: comma-separated with '.' decimals (en); ';' and ',' decimals (sv, as Excel expects)."""
    shown = df.rename(columns=lambda c: word(c, lang), index=lambda i: word(i, lang, header=False))
    shown.index.name = word(df.index.name or "", lang) or None
    if lang == "sv":
        return shown.to_csv(sep=";", decimal=",")
    return shown.to_csv()


def _clean(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(float(v)) else float(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, dict):
        return {str(k): _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    return v


def to_json(payload: Any) -> str:
    """JSON with stable English keys and full float precision (NaN → null)."""
    if isinstance(payload, pd.DataFrame):
        payload = {str(i): {str(c): row[c] for c in payload.columns}
                   for i, row in payload.iterrows()}
    return json.dumps(_clean(payload), ensure_ascii=False, indent=2)
