"""The numbers and quotes behind one persona, for any set of customers.

Everything a persona card states is computed here from the journey tables for the persona's
members (a subquery of customer ids), so a card redrawn after an edit (merged, narrowed) gets
its numbers recomputed rather than carried over. Pain points come from the members' own
survey answers and tickets: each text is matched against a fixed list of complaint themes
(English, plus the Portuguese words of the Olist reviews), and the two quotes shown are the
most critical texts of the top theme, PII-redacted again before they leave this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from tools.core.pii import redact, redact_series
from tools.core.stages import STAGES

# Sent by the business, not chosen by the customer: they say nothing about the persona.
BUSINESS_SENT = ("email_send", "receipt_email")

ALL_IDS_SQL = """SELECT customer_id FROM customers
    UNION SELECT DISTINCT customer_id FROM events
    UNION SELECT DISTINCT customer_id FROM orders"""

# Sales are completed orders, as in the KPIs and the predictions: a pending order (shipped,
# processing) is not yet revenue, so it is not in a card's revenue or average order either.
_ORDERS = "SELECT * FROM orders WHERE coalesce(status, 'completed') = 'completed'"


@dataclass(frozen=True)
class PainTheme:
    key: str
    label: str  # a pain point in the owner's words
    pattern: str  # complaint wording, English and Portuguese
    action: str  # what to do next about it


PAIN_THEMES: tuple[PainTheme, ...] = (
    PainTheme("pickup_wait", "Waiting at pickup: orders not ready at the collection time",
              r"\bwait(?:ed|ing)?\b[^.]*\b(?:pick ?up|collect\w*|counter|slot)|not ready|pick ?up slot",
              "Have collections packed before the slot and text customers when an order is ready"),
    PainTheme("queues", "Queues at busy times",
              r"\bqueue|\blong line|\bbusy\b[^.]*\bwait",
              "Add a second till or pre-packed grab-and-go at the busiest hours"),
    PainTheme("late_delivery", "Deliveries arriving late or not at all",
              r"\blate\b|\bdelay|\bhas ?n.t arrived|\bnot arrived|never arrived|still waiting for|"
              r"\batras|n[aã]o (?:chegou|recebi)|\bprazo|\bdemor|ainda n[aã]o",
              "Check courier times, give a delivery window and tell customers before they have to ask"),
    PainTheme("damaged", "Damaged parcels and packaging",
              r"\bdamaged|\bcrushed|\bsquashed|\bbroken\b|\bpackag|\bembalage|\bquebrad|\bdanific|\bavariad",
              "Test the packaging on a real courier run and replace what arrives damaged without fuss"),
    PainTheme("payment", "Payment and checkout problems",
              r"\bpayment|\bcheckout|\bcharged\b|\bdeclined|\bpagamento|\bcobran",
              "Check the payment flow end to end and refund double charges quickly"),
    PainTheme("prices", "Prices going up",
              r"\bprice|\bexpensive|\boverpriced|\bpricey|\bcost more|\bcaro\b|\bpre[cç]o",
              "Explain what changed and reward regulars (stamps, a loyalty price)"),
    PainTheme("website", "The website and ordering online",
              r"\bwebsite|\bsite\b|\bslot picker|\bapp\b|\bcould.?n.t (?:order|find)|\bconfusing",
              "Walk through ordering on a phone and fix the steps where people give up"),
    PainTheme("quotes", "Slow quotes and changes for catering and custom cakes",
              r"\bquote|\bcatering|\bplatter|\bcustom cake|\bor[cç]amento",
              "Answer quote requests within a day with a standard price list"),
    PainTheme("dietary", "Gluten-free, vegan and allergen options",
              r"\bgluten|\bvegan|\ballerg|\bdairy|\bnut[- ]free",
              "Label allergens clearly and keep a gluten-free and vegan choice every day"),
    PainTheme("staff", "Staff attitude",
              r"\brude\b|\bunfriendly|\bshort with me|\bstressed|\batendimento|\bmal educad",
              "Brief the team on the busiest shifts and add cover"),
    PainTheme("quality", "Product quality: stale, faulty or not as described",
              r"\bstale|\bunderbaked|\bburnt|\bnot fresh|\bdry\b|\bdefeito|\bqualidade|\bdiferente|"
              r"\bfalsificad|\bruim|\bp[eé]ssim",
              "Check what leaves the business against what was promised, and fix the repeat faults"),
    PainTheme("wrong_item", "Wrong or missing items",
              r"\bwrong (?:item|order|cake|box)|\bmissing\b|\bincomplet|\berrad|\bfaltando|\bfaltou|\bveio s[oó]|apenas um",
              "Add a packing check against the order before it leaves"),
)

CRITICAL_SCORE_SQL = "CASE WHEN csat IS NOT NULL THEN (csat - 1) / 4.0 WHEN nps IS NOT NULL THEN nps / 10.0 END"


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pd.DataFrame:
    return con.execute(sql, params).df()


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> tuple[Any, ...]:
    return con.execute(sql, params).fetchone()  # type: ignore[return-value]


def _f(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def persona_facts(con: duckdb.DuckDBPyConnection, members_sql: str, params: list[Any]) -> dict[str, Any]:
    """Every number a card shows, for the customers `members_sql` selects (a query returning
    customer_id, with bound `params`). Shares are 0-1; money in the data's currency."""
    m = f"(SELECT DISTINCT customer_id FROM ({members_sql}) mm)"
    p = list(params)
    facts: dict[str, Any] = {}
    customers, all_customers = _one(
        con, f"SELECT (SELECT count(*) FROM {m} x), (SELECT count(*) FROM ({ALL_IDS_SQL}) a)", p)
    facts["customers"] = int(customers)
    facts["share_of_customers"] = customers / all_customers if all_customers else 0.0
    row = _one(con, f"""
        SELECT count(*), count(DISTINCT customer_id), coalesce(sum(amount), 0),
               (SELECT coalesce(sum(amount), 0) FROM ({_ORDERS}) a),
               avg(CASE WHEN fulfilment = 'pickup' THEN 1.0 ELSE 0.0 END),
               avg(CASE WHEN fulfilment = 'delivery' THEN 1.0 ELSE 0.0 END),
               avg(CASE WHEN channel = 'in_store' OR fulfilment = 'in_store' THEN 1.0 ELSE 0.0 END),
               avg(CASE WHEN channel = 'phone' THEN 1.0 ELSE 0.0 END),
               avg(CASE WHEN channel = 'online' THEN 1.0 ELSE 0.0 END),
               avg(CASE WHEN isodow(ts) <= 5 THEN 1.0 ELSE 0.0 END),
               median(amount)
        FROM ({_ORDERS}) o WHERE customer_id IN (SELECT customer_id FROM {m} x)""", p)
    orders, buyers, revenue, all_revenue = int(row[0]), int(row[1]), float(row[2]), float(row[3])
    ordered = _one(con, f"SELECT count(DISTINCT customer_id) FROM orders WHERE customer_id IN (SELECT customer_id FROM {m} x)", p)[0]
    facts["ordered_share"] = int(ordered) / customers if customers else 0.0  # any status, cancelled too
    # Olist's customers whose every order was cancelled read as "has not bought yet" browsers
    cancelled = _one(con, "SELECT avg(CASE WHEN status = 'cancelled' THEN 1.0 ELSE 0.0 END) FROM orders "
                          f"WHERE customer_id IN (SELECT customer_id FROM {m} x)", p)[0]
    facts["cancelled_share"] = float(cancelled or 0.0)  # of their orders, any status
    facts["open_only"], facts["open_statuses"] = _open_only(con, m, p)
    # A web analytics export (sessions with a purchase flag, no orders file) has no revenue to
    # share out: its cards must not read "0% of revenue" or "0% have bought" beside buyers.
    facts["orders_loaded"] = bool(_one(con, "SELECT count(*) > 0 FROM orders", [])[0])
    facts.update(
        buyers=buyers,
        buyer_share=buyers / customers if customers else 0.0,
        orders=orders,
        orders_per_buyer=orders / buyers if buyers else 0.0,
        revenue=revenue,
        share_of_revenue=revenue / all_revenue if all_revenue else 0.0,
        avg_order=revenue / orders if orders else None,
        median_order=_f(row[10]),
        fulfilment={"pickup": _f(row[4]), "delivery": _f(row[5]), "in_store": _f(row[6])},
        order_channels={"online": _f(row[8]), "in_store": _f(row[6]), "phone": _f(row[7])},
        weekday_share=_f(row[9]),
    )
    dayparts = _frame(con, f"""
        SELECT CASE WHEN hour(ts) < 6 THEN 'at night' WHEN hour(ts) < 11 THEN 'morning' WHEN hour(ts) < 14 THEN 'lunchtime'
                    WHEN hour(ts) < 17 THEN 'afternoon' ELSE 'evening' END AS part, count(*) AS n
        FROM ({_ORDERS}) o WHERE customer_id IN (SELECT customer_id FROM {m} x)
        GROUP BY 1 ORDER BY n DESC, part""", p)
    facts["peak_daypart"] = None
    if orders:
        facts["peak_daypart"] = {"part": str(dayparts["part"].iloc[0]), "share": float(dayparts["n"].iloc[0]) / orders}
    facts["median_days_since_purchase"] = _f(_one(con, f"""
        SELECT median(date_diff('day', last::DATE, (SELECT max(ts)::DATE FROM ({_ORDERS}) a)))
        FROM (SELECT customer_id, max(ts) AS last FROM ({_ORDERS}) o
              WHERE customer_id IN (SELECT customer_id FROM {m} x) GROUP BY 1) l""", p)[0])
    row = _one(con, f"""
        SELECT count(*), avg(CASE WHEN online THEN 1.0 ELSE 0.0 END)
        FROM events WHERE customer_id IN (SELECT customer_id FROM {m} x)""", p)
    facts["events"] = int(row[0])
    facts["online_share"] = _f(row[1])
    row = _one(con, f"""
        SELECT (SELECT count(*) FROM sessions WHERE customer_id IN (SELECT customer_id FROM {m} x)),
               (SELECT count(*) > 0 FROM sessions)""", p)
    # Web sessions as the KPIs count them (the sessions table), not distinct session ids of any
    # event: Olist's order, delivery and review events share the order id and read as "1,0 web
    # sessions per customer" for a marketplace export without a single visit. None: no web
    # sessions in the data at all, so the card does not speak of them.
    facts["sessions_per_customer"] = (int(row[0]) / customers if customers else 0.0) if row[1] else None
    row = _one(con, f"""
        SELECT count(*), count(*) FILTER (WHERE NOT bought) FROM (
            SELECT session_id, bool_or(touchpoint IN ('order_placed', 'purchase')) AS bought
            FROM events WHERE session_id IS NOT NULL AND customer_id IN (SELECT customer_id FROM {m} x)
            GROUP BY session_id HAVING bool_or(touchpoint IN ('add_to_cart', 'cart')))""", p)
    facts["cart_sessions"] = int(row[0])
    facts["cart_abandonment"] = int(row[1]) / int(row[0]) if row[0] else None
    channels = _frame(con, f"""
        SELECT channel, count(*) AS n FROM (
            SELECT customer_id, arg_min(channel, ts) AS channel FROM events
            WHERE customer_id IN (SELECT customer_id FROM {m} x) AND channel IS NOT NULL GROUP BY 1)
        GROUP BY 1 ORDER BY n DESC, channel LIMIT 3""", p)
    facts["first_touch_channels"] = [
        {"channel": str(r.channel), "share": r.n / customers} for r in channels.itertuples()]
    facts["touchpoints"] = _touchpoints(con, m, p, customers, all_customers)
    facts["stages"], facts["weakest_stage"] = _journey(con, m, p, customers)
    row = _one(con, f"""
        SELECT count(*), count(DISTINCT customer_id) FROM tickets
        WHERE customer_id IN (SELECT customer_id FROM {m} x)""", p)
    facts["tickets_per_100"] = 100.0 * int(row[0]) / customers if customers else 0.0
    facts["support_contact_share"] = int(row[1]) / customers if customers else 0.0
    row = _one(con, f"""
        SELECT avg(csat), count(csat), avg(nps), count(nps) FROM surveys
        WHERE customer_id IN (SELECT customer_id FROM {m} x)""", p)
    facts["csat"] = {"mean": _f(row[0]), "answers": int(row[1])}
    facts["nps"] = {"mean": _f(row[2]), "answers": int(row[3])}
    facts["demographics"] = _demographics(con, m, p, customers)
    return facts


