"""Notes under any answer about the data behind it, whichever tool (or model) answered: amounts
in a currency nobody chose, orders that are all worth 0, one order that makes most of a period's
revenue, and periods counted back from a last day of data long past.

Both are found from the finished answer (its text and its tool calls), so a new tool needs no
wiring here; the tools' own notes stay theirs, and a note a tool already gave is not repeated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from bot.answer import Answer
from tools.data import spans

# Data that ends more than this long before today is old enough to say so: an owner syncing
# daily or exporting monthly never sees the note; a data set that ends in 2018 always does.
OLD_AFTER_DAYS = 60


def data_notes(store: Any, answer: Answer, today: dt.date | None = None) -> list[str]:
    try:
        profile = store.profile
    except Exception:  # no store to read (an answer that never needed one)
        return []
    today = today or dt.datetime.now(ZoneInfo(profile.timezone)).date()
    return [*assumed_currency(profile, answer), *zero_amounts(store, profile, answer),
            *one_big_order(store, profile, answer), *old_data(store, answer, today)]


# One order this many times the period's median order, making at least this share of its
# revenue, is named: a 100x wholesale order moves revenue and AOV more than all the others.
BIG_ORDER_TIMES = 10
BIG_ORDER_SHARE = 0.3


def one_big_order(store: Any, profile: Any, answer: Answer) -> list[str]:
    """A period whose revenue is mostly one order (a catering job among coffees, a mistyped
    amount): an answer that shows money names it, so a jump in revenue or AOV is read as one
    order, not as the shop doing better."""
    if profile.numbers.symbol not in answer.text:
        return []
    periods = {}
    for call in answer.tool_calls:
        prov = getattr(call.result, "provenance", None) if call.ok else None
        if prov is not None and prov.period_start is not None and prov.period_end is not None:
            periods[(prov.period_start, prov.period_end)] = prov.period_label or ""
    notes = []
    for (start, end), label in periods.items():
        try:
            with store.connect() as con:
                row = con.execute(
                    "SELECT order_id, amount, ts, median(amount) OVER (), sum(amount) OVER (), count(*) OVER () "
                    "FROM orders WHERE coalesce(status, 'completed') = 'completed' AND ts >= ? AND ts < ? "
                    "ORDER BY amount DESC LIMIT 1", [start, end]).fetchone()
        except Exception:  # no orders table, or a period the store cannot compare (an answer without one)
            return []
        if row is None:
            continue
        order_id, amount, ts, median, total, n = row
        if n < 5 or not median or amount < BIG_ORDER_TIMES * median or amount < BIG_ORDER_SHARE * total:
            continue
        f = profile.numbers
        notes.append(f"One order makes {100 * amount / total:.0f}% of the revenue in {label or 'this period'}: "
                     f"{order_id} on {ts:%Y-%m-%d}, {f.money(amount)}, {amount / median:.0f} times the typical "
                     f"order ({f.money(median)}); revenue and average order value move with it")
    return notes[:1]


def zero_amounts(store: Any, profile: Any, answer: Answer) -> list[str]:
    """Every order loaded at 0 (a till export whose amount came from the wrong column, or a
    free-event shop): an answer that writes money says so, or £0.00 revenue, lifetime values and
    forecasts read as a business that earned nothing."""
    if profile.numbers.symbol not in answer.text:
        return []
    try:
        with store.connect() as con:
            n, paid = con.execute("SELECT count(*), count(*) FILTER (WHERE amount <> 0) FROM orders").fetchone()
    except Exception:  # a store without an orders table (an answer that never read one)
        return []
    if not n or paid:
        return []
    return [f"Every one of the {n:,} orders loaded has an amount of 0, so revenue, order values, lifetime "
            "values and forecasts are all 0: check which column of the export was loaded as the amount"]


def assumed_currency(profile: Any, answer: Answer) -> list[str]:
    """Amounts written in the default currency's signs while nobody has set the business's
    currency (REES46's prices): said once under an answer that writes one (a town's revenue, a
    persona's spend), unless a tool said it already (the KPIs do)."""
    note = profile.currency_note_for(answer.text, answer.notes)
    return [note[0].upper() + note[1:]] if note else []


def old_data(store: Any, answer: Answer, today: dt.date) -> list[str]:
    """A period named relative to now ('last month', 'this year', the default last 30 days) is
    counted back from the last day of the data it reads. When that day is long past (Olist
    ends in 2018), the answer says so: otherwise September 2018 reads as last month; and when it
    is after today (rows dated in the future), so is that."""
    seen: list[tuple[dt.date, str, bool]] = []
    for call in answer.tool_calls:
        prov = getattr(call.result, "provenance", None) if call.ok else None
        if prov is None:
            continue
        # The tool says which relative period it resolved, from which day, and whether it was
        # its default (tools/analytics/periods.provenance_period): nothing is read from labels.
        anchor = getattr(prov, "period_anchor", None)
        if isinstance(anchor, dt.date):
            seen.append((anchor, str(prov.period_name), bool(getattr(prov, "period_defaulted", False))))
            continue
        # A result that does not carry its period (the feedback tools' texts): the name asked
        # for, counted back from the last day of the tables it read.
        period = (call.args or {}).get("period")
        name = period.get("name") if isinstance(period, dict) else None
        if not name or name == "all":
            continue
        last = _last_day(store, getattr(prov, "tables", ()))
        if last is not None:
            seen.append((last, name, False))
    if not seen:
        return []
    last, name, defaulted = max(seen)
    gap = (today - last).days
    if gap < 0:
        # Rows loaded with --allow-future (bookings) or read in the wrong time zone move "today".
        return [f"The data runs to {last}, after today ({today}): rows dated in the future (bookings, or "
                f"times read in the wrong time zone) make “{name.replace('_', ' ')}” end on {last}."]
    if gap <= OLD_AFTER_DAYS:
        return []
    if name.endswith((" digest", " digest by month")):  # tools/digest: the day reported on is the data's last day
        return [digest_age_note(name.removesuffix(" by month"), last, today, month=name.endswith(" by month")) or ""]
    used = ", the period used when none is named," if defaulted else ""
    year = _assumed_year(store)
    if year:  # (lane real27a) a recipe's placeholder year is no age of the data
        return [f"The data ends in {last:%b} of a year the export does not give ({year} is assumed): "
                f"“{name.replace('_', ' ')}”{used} is counted back from that month, not from today ({today})."]
    return [f"{_ends_on(store, last)}, {_ago(gap)} before today: “{name.replace('_', ' ')}”{used} is counted "
            f"back from that day, not from today ({today})."]


def _assumed_year(store: Any) -> int | None:
    """The year a recipe put on dates whose export has none (the business profile's)."""
    try:
        return getattr(store.profile, "assumed_year", None)
    except Exception:  # noqa: BLE001 - a store without a profile: no year assumed
        return None


def _ends_on(store: Any, last: dt.date) -> str:
    """"The data ends on X", or, when the tables end weeks apart (orders to May, tickets to
    July), the table the answer read: "The tickets end on X (the orders on Y)"."""
    try:
        apart = spans.ends_apart({t: store.as_of(t) for t in spans.DATED}, last)
    except Exception:  # a store that cannot say (a test double): the plain words
        apart = None
    if not apart or not apart[0]:
        return f"The data ends on {last}"
    mine, others = apart
    return f"The {' and '.join(spans.NOUNS[t] for t in mine)} end on {last} ({spans.ends_words(others)})"


def _last_day(store: Any, tables: tuple[str, ...]) -> dt.date | None:
    """The last day of data of the tables a result read (the day its periods end on); the
    feedback store's texts are the survey answers' and tickets'."""
    names = [n for t in tables for n in (("surveys", "tickets") if t == "feedback" else (t,))]
    days = []
    for table in dict.fromkeys(names):
        try:
            day = store.as_of(table)
        except Exception:  # a derived table (sessions): the journey tables it comes from are enough
            continue
        if isinstance(day, dt.date):
            days.append(day)
    return max(days, default=None)


def digest_age_note(name: str, last: dt.date, today: dt.date, *, month: bool = False) -> str | None:
    """"The daily digest reports on 2018-10-22, the data's last day, 8 years before today: not on
    yesterday": for a digest of data that ended long ago, which its date alone does not make
    plain (the terminal's and Slack's digest as much as an answer's). None when it is recent.
    `month`: the data is dated by month only and the digest reports on the month holding `last`."""
    gap = (today - last).days
    if gap <= OLD_AFTER_DAYS:
        return None
    if month:  # UCI's sessions: no day to name, the month it reads
        return (f"The {name} reports on {last:%b %Y}, the data's last month (it is dated by month only), "
                f"{_ago(gap)} before today: not on yesterday ({today - dt.timedelta(days=1)}).")
    return (f"The {name} reports on {last}, the data's last day, {_ago(gap)} before today: "
            f"not on yesterday ({today - dt.timedelta(days=1)}).")


def _ago(days: int) -> str:
    if days < 90:
        return f"{days} days"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{days // 365} years"
