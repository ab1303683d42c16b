"""Why a CSV file could not be read, said with the row, the column, the line and the byte offset.

DuckDB's CSV reader stops on a malformed file with a message about its own state machine ("the
CSV parser reached an invalid state") and, for some faults, a wrong line number. When it fails,
this module reads the file again, a physical line at a time, and finds the first thing a person
can fix:
- a carriage return (\\r) alone inside an unquoted value, which splits the row in two (the
  twcs export has one; `options.newline = "lf"` reads such files);
- a row with more or fewer values than the header (a delimiter inside an unquoted value);
- a quote that is opened and never closed (everything after it reads as one value);
- a row larger than the reader takes (`options.max_row_mb` raises the limit).
It runs only on the error path, line by line with the work done by bytes methods in C, so a
large file costs seconds, not a second copy in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.data.mapping import ReadOptions

CHUNK = 1 << 24  # 16 MB at a time
DEFAULT_MAX_ROW_MB = 2  # DuckDB's max_line_size (2,097,152 bytes)


@dataclass(frozen=True)
class Finding:
    row: int | None  # 1-based data row (the header is not counted), as Problems count rows
    line: int  # 1-based physical line in the file
    offset: int  # byte offset of the line's start
    message: str
    column: str | None = None  # the header's name for the value at fault, when one is


def utf16_hint(head: bytes) -> str | None:
    """A message when the first bytes look like UTF-16 text, else None."""
    bom = head[:2] in (b"\xff\xfe", b"\xfe\xff")
    # Without a BOM, ASCII text in UTF-16 has a NUL in every other byte.
    sample = head[:4000]
    zeros = sample[1::2].count(0) if len(sample) > 64 else 0
    zeros_be = sample[0::2].count(0) if len(sample) > 64 else 0
    if bom or zeros > 0.4 * len(sample) / 2 or zeros_be > 0.4 * len(sample) / 2:
        return ("the file is UTF-16 text" + (" (it starts with a UTF-16 byte-order mark)" if bom else "")
                + ", not UTF-8; load it with --encoding utf-16 (options.encoding = \"utf-16\" in a "
                "mapping or recipe)")
    return None


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line without its \\n) for every physical line."""
    number, offset, rest = 0, 0, b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(CHUNK)
            if not block:
                break
            data = rest + block
            parts = data.split(b"\n")
            rest = parts.pop()
            for part in parts:
                number += 1
                yield number, offset, part
                offset += len(part) + 1
    if rest:
        yield number + 1, offset, rest


def _fields(line: bytes, delim: bytes, quote: bytes | None, in_quotes: bool) -> tuple[int, bool]:
    """Delimiters outside quotes on this line (+1 = values, when the row ends here) and whether
    a quote is still open at its end. Lines without a quote character take the fast path."""
    if not quote or quote not in line:
        return (0 if in_quotes else line.count(delim)), in_quotes
    count = 0
    # Split on the quote: outside a quoted stretch, count delimiters; an escaped quote ("")
    # toggles twice and changes nothing.
    for i, piece in enumerate(line.split(quote)):
        if i:
            in_quotes = not in_quotes
        if not in_quotes:
            count += piece.count(delim)
    return count, in_quotes


def _names(line: bytes, delim: bytes, quote: bytes | None) -> list[str]:
    """The header's column names (quotes stripped), to name the value at fault."""
    text = line.decode("utf-8", "replace").lstrip("\ufeff")
    q = quote.decode() if quote else ""
    return [name.strip().strip(q) if q else name.strip() for name in text.split(delim.decode())]


def _column(names: list[str], index: int) -> str | None:
    """The name of the index-th value (0-based), or None past the header's end."""
    return names[index] if 0 <= index < len(names) else None


def _longest(line: bytes, delim: bytes, count: int, in_quotes: bool) -> int:
    """Which value makes a row too large: the one a still-open quote began, else this line's
    longest."""
    if in_quotes:
        return count
    pieces = line.split(delim)
    return count + max(range(len(pieces)), key=lambda i: len(pieces[i]))


def diagnose_csv(path: Path, opts: ReadOptions, delimiter: str | None = None) -> Finding | None:
    """The first fault a person can fix, or None when this scan finds nothing wrong."""
    encoding = "utf-16" if opts.encoding == "utf-16" else None
    if encoding:  # a UTF-16 file is read whole by DuckDB; this scan reads bytes, so say nothing
        return None
    delim = (delimiter or opts.delimiter or ",").encode()
    quote = b'"' if opts.quote is None else (opts.quote.encode() or None)
    limit = int((opts.max_row_mb or DEFAULT_MAX_ROW_MB) * 1024 * 1024)
    header_fields: int | None = None
    names: list[str] = []
    row = 0 if opts.header else 1
    in_quotes = False
    count = 0
    start = (1, 0)  # line and offset where the current row began
    size = 0
    lf_only = opts.newline == "lf"
    for number, offset, raw in _lines(path):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        if not in_quotes:
            start, count, size = (number, offset), 0, 0
        size += len(raw) + 1
        if size > limit:
            return Finding(row or None, start[0], start[1],
                           f"this row is {size / 1024 / 1024:.1f} MB, larger than the "
                           f"{limit // (1024 * 1024)} MB a row may hold: a quote that is never closed, "
                           "or a very long value; if the value is real, raise the limit with "
                           "--max-row-mb (options.max_row_mb)", _column(names, _longest(line, delim, count, in_quotes)))
        if not in_quotes and not lf_only and b"\r" in line:
            n, still_open = _fields(line[: line.index(b"\r")], delim, quote, False)
            if not still_open:
                at = offset + line.index(b"\r")
                return Finding(row or None, number, at,
                               "a carriage return (\\r) alone inside an unquoted value splits this row "
                               "in two; if it belongs to the text, read the file with --newline lf "
                               "(options.newline = \"lf\": only \\n ends a row)", _column(names, count + n))
        n, in_quotes = _fields(line, delim, quote, in_quotes)
        count += n
        if in_quotes:
            continue
        values = count + 1
        if header_fields is None and opts.header:
            header_fields = values
            names = _names(line, delim, quote)
            row = 1
            continue
        if header_fields is not None and values != header_fields and line.strip():
            shown = line[:80].decode("utf-8", "replace")
            return Finding(row, start[0], start[1],
                           f"this row has {values} values where the header has {header_fields} "
                           f"(a delimiter {delim.decode()!r} inside an unquoted value, or a missing "
                           f"quote?); it starts {shown!r}")  # which value holds the delimiter, no scan can tell
        row += 1
    if in_quotes:
        # inside the open quote no delimiter counts, so the values before it give its column
        return Finding(row or None, start[0], start[1],
                       "a quote opened in this row is never closed, so everything after it reads as "
                       "one value; close the quote or set options.quote = \"\" if the file has none",
                       _column(names, count))
    return None


def where(finding: Finding) -> str:
    """'line 2,486, byte offset 426,793' for messages."""
    return f"line {finding.line:,}, byte offset {finding.offset:,}"
