"""Olist's sample holds every cancelled order, so 1 in 7 customers ordered only to have every
order cancelled. Their persona card read "The Browser: looks around ... has not bought yet" and
"no orders from these customers": they did order. Who they are is counted here from the raw
CSVs with pandas (customer_unique_id whose every order is canceled or unavailable)."""

from __future__ import annotations

import re

import pandas as pd


def _only_cancelled(raw) -> int:
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", dtype=str)
    people = pd.read_csv(raw / "olist_customers_dataset.csv", dtype=str)[["customer_id", "customer_unique_id"]]
    o = orders.merge(people, on="customer_id")
    cancelled = o.order_status.isin(["canceled", "unavailable"])
    return int(cancelled.groupby(o.customer_unique_id).all().sum())


def test_customers_whose_orders_were_all_cancelled_are_not_called_browsers(olist):
    n = _only_cancelled(olist.raw)
    answer = olist.ask("describe our typical customer")["answer"]
    cards = re.split(r"\n(?=\*\*\d+\.\*\*)", answer)
    # the shop writes counts the Brazilian way (1.208)
    theirs = [c for c in cards if f": {n:,} customers (".replace(",", ".") in c]
    assert len(theirs) == 1, answer
    card = theirs[0]
    assert "Browser" not in card and "has not bought yet" not in card and "no orders from these customers" not in card
    assert "The Cancelled Orderer" in card
    assert "no completed orders: 100% of them ordered, and 100% of those orders were cancelled" in card


def _open_only(raw) -> int:
    """Customers with an order still on its way (shipped, invoiced, processing...) and none delivered."""
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", dtype=str)
    people = pd.read_csv(raw / "olist_customers_dataset.csv", dtype=str)[["customer_id", "customer_unique_id"]]
    o = orders.merge(people, on="customer_id")
    delivered = (o.order_status == "delivered").groupby(o.customer_unique_id).any()
    open_ = (~o.order_status.isin(["delivered", "canceled", "unavailable"])).groupby(o.customer_unique_id).any()
    return int((open_ & ~delivered).sum())


def test_customers_waiting_for_their_orders_are_counted_not_read_as_per_buyer_shares(olist):
    """The sample keeps every undelivered order: a group of people whose orders are all shipped or
    invoiced read "0% have bought, 1,0 orders each" (the figures of its 8 buyers). The card counts
    the people waiting, and the pandas count of them appears across the cards."""
    n = _open_only(olist.raw)
    answer = olist.ask("describe our typical customer")["answer"]
    waiting = [int(x.replace(".", "")) for x in re.findall(r"([\d.]+) of [\d.]+ customers have orders not completed yet", answer)]
    assert sum(waiting) == n, answer
    assert not re.search(r"\b0% have bought, [\d,]+ orders each", answer), answer
