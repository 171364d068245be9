"""The plain-text API: findings-shaped dicts with offsets."""
from __future__ import annotations

from analysis.api import extract_dates, extract_figures

FIGURE_KEYS = {"text", "value", "low", "high", "of", "unit", "unit_name", "measure", "approximate", "bound", "start", "end"}


def test_extract_figures_shape_and_offsets():
    text = "Turnout was between 41-44 per cent; the fund paid $12 million to 30 clinics."
    items = extract_figures(text)
    assert [i["text"] for i in items] == ["between 41-44 per cent", "$12 million", "30 clinics"]
    for i in items:
        assert set(i) == FIGURE_KEYS
        assert text[i["start"]:i["end"]] == i["text"]
    assert items[0]["low"] == 41 and items[0]["high"] == 44 and items[0]["value"] is None
    assert items[0]["unit"] == "percent" and items[0]["measure"] == "turnout"
    assert items[1]["value"] == 12_000_000 and items[1]["unit"] == "currency" and items[1]["unit_name"] == "USD"
    assert items[2]["unit"] == "count" and items[2]["measure"] == "clinic"


def test_extract_dates_shape_and_offsets():
    text = "The talks opened on 2 March 2015. They resumed last April. Nothing happened later."
    items = extract_dates(text, reference_date="2015-11-20")
    assert [(i["date"], i["surface"], i["precision"]) for i in items] == [
        ("2015-03-02", "2 March 2015", "day"), ("2015-04", "last April", "month")]
    for i in items:
        assert text[i["start"]:i["end"]] == i["surface"]
        assert i["surface"] in i["text"]
        assert {"date", "text", "start", "end"} <= set(i)
    assert items[0]["text"] == "The talks opened on 2 March 2015."


def test_empty_inputs():
    assert extract_figures("") == []
    assert extract_dates("") == []
    assert extract_dates("in April") == []          # no year anywhere
