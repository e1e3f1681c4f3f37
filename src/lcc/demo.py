"""A small bundled demo: existing luminaires against an LED bid, by life-cycle cost.

Run it with ``python -m lcc.demo`` (or ``make demo``).
"""

from __future__ import annotations

import lcc


def alternatives() -> tuple[lcc.Study, list[lcc.Alternative]]:
    """The demo's study and its two alternatives (30 street lights, 20 years)."""
    study = lcc.Study("20 yr", 0.035, carbon_price="1.2 SEK/kg")
    price = lcc.Parameter("electricity_price", "1.20 SEK/kWh", low="0.8 SEK/kWh",
                          high="2.0 SEK/kWh")
    hours = lcc.Parameter("operating_hours", "4000 h/yr")
    existing = lcc.Alternative(
        "Existing HPS",
        lcc.Energy(power="150 W", hours=hours, price=price, escalation=0.02,
                   emission_factor="0.045 kg/kWh"),
        lcc.Replacement("350 SEK", every="4 yr", label="Lamp"),
        lcc.Recurring("180 SEK/yr", label="Maintenance"),
        quantity=30,
    )
    led = lcc.Alternative(
        "LED bid",
        lcc.Investment("6500 SEK", life="25 yr", label="LED luminaire"),
        lcc.Energy(power="60 W", hours=hours, price=price, escalation=0.02,
                   emission_factor="0.045 kg/kWh"),
        lcc.Recurring("60 SEK/yr", label="Maintenance"),
        lcc.Disposal("200 SEK", at=0, label="Removal of old luminaire"),
        quantity=30,
    )
    return study, [existing, led]


def main() -> None:
    """Print the LCC of each alternative and its breakdown by category."""
    study, alts = alternatives()
    print("lcc demo — 30 street lights over 20 years, real kalkylränta 3.5 %")
    results = [lcc.evaluate(a, study) for a in alts]
    for r in results:
        print(f"\n{r.name}: LCC {float(r.value):,.0f} SEK".replace(",", " "))
        for cat, value in r.by_category.items():
            print(f"  {cat:<12} {value:>12,.0f} SEK".replace(",", " "))
    best = min(results, key=lambda r: float(r.value))
    print(f"\nLowest life-cycle cost: {best.name}")


if __name__ == "__main__":
    main()
