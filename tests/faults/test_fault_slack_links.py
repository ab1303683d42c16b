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


def test_a_digest_quoting_a_customer_pings_nobody_and_hides_no_link():
    """The digest's quote and growing theme are customers' words; they went into its mrkdwn
    blocks as they were, so a review saying <!channel> pinged the whole channel every morning."""
    import datetime as dt

    from bot.render.digest import digest_message
    from tools.core.results import Provenance
    from tools.digest.compose import DigestResult

    quote = '"<!channel> <@U123ABC> refund me <https://evil.example|here> & now" (survey S1, 2026-09-01)'
    result = DigestResult(
        business="Crumb & Co.", cadence="daily", day=dt.date(2026, 9, 1), period_label="Tue 1 Sep",
        previous_label="Tue 25 Aug", kpis=(), funnel=None, sentiment="Largest move: decision (worse).",
        quote=quote, theme="<!here> refund / scam: rising 2 -> 11", alerts=(), risk=None, chart=None,
        summary="Quiet day.", notes=(), provenance=Provenance(tool="digest", definition="test"))
    message = digest_message(result)
    posted = json.dumps(message.blocks) + message.text
    for live in ("<!channel>", "<!here>", "<@U123ABC>", "<https://evil.example|here>"):
        assert live not in posted
    sentiment = next(b["text"]["text"] for b in message.blocks
                     if b["type"] == "section" and b["text"]["text"].startswith("*Sentiment*"))
    assert "> &quot;" not in sentiment and '> "&lt;!channel&gt; &lt;@U123ABC&gt; refund me' in sentiment
    assert message.blocks[0]["text"]["text"].startswith("Daily journey digest — Crumb & Co.")  # plain text


def test_an_alert_names_what_it_watches_as_text():
    """An alert's scope and rule come from outside (a touchpoint named in an export, a rule's
    words): its message shows them as written, pinging nobody."""
    import datetime as dt

    from bot.render.alerts import alert_blocks
    from tools.alerts.evaluate import Finding
    from tools.alerts.store import AlertRecord

    day = dt.date(2026, 9, 1)
    finding = Finding(
        rule_id="r1", condition="orders at <!channel> fall", metric="orders", label="Orders", unit="count",
        day=day, window_days=1, kind="freshness", breach=True, judged=False, value=None, expected=None,
        lower=None, upper=None, z=None, change_pct=None, n=0, since=day, reason="", severity="high",
        scope={"touchpoint": "<!here> <https://evil.example|pay here>"})
    record = AlertRecord("a1", "r1", "open", "high", day, day, dt.datetime(2026, 9, 1, 8), None, None,
                         finding, None, None)
    posted = json.dumps(alert_blocks(record))
    for live in ("<!channel>", "<!here>", "<https://evil.example|pay here>"):
        assert live not in posted
    assert "&lt;!here&gt;" in posted


def test_an_indented_fence_does_not_switch_off_disarming_in_a_streamed_answer():
    """Four spaces before ``` is not a fence in Markdown (Slack shows what follows as prose), but
    the streamed text took it for one and passed the next lines as written: a quoted
    "<!channel>" after it would have pinged the channel."""
    streamed = MarkdownLines().convert('The review said:\n    ```\n"<!channel> refund me now"\n')
    assert "<!channel>" not in streamed
    fenced = MarkdownLines().convert("```\nx = 1\n```\n<!here>\n")
    assert "```\nx = 1\n```\n" in fenced and "<!here>" not in fenced  # real fences still pass as written
