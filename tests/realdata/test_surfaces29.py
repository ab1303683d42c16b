"""What the owner sees outside the questions, on real exports (lane surfaces29): the journey map.

On Olist (events start at the order) the map said "8,016 customers entered the journey at
awareness" while awareness had nobody; advocacy, with nobody in it, was GREEN (its repeat-purchase
KPI is about the buyers); on the last 30 days "purchase GREEN" rested on 7 customers and a 0.0%
go-on rate whose window was still open; "mean sentiment -0.28 (1 texts)" hid the 4,222 Portuguese
reviews the English model does not score; and the table wrote 8,016 beside KPIs written 5.172
(the shop's pt_BR). REES46 (events start at the view) said the same of awareness. Each number is
checked against pandas over the raw files."""

from __future__ import annotations

import os
import re

import pandas as pd
from click.testing import CliRunner

from bot.cli import main


def _map(shop, *args: str) -> str:
    result = CliRunner().invoke(main, ["map", *args], env={"JOURNEYBOT_HOME": str(shop.home)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _table(text: str) -> dict[str, list[str]]:
    """The summary table: stage -> [health, customers, go-on rate, ...]."""
    body = text.split("```")[1].strip().splitlines()[1:]
    return {row.split()[0]: row.split()[1:] for row in body}


def _pt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _olist_orders(raw) -> pd.DataFrame:
    orders = pd.read_csv(raw / "olist_orders_dataset.csv")
    people = pd.read_csv(raw / "olist_customers_dataset.csv")
    orders = orders.merge(people, on="customer_id")
    orders["day"] = pd.to_datetime(orders.order_purchase_timestamp).dt.date
    return orders


def test_olists_map_enters_at_the_purchase_in_the_shops_numbers_and_never_greens_an_empty_stage(olist):
    text = _map(olist, "--period", "all")
    buyers = _olist_orders(olist.raw).customer_unique_id.nunique()
    assert f"{_pt(buyers)} customers entered the journey at purchase." in text, text[:400]
    assert "entered the journey at awareness" not in text
    rows = _table(text)
    assert rows["purchase"][1] == _pt(buyers)
    # one locale per answer: no English thousands separator next to the pt_BR KPIs
    assert not re.search(r"\b\d{1,3},\d{3}\b", text.split("\nPeriod:")[0]), text
    # a stage nobody reached or was active at is never green, and says why
    for stage, cells in rows.items():
        if cells[1] == "0" and stage != "post-purchase":
            assert cells[0] == "GREY", (stage, cells)
    assert rows["advocacy"][0] == "GREY"
    assert "## Advocacy: grey\n\n- Not judged: nobody reached this stage or was active at it" in text


def test_olists_emotion_says_how_many_review_texts_were_not_scored(olist):
    text = _map(olist, "--period", "all")
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv")
    said = (reviews.review_comment_message.fillna("").str.strip() != "") | \
           (reviews.review_comment_title.fillna("").str.strip() != "")
    texts = int(said.sum())  # a review with a title or a message is one text
    [line] = [x for x in text.splitlines() if x.startswith("- Emotion:") and "sentiment" in x]
    got = re.search(r"\((\d+) texts? scored\); ([\d.]+) of ([\d.]+) texts not scored: not in a language "
                    r"the model reads", line)
    assert got, line
    scored, unscored, total = int(got[1]), int(got[2].replace(".", "")), int(got[3].replace(".", ""))
    assert total == texts and scored + unscored == texts and scored < 30, line
    assert "1 texts" not in text


def test_olists_last_30_days_are_too_few_to_call_the_purchase_healthy(olist):
    text = _map(olist)
    orders = _olist_orders(olist.raw)
    m = re.search(r"last 30 days \((\S+) to (\S+)\)", text)
    first = pd.Timestamp(m[1]).date()
    buyers = orders[orders.day >= first].customer_unique_id.nunique()  # orders end before the period does
    rows = _table(text)
    assert rows["purchase"][:2] == ["GREY", str(buyers)], rows["purchase"]
    assert f"## Purchase: grey\n\n- Not judged: too few to judge: {buyers} customers reached it" in text
    assert "GREEN" not in text.split("```")[1]  # nothing in the shop's quiet tail is judged healthy


def test_rees46s_map_enters_at_the_view_and_leaves_the_stages_without_people_grey(rees46):
    text = _map(rees46, "--period", "all")
    events = pd.read_csv(rees46.raw / "2019-Oct-sample.csv")
    users = events.user_id.nunique()
    assert f"{users:,} customers entered the journey at consideration." in text
    rows = _table(text)
    assert rows["consideration"][:2] == ["GREEN", f"{users:,}"]
    buyers = events[events.event_type == "purchase"].user_id.nunique()
    assert rows["purchase"][:2] == ["GREY", str(buyers)]  # 9 buyers: too few to judge
    assert rows["awareness"][0] == rows["advocacy"][0] == "GREY"


def test_the_map_files_say_where_the_journey_starts(olist, tmp_path):
    out = tmp_path / "map.xlsx"
    _map(olist, "--period", "all", "--out", str(out), "--quiet")
    grid = pd.read_excel(out, sheet_name="Journey map", header=None)
    subtitle = str(grid.iloc[1, 0])
    buyers = _olist_orders(olist.raw).customer_unique_id.nunique()
    assert subtitle.endswith(f"; {_pt(buyers)} customers entered the journey at purchase"), subtitle


def test_olists_digest_on_its_quiet_last_day_says_the_day_itself_is_empty(olist):
    result = CliRunner().invoke(main, ["digest", "--dry-run"], env={"JOURNEYBOT_HOME": str(olist.home)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = result.output
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv")
    last = pd.to_datetime(reviews.review_answer_timestamp).dt.date.max()  # the data's last day
    orders = _olist_orders(olist.raw)
    assert not (orders.day == last).any()  # no order that day: the digest must not read as a quiet comparison
    day = f"{last:%a} {last.day} {last:%b}"
    assert f"Little to report: {day} has no data for Revenue, Orders and Average order value" in text, text[:500]
    assert "No KPI can be compared" not in text
    assert not [x for x in text.splitlines() if "no data" in x and "small sample" in x], text


def _coverage(shop) -> str:
    from bot.config import load_config
    from bot.slack.home import coverage_line

    os.environ["JOURNEYBOT_HOME"] = str(shop.home)  # monkeypatched back by the autouse fixture
    store = load_config().open_store()
    try:
        return coverage_line(store)
    finally:
        store.close()


def test_the_home_tab_counts_everyone_seen_in_the_shops_numbers(rees46, olist):
    events = pd.read_csv(rees46.raw / "2019-Oct-sample.csv")
    line = _coverage(rees46)
    # the customers table holds the 9 buyers; 330 people browsed
    assert f", {events.user_id.nunique():,} customers." in line, line
    line = _coverage(olist)
    assert f", {_pt(_olist_orders(olist.raw).customer_unique_id.nunique())} customers." in line, line
