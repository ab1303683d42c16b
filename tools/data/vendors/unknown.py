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
import shlex
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
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Survey questions by their wording (Google Forms, Microsoft Forms, SurveyMonkey headers are the
# questions themselves), in the languages owners write their forms in.
SURVEY_WORDS = {
    "nps": r"recommend|empfehl|recommand|recomend|aanbevel|consiglier",
    "csat": r"\brate\b|rating|satisf|zufrieden|bewert|\bnote\b|valora|tevreden|stars?\b|sterne|[ée]toiles",
    "text": r"better|improve|comment|feedback|anything|why|suggest|verbesser|warum|anmerk|kommentar|pourquoi|"
            r"am[ée]liorer|commentaire|mejorar|comentario",
}


@dataclass(frozen=True)
class ColumnGuess:
    name: str
    kind: str  # "date", "amount", "number", "text", "empty"
    detail: str = ""  # e.g. "day first: 03.11.2025", "decimal comma: 12,50"
    fmt: str | None = None  # strftime for dates when the sample settles it
    decimal_comma: bool = False
    low: float | None = None  # numbers: the smallest and largest value in the sample
    high: float | None = None
    whole: bool = False  # numbers: every value a whole number (a 0-10 score, a count)


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
        numbers = pd.to_numeric(bare.str.replace(",", ""), errors="coerce")
        return ColumnGuess(name, "amount" if has_money else "number", filled.iloc[0], low=float(numbers.min()),
                           high=float(numbers.max()), whole=bool((numbers % 1 == 0).all()))
    if filled.str.strip().str.match(_EMAIL).all():
        return ColumnGuess(name, "email")
    return ColumnGuess(name, "text")


def _pick(guesses: list[ColumnGuess], target: str, kinds: tuple[str, ...], taken: set[str]) -> str | None:
    words = re.compile(_WORDS[target], re.IGNORECASE)
    for g in guesses:
        if g.name not in taken and g.kind in kinds and words.search(g.name):
            return g.name
    if target in ("ts", "amount"):  # the only column of that shape is the one, whatever its name
        # (for an amount, only a money-shaped one: a 0-10 score is a number, not an order's total)
        shape = ("amount",) if target == "amount" else kinds
        shaped = [g for g in guesses if g.name not in taken and g.kind in shape]
        if len(shaped) == 1:
            return shaped[0].name
    return None


def toml_key(name: str) -> str:
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

    key = toml_key(p.stem)
    options: dict[str, object] = {}
    if encoding:
        options["encoding"] = encoding
    if delimiter != ",":
        options["delimiter"] = delimiter
    suggestion = _orders(guesses, key) or _surveys(guesses, key)
    if suggestion is None:
        lines.append("No columns read as a date with an amount (orders) or with a score (survey answers), so "
                     "journeybot cannot tell which table this is. Name the table and map its columns (journeybot "
                     "ingest TABLE FILE --map journey_column=\"File column\" ...); docs/SOURCES.md lists the "
                     "exports that load as they are.")
        return "\n".join(lines)
    table, said, mapping, date = suggestion
    lines.append(said)
    if "cannot" in date.detail or "some with" in date.detail:
        lines.append(f"Check the dates: {date.detail}; set timestamp_format (e.g. \"%d/%m/%Y\" for day first).")
    if mapping.pop("decimal_comma", False):
        options["decimal_comma"] = True
    if date.fmt:
        options["timestamp_format"] = date.fmt
    block = [f"[mappings.{key}]", f'table = "{table}"']
    for part in ("columns", "templates"):
        if mapping.get(part):
            block.append(f"{part} = {{ " + ", ".join(f"{k} = {toml_quote(v)}" for k, v in mapping[part].items()) + " }")
    if mapping.get("email_keys"):
        block.append("email_keys = [" + ", ".join(toml_quote(k) for k in mapping["email_keys"]) + "]")
    block.append('unknown_customers = "create"')
    if options:
        block.append("options = { " + ", ".join(f"{k} = {toml_quote(v)}" for k, v in options.items()) + " }")
    lines.append("If that is right, add this mapping to journeybot.toml and load it with "
                 f"`journeybot ingest {table} {shlex.quote(p.name)} --mapping {key}` (check the names; every row is "
                 "still checked, nothing loads half):")
    lines += ["  " + b for b in block]
    lines.append(f"Or map it on the command line (journeybot ingest {table} FILE --map journey_column=\"File "
                 "column\" ...); docs/SOURCES.md lists the exports that load as they are.")
    return "\n".join(lines)


Suggestion = tuple[str, str, dict, ColumnGuess]  # table, what it looks like, mapping parts, the date column


def _orders(guesses: list[ColumnGuess], key: str) -> Suggestion | None:
    taken: set[str] = set()
    chosen: dict[str, str] = {}
    for target, kinds in (("ts", ("date",)), ("amount", ("amount", "number")),
                          ("order_id", ("text", "number")), ("customer_id", ("email", "text", "number"))):
        col = _pick(guesses, target, kinds, taken)
        if col is not None:
            chosen[target] = col
            taken.add(col)
    if "ts" not in chosen or "amount" not in chosen:
        return None
    by_name = {g.name: g for g in guesses}
    missing = [f"an order id (none of the columns looks like one; the mapping numbers the rows: "
               f"{key}-1, -2, ...)" if "order_id" not in chosen else "",
               "a customer (none looks like one; every row becomes a one-off guest)"
               if "customer_id" not in chosen else ""]
    missing = [m for m in missing if m]
    said = (f"It looks like orders: {chosen['ts']!r} as the date, {chosen['amount']!r} as the amount"
            + "".join(f", {chosen[k]!r} as the {label}" for k, label in
                      (("order_id", "order id"), ("customer_id", "customer")) if k in chosen) + "."
            + (f" Missing: {'; '.join(missing)}." if missing else ""))
    templates = {}
    if "order_id" not in chosen:
        templates["order_id"] = f"{key}-{{_row}}"
    if "customer_id" not in chosen:
        templates["customer_id"] = f"guest-{key}-{{_row}}"
    mapping = {"columns": chosen, "templates": templates,
               "decimal_comma": by_name[chosen["amount"]].decimal_comma}
    if "customer_id" in chosen and by_name[chosen["customer_id"]].kind == "email":
        mapping["email_keys"] = ["customer_id"]
    return "orders", said, mapping, by_name[chosen["ts"]]


def _surveys(guesses: list[ColumnGuess], key: str) -> Suggestion | None:
    """A form's responses: a date, then the questions as headers; a 0-10 'recommend' question
    is NPS, a 1-5 'rate / satisfied' one CSAT, a 'what could be better' one the text."""
    date = next((g for g in guesses if g.kind == "date"), None)
    if date is None:
        return None

    def asks(target: str, fits) -> ColumnGuess | None:
        words = re.compile(SURVEY_WORDS[target], re.IGNORECASE)
        return next((g for g in guesses if words.search(g.name) and fits(g)), None)

    nps = asks("nps", lambda g: g.kind == "number" and g.whole and g.low >= 0 and g.high <= 10)
    csat = asks("csat", lambda g: g.kind == "number" and g.whole and g.low >= 1 and g.high <= 5 and g is not nps)
    if nps is None and csat is None:
        return None
    text = asks("text", lambda g: g.kind == "text")
    email = next((g for g in guesses if g.kind == "email"), None)
    columns = {"ts": date.name}
    parts = []
    for target, g, label in (("nps", nps, "the 0-10 recommend score (NPS)"), ("csat", csat, "the 1-5 rating (CSAT)"),
                             ("text", text, "the comment"), ("customer_id", email, "the customer (by email)")):
        if g is not None:
            columns[target] = g.name
            parts.append(f"{g.name!r} as {label}")
    said = (f"It looks like survey answers: {date.name!r} as the date, " + ", ".join(parts) + "."
            + ("" if email else " No email column: the answers are anonymous."))
    mapping = {"columns": columns, "templates": {"survey_id": f"{key}-{{_row}}"}}
    if email is not None:
        mapping["email_keys"] = ["customer_id"]
    return "surveys", said, mapping, date


def toml_quote(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{s}"'
