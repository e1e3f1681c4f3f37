"""A point in time is counted in years from the base date, never a calendar year.

Procurers think in calendar years: ``at = 2030``, ``end = 2030``, ``start = 2026`` were read
as 2 030 years after the base date. A one-off 'at 2030' was left out with a warning, a
contract 'ending 2030' ran the whole study, and an alternative 'starting 2026' had an LCC of
0 and was ranked best. A point beyond 500 years (the longest study) is refused with the
reading offered; an alternative that enters service at or after the end of the study is an
error; flows left out of the study are in the comparison's notes.
"""

from __future__ import annotations

import pytest

import lcc
from lcc import LCCError

STUDY = lcc.Study("20 yr", 0.03, base_year=2025)


@pytest.mark.parametrize(("build", "field"), [
    (lambda: lcc.OneOff("100 SEK", at=2030), "OneOff.at"),
    (lambda: lcc.Recurring("100 SEK/yr", end=2030), "Recurring.end"),
    (lambda: lcc.Recurring("100 SEK/yr", start=2026), "Recurring.start"),
    (lambda: lcc.Periodic("100 SEK", every="5 yr", first=2030), "Periodic.first"),
    (lambda: lcc.Periodic("100 SEK", every="5 yr", last=2045), "Periodic.last"),
    (lambda: lcc.Disposal("100 SEK", at=2045), "Disposal.at"),
    (lambda: lcc.Residual("100 SEK", at="2045 yr"), "Residual.at"),
    (lambda: lcc.Investment("100 SEK", at=2026), "Investment.at"),
    (lambda: lcc.Alternative("A", lcc.Investment("100 SEK"), start=2026), "Alternative.start"),
])
def test_a_calendar_year_as_a_point_in_time_is_refused(build, field: str) -> None:
    with pytest.raises(LCCError, match="a point in time is counted in years from the base date "
                                       r"\(t = 0\) and is at most 500") as info:
        build()
    assert (info.value.field, info.value.code) == (field, "invalid-value")
    assert "ett kalenderår skrivs som sitt kalkylår, året minus basåret plus 1" in \
        info.value.message_in("sv")


def test_the_offset_from_the_base_year_reads() -> None:
    # a contract of 100 SEK/yr in study years 1 to 5 (2025-2029 with base year 2025; a
    # contract for 2026-2030 is start=2, end=6), undiscounted: 500 SEK
    contract = lcc.Recurring("100 SEK/yr", start=1, end=5)
    result = lcc.evaluate(lcc.Alternative("A", contract), lcc.Study("20 yr", 0.0))
    assert result.value == pytest.approx(500.0, rel=1e-15)
    assert lcc.OneOff("100 SEK", at=500)  # the longest study's end is a point


def test_an_alternative_entering_service_after_the_study_is_an_error() -> None:
    late = lcc.Alternative("Late", lcc.Investment("1000 SEK"), start=20)
    with pytest.raises(LCCError, match=r"Late: enters service at t = 20, at or after the end "
                                       r"of the study \(t = 20\), so none of its costs would "
                                       r"count") as info:
        lcc.compare([late, lcc.Alternative("B", lcc.Investment("500 SEK"))], STUDY)
    assert info.value.field == "Alternative.start"
    assert "tas i bruk vid t = 20" in info.value.message_in("sv")


def test_flows_left_out_of_the_study_are_in_the_comparisons_notes() -> None:
    a = lcc.Alternative("A", lcc.Investment("1000 SEK"), lcc.OneOff("5000 SEK", at=25))
    b = lcc.Alternative("B", lcc.Investment("1500 SEK"))
    c = lcc.compare([a, b], STUDY)
    assert "A: OneOff: at t = 25, after the end of the study (t = 20); left out" in c.notes
    assert "A: Engångskostnad: vid t = 25, efter kalkylperiodens slut (t = 20); tas inte med" in \
        c.notes_in("sv")


def test_a_calendar_year_written_as_text_is_named_a_calendar_year() -> None:
    """``at = "2030"`` was told to drop the quotes (2030), which is then refused as a
    calendar year: the advice went in a circle. It is now refused as a calendar year."""
    for build, field in ((lambda v: lcc.OneOff("100 SEK", at=v), "OneOff.at"),
                         (lambda v: lcc.Recurring("100 SEK/yr", end=v), "Recurring.end")):
        with pytest.raises(lcc.LCCError) as info:
            build(" 2030 ")
        assert (info.value.field, info.value.code) == (field, "invalid-value")
        assert str(info.value).startswith(f"{field}: got 2030; a point in time is counted in "
                                          "years from the base date")
        with pytest.raises(lcc.LCCError, match=r"got the text '5'; write a number of years "
                                               r"without quotes \(5\)"):
            build("5")
