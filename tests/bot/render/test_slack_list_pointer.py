"""A long list's pointer to the rest said the Slack way: the terminal's "(all of them with
--json)" is a command-line flag, meaningless in Slack, where every row is in the "Show the
data" CSV when the answer has that button, and nowhere otherwise. The terminal keeps its words.

On the Shopify and Mailchimp vendor exports: products (the top 2 of more) and next actions by
town (the CSV behind the button is each town's row)."""

from __future__ import annotations

import pytest

from bot.answer import Answer, ToolCallRecord
from bot.render.assistant import answer_markdown
from bot.render.chart_data import data_frame
from bot.render.slack import answer_message
from bot.render.slack_wording import SHOW_DATA_HINT, slack_text


def _message_text(answer: Answer) -> str:
    blocks = answer_message(answer, "a1").blocks
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


@pytest.fixture
def sales(vendor):
    from tools.analytics.periods import Period
    from tools.analytics.product_sales import ProductSalesParams, product_sales

    store, _ = vendor
    return product_sales(store, ProductSalesParams(by="product", period=Period(name="all"), top=2))


def test_slack_points_at_show_the_data_where_the_terminal_says_json(sales):
    cli = sales.to_text()
    assert "with --json" in cli  # the terminal's words are kept
    assert len(sales.groups) > 2
    answer = Answer(cli, "offline", [ToolCallRecord("product_sales", {}, "product_sales()", result=sales)])
    for said in (_message_text(answer), answer_markdown(answer)):
        assert "--json" not in said
        assert SHOW_DATA_HINT in said
    # the CSV behind the button holds every category the list left out
    assert len(data_frame(sales)) == len(sales.groups)


class _Listed:
    """A result with a text and no rows behind it: Slack offers no "Show the data"."""

    def to_text(self) -> str:
        return "Median by group\n  a  1\n  b  2\n  ... and 3 more (lowest first; all of them with --json)"


def test_with_no_data_button_the_pointer_goes_and_the_order_stays():
    text = _Listed().to_text()
    answer = Answer(text, "offline", [ToolCallRecord("x", {}, "x()", result=_Listed())])
    said = slack_text(answer)
    assert said.endswith("... and 3 more (lowest first)")
    bare = Answer("  ... and 4 more groups (all of them with --json)", "offline",
                  [ToolCallRecord("x", {}, "x()", result=_Listed())])
    assert slack_text(bare) == "  ... and 4 more groups"


def test_next_actions_split_by_town_show_each_towns_row_behind_the_button(vendor):
    from tools.predict.actions import NextActionsParams, next_best_actions

    store, registry = vendor
    result = next_best_actions(store, NextActionsParams(by="city"), registry=registry, train_if_missing=False)
    frame = data_frame(result)
    assert frame is not None and "group" in frame.columns
    assert sorted(frame["group"]) == sorted(result.group_table()["group"]) and len(frame) > 1
    # every customer counted once, as in the summary
    assert frame.drop(columns="group").to_numpy().sum() == result.summary["customers"].sum()
