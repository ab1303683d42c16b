"""The neutralising rule every spreadsheet and CSV writer uses (tools/core/cells.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from tools.core.cells import csv_bytes, neutralise, neutralise_frame


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-cmd", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u00a0=1",
                                  "\uff1d1+1", "- less", "+44 20 7946 0958"])
def test_text_a_spreadsheet_could_evaluate_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-12.5", "-1,234", "-4%", "+3", "-.5", "1e5", "-", "hello", "", "'=x",
                                   -3.2, 5, None, pd.Timestamp("2026-05-01")])
def test_numbers_plain_text_and_other_values_are_unchanged(value):
    assert neutralise(value) is value or neutralise(value) == value


def test_frames_keep_numeric_columns_and_neutralise_headers_index_and_mixed_columns():
    frame = pd.DataFrame({"=h": ["=x", 1, -2.0, None], "n": [1.0, -2.0, 3.0, 4.0],
                          "c": pd.Categorical(["=a", "b", "c", "=a"])}, index=pd.Index(list("ab=d"), name="-i"))
    out = neutralise_frame(frame)
    assert list(out.columns) == ["'=h", "n", "c"] and out.index.tolist() == ["a", "b", "'=", "d"]
    assert out.index.name == "'-i"
    assert out["'=h"].tolist()[:3] == ["'=x", 1, -2.0] and out["n"].dtype == float
    assert out["c"].tolist() == ["'=a", "b", "c", "'=a"]
    assert frame.columns[0] == "=h"  # the caller's frame is not changed


def test_csv_bytes_has_a_byte_order_mark_unless_asked_not_to():
    frame = pd.DataFrame({"a": ["x"]})
    assert csv_bytes(frame).startswith(b"\xef\xbb\xbf") and not csv_bytes(frame, bom=False).startswith(b"\xef")
