"""A payment or order id written with a phone-like number ("PP-0712 345 678") came out as
"PP-[phone]": the rules leave order numbers alone, and the letters glued on by a dash say it is
an id. The same digits alone, or after a prefix that says phone ("tel-"), are still a phone."""

from __future__ import annotations

import pandas as pd
import pytest

from tools.core.pii import redact, redact_series


@pytest.mark.parametrize("text", ["paid with PP-0712 345 678 yesterday", "order ORD#07123 456789 is late",
                                  "refund for INV-0207 946 0000"])
def test_an_id_with_a_letter_prefix_is_left_alone(text):
    assert redact(text) == text
    assert redact_series(pd.Series([text])).tolist() == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("call me on 0712 345 678", "call me on [phone]"),
    ("tel-0712 345 678 after six", "tel-[phone] after six"),
    ("PP-0712 345 678, or ring 0712 345 678", "PP-0712 345 678, or ring [phone]"),
])
def test_the_same_digits_as_a_phone_are_still_redacted(text, expected):
    assert redact(text) == expected
