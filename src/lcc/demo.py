"""A small bundled demo: two luminaire bids compared by life-cycle cost.

Run it with ``python -m lcc.demo`` (or ``make demo``).
"""

from __future__ import annotations

from lcc.discounting import upv_star


def main() -> None:
    """Print the LCC of two alternatives over 20 years at a 3 % real rate."""
    years, rate, escalation = 20, 0.03, 0.02
    factor = upv_star(rate, escalation, years)
    bids = {
        "Existing HPS luminaires": (0.0, 30 * 0.150 * 4000 * 1.20, 30 * 400.0),
        "LED bid": (30 * 6500.0, 30 * 0.060 * 4000 * 1.20, 30 * 100.0),
    }
    print(f"Life-cycle cost over {years} years, real discount rate {rate:.0%}, "
          f"energy price escalation {escalation:.0%}/yr")
    for name, (invest, energy, maintenance) in bids.items():
        from lcc.discounting import upv

        lcc_value = invest + energy * factor + maintenance * upv(rate, years)
        print(f"  {name:<26} {lcc_value:>12,.0f} SEK".replace(",", " "))


if __name__ == "__main__":
    main()
