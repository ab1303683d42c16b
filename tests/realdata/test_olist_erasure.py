"""Erasure on a real store with feedback indexed: Olist, persona cards saved and exported into
the data folder (they quote reviews by survey id), then `journeybot forget` of a customer whose
review a card quotes. Who wrote the quoted review is found in the raw CSVs (review -> order ->
customer_unique_id), and afterwards every byte under the data folder is searched for their id
and their review text, here, not with journeybot's matcher. It stopped with "erasure is NOT
complete" over the exported cards before."""

from __future__ import annotations

import re
import shutil

import pandas as pd
from click.testing import CliRunner

from bot.cli import main


def _run(home, *args):
    result = CliRunner().invoke(main, list(args), env={"JOURNEYBOT_HOME": str(home)}, catch_exceptions=False)
    return result.exit_code, result.output


def test_forget_reaches_persona_cards_exported_into_the_data_folder(olist, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(olist.home, home)
    assert _run(home, "personas", "draft")[0] == 0
    assert _run(home, "personas", "save", "--all")[0] == 0
    (home / "exports").mkdir()
    for fmt in ("md", "json"):
        code, out = _run(home, "personas", "export", "--format", fmt, "--output", str(home / "exports" / f"cards.{fmt}"))
        assert code == 0, out
    cards = (home / "exports" / "cards.md").read_text(encoding="utf-8")

    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv", dtype=str)
    orders = pd.read_csv(olist.raw / "olist_orders_dataset.csv", dtype=str)
    people = pd.read_csv(olist.raw / "olist_customers_dataset.csv", dtype=str)
    who = (reviews.merge(orders[["order_id", "customer_id"]], on="order_id")
           .merge(people[["customer_id", "customer_unique_id"]], on="customer_id"))
    said = who.review_comment_message.fillna("")
    # a quoted review (a sentence long) that one customer alone wrote
    quoted = [(m.group(1), m.group(2)) for m in re.finditer(r'> "([^"]{25,})" \(survey ([0-9a-f]{32}):', cards)]
    pick = next((text, rid) for text, rid in quoted
                if who.loc[who.review_id == rid, "customer_unique_id"].nunique() == 1
                and (said == text).sum() + (who.review_comment_title.fillna("") == text).sum() <= 1)
    text, review_id = pick
    person = who.loc[who.review_id == review_id, "customer_unique_id"].iloc[0]
    assert text.encode() in (home / "exports" / "cards.json").read_bytes()

    code, out = _run(home, "forget", person, "--yes")
    assert code == 0, out
    assert "NOT complete" not in out
    left = [str(p) for p in home.rglob("*") if p.is_file()
            and (person.encode() in p.read_bytes() or text.encode() in p.read_bytes())]
    assert left == []
    # the cards are still there for everyone else
    after = (home / "exports" / "cards.md").read_text(encoding="utf-8")
    assert after.count('> "') >= cards.count('> "') - 1 and "[erased]" in after
