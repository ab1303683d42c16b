"""Cells that are safe to open in a spreadsheet program (CSV and formula injection).

A touchpoint, persona name or customer text can start with `=`, `+`, `-` or `@`. Written as
it came into a CSV or an XLSX file, Excel, LibreOffice and Google Sheets run it as a formula:
`=HYPERLINK("http://evil...","x")` becomes a live link, `=WEBSERVICE(...)` can send other
cells away. OWASP's guidance (CSV Injection) is followed for every spreadsheet and CSV
journeybot writes:

- a text cell whose first character, or first character after leading whitespace, is one of
  = + - @, a tab or a carriage return (or their full-width forms, which some spreadsheet
  programs fold into the ASCII ones) gets a single quote in front: `'=HYPERLINK(...)`. The
  program shows it as text and never evaluates it;
- numbers stay numbers: a real int or float (also -12.5) is never touched, and a text cell
  that is exactly a number ("-12.5", "-1,234", "-4%") is left alone too, because a
  spreadsheet reads it as that number and nothing else; so is a lone "-" (the tables' sign
  for "no value"), which no program can evaluate;
- headers and the index of a table are cells as well.

Every writer calls `neutralise` (one value), `neutralise_frame` (a table) or `csv_bytes`.
"""

from __future__ import annotations

import csv
import re
from typing import Any

import pandas as pd

# First characters that make a spreadsheet program read a cell as a formula (OWASP), plus the
# full-width forms of = + - @ that some programs fold into ASCII.
TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
# Leading characters a program may skip before looking for the formula sign.
_LEADING = " \t\r\n\u00a0\u3000"
# A text that is nothing but a number (as a spreadsheet would read it): it stays as it is.
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?")
_DANGER = re.compile(r"^[" + re.escape(_LEADING) + r"]*[" + re.escape(TRIGGERS) + "]")


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet program could read `text` as a formula."""
    if not _DANGER.match(text):
        return False
    bare = text.strip()
    if bare == "-":
        return False
    return not (any(ch.isdigit() for ch in bare) and _NUMBER.fullmatch(bare))


def neutralise(value: Any) -> Any:
    """The value as a spreadsheet cell: dangerous text gets a leading single quote; numbers,
    dates, None and safe text come back unchanged."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def _neutralise_column(col: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_datetime64_any_dtype(col):
        return col
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
    as_text = col.where(col.map(lambda v: isinstance(v, str)))  # only real strings; numbers in an object column stay numbers
    # A vectorised screen for the first character; the few cells it flags get the full rule.
    flagged = as_text.str.match(_DANGER.pattern, na=False)
    if not flagged.any():
        return col
    out = col.astype(object).copy()
    out[flagged] = as_text[flagged].map(neutralise)
    return out


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell, column name and index label neutralised."""
    out = frame.copy()
    for i in range(out.shape[1]):
        out.isetitem(i, _neutralise_column(out.iloc[:, i]))
    out.columns = [neutralise(c) for c in out.columns]
    if not isinstance(out.index, pd.RangeIndex):
        out.index = pd.Index([neutralise(v) for v in out.index], name=neutralise(out.index.name))
    return out


def csv_bytes(frame: pd.DataFrame, *, index: bool = False, bom: bool = True) -> bytes:
    """The table as CSV bytes with every cell neutralised; UTF-8 with a byte-order mark by
    default so spreadsheet programs read accents and arrows right."""
    text = neutralise_frame(frame).to_csv(index=index, quoting=csv.QUOTE_MINIMAL)
    return text.encode("utf-8-sig" if bom else "utf-8")
