"""Reading an export file into DuckDB: format, encoding and delimiter checks, and a relation
over the file's rows numbered as in the file.

Cheap checks on the first bytes (missing, empty, binary, zip or Excel, not UTF-8) come before
DuckDB reads anything, so the commonest mistakes get a plain message; whatever DuckDB itself
cannot read is reported with the file's name and the line it stopped at.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from tools.core.errors import IngestError, Problem
from tools.data.context import LoadContext, lit, temp_name
from tools.data.diagnose import diagnose_csv, utf16_hint, where
from tools.data.mapping import ReadOptions

# The longest line (a row, with every field) read from a CSV file. DuckDB stops at 2 MB by
# default, which refuses a ticket with a pasted log as "CSV Error on Line: 1"; lines up to
# this size are read, and a longer one is reported as what it is.
MAX_LINE_BYTES = 64 * 1024 * 1024


@dataclass
class Source:
    relation: str  # SQL relation over the file with a 1-based `_row` column
    columns: dict[str, str]  # lower-case name -> actual name
    types: dict[str, str]  # actual name -> DuckDB type
    numbered: bool  # whether _row holds the file's row numbers


def read_source(
    ctx: LoadContext, path: Path, opts: ReadOptions, label: str, *, streaming: bool = False
) -> Source:
    """The file as a relation with a `_row` column; `label` names the file in problems."""
    fmt = precheck(path, opts, label)
    name = temp_name("src")
    # Text files have no row numbers unless copied into a table; the streaming path reads
    # them in place and comes back for the numbers only if a check fails.
    kind = "VIEW" if streaming else "TABLE"
    try:
        with ctx.watch("reading"):
            if fmt == "parquet":
                # Parquet is typed and numbers its rows itself: read it in place, once,
                # during staging, instead of copying it into a table first.
                reader = f"read_parquet({lit(str(path))}, file_row_number=true)"
                ctx.con.execute(
                    f"CREATE TEMP VIEW {name} AS SELECT file_row_number + 1 AS _row, "
                    f"* EXCLUDE (file_row_number) FROM {reader}"
                )
            elif fmt == "jsonl":
                ctx.con.execute(
                    f"CREATE TEMP {kind} {name} AS SELECT * FROM "
                    f"read_json({lit(str(path))}, format='newline_delimited')"
                )
            elif opts.newline == "lf":
                # DuckDB ends a row at any \r; such files go through pandas, which can be told
                # that only \n ends a row (a copy in memory: fine for the exports that need it).
                frame = read_lf_only(path, opts)
                view = temp_name("lf")
                ctx.con.register(view, frame)
                ctx.con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {view}")
                ctx.con.unregister(view)
            else:
                args = ["all_varchar=true", f"header={'true' if opts.header else 'false'}",
                        f"max_line_size={line_limit(path)}"]
                if opts.delimiter:
                    args.append(f"delim={lit(opts.delimiter)}")
                if opts.quote is not None:
                    args.append(f"quote={lit(opts.quote)}")
                if opts.encoding != "utf-8":
                    args.append(f"encoding={lit(opts.encoding)}")
                if opts.max_row_mb:
                    args.append(f"max_line_size={int(opts.max_row_mb * 1024 * 1024)}")
                ctx.con.execute(
                    f"CREATE TEMP {kind} {name} AS SELECT * FROM "
                    f"read_csv({lit(str(path))}, {', '.join(args)})"
                )
            # Touch the file now so that a file DuckDB cannot read fails here, named.
            ctx.con.execute(f"SELECT * FROM {name} LIMIT 1").fetchall()
    except (duckdb.Error, ValueError, UnicodeDecodeError) as exc:
        raise IngestError([_problem(path, opts, label, fmt, exc)]) from None
    if fmt != "parquet":
        table = name
        name = temp_name("srcv")
        if streaming:
            row = "CAST(NULL AS BIGINT)"
        else:
            # Rows of a table created in an open transaction are numbered from a large
            # offset, in insertion order, which is file order: the row number is relative.
            first = ctx.con.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0] or 0  # type: ignore[index]
            row = f"rowid - {int(first)} + 1"
        columns = "*"
        if opts.strip_guard:
            columns = ", ".join(_unguard(c) for c in _columns(ctx, table))
        ctx.con.execute(f"CREATE TEMP VIEW {name} AS SELECT {row} AS _row, {columns} FROM {table}")
    desc = ctx.con.execute(f"DESCRIBE {name}").fetchall()
    types = {row[0]: str(row[1]) for row in desc if row[0] != "_row"}
    if not ctx.con.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchall():
        raise IngestError([Problem(label, "the file has a header but no data rows")])
    if fmt == "csv" and len(types) == 1:
        only = next(iter(types))
        if any(sep in only for sep in (",", ";", "\t", "|")):
            # One column whose name holds a delimiter: the sniffer gave up on the file's
            # shape; a scan usually finds the row that broke it.
            found = diagnose_csv(path, opts, opts.delimiter or _header_delimiter(path))
            if found is not None:
                raise IngestError([Problem(label, f"{found.message} ({where(found)})", row=found.row,
                                           column=found.column)])
        for sep, word in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes"), (",", "commas")):
            if sep in only and sep != (opts.delimiter or ","):
                raise IngestError([Problem(
                    label,
                    f"found a single column {only[:60]!r}: the file looks separated by {word}"
                    + (f", not {opts.delimiter!r}" if opts.delimiter else "")
                    + f". Set the delimiter to {sep!r} (--delimiter or options.delimiter).",
                )])
    return Source(name, {c.strip().lower(): c for c in types}, types, numbered=not (streaming and fmt != "parquet"))


def match_column(src: Source, name: str) -> str | None:
    """The file's own spelling of a column the mapping names: case and surrounding spaces
    ignored, or `~regex`, searched case-insensitively in each header, first match."""
    if name.startswith("~"):
        try:
            pattern = re.compile(name[1:], re.IGNORECASE)
        except re.error:
            return None
        return next((c for c in src.types if pattern.search(c)), None)
    return src.columns.get(name.strip().lower())


def has_column(src: Source, name: str) -> bool:
    return match_column(src, name) is not None


def _columns(ctx: LoadContext, relation: str) -> list[str]:
    return [r[0] for r in ctx.con.execute(f"DESCRIBE {relation}").fetchall()]


def _unguard(column: str) -> str:
    """The cell without the ' an exporter put before a number, + or = so spreadsheets would
    not read it as one ('10999, '+49 170 ...)."""
    c = '"' + column.replace('"', '""') + '"'
    return (f"CASE WHEN regexp_matches(CAST({c} AS VARCHAR), '^''[-+=0-9]') "
            f"THEN substr(CAST({c} AS VARCHAR), 2) ELSE {c} END AS {c}")
def _problem(path: Path, opts: ReadOptions, label: str, fmt: str, exc: Exception) -> Problem:
    """What went wrong, with the row, line and byte offset when a scan of the file finds it."""
    if fmt == "csv":
        found = diagnose_csv(path, opts, opts.delimiter or _header_delimiter(path))
        if found is not None:
            return Problem(label, f"{found.message} ({where(found)})", row=found.row, column=found.column)
    return Problem(label, reader_message(exc, fmt))


def _header_delimiter(path: Path) -> str:
    """The delimiter the first line uses most, for the diagnosis of a file DuckDB could not sniff."""
    with path.open("rb") as fh:
        first = fh.readline(65536).decode("utf-8", "replace")
    return max((",", ";", "\t", "|"), key=first.count)


def read_lf_only(path: Path, opts: ReadOptions) -> pd.DataFrame:
    """Every value as text, rows ended by \n only; empty values are NULL as DuckDB reads them."""
    sep = opts.delimiter or _header_delimiter(path)
    frame = pd.read_csv(
        path, sep=sep, dtype=str, keep_default_na=False, na_values=[""], lineterminator="\n",
        encoding="utf-16" if opts.encoding == "utf-16" else opts.encoding,
        header=0 if opts.header else None, engine="c",
        quoting=csv.QUOTE_NONE if opts.quote == "" else csv.QUOTE_MINIMAL,
        quotechar=opts.quote or '"',
    )
    if not opts.header:
        frame.columns = [f"column{i}" for i in range(frame.shape[1])]
    last = frame.columns[-1]
    frame[last] = frame[last].str.removesuffix("\r")  # a CRLF file read this way
    return frame.astype(object).where(frame.notna(), None)


def line_limit(path: Path) -> int:
    """DuckDB's max_line_size for this file: no lower than its default, no higher than needed."""
    return max(2_000_000, min(path.stat().st_size + 1, MAX_LINE_BYTES))


