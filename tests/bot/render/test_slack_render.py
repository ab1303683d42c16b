"""Answers as Block Kit: tables stay aligned, Markdown becomes mrkdwn, Slack's control
characters are escaped, and nothing Slack would reject is ever built."""

from __future__ import annotations

import json

from fakes.slack_spec import block_problems
from fakes.slack_tools import extra_tools

from bot.agent.tools import ToolContext, run_tool
from bot.answer import Answer, ToolCallRecord
from bot.render.slack import answer_message, escape, segments, text_message, to_mrkdwn

TABLE = ("step             customers   of first\n"
         "awareness            1,000     100.0%\n"
         "purchase                61       6.1%")


def _blocks_text(blocks) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def test_aligned_tables_become_code_blocks_and_prose_stays_prose():
    text = f"Of 1,000 customers, 61 bought.\n\n{TABLE}\n\nThe biggest drop is early."
    assert segments(text) == [("prose", "Of 1,000 customers, 61 bought."), ("code", TABLE),
                              ("prose", "The biggest drop is early.")]
    msg = answer_message(Answer(text, "offline"))
    assert _blocks_text(msg.blocks) == ["Of 1,000 customers, 61 bought.", f"```{TABLE}```",
                                        "The biggest drop is early."]


def test_a_single_line_with_spaces_is_not_a_table_and_fenced_code_is_kept():
    assert segments("Hello  there") == [("prose", "Hello  there")]
    assert segments("See:\n```\nx = 1\n```\ndone") == [("prose", "See:"), ("code", "x = 1"), ("prose", "done")]


def test_markdown_from_a_model_becomes_mrkdwn():
    md = "## Summary\n**Checkout** is down.\n- card payments failed\n* [details](https://example.com/a)"
    assert to_mrkdwn(md) == ("*Summary*\n*Checkout* is down.\n• card payments failed\n"
                             "• details (<https://example.com/a>)")  # a link shows its address


def test_control_characters_are_escaped_everywhere():
    assert escape("a < b & c > d <!channel>") == "a &lt; b &amp; c &gt; d &lt;!channel&gt;"
    msg = answer_message(Answer("Tom & Jerry <@U1>\n" + TABLE.replace("step", "<step>"), "offline"))
    joined = json.dumps(msg.blocks)
    assert "Tom &amp; Jerry &lt;@U1&gt;" in joined and "&lt;step&gt;" in joined
    assert msg.text == "Tom &amp; Jerry &lt;@U1&gt;"


def test_the_trailer_has_provenance_notes_and_buttons_fitting_the_result(store):
    from bot.config import load_config

    ctx = ToolContext(store=store, config=load_config())
    funnel = next(t for t in extra_tools() if t.name == "funnel")
    record = run_tool(funnel, ctx, {})
    answer = Answer(record.result.to_text(), "model", [record], notes=["Small sample: 61 buyers."],
                    model="model gpt-4o-mini")
    blocks = answer_message(answer, "abc123").blocks
    context, notes, buttons = blocks[-3:]
    assert [e["text"] for e in context["elements"]] == ["From `funnel()`", "answered by model gpt-4o-mini"]
    assert notes["elements"][0]["text"] == ":information_source: Small sample: 61 buyers."
    assert [(e["action_id"], e["value"]) for e in buttons["elements"]] == [
        ("show_chart", "abc123"), ("show_data", "abc123"), ("rate_up", "abc123"), ("rate_down", "abc123")]
    failed = ToolCallRecord("funnel", {}, "funnel()", error="no data")
    plain = answer_message(Answer("Sorry.", "offline", [failed]), "abc123").blocks
    assert [e["action_id"] for e in plain[-1]["elements"]] == ["rate_up", "rate_down"]


def test_a_huge_answer_is_cut_within_every_limit_and_attached_whole():
    text = "\n".join(f"row {i:05d}  " + "word " * 30 for i in range(3000))  # ~480 kB
    msg = answer_message(Answer(text, "offline", suggestions=["ask again"]), "id1")
    assert block_problems(msg.blocks) == []
    assert msg.blocks[-1]["type"] == "actions"  # the buttons survive the cut
    assert any("(the full text is in the attached file)" in json.dumps(b) for b in msg.blocks)
    name, content = msg.attachment
    assert name == "answer.txt" and content.decode().startswith("row 00000") and "row 02999" in content.decode()


def test_many_short_paragraphs_hit_the_block_limit_not_the_text_limit():
    text = "\n\n".join(f"Point {i}.\n```\nx\n```" for i in range(80))
    msg = answer_message(Answer(text, "offline"), "id2")
    assert len(msg.blocks) == 50 and msg.attachment is not None
    assert block_problems(msg.blocks) == []


def test_a_short_answer_is_not_attached():
    msg = text_message("Done: <#C1> gets the digest.")
    assert msg.attachment is None and msg.blocks[0]["text"]["text"] == "Done: <#C1> gets the digest."
