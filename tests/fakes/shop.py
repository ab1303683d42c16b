"""A small shop with known customer types, written as journey CSVs, for the predictive tests.

Kept apart from tools/data/sample/ on purpose: these tests need to know exactly who churns and
when, on a data set small enough to train in a second.

Types:
- regular: buys about every 9 days for the whole period.
- occasional: buys about every 40 days.
- churner: buys like a regular until a churn day, then never again; most of them open a
  ticket and give a low NPS in the weeks before leaving.
- prospect: browses, never buys.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

START = dt.date(2026, 1, 1)


def make_shop(folder: Path, *, n: int = 600, days: int = 240, seed: int = 1) -> pd.DataFrame:
    """Write customers/orders/events/tickets/surveys CSVs; return the truth per customer
    (customer_id, type, churn_day as a date or NaT)."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    types = rng.choice(["regular", "occasional", "churner", "prospect"], size=n, p=[0.35, 0.25, 0.3, 0.1])
    ids = np.array([f"C{i:04d}" for i in range(n)])
    joined = rng.integers(0, days // 3, size=n)
    rate = np.select([types == "regular", types == "occasional", types == "churner"], [1 / 9, 1 / 40, 1 / 9], 0.0)
    churn = np.where(types == "churner", rng.integers(days // 3 + 20, days - 10, size=n), days)
    active = np.maximum(churn - joined, 0)

    # Purchases: a Poisson number over the active span, at uniform times within it.
    counts = rng.poisson(rate * active)
    who = np.repeat(np.arange(n), counts)
    offset = joined[who] + rng.random(len(who)) * active[who]
    spend = rng.gamma(4.0, np.where(types == "regular", 6.0, 5.0)[who])
    ts = pd.to_datetime(START) + pd.to_timedelta(offset, unit="D")
    orders = pd.DataFrame({
        "order_id": [f"O{i:06d}" for i in range(len(who))], "customer_id": ids[who], "ts": ts.round("min"),
        "amount": spend.round(2), "status": "completed",
        "channel": rng.choice(["online", "in_store"], size=len(who)),
    })

    # Events: a product view on each purchase day, plus browsing; prospects browse only.
    browse_n = rng.poisson(np.where(types == "prospect", 6, 3))
    bwho = np.repeat(np.arange(n), browse_n)
    boff = joined[bwho] + rng.random(len(bwho)) * np.maximum(churn[bwho] - joined[bwho], 1)
    events = pd.concat([
        pd.DataFrame({"customer_id": ids[who], "ts": (ts - pd.Timedelta(minutes=20)).round("min"),
                      "touchpoint": "product_view", "channel": "search"}),
        pd.DataFrame({"customer_id": ids[bwho], "ts": (pd.to_datetime(START) + pd.to_timedelta(boff, unit="D")).round("min"),
                      "touchpoint": rng.choice(["website_visit", "instagram_view", "add_to_cart"], size=len(bwho)),
                      "channel": rng.choice(["instagram", "search", "email"], size=len(bwho))}),
    ], ignore_index=True)
    events["touchpoint"] = events["touchpoint"].replace({"instagram_view": "social_post_view"})
    events = events.drop_duplicates(["customer_id", "ts", "touchpoint"])

    # Warning signs: 80% of churners complain 5-25 days before leaving; a few others complain too.
    warned = (types == "churner") & (rng.random(n) < 0.8) & (churn - joined > 30)
    random_ticket = (types != "churner") & (types != "prospect") & (rng.random(n) < 0.1)
    tdays = np.where(warned, churn - rng.integers(5, 25, size=n), rng.integers(days // 3, days, size=n))
    tmask = warned | random_ticket
    tickets = pd.DataFrame({
        "ticket_id": [f"T{i:05d}" for i in range(int(tmask.sum()))], "customer_id": ids[tmask],
        "created_at": pd.to_datetime(START) + pd.to_timedelta(tdays[tmask], unit="D") + pd.Timedelta(hours=10),
        "channel": "email", "status": "resolved",
    })
    tickets["resolved_at"] = tickets["created_at"] + pd.Timedelta(hours=30)
    buyers = types != "prospect"
    sdays = np.where(warned, churn - 3, rng.integers(days // 3, days, size=n))
    smask = warned | (buyers & (rng.random(n) < 0.4))
    nps = np.where(warned, rng.integers(0, 5, size=n), rng.integers(7, 11, size=n))
    surveys = pd.DataFrame({
        "survey_id": [f"S{i:05d}" for i in range(int(smask.sum()))], "customer_id": ids[smask],
        "ts": pd.to_datetime(START) + pd.to_timedelta(sdays[smask], unit="D") + pd.Timedelta(hours=12),
        "nps": nps[smask],
    })
    customers = pd.DataFrame({
        "customer_id": ids, "first_seen": pd.to_datetime(START) + pd.to_timedelta(joined, unit="D"),
        "segment": np.where(types == "regular", "loyalty", "standard"),
        "city": rng.choice(["Bristol", "Bath"], size=n),
    })
    for name, frame in (("customers", customers), ("orders", orders), ("events", events),
                        ("tickets", tickets), ("surveys", surveys)):
        frame.to_csv(folder / f"{name}.csv", index=False)
    churn_day = pd.Series(pd.to_datetime(START) + pd.to_timedelta(churn, unit="D")).where(types == "churner")
    return pd.DataFrame({"customer_id": ids, "type": types, "churn_day": churn_day.dt.date})
