"""(lane real27b) An occasion asked about by name ("black friday week", "the christmas run-up",
"easter weekend", "orders on black friday"), as the answer says it. bot/agent/holidays.py reads
the dates: the latest such span begun by the data's last day. When this year's comes after the
data ends, that is last year's, which the answer showed under bare dates as if it were the one
asked about (the sample bakery ends on 15 November: "black friday week" was 24-30 November 2025
with nothing said). Now the answer says "Black Friday week 2026 is after your data ends (last day
2026-11-15); showing Black Friday week 2025", its period line names the occasion ("Black Friday
week 2025 (24-30 Nov)"), and when no year of the data holds the occasion (it starts after the
one before) the answer says so plainly instead of running a tool over days with no data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from bot.agent.holidays import _DAYS, _OCCASION, _SPAN, _span_days, _span_year
from bot.agent.patterns import rx

# The names as an owner writes them, by the words holidays.py reads (first match wins).
_TITLES: list[tuple[str, str]] = [
    (r"hall?owe?'?en", "Halloween"), (r"christmas day|xmas day", "Christmas Day"),
    (r"christmas eve|xmas eve", "Christmas Eve"), (r"boxing day", "Boxing Day"),
    (r"new year'?s eve|nye", "New Year's Eve"), (r"new year'?s day", "New Year's Day"),
    (r"(?:st\.? )?valentine'?s(?: day)?", "Valentine's Day"), (r"bonfire night|guy fawkes(?: night)?", "Bonfire Night"),
    (r"st\.? patrick'?s day|paddy'?s day", "St Patrick's Day"), (r"black friday", "Black Friday"),
    (r"cyber monday", "Cyber Monday"), (r"good friday", "Good Friday"), (r"easter sunday", "Easter Sunday"),
    (r"easter monday", "Easter Monday"), (r"easter weekend", "Easter weekend"), (r"easter holidays?", "Easter"),
    (r"easter", "Easter"), (r"christmas|xmas", "Christmas"),
]


def _title(name: str) -> str:
    return next((t for p, t in _TITLES if rx.fullmatch(p, name)), name.title())


def _dates(first: dt.date, last: dt.date) -> str:
    """'24-30 Nov', '28 Nov', '29 Dec - 4 Jan'."""
    if first == last:
        return f"{first.day} {first:%b}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {last:%b}"
    return f"{first.day} {first:%b} - {last.day} {last:%b}"


@dataclass(frozen=True)
class Occasion:
    title: str  # "Black Friday week", "the run-up to Christmas", "Black Friday"
    year: int
    first: dt.date
    last: dt.date
    after: tuple[dt.date, dt.date] | None = None  # this year's days, when they come after the data ends

    def label(self) -> str:
        """'Black Friday week 2025 (24-30 Nov)'."""
        return f"{self.title} {self.year} ({_dates(self.first, self.last)})"

    def period(self, as_of: dt.date) -> tuple[dt.date, dt.date]:
        """The days the tool is asked for: cut at the data's last day, as holidays.py's upto."""
        return self.first, min(self.last, as_of) if self.first <= as_of else self.last

    def moved_note(self, as_of: dt.date) -> str | None:
        if self.after is None:
            return None
        return _first_up(f"{self.title} {self.year + 1} ({_dates(*self.after)}) is after your data ends (last day "
                         f"{as_of}); showing {self.title} {self.year}")

    def refusal(self, as_of: dt.date, start: dt.date) -> str:
        """Said when no year of the data holds it: the one shown ends before the data starts."""
        later = (f"{self.title} {self.year + 1} ({_dates(*self.after)}) is after your data ends (last day {as_of}), and "
                 if self.after else "")
        none = "neither is" if self.after else "it is not"
        return _first_up(f"{later}{self.title} {self.year} ({_dates(self.first, self.last)}) is before your data starts "
                         f"({start}): {none} in your data, which runs from {start} to {as_of}, so there is nothing "
                         "to show for it.")


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _span_title(m: re.Match[str]) -> str:
    name = _title(m.group("name1") or m.group("name2") or m.group("name3") or m.group("name4"))
    unit = m.group("unit1") or m.group("unit2")
    if unit is None:
        return f"the run-up to {name}"
    return name if name.lower().endswith(unit) else f"{name} {unit}"


def occasion_in(text: str, as_of: dt.date | None) -> Occasion | None:
    """The one occasion a question names as its period, with the year holidays.py chose."""
    if as_of is None:
        return None
    t = text.lower()
    spans = list(_SPAN.finditer(t))
    if len(spans) == 1:
        m = spans[0]
        year = _span_year(m, as_of)
        first, last = _span_days(m, year)
        now = _span_days(m, year + 1)
        moved = not (m.group("year") or m.group("ago") or (m.group("prev") or "").startswith("last year")) \
            and year < as_of.year and now[0] > as_of
        return Occasion(_span_title(m), year, first, last, now if moved else None)
    if spans:
        return None
    days = [m for m in _OCCASION.finditer(t) if m.group("lead") or m.group("after") is not None or m.group("year")]
    if len(days) != 1 or days[0].group("lead") in ("since", "from"):
        return None
    m = days[0]
    reader = next(f for p, f in _DAYS.items() if rx.fullmatch(p, m.group("name")))
    if m.group("year"):
        year = int(m.group("year"))
        return Occasion(_title(m.group("name")), year, *reader(year))
    first, last = reader(as_of.year)
    if first <= as_of:
        return Occasion(_title(m.group("name")), as_of.year, first, last)
    return Occasion(_title(m.group("name")), as_of.year - 1, *reader(as_of.year - 1), after=(first, last))


def asked_days(args: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a plan's `period` argument, when it is dates."""
    period = args.get("period")
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
    else:
        start, end = getattr(period, "start", None), getattr(period, "end", None)
    try:
        a = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
        b = end if isinstance(end, dt.date) else dt.date.fromisoformat(str(end))
    except ValueError:
        return None
    return a, b