def _open_only(con, m: str, p: list[Any]) -> tuple[int, list[dict[str, Any]]]:
    """Members with an order still open (shipped, invoiced...) and none completed, and the
    shares of those orders' own status words. Olist's sample keeps every undelivered order, so a
    whole group can be people waiting for a parcel; their card read "0% have bought, 1,0 orders
    each": the per-buyer figures of the 8 in 1.724 who had bought."""
    frame = _frame(con, f"""
        SELECT customer_id, coalesce(status_raw, status) AS word FROM orders
        WHERE customer_id IN (SELECT customer_id FROM {m} x)
          AND coalesce(status, 'completed') NOT IN ('completed', 'cancelled', 'returned')
          AND customer_id NOT IN (SELECT customer_id FROM ({_ORDERS}) c WHERE customer_id IS NOT NULL)""", p)
    words = frame["word"].value_counts(normalize=True).head(3)
    return int(frame["customer_id"].nunique()), [{"status": str(w), "share": float(v)} for w, v in words.items()]


def _touchpoints(con, m: str, p: list[Any], customers: int, all_customers: int) -> list[dict[str, Any]]:
    """The touchpoints most members used, with how much more (lift) than customers overall."""
    if not customers:
        return []
    df = _frame(con, f"""
        WITH reach AS (
            SELECT touchpoint, count(DISTINCT customer_id) FILTER (
                       WHERE customer_id IN (SELECT customer_id FROM {m} x)) AS members,
                   count(DISTINCT customer_id) AS everyone
            FROM events WHERE touchpoint NOT IN ({', '.join('?' for _ in BUSINESS_SENT)})
            GROUP BY touchpoint)
        SELECT * FROM reach WHERE members > 0 ORDER BY members DESC, touchpoint LIMIT 5""",
        p + list(BUSINESS_SENT))
    out = []
    for r in df.itertuples():
        share = r.members / customers
        overall = r.everyone / all_customers if all_customers else 0.0
        out.append({"touchpoint": str(r.touchpoint), "share": share,
                    "lift": share / overall if overall else None})
    return out


