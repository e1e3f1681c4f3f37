"""Write the example procurement plan of a joint procurement centre (seeded, deterministic).

Seven fictional municipalities, plan years 2024-2026, about 200 procurements a year in
all. Requirements grow more common year by year; 2024 is awarded, 2025 advertised or
awarded, 2026 planned. Three awarded procurements link bundled tender files of
``examples/``. Every name, value and criteria ID here is invented for the example.

Run from anywhere: ``python examples/portfolio/make_plan.py``; it rewrites
``plan.csv`` beside it (the tests check that the committed file is what this writes).
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240520
YEARS = (2024, 2025, 2026)
PER_YEAR = 200

ORGANISATIONS = ("Alvik kommun", "Björkby kommun", "Dalsjö kommun", "Ekås kommun",
                 "Furuvik kommun", "Granby kommun", "Hultsjö kommun")
#: Relative size of each municipality (how many procurements it runs).
WEIGHTS = (0.24, 0.18, 0.15, 0.13, 0.11, 0.10, 0.09)

#: category -> (typical value in SEK, probability of environmental, reuse, plastics,
#: climate and LCC requirements in 2024, and criteria IDs to draw from)
CATEGORIES: dict[str, tuple[int, tuple[float, float, float, float, float], tuple[str, ...]]] = {
    "Vehicles": (2_500_000, (0.8, 0.0, 0.0, 0.6, 0.5), ("EX-VEH-1", "EX-VEH-2", "EX-VEH-3")),
    "Street lighting": (1_800_000, (0.7, 0.1, 0.0, 0.3, 0.6), ("EX-LGT-1", "EX-LGT-2")),
    "Food": (4_000_000, (0.9, 0.0, 0.3, 0.4, 0.0), ("EX-FOOD-1", "EX-FOOD-2", "EX-FOOD-3",
                                                     "EX-FOOD-4")),
    "Cleaning services": (1_200_000, (0.8, 0.0, 0.2, 0.1, 0.0), ("EX-CLN-1", "EX-CLN-2")),
    "IT equipment": (900_000, (0.7, 0.2, 0.0, 0.2, 0.3), ("EX-IT-1", "EX-IT-2", "EX-IT-3")),
    "Furniture": (600_000, (0.6, 0.3, 0.0, 0.1, 0.1), ("EX-FUR-1", "EX-FUR-2")),
    "Construction works": (8_000_000, (0.6, 0.1, 0.0, 0.4, 0.2), ("EX-BLD-1", "EX-BLD-2",
                                                                  "EX-BLD-3")),
    "Tableware and catering": (400_000, (0.5, 0.2, 0.6, 0.1, 0.1), ("EX-TBL-1", "EX-TBL-2")),
    "Textiles and workwear": (500_000, (0.6, 0.1, 0.1, 0.1, 0.0), ("EX-TXT-1", "EX-TXT-2")),
    "Office supplies": (250_000, (0.5, 0.0, 0.2, 0.0, 0.0), ("EX-OFF-1",)),
    "Consulting services": (700_000, (0.2, 0.0, 0.0, 0.0, 0.0), ()),
    "Kitchen equipment": (450_000, (0.6, 0.1, 0.0, 0.1, 0.4), ("EX-KIT-1", "EX-KIT-2")),
}

#: The linked tenders: (category, tender file relative to the plan, awarded alternative).
LINKED = (
    ("Street lighting", "../street-lighting.toml", "LED bid A"),
    ("Tableware and catering", "../reusable-tableware.toml",
     "Reusable porcelain, glass and steel"),
    ("Furniture", "../refurbished-furniture.toml", "Refurbished chair, same model"),
)

HEADER = ("id", "title", "organisation", "year", "category", "value", "award_basis",
          "environmental", "reuse", "plastics", "climate", "lcc", "criteria", "status",
          "tender", "awarded")


def _money(rng: random.Random, typical: int) -> str:
    value = round(typical * rng.lognormvariate(0.0, 0.6), -4)
    style = rng.random()
    if style < 0.15 and value >= 1_000_000:
        return f"{value / 1e6:.1f} Mkr".replace(".", ",")
    if style < 0.3:
        return f"{value / 1e3:,.0f} tkr".replace(",", " ")
    return f"{value:,.0f} SEK".replace(",", " ")


def rows() -> list[dict[str, str]]:
    """The plan's rows, in order."""
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    names = list(CATEGORIES)
    for y, year in enumerate(YEARS):
        lift = 1.0 + 0.25 * y  # requirements grow more common each year
        for n in range(PER_YEAR + rng.randint(-8, 8)):
            org = rng.choices(ORGANISATIONS, WEIGHTS)[0]
            cat = rng.choice(names)
            typical, probs, pool = CATEGORIES[cat]
            flags = [rng.random() < min(p * lift + 0.03, 0.97) for p in probs]
            basis = ("cost" if flags[4] and rng.random() < 0.7 else
                     rng.choice(("price", "price_quality", "price_quality")))
            k = rng.randint(0, len(pool)) if (flags[0] or flags[3]) and pool else 0
            criteria = "; ".join(sorted(rng.sample(pool, k)))
            status = ("awarded" if year == YEARS[0] else
                      rng.choice(("advertised", "awarded")) if year == YEARS[1] else "planned")
            out.append({
                "id": f"{year}-{n + 1:03d}", "title": f"{cat} {n + 1}", "organisation": org,
                "year": str(year), "category": cat, "value": _money(rng, typical),
                "award_basis": basis,
                **{k2: "yes" if f else "no" for k2, f in zip(HEADER[7:12], flags, strict=True)},
                "criteria": criteria, "status": status, "tender": "", "awarded": "",
            })
    # link the three bundled tenders to awarded procurements of their categories
    for cat, tender, awarded in LINKED:
        hits = [r for r in out if r["category"] == cat and r["status"] == "awarded"]
        for r in hits[:2]:
            r.update(tender=tender, awarded=awarded, lcc="yes", award_basis="cost",
                     environmental="yes")
    return out


def text() -> str:
    """plan.csv as text."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows())
    return buf.getvalue()


if __name__ == "__main__":
    (HERE / "plan.csv").write_text(text(), encoding="utf-8", newline="")
    print(HERE / "plan.csv")