def find_column(ctx: LoadContext, src: Source, name: str, what: str) -> str:
    """The file's own spelling of a column the mapping names (see `match_column`)."""
    actual = match_column(src, name)
    if actual is None:
        found = ", ".join(repr(c) for c in src.types) or "none"
        ctx.problems.add(Problem(
            ctx.file, f"{what}: column {name!r} is not in the file; its columns are {found}"
        ))
        raise IngestError(ctx.problems.items, ctx.problems.total)
    return actual


def precheck(path: Path, opts: ReadOptions, label: str) -> str:
    """Cheap checks before DuckDB reads the file; returns the format to read it as."""
    if not path.exists():
        raise IngestError([Problem(label, "file not found")])
    if path.is_dir():
        raise IngestError([Problem(label, "this is a folder, not a file")])
    size = path.stat().st_size
    if size == 0:
        raise IngestError([Problem(label, "the file is empty (0 bytes)")])
    with path.open("rb") as fh:
        head = fh.read(65536)
    fmt = opts.format
    suffix = path.suffix.lower()
    if fmt == "auto":
        if head[:4] == b"PAR1" or suffix in (".parquet", ".pq"):
            fmt = "parquet"
        elif suffix in (".jsonl", ".ndjson", ".json"):
            fmt = "jsonl"
        else:
            fmt = "csv"
    if fmt == "parquet":
        if head[:4] != b"PAR1":
            raise IngestError([Problem(label, "not a Parquet file (it does not start with PAR1)")])
        return fmt
    if head[:4] == b"PK\x03\x04":
        raise IngestError([Problem(
            label, "this is a zip or Excel workbook, not CSV text; save the sheet as CSV first")])
    if opts.encoding == "utf-16":
        return fmt
    hint = utf16_hint(head)
    if hint:
        raise IngestError([Problem(label, hint)])
    if b"\x00" in head:
        raise IngestError([Problem(
            label, "the file is binary (it contains NUL bytes), not CSV or JSON text")])
    if not head.strip():
        raise IngestError([Problem(label, "the file is empty (only blank space)")])
    if opts.encoding == "utf-8":
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            decoder.decode(head.removeprefix(codecs.BOM_UTF8), final=False)
        except UnicodeDecodeError as exc:
            raise IngestError([Problem(
                label,
                f"the file is not UTF-8 text (byte 0x{head[exc.start]:02x} at offset {exc.start}); "
                "if it came from Excel, set options.encoding = \"latin-1\" or pass --encoding latin-1",
            )]) from None
    return fmt


def reader_message(exc: Exception, fmt: str) -> str:
    text = str(exc).strip()
    too_long = re.search(r"Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+)", text)
    if too_long:
        line = re.search(r"CSV Error on Line: (\d+)", text)
        where = f"line {line.group(1)}" if line else "a line"
        return (f"{where} of the file is {int(too_long.group(2)) / 1e6:,.1f} MB long, more than the "
                f"{int(too_long.group(1)) / 1e6:,.0f} MB journeybot reads in one row; a field that large is "
                "probably not a survey answer or a ticket (an attachment pasted in?): remove it or shorten it")
    first = text.splitlines()[0] if text else type(exc).__name__
    for prefix in ("Invalid Input Error: ", "Conversion Error: ", "IO Error: ", "Binder Error: "):
        first = first.removeprefix(prefix)
    detail = ""
    for line in text.splitlines():
        if line.strip().lower().startswith(("line:", "original line:")) or "line" in line.lower()[:12]:
            detail = " (" + line.strip()[:160] + ")"
            break
    what = {"csv": "CSV", "jsonl": "JSON lines", "parquet": "Parquet"}.get(fmt, fmt)
    return f"could not read the file as {what}: {first[:300]}{detail}"