def _journey(con, m: str, p: list[Any], customers: int) -> tuple[dict[str, float], dict[str, Any] | None]:
    """Share of members reaching each stage (an order counts as reaching purchase), and the
    stage whose conversion from the stage before is lowest."""
    df = _frame(con, f"""
        SELECT stage, count(DISTINCT customer_id) AS n FROM (
            SELECT customer_id, stage FROM events WHERE customer_id IN (SELECT customer_id FROM {m} x)
            UNION ALL SELECT customer_id, 'purchase' FROM ({_ORDERS}) o
                WHERE customer_id IN (SELECT customer_id FROM {m} x))
        WHERE stage IS NOT NULL GROUP BY stage""", p * 2)
    counts = dict(zip(df["stage"], df["n"], strict=True))
    reach = {s: (float(counts.get(s, 0)) / customers if customers else 0.0) for s in STAGES}
    weakest = None
    # Advocacy is rare for almost everyone, so it would always be "weakest"; the weakest step
    # is looked for on the way to buying and just after.
    # Stages no event in the whole data has (UCI shoppers has no decision stage) are no step a
    # group can fail: buyers read "consideration to decision (0% go on)" beside 100% purchase.
    present = set(_frame(con, "SELECT DISTINCT stage FROM events WHERE stage IS NOT NULL", [])["stage"])
    present |= {s for s, v in counts.items() if v}
    steps = [s for s in STAGES[: STAGES.index("post-purchase") + 1] if s in present]
    for before, stage in zip(steps, steps[1:], strict=False):
        if reach[before] <= 0:
            continue
        conv = min(reach[stage] / reach[before], 1.0)
        # A step that keeps 99% is not a weakness worth a line on the card.
        if conv < 0.99 and (weakest is None or conv < weakest["conversion"]):
            weakest = {"stage": stage, "from": before, "conversion": conv}
    return reach, weakest


