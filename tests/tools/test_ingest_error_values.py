"""A refused load names the file, row, column and what was expected, but quotes the bad cell
only in a short, redacted form: the message reaches logs, sync reports and the note beside a
refused file, and an email or phone number pasted into the wrong column must not."""

from __future__ import annotations

import pytest

from tools.core.errors import IngestError
from tools.data.ingest import ingest_file


def test_a_bad_cell_holding_an_email_or_phone_is_named_but_not_quoted(store, tmp_path):
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    orders = tmp_path / "o.csv"
    orders.write_text("order_id,customer_id,ts,amount\n1,A,2026-05-01 10:00,ann.lee@example.com\n"
                      "2,B,2026-05-02 10:00,ring Bo on 07700 900123 about the refund he asked for twice\n"
                      "3,B,2026-05-03 10:00,abc\n")
    with pytest.raises(IngestError) as err:
        ingest_file(store, "orders", orders)
    text = str(err.value)
    assert "o.csv, row 1, column 'amount'" in text and "o.csv, row 2, column 'amount'" in text
    assert "expected" in text and "got '[email]'" in text and "[phone]" in text
    assert "ann.lee@example.com" not in text and "07700 900123" not in text
    assert "he asked for twice" not in text  # a long cell is cut
    assert "got 'abc'" in text  # a plain bad value is still shown