def named_occasion(question: str, args: dict[str, Any], as_of: dt.date | None) -> Occasion | None:
    """The occasion the question names, when the plan's period is its days (and not, say, a
    follow-up's or another period the question also names)."""
    occasion = occasion_in(question, as_of)
    if occasion is None or as_of is None:
        return None
    return occasion if asked_days(args) == occasion.period(as_of) else None


def relabel(body: str, line: str, occasion: Occasion, as_of: dt.date) -> tuple[str, str]:
    """The answer and its reading line with the occasion's days written as the occasion: the
    tools' "custom period (2025-11-24 to 2025-11-30)" and the reading's "2025-11-24 to 2025-11-30"
    (or "on 2025-11-28")."""
    first, last = occasion.period(as_of)
    days = f"{first} to {last}"
    body = body.replace(f"custom period ({days})", occasion.label())
    line = line.replace(f"on {first}" if first == last else days, occasion.label(), 1)
    return body, line


def _against(occasion: Occasion, args: dict[str, Any], as_of: dt.date) -> Occasion | None:
    """(lane real28b) The same occasion in an earlier year, when the plan compares with its days
    ("black friday week vs last year"): the `against` period is then that year's occasion."""
    days = asked_days({"period": args.get("against")}) if isinstance(args.get("against"), dict) else None
    if days is None or days[0].year >= occasion.year:
        return None
    for said in (f"{occasion.title} {days[0].year}", f"on {occasion.title} {days[0].year}"):
        earlier = occasion_in(said.lower(), as_of)
        if earlier is not None and (earlier.first, earlier.last) == days:
            return earlier
    return None


def occasion_said(body: str, line: str, occasion: Occasion, as_of: dt.date,
                  args: dict[str, Any] | None = None) -> tuple[str, str]:
    """The answer with the occasion named (and the same occasion a year before, when compared
    with it), and first, when this year's is after the data, that it shows last year's."""
    earlier = _against(occasion, args or {}, as_of)
    if earlier is not None:  # before the later one: its days are never this year's
        body, line = relabel(body, line, earlier, as_of)
    body, line = relabel(body, line, occasion, as_of)
    note = occasion.moved_note(as_of)
    return (f"{note}.\n{body}" if note else body), line


def occasion_refusal(occasion: Occasion, as_of: dt.date, store: Any) -> str | None:
    """The plain refusal when the occasion's days end before the data starts (no year holds it)."""
    from tools.data import spans

    try:
        firsts = [s.first_day for t in spans.DATED if (s := store.span(t)).first_day is not None]
    except Exception:  # a store that cannot say: the tool answers as before
        return None
    start = min(firsts, default=None)
    if start is None or occasion.period(as_of)[1] >= start:
        return None
    return occasion.refusal(as_of, start)