def _demographics(con, m: str, p: list[Any], customers: int) -> dict[str, Any]:
    """Top values of each demographic column, or None when the members have none recorded."""
    out: dict[str, Any] = {}
    for col in ("age_band", "gender", "city", "region"):
        df = _frame(con, f"""
            SELECT {col} AS v, count(*) AS n FROM customers
            WHERE customer_id IN (SELECT customer_id FROM {m} x) AND {col} IS NOT NULL AND {col} <> ''
            GROUP BY 1 ORDER BY n DESC, v""", p)
        known = int(df["n"].sum()) if not df.empty else 0
        if not known:
            out[col] = None
            continue
        out[col] = {"known_share": known / customers if customers else 0.0,
                    "top": [{"value": str(r.v), "share": r.n / known} for r in df.head(3).itertuples()]}
    return out


def member_texts(con: duckdb.DuckDBPyConnection, members_sql: str, params: list[Any]) -> pd.DataFrame:
    """The members' survey answers and tickets: id, kind, text (redacted), score 0-1 or NaN."""
    m = f"(SELECT DISTINCT customer_id FROM ({members_sql}) mm)"
    df = _frame(con, f"""
        SELECT survey_id AS id, 'survey' AS kind, text, {CRITICAL_SCORE_SQL} AS score, ts
        FROM surveys WHERE text IS NOT NULL AND trim(text) <> ''
          AND customer_id IN (SELECT customer_id FROM {m} x)
        UNION ALL
        SELECT ticket_id, 'ticket', concat_ws('. ', subject, text), NULL, created_at
        FROM tickets WHERE coalesce(text, subject) IS NOT NULL
          AND customer_id IN (SELECT customer_id FROM {m} x)
        ORDER BY 1""", list(params) * 2)
    df["text"] = redact_series(df["text"].astype(str))
    return df


