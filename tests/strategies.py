"""Reusable hypothesis strategies for lcc's property tests."""

from __future__ import annotations

from hypothesis import strategies as st

#: Real discount rates procurers use, and beyond (BELOK allows 0–20 %).
discount_rates = st.floats(min_value=-0.05, max_value=0.25, allow_nan=False)
#: Strictly positive rates (where a property needs d > 0).
positive_rates = st.floats(min_value=1e-4, max_value=0.25, allow_nan=False)
#: Escalation rates, real, per year.
escalation_rates = st.floats(min_value=-0.08, max_value=0.12, allow_nan=False)
#: Inflation rates.
inflation_rates = st.floats(min_value=-0.02, max_value=0.15, allow_nan=False)
#: Study lengths in whole years.
years = st.integers(min_value=1, max_value=60)
#: Timing conventions of annual amounts.
discrete_timings = st.sampled_from(["end", "middle", "beginning"])
timings = st.sampled_from(["end", "middle", "beginning", "continuous"])
#: Money amounts (positive, in a currency's unit).
amounts = st.floats(min_value=0.01, max_value=1e7, allow_nan=False)
#: Exchange rates (units of base per unit of another currency).
fx_rates = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)
#: Yearly cash flows, first at t = 0.
cash_flows = st.lists(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=2, max_size=30
)


@st.composite
def escalation_sequences(draw: st.DrawFn, n: int) -> list[float]:
    """A per-year escalation sequence of exactly n years."""
    return draw(st.lists(escalation_rates, min_size=n, max_size=n))
