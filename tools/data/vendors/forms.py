"""Google Forms responses: the questions are the owner's own words, so which column is the
recommend score, the satisfaction score, the comment and the email is read from each
question's wording AND its answers, and said. A column that could be a score but is not
clearly one is named, with a mapping that reads it, rather than guessed.

The Sheet linked to a form writes "Timestamp" in the Sheet's locale (4/15/2025 14:32:10 in the
US, 15/04/2025 14:32:10 in the UK, 15.04.2025 14:32:10 in Germany) and in the Sheet's time zone,
without saying which; the day/month order is settled by the dates themselves (a part above 12)
or by the business locale, never assumed.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tools.core.errors import IngestError, Problem
from tools.data.mapping import Mapping
from tools.data.vendors.catalogue import read_head, sniff_delimiter
from tools.data.vendors.unknown import SURVEY_WORDS, guess_column, toml_key, toml_quote

# "Timestamp" as the Sheet names it in the form owner's language.
TIMESTAMP = re.compile(
    r"^\s*(timestamp|zeitstempel|horodateur|marca temporal|tijdstempel|informazioni cronologiche|"
    r"carimbo de data/hora|sygnatura czasowa|tidsstämpel|tidsstempel|aikaleima)\s*$", re.IGNORECASE)
EMAIL = re.compile(r"e-?mail|courriel|correo", re.IGNORECASE)
# Sheets locales that write the month first (Google's en_US and its neighbours).
MONTH_FIRST = ("en_US", "es_US", "en_PH", "en_CA")

_DAY_MONTH = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?=\s|$)")
_YEAR_FIRST = re.compile(r"^\d{4}([/.\-])\d{1,2}\1\d{1,2}(?=\s|$)")
_TIME = re.compile(r"\s(?P<clock>\d{1,2}:\d{2})(?P<sec>:\d{2})?(?P<ampm>\s?[AaPp]\.?[Mm]\.?)?$")


@dataclass(frozen=True)
class FormReading:
    """The load a form's file gets, and what was read as what (said before the load's report)."""

    mapping: Mapping
    notes: tuple[str, ...]


def read_form(path: Path, base: Mapping, locale: str | None, zone: str) -> FormReading:
    frame = _frame(path)
    ts = next((c for c in frame.columns if TIMESTAMP.match(c)), None)
    if ts is None:
        raise IngestError([Problem(str(path), "a Google Forms sheet starts with a Timestamp column; this one has "
                                              f"none (columns: {', '.join(map(repr, frame.columns[:8]))})")])
    fmt, said_date = _timestamp_format(path, ts, frame[ts], locale)
    rest = [c for c in frame.columns if c != ts]
    guesses = {c: guess_column(c, frame[c]) for c in rest}

    def words(kind: str, column: str) -> bool:
        return re.search(SURVEY_WORDS[kind], column, re.IGNORECASE) is not None

    def scores(low: int, high: int):
        return [c for c in rest if guesses[c].kind == "number" and guesses[c].whole
                and guesses[c].low >= low and guesses[c].high <= high]

    nps_fit = [c for c in scores(0, 10) if words("nps", c)]
    csat_fit = [c for c in scores(1, 5) if words("csat", c) and c not in nps_fit[:1]]
    nps, csat = nps_fit[:1], csat_fit[:1]
    email = next((c for c in rest if EMAIL.search(c) or guesses[c].kind == "email"), None)
    texts = [c for c in rest if guesses[c].kind == "text" and words("text", c) and c != email]
    read = set(nps + csat + texts + ([email] if email else []))

    notes = [f"Read {ts!r} as when each answer was sent: {said_date}, in the business time zone {zone} "
             "(the Sheet writes its own zone's time without saying which)."]
    notes += [f"Read {c!r} as the 0-10 recommend score (NPS)." for c in nps]
    notes += [f"Read {c!r} as the 1-5 satisfaction score (CSAT)." for c in csat]
    if texts:
        notes.append(f"Read {', '.join(map(repr, texts))} as the comment" + (" (joined)." if len(texts) > 1 else "."))
    notes.append(f"Read {email!r} as the customer (a pseudonymous key, not the address)." if email
                 else "No email column: the answers are anonymous.")
    stamps = frame[ts].str.strip()
    same = int(stamps[stamps != ""].duplicated().sum())
    if same:
        notes.append(f"{same} answer{'s were' if same > 1 else ' was'} sent in the same second as another: "
                     "each is kept as its own answer (the later one's id ends in -2, -3).")
    unclear = []  # (column, why): could be a score, not read as one
    for c in rest:
        g = guesses[c]
        if c in read or g.kind != "number":
            continue
        span = f"{g.low:g}-{g.high:g}"
        if c in nps_fit or c in csat_fit:
            unclear.append((c, f"also a {'0-10 recommend' if c in nps_fit else '1-5 satisfaction'} question "
                               "(one of each is read per answer)"))
        elif words("nps", c):
            unclear.append((c, f"asks about recommending, but its answers run {span}, not 0-10"))
        elif words("csat", c):
            unclear.append((c, f"asks for a rating, but its answers run {span}, not 1-5"))
        elif g.whole and g.low >= 0 and g.high <= 10:
            unclear.append((c, f"whole numbers {span}, but the question says neither recommend nor rate"))
    if unclear:
        notes.append("Not read as a score: " + "; ".join(f"{c!r} ({why})" for c, why in unclear) + ".")
    others = [c for c in rest if c not in read and c not in dict(unclear)]
    if others:
        notes.append(f"Not read: {', '.join(map(repr, others))}.")
    if not nps and not csat:
        raise IngestError([Problem(str(path), " ".join(notes) + " No column reads as a 0-10 recommend score or a "
                                   "1-5 rating, so there is nothing to score. " + _block_hint(path, ts, fmt, email,
                                                                                             texts, unclear))])
    columns = {"ts": ts, **({"nps": nps[0]} if nps else {}), **({"csat": csat[0]} if csat else {}),
               **({"customer_id": email} if email else {})}
    # The Sheet has no response id; the time to the second is one, and it survives the owner
    # deleting or sorting rows (the row number would not). The address stays out of the id.
    # Two answers sent in the same second are two answers: the later one gets "-2".
    survey_id = f"gforms-{{{ts}}}{{_nth}}"
    mapping = base.model_copy(update={
        "columns": {**base.columns, **columns},
        "concat": {**base.concat, **({"text": texts} if texts else {})},
        "templates": {**base.templates, "survey_id": survey_id},
        "email_keys": ["customer_id"] if email else [],
        "options": base.options.model_copy(update={"timestamp_format": fmt}),
    })
    if unclear:
        notes.append(_block_hint(path, ts, fmt, email, texts, unclear, columns))
    return FormReading(mapping, tuple(notes))


def _frame(path: Path) -> pd.DataFrame:
    text = read_head(path)
    try:
        return pd.read_csv(path, sep=sniff_delimiter(text), dtype=str, keep_default_na=False,
                           encoding="utf-8-sig", encoding_errors="replace")
    except (pd.errors.ParserError, ValueError) as exc:
        raise IngestError([Problem(str(path), f"could not read it as a CSV: {exc}")]) from None


def _timestamp_format(path: Path, column: str, values: pd.Series, locale: str | None) -> tuple[str | None, str]:
    """The strptime format of the Timestamp column, and how it was settled, in words."""
    filled = values[values.str.strip() != ""].str.strip()
    example = filled.iloc[0] if len(filled) else ""
    time = filled.str.extract(_TIME)
    if filled.empty or time["clock"].isna().any():
        raise IngestError([Problem(str(path), (
            f"{column!r} should hold the date and time each answer was sent; found {example!r}. A Sheet's own "
            "download (File > Download > Comma-separated values) writes it as the Sheet shows it; the zip that "
            "Forms' Responses tab downloads writes '2026/09/27 3:00:00 PM GMT+3', which journeybot does not read: "
            "download from the linked Sheet instead"))])
    clock = "%I:%M" if time["ampm"].notna().any() else "%H:%M"
    clock += ":%S" if time["sec"].notna().all() else ""
    clock += " %p" if time["ampm"].notna().any() else ""
    if filled.str.match(_YEAR_FIRST).all():
        sep = filled.iloc[0][4]
        return f"%Y{sep}%m{sep}%d {clock}", f"year first ({example})"
    parts = filled.str.extract(_DAY_MONTH)
    if parts[0].isna().any() or parts[1].nunique() != 1:
        odd = filled[parts[0].isna()].iloc[0] if parts[0].isna().any() else example
        raise IngestError([Problem(str(path), f"{column!r}: the dates are not all written one way (e.g. {odd!r})")])
    sep, year = parts[1].iloc[0], "%Y" if parts[3].str.len().eq(4).all() else "%y"
    first, second = parts[0].astype(int), parts[2].astype(int)
    if (first > 12).any():
        day_first, why = True, "a date's first part is above 12"
    elif (second > 12).any():
        day_first, why = False, "a date's second part is above 12"
    elif locale:
        day_first = locale not in MONTH_FIRST
        why = f"as the business locale {locale} writes dates; no date here settles it"
    else:
        raise IngestError([Problem(str(path), (
            f"{column!r}: every date here ({example!r} ...) reads both day first and month first, so which it is "
            "cannot be told from the file. Say how the Sheet writes dates with the business locale, e.g. "
            "`journeybot profile set locale=en_US` (month first) or `locale=en_GB` (day first), and load it again"))])
    date = f"%d{sep}%m{sep}{year}" if day_first else f"%m{sep}%d{sep}{year}"
    return f"{date} {clock}", f"{'day' if day_first else 'month'} first ({example}; {why})"


def _block_hint(path: Path, ts: str, fmt: str | None, email: str | None, texts: list[str],
                unclear: list[tuple[str, str]], columns: dict[str, str] | None = None) -> str:
    """A mapping to paste that reads the file as it was read here, with the unclear columns as
    commented alternatives: the owner says which question is which, nothing is guessed."""
    key = "google_forms_" + toml_key(path.stem)
    columns = columns or ({"ts": ts} | ({"customer_id": email} if email else {}))
    lines = [f"[mappings.{key}]", 'table = "surveys"',
             "columns = { " + ", ".join(f"{k} = {toml_quote(v)}" for k, v in columns.items()) + " }"]
    lines += [f"# to read {toml_quote(c)} as the NPS (or CSAT), put nps = {toml_quote(c)} (or csat = ...) in columns"
              for c, _ in unclear]
    if texts:
        lines.append("concat = { text = [" + ", ".join(toml_quote(t) for t in texts) + "] }")
    lines.append("templates = { survey_id = " + toml_quote(f"gforms-{{{ts}}}{{_nth}}") + " }")
    lines.append('constants = { touchpoint = "survey_response", channel = "google_forms" }')
    if email:
        lines.append('email_keys = ["customer_id"]')
    lines.append('unknown_customers = "create"')
    if fmt:
        lines.append(f"options = {{ timestamp_format = {toml_quote(fmt)} }}")
    return ("To read a question differently, add this to journeybot.toml, edit it, and load with "
            f"`journeybot ingest surveys {shlex.quote(path.name)} --mapping {key}`:\n" + "\n".join("  " + x for x in lines))