def pain_points(texts: pd.DataFrame, *, limit: int = 3) -> list[dict[str, Any]]:
    """Complaint themes in the texts, most mentioned first: label, mentions, share of texts,
    the theme key and two quotes (the most critical, then the shortest)."""
    if texts.empty:
        return []
    out = []
    lowered = texts["text"].str.lower()
    for theme in PAIN_THEMES:
        hit = lowered.str.contains(theme.pattern, regex=True, flags=re.I)
        n = int(hit.sum())
        if not n:
            continue
        # The most critical first; among equals a text that says something (40+ characters)
        # before a two-word one, then the shortest, so quotes stay readable.
        ranked = texts[hit].assign(
            critical=lambda d: d["score"].fillna(0.5), length=lambda d: d["text"].str.len(),
            terse=lambda d: d["length"] < 40,
        ).sort_values(["critical", "terse", "length", "id"])
        # Generated and templated feedback repeats itself: the second quote must say something else.
        opening = ranked["text"].str.lower().str[:25]
        chosen = ranked[~opening.duplicated()].head(2)
        out.append({
            "key": theme.key, "label": theme.label, "mentions": n, "share": n / len(texts),
            "action": theme.action,
            "quotes": [{"text": redact(_clip(t)), "source": f"{k} {i}"}
                       for t, k, i in zip(chosen["text"], chosen["kind"], chosen["id"], strict=True)],
        })
    out.sort(key=lambda d: (-d["mentions"], d["key"]))
    return out[:limit]


def mentions(texts: pd.DataFrame, words: list[str]) -> int:
    """How many texts mention any of the words (for a pain point someone added by hand)."""
    if texts.empty or not words:
        return 0
    pattern = "|".join(rf"\b{re.escape(w.lower())}" for w in words)
    return int(texts["text"].str.lower().str.contains(pattern, regex=True).sum())


def _clip(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
