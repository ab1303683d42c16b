"""A web analytics export with a purchase flag and no orders file (UCI online shoppers) is a
new owner's whole data. "Describe our typical customer" crashed on it (a TypeError: no customer
has an order, so no recency), and once it did not, its cards read "bringing 0% of revenue" and
"0% have bought" beside a group whose every session bought. The sessions and the buying ones
are counted here from the raw CSV with pandas."""

from __future__ import annotations

import re

import pandas as pd


def _sessions(raw) -> pd.DataFrame:
    return pd.read_csv(raw / "online_shoppers_intention.csv", sep=";")


def test_personas_of_a_store_without_orders_say_so_and_count_the_buyers(shoppers):
    sessions = _sessions(shoppers.raw)
    answer = shoppers.ask("describe our typical customer")["answer"]
    assert "crashed" not in answer and "did not work" not in answer, answer
    cards = re.split(r"\n(?=\*\*\d+\.\*\*)", answer)[1:]
    assert cards, answer
    sizes = [int(re.search(r"\*\*Size:\*\* ([\d,]+) customers", c).group(1).replace(",", "")) for c in cards]
    assert sum(sizes) == len(sessions)  # one visitor per session: every one is in a card
    # the export has no basket or checkout column, so no event is at the decision stage: no
    # group can be said to fail the step into it
    assert not any("cart" in c.lower() or "checkout" in c.lower() for c in sessions.columns)
    for card in cards:
        assert "revenue not in the data (no orders are loaded)" in card, card
        assert not re.search(r"\d+% of revenue|have bought", card), card
        assert "to decision (" not in card, card
    # the buying visitors are named as reaching the purchase step, not as "0% have bought"
    reached = [(size, int(m.group(1))) for size, card in zip(sizes, cards, strict=True)
               if (m := re.search(r"(\d+)% reached the purchase step", card))]
    assert reached, answer
    buyers = sum(size * pct / 100 for size, pct in reached)
    assert abs(buyers - int(sessions["Revenue"].sum())) <= 0.005 * sum(sizes) + 1
