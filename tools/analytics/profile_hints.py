"""The business profile as `describe` shows it: the values in use and where each came from,
what was only assumed and exactly how to change it, and what the data itself suggests (the money
signs and decimal commas of the amounts, the UTC offsets of the timestamps, the order statuses
seen), from the notes ingest kept (tools/data/hints.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tools.core.money import LOCALES
from tools.core.profile import BusinessProfile
from tools.core.text import counted
from tools.data import hints, profile_store
from tools.data.store import JourneyStore

HOW = ("`journeybot profile set KEY=VALUE` (kept with the data), or the key under [business] in "
       "journeybot.toml")
# Money signs as exports write them -> the currency they most likely mean.
SIGNS: dict[str, str] = {
    "£": "GBP", "€": "EUR", "R$": "BRL", "US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD",
    "NZ$": "NZD", "MX$": "MXN", "¥": "JPY", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS",
    "zł": "PLN", "kr": "SEK, NOK or DKK",
}


@dataclass(frozen=True)
class ProfileAdvice:
    profile: BusinessProfile
    lines: tuple[str, ...]  # the profile in use, with sources
    assumed: tuple[str, ...]  # what nobody set, and how to set it
    suggestions: tuple[str, ...]  # what the data says, where it disagrees or fills a gap
    statuses: tuple[tuple[str, str, int], ...]  # (raw status, kind, orders)


def _offset_of(zone: str, day: dt.date) -> str:
    off = dt.datetime.combine(day, dt.time(12), ZoneInfo(zone)).utcoffset() or dt.timedelta()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _norm_offset(raw: str) -> str:
    if raw in ("Z", "UTC", "GMT"):
        return "+00:00"
    return raw if ":" in raw else f"{raw[:3]}:{raw[3:]}"


def profile_advice(store: JourneyStore, last_day: dt.date | None = None) -> ProfileAdvice:
    p = store.profile
    with store.connect() as con:
        notes = hints.read(con)
        statuses = tuple(profile_store.raw_statuses(con))
        coded = con.execute("SELECT currency, count(*) FROM orders WHERE currency IS NOT NULL "
                            "GROUP BY 1 ORDER BY 2 DESC").fetchall()
        # A store of tickets or survey answers only holds no money: a currency nobody set is then
        # not an assumption any figure rests on, and calling it one sends the owner to set it.
        has_money = con.execute("SELECT EXISTS (SELECT 1 FROM orders WHERE amount IS NOT NULL) "
                                "OR EXISTS (SELECT 1 FROM events WHERE value IS NOT NULL AND value <> 0)").fetchone()[0]
    src = p.sources
    lines = [
        f"currency {p.currency} ({src.get('currency', 'default')}); money is written like {p.numbers.money(1234.5)}"
        if has_money else f"currency {p.currency} ({src.get('currency', 'default')}): no amounts are loaded yet",
        f"time zone {p.timezone} ({src.get('timezone', 'default')}): days and weeks are cut in it",
        f"locale {p.effective_locale} ({'set' if p.locale else 'the usual one for ' + p.currency})",
    ]
    if statuses:
        by_kind: dict[str, list[str]] = {}
        for word, kind, n in statuses:
            by_kind.setdefault(kind, []).append(f"{word} {p.numbers.number(n)}")
        lines.append("order statuses: " + "; ".join(f"{', '.join(v)} -> {k}" for k, v in by_kind.items()))
    assumed = []
    if src.get("currency", "default") == "default" and has_money:
        assumed.append(f"currency {p.currency}: nothing in the config, a recipe or the data set it; amounts are "
                       f"shown in {p.currency} until you set it with {HOW.replace('KEY=VALUE', 'currency=XXX')}")
    if src.get("timezone", "default") == "default":
        assumed.append(f"time zone {p.timezone}: nobody set it; timestamps without an offset were read in it. Set "
                       f"it with {HOW.replace('KEY=VALUE', 'timezone=Area/City')} and load such files again")
    suggestions = [f"{counted(n, 'order', p.numbers)} {'says its amount is' if n == 1 else 'say their amounts are'} "
                   f"in {code} (currency column), but amounts are shown "
                   f"in {p.currency} and not converted: if {code} is the business's money, set it with "
                   f"{HOW.replace('KEY=VALUE', 'currency=' + code)}" for code, n in coded if code != p.currency]
    suggestions += _suggestions(p, notes, last_day)
    return ProfileAdvice(p, tuple(lines), tuple(assumed), tuple(suggestions), statuses)


def _suggestions(p: BusinessProfile, notes: list[tuple[str, str, str, str, str, int]],
                 last_day: dt.date | None) -> list[str]:
    out: list[str] = []
    signs: dict[str, int] = {}
    commas: dict[str, int] = {}
    offsets: dict[str, int] = {}
    seen_on: dict[str, dt.date] = {}
    naive: dict[str, int] = {}
    for table, _file, column, kind, value, rows in notes:
        where = f"{table}.{column}"
        if kind == "money_sign":
            signs[value] = signs.get(value, 0) + rows
        elif kind == "decimal_comma":
            commas[where] = commas.get(where, 0) + rows
        elif kind == "offset":
            raw, _, day = value.partition(" ")
            off = _norm_offset(raw)
            offsets[off] = offsets.get(off, 0) + rows
            with contextlib.suppress(ValueError):
                seen_on[off] = min(seen_on.get(off, dt.date.max), dt.date.fromisoformat(day))
        elif kind == "no_offset":
            naive[value] = naive.get(value, 0) + rows
    if signs:
        sign, n = max(signs.items(), key=lambda kv: kv[1])
        code = SIGNS.get(sign, sign if len(sign) == 3 and sign.isalpha() else None)
        if code and code != p.currency:
            out.append(f"the amounts carry {sign!r} ({counted(n, 'value', p.numbers)} seen): currency {code}? "
                       f"Set it with {HOW.replace('KEY=VALUE', 'currency=' + code.split(',')[0])}")
    if commas and LOCALES.get(p.effective_locale) and LOCALES[p.effective_locale].decimal != ",":
        where = ", ".join(sorted(commas))
        out.append(f"amounts in {where} are written with a decimal comma (12,50): a locale such as pt_BR or "
                   f"de_DE writes them that way ({HOW.replace('KEY=VALUE', 'locale=pt_BR')})")
    if offsets:
        off, n = max(offsets.items(), key=lambda kv: kv[1])
        # Judged on the day the offset was written: +01:00 in July is London's summer time.
        day = seen_on.get(off) or last_day or dt.date.today()
        theirs = _offset_of(p.timezone, day)
        if off != theirs:
            zone = "UTC" if off == "+00:00" else "a zone at UTC" + off
            out.append(f"the timestamps carry the UTC offset {off} ({counted(n, 'value', p.numbers)} seen) "
                       f"but days are cut in "
                       f"{p.timezone} ({theirs} on {day}): if the business is in {zone}, set it "
                       f"with {HOW.replace('KEY=VALUE', 'timezone=...')}")
    for zone, n in naive.items():
        if zone != p.timezone:
            out.append(f"{counted(n, 'timestamp', p.numbers)} had no offset and {'was' if n == 1 else 'were'} "
                       f"read as {zone} time, but the profile's zone is "
                       f"now {p.timezone}: load those files again to read them in it")
    return out
