"""Numbers and truth values in YAML tender files are read as YAML 1.2, TOML and JSON read
them.

PyYAML follows YAML 1.1, where ``quantity: 010`` is the octal 8 and ``1:30`` the
base-60 number 90: a quantity of ten luminaires padded with a zero, as spreadsheet
exports write it, became eight without a word.
"""

from __future__ import annotations

import pytest

pytest.importorskip("yaml")

import lcc.io

TENDER = """name: T
study:
  period: 1 yr
  discount_rate: 0
alternatives:
  - name: A
    quantity: {quantity}
    items:
      - type: Investment
        amount: 1000 SEK
"""


@pytest.mark.parametrize(("quantity", "lcc_value"), [
    ("010", 10_000.0),   # ten luminaires × 1 000 SEK (was 8 000: the octal 8)
    ("0o10", 8_000.0),   # YAML 1.2's octal, written as such
    ("1_000", 1_000_000.0),
    ("1e1", 10_000.0),
])
def test_a_padded_quantity_is_decimal(quantity: str, lcc_value: float) -> None:
    tender = lcc.io.loads_tender(TENDER.format(quantity=quantity), "yaml")
    assert tender.evaluate()["A"].value == lcc_value


def test_base_60_is_no_number() -> None:
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(TENDER.format(quantity="1:30"), "yaml")
    [issue] = info.value.errors
    assert issue.path == "alternatives[0].quantity" and "'1:30'" in issue.message


def test_only_true_and_false_are_truth_values() -> None:
    """YAML 1.1 reads an unquoted No, Off or yes as a truth value: a bid named No and the
    currency code NO (Norway) became false. As in YAML 1.2, TOML and JSON, only true and
    false are; a truth-value field given 'yes' is refused, not guessed."""
    text = TENDER.format(quantity=1).replace("name: A", "name: No")
    assert [a.name for a in lcc.io.loads_tender(text, "yaml").alternatives] == ["No"]
    study = "study:\n  period: 1 yr\n  discount_rate: 0\n"
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text.replace(study, study + "  currency: NO\n"), "yaml")
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("invalid-value", "study.currency")]
    assert "got 'NO'" in info.value.errors[0].message
    yes = text.replace(study, study + "  include_externalities: yes\n")
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(yes, "yaml")
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("wrong-type", "study.include_externalities")]
    tender = lcc.io.loads_tender(yes.replace(": yes", ": false"), "yaml")
    assert tender.study.include_externalities is False


@pytest.mark.parametrize("name", ["0E0", "1e3", "1E-5", ".5", "1_000", "0o7", "0x1F", "010",
                                  "1:30", "No", "yes", "true", "null", "~"])
def test_texts_that_read_as_numbers_are_quoted_when_written(name: str) -> None:
    """PyYAML's writer quotes what YAML 1.1 reads as a number; '0E0' is a float only to
    YAML 1.2 (as lcc reads), so a tender named '0E0' came back as the number 0.0."""
    import yaml

    tender = lcc.io.loads_tender(f"""name = "{name}"
[study]
period = "1 yr"
discount_rate = 0.0
[[alternatives]]
name = "{name}"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
""")
    text = lcc.io.dumps_tender(tender, "yaml")
    back = lcc.io.loads_tender(text, format="yaml")
    assert back.name == name and back.alternatives[0].name == name
    assert back.evaluate()[name].value == 1000.0
    assert yaml.safe_load(text)["name"] == name  # and so do YAML 1.1 readers


def test_a_date_in_a_message_is_written_as_the_file_writes_it() -> None:
    """TOML and YAML read 2025-01-01 as a date; messages showed datetime.date(2025, 1, 1)."""
    import datetime

    text = "name: T\nstudy:\n  period: 10 yr\n  discount_rate: 0.03\n  base_year: 2025-01-01\n" \
           "alternatives:\n  - name: A\n    items:\n      - type: Investment\n" \
           "        amount: 1000 SEK\n"
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text, format="yaml")
    [issue] = info.value.errors
    assert (issue.path, issue.line) == ("study.base_year", 5)
    assert issue.message == "got 2025-01-01, expected a calendar year such as 2025"
    with pytest.raises(lcc.LCCError) as err:
        lcc.Study("10 yr", 0.03, base_year=datetime.date(2025, 1, 1))
    assert "datetime" not in str(err.value) and "datetime" not in err.value.message_in("sv")
