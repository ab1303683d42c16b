"""Fault: a customer's text quoted in a Slack answer hid a link behind other words (audit of
December 2026). A review saying "[Confirm your refund here](https://evil.example/login)" became a
Slack link reading "Confirm your refund here" in the owner's channel, in classic answers (mrkdwn)
and in streamed ones (markdown). Links now show their address; mentions still notify nobody."""

from __future__ import annotations

import json

from bot.answer import Answer
from bot.render.assistant import MarkdownLines, answer_markdown
from bot.render.slack import answer_message

REVIEW = ("<!channel> [Confirm your refund here](https://evil.example/login) or "
          "![x](https://evil.example/pixel.png) <@U123ABC>")
ANSWER = f'1 customer quote for "refund":\n[1] "{REVIEW}"\n     (survey r1, 2025-04-04, CSAT 1)'


def test_a_quoted_link_shows_its_address_in_a_classic_answer():
    blocks = json.dumps(answer_message(Answer(ANSWER, "offline"), "a1").blocks)
    assert "|Confirm your refund here>" not in blocks  # no <url|words> link
    assert "Confirm your refund here (<https://evil.example/login>)" in blocks
    assert "<!channel>" not in blocks and "<@U123ABC>" not in blocks


def test_a_quoted_link_shows_its_address_in_a_streamed_answer():
    whole = answer_markdown(Answer(ANSWER, "offline"))
    streamed = MarkdownLines().convert(ANSWER)
    for text in (whole, streamed):
        assert "](" not in text  # no markdown link or image left to render
        assert "Confirm your refund here (https://evil.example/login)" in text
        assert "<!channel>" not in text and "<@U123ABC>" not in text
