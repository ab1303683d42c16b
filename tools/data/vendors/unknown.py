"""What an export no recipe knows looks like, and the mapping that would load it.

When a file matches no vendor recipe the owner needs more than "not recognised": how the file
was read (delimiter, decimal comma, which way round its dates are), which columns look like
what, what a table would still need, and a mapping block to paste into the config. Nothing here
loads anything: a guess is shown for the owner to check, never applied, so a German bank export
("Datum;Betrag;Kunde", 12,50, 03.11.2025) is never silently read as something else.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

SAMPLE_ROWS = 200

# Header words, in the languages owners' tools export in, that say what a column is for.
# Only used to fill the suggested mapping; the owner confirms it by running it.
_WORDS = {
    "order_id": r"order|bestell|commande|pedido|ordine|bestelling|beleg|rechnung|facture|invoice|receipt|"
                r"transaktion|transaction|^nr\.?$|^no\.?$|nummer|num[ée]ro|^id$|^ref",
    "customer_id": r"customer|kunde|client|cliente|klant|buyer|k[äa]ufer|e-?mail|acheteur",
    "ts": r"date|datum|fecha|data|time|zeit|heure|when|day|tag",
    "amount": r"amount|betrag|montant|total|summe|importe|bedrag|price|preis|prix|umsatz|revenue|ttc|brutto|gross",
}
_DATE_PATTERNS = (  # value shape -> (strftime date part, day-first?)
    (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}"), "%Y-%m-%d"),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}"), "%d.%m.%Y"),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2}(\s|$)"), "%d.%m.%y"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}"), "/Y"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{2}(\s|$)"), "/y"),
    (re.compile(r"^\d{1,2}-\d{1,2}-\d{4}"), "-Y"),
)
_TIME = re.compile(r"\s(\d{1,2}:\d{2})(:\d{2})?$")
_MONEY = r"[\s€$£¥₹]|EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|kr"
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3}([.\s']?\d{3})*,\d{1,2}$")
_DECIMAL_POINT = re.compile(r"^-?\d{1,3}(,?\d{3})*(\.\d+)?$")


@dataclass(frozen=True)
class ColumnGuess:
    name: str
    kind: str  # "date", "amount", "number", "text", "empty"
    detail: str = ""  # e.g. "day first: 03.11.2025", "decimal comma: 12,50"
    fmt: str | None = None  # strftime for dates when the sample settles it
    decimal_comma: bool = False


def _sample(path: Path, text: str, delimiter: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                           nrows=SAMPLE_ROWS, on_bad_lines="skip", engine="python")
    except (pd.errors.ParserError, ValueError):
        return pd.DataFrame()


def _date_guess(name: str, values: pd.Series) -> ColumnGuess | None:
    for pattern, part in _DATE_PATTERNS:
        if not values.str.match(pattern).all():
            continue
        example = values.iloc[0]
        if part.startswith(("/", "-")):  # 03/11/2025: day or month first, decided only by a part > 12
            sep = part[0]
            parts = values.str.extract(rf"^(\d{{1,2}}){re.escape(sep)}(\d{{1,2}}){re.escape(sep)}").astype(int)
            year = "%Y" if part[1] == "Y" else "%y"
            if (parts[0] > 12).any():
                part, detail = f"%d{sep}%m{sep}{year}", f"day first: {example}"
            elif (parts[1] > 12).any():
                part, detail = f"%m{sep}%d{sep}{year}", f"month first: {example}"
            else:
                return ColumnGuess(name, "date", f"{example}: day or month first cannot be told from these rows")
        else:
            detail = f"day first: {example}" if part.startswith("%d") else example
        times = values.str.extract(_TIME)
        if times[0].notna().all():
            part += " %H:%M:%S" if times[1].notna().all() else " %H:%M"
        elif times[0].notna().any():
            return ColumnGuess(name, "date", f"{example}: some with a time, some without")
        return ColumnGuess(name, "date", detail, fmt=None if part == "%Y-%m-%d" else part)
    return None


def guess_column(name: str, values: pd.Series) -> ColumnGuess:
    filled = values[values.str.strip() != ""]
    if filled.empty:
        return ColumnGuess(name, "empty")
    date = _date_guess(name, filled.str.strip())
    if date is not None:
        return date
    bare = filled.str.replace(_MONEY, "", regex=True)
    if bare.str.match(_DECIMAL_COMMA).all() and bare.str.contains(",").any():
        return ColumnGuess(name, "amount", f"decimal comma: {filled.iloc[0]}", decimal_comma=True)
    if bare.str.match(_DECIMAL_POINT).all():
        has_money = filled.str.contains(_MONEY, regex=True).any() or bare.str.contains(r"\.\d{2}$").any()
        return ColumnGuess(name, "amount" if has_money else "number", filled.iloc[0])
    return ColumnGuess(name, "text")


def _pick(guesses: list[ColumnGuess], target: str, kinds: tuple[str, ...], taken: set[str]) -> str | None:
    words = re.compile(_WORDS[target], re.IGNORECASE)
    for g in guesses:
        if g.name not in taken and g.kind in kinds and words.search(g.name):
            return g.name
    if target in ("ts", "amount"):  # the only column of that shape is the one, whatever its name
        shaped = [g for g in guesses if g.name not in taken and g.kind in kinds]
        if len(shaped) == 1:
            return shaped[0].name
    return None


def _toml_key(name: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "export"


def describe_unknown(path: str | Path, header: list[str], text: str, delimiter: str, *,
                     encoding: str | None = None) -> str:
    """The message for a file no recipe recognises: how it reads, what is there, what is
    missing, and a mapping to paste (never applied here)."""
    p = Path(path)
    shown = ", ".join(repr(h) for h in header[:12]) + (" ..." if len(header) > 12 else "")
    lines = [f"not an export journeybot recognises (columns: {shown or 'none'})."]
    sample = _sample(p, text, delimiter) if header else pd.DataFrame()
    if sample.empty:
        lines.append("Name the table and map its columns (journeybot ingest TABLE FILE --map ...), or see "
                     "docs/SOURCES.md for the exports that load as they are.")
        return "\n".join(lines)
    guesses = [guess_column(str(c), sample[c]) for c in sample.columns]
    sep = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}.get(delimiter, repr(delimiter))
    read = [f"{g.name!r} {g.kind}" + (f" ({g.detail})" if g.detail else "") for g in guesses if g.kind != "text"]
    coded = f" ({encoding} text, not UTF-8)" if encoding else ""
    lines.append(f"Read as {len(guesses)} columns separated by {sep}{coded}"
                 + (f": {'; '.join(read)}." if read else "."))

    taken: set[str] = set()
    chosen: dict[str, str] = {}
    for target, kinds in (("ts", ("date",)), ("amount", ("amount", "number")),
                          ("order_id", ("text", "number")), ("customer_id", ("text", "number"))):
        col = _pick(guesses, target, kinds, taken)
        if col is not None:
            chosen[target] = col
            taken.add(col)
    if "ts" not in chosen or "amount" not in chosen:
        lines.append("No column pair reads as a date and an amount, so journeybot cannot tell which table this is. "
                     "Name the table and map its columns (journeybot ingest TABLE FILE --map journey_column=\"File "
                     "column\" ...); docs/SOURCES.md lists the exports that load as they are.")
        return "\n".join(lines)

    by_name = {g.name: g for g in guesses}
    date, money = by_name[chosen["ts"]], by_name[chosen["amount"]]
    missing = [f"an order id (none of the columns looks like one; the mapping numbers the rows: "
               f"{_toml_key(p.stem)}-1, -2, ...)" if "order_id" not in chosen else "",
               "a customer (none looks like one; every row becomes a one-off guest)"
               if "customer_id" not in chosen else ""]
    missing = [m for m in missing if m]
    lines.append(f"It looks like orders: {chosen['ts']!r} as the date, {chosen['amount']!r} as the amount"
                 + "".join(f", {chosen[k]!r} as the {label}" for k, label in
                           (("order_id", "order id"), ("customer_id", "customer")) if k in chosen) + "."
                 + (f" Missing: {'; '.join(missing)}." if missing else ""))
    if "cannot" in date.detail or "some with" in date.detail:
        lines.append(f"Check the dates: {date.detail}; set timestamp_format (e.g. \"%d/%m/%Y\" for day first).")

    key = _toml_key(p.stem)
    columns = {"ts": chosen["ts"], "amount": chosen["amount"]}
    columns.update({k: chosen[k] for k in ("order_id", "customer_id") if k in chosen})
    options: dict[str, object] = {}
    if encoding:
        options["encoding"] = encoding
    if delimiter != ",":
        options["delimiter"] = delimiter
    if money.decimal_comma:
        options["decimal_comma"] = True
    if date.fmt:
        options["timestamp_format"] = date.fmt
    block = [f"[mappings.{key}]", 'table = "orders"',
             "columns = { " + ", ".join(f"{k} = {_quote(v)}" for k, v in columns.items()) + " }"]
    templates = {}
    if "order_id" not in chosen:
        templates["order_id"] = f"{key}-{{_row}}"
    if "customer_id" not in chosen:
        templates["customer_id"] = f"guest-{key}-{{_row}}"
    if templates:
        block.append("templates = { " + ", ".join(f"{k} = {_quote(v)}" for k, v in templates.items()) + " }")
    block.append('unknown_customers = "create"')
    if options:
        block.append("options = { " + ", ".join(f"{k} = {_quote(v)}" for k, v in options.items()) + " }")
    lines.append("If that is right, add this mapping to journeybot.toml and load it with "
                 f"`journeybot ingest orders {p.name} --mapping {key}` (check the names; every row is "
                 "still checked, nothing loads half):")
    lines += ["  " + b for b in block]
    lines.append("Or map it on the command line (journeybot ingest orders FILE --map journey_column=\"File column\" "
                 "...); docs/SOURCES.md lists the exports that load as they are.")
    return "\n".join(lines)


def _quote(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{s}"'
