"""Olist's Portuguese reviews paste a CPF (the Brazilian personal tax id), phone numbers written
the Brazilian way ("CEL (11) 999929867", "(71) 98500-7952") and end on a name after "Att,".
Quoting one must show none of them. Which reviews hold them is found here in the raw CSV with
pandas regexes, and each is read back through `journeybot feedback search --customer` (the
writer's own texts, found from the raw files: review -> order -> customer_unique_id)."""

from __future__ import annotations

import pandas as pd
import pytest


def _written(raw) -> pd.DataFrame:
    reviews = pd.read_csv(raw / "olist_order_reviews_dataset.csv", dtype=str)
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", dtype=str)[["order_id", "customer_id"]]
    people = pd.read_csv(raw / "olist_customers_dataset.csv", dtype=str)[["customer_id", "customer_unique_id"]]
    who = reviews.merge(orders, on="order_id").merge(people, on="customer_id")
    who["said"] = who.review_comment_message.fillna("")
    return who[who.said != ""]


# what a person pasted, as the raw file has it: a CPF grouped 3.3.3-2; a phone with its area code
# in brackets; the name on the last line after "Att"
PASTED = {
    "cpf": r"(\d{3}\.\d{3}\.\d{3}-\d{2})",
    "phone": r"\(\d{2}\)\s?(\d{4,5}-?\d{4})",
    "signed name": r"(?s)\bAtt\b[.,]*\s*\n\s*([A-Z][a-z]+)\s*$",
}


@pytest.mark.parametrize("kind", list(PASTED))
def test_quotes_of_reviews_show_no_cpf_phone_or_signed_name(olist, kind):
    who = _written(olist.raw)
    found = who.said.str.extract(PASTED[kind]).iloc[:, 0]
    holders = who.assign(secret=found).dropna(subset=["secret"])
    assert len(holders) >= 1, f"the sample holds no {kind} to check"
    for row in holders.itertuples():
        data = olist.cli("feedback", "search", row.said[:120], "--customer", row.customer_unique_id, "--limit", "10")
        texts = [q["text"] for q in data["quotes"]]
        assert texts, f"{row.review_id}: the writer's review is not found"
        assert not any(row.secret in t for t in texts), f"{kind} {row.secret!r} is quoted: {texts}"
