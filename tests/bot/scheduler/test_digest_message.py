"""The digest as posted: blocks within Slack's limits, the chart in the thread, and a model's
summary used only when every number in it is in the digest."""

from __future__ import annotations

import datetime as dt

from fakes.chat import say, scripted

from bot.config import load_config
from bot.render.blocks import MAX_BLOCKS, MAX_SECTION_CHARS
from bot.render.digest import digest_message
from bot.scheduler.digests import narrate
from tools.core.results import Provenance
from tools.digest.compose import ChartSeries, DigestResult, KpiLine

DAY = dt.date(2026, 9, 1)


def _result(**kw) -> DigestResult:
    kpis = (
        KpiLine("revenue", "Revenue", "£812.40", "£1,020.10", "↓ £207.70 (-20%)", "down", "worse", -0.2036, False),
        KpiLine("session_conversion", "Session conversion", "7.1%", "28.0%", "↓ 20.9 pp (-75%)", "down", "worse",
                -0.746, False),
        KpiLine("nps", "NPS", "31", "24", "↑ 7 points", "up", "better", None, True),
    )
    base = dict(
        business="Crumb & Co.", cadence="daily", day=DAY, period_label="Tue 1 Sep", previous_label="Tue 25 Aug",
        kpis=kpis, funnel="412 customers entered at awareness in the last 7 days; 28% reached purchase. "
        "Biggest drop-off: consideration → decision, 48% lost (190 customers).",
        sentiment="Largest move: decision +0.10 → -0.35 (worse), 14 texts in the last 7 days.",
        quote='"payment failed twice at checkout" (survey S000123, 2026-09-01)',
        theme="payment / checkout / card: rising: 2 -> 11 (+450%)",
        alerts=("High alert: Session conversion dropped to 7.1% on Tue 1 Sep 2026 (expected 28.0% for a Tuesday, -75%)",),
        risk="3 customer(s) newly at high risk of leaving since 2026-08-25, worth 1,240 over the last 12 months "
             "(41 at high risk in all).",
        chart=ChartSeries("Revenue by day, last 28 days", "money", (DAY - dt.timedelta(days=1), DAY), (1020.1, 812.4)),
        summary="Session conversion fell to 7.1%, ↓ 20.9 pp (-75%): the biggest move the wrong way, Tue 1 Sep "
                "against Tue 25 Aug.",
        notes=("Customers at risk: example note",), provenance=Provenance(tool="digest", definition="test"),
        sources=("compare(metrics=[revenue, session_conversion, nps])", "funnel(period=2026-08-26 to 2026-09-01)"),
    )
    base.update(kw)
    return DigestResult(**base)


def test_every_section_is_in_the_message_and_within_limits():
    message = digest_message(_result())
    text = str(message.blocks)
    for piece in ("Daily journey digest — Crumb & Co., Tue 1 Sep 2026", "Session conversion",
                  "↓ 20.9 pp (-75%)", "Biggest drop-off: consideration → decision",
                  '> "payment failed twice at checkout"', "payment / checkout / card", "High alert",
                  "newly at high risk", "From compare(metrics=[revenue, session_conversion, nps])"):
        assert piece in text, piece
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION_CHARS for b in message.blocks if b["type"] == "section")
    kpi_block = next(b for b in message.blocks if b["type"] == "section" and "```" in b["text"]["text"])
    # labels padded to the longest (18) + 2, values right-aligned in 12 columns
    assert "Revenue" + " " * 18 + "£812.40  ↓ £207.70 (-20%)  worse" in kpi_block["text"]["text"]
    [chart] = message.files
    assert chart.filename == "digest-daily-2026-09-01.png" and chart.content.startswith(b"\x89PNG")
    # the notification text is mrkdwn too: escaped as Slack asks (it shows "Crumb & Co.")
    assert message.text.startswith("Daily journey digest — Crumb &amp; Co., Tue 1 Sep 2026: Session conversion fell")


def test_the_model_summary_is_used_when_its_numbers_are_in_the_digest(home):
    config = load_config(None, env={"JOURNEYBOT_HOME": str(home)})
    good = "Online checkout looks broken: session conversion fell to 7.1% from 28.0%, and payment complaints rose to 11."
    model = scripted(say(good))
    assert narrate(config, _result(), chat_model=model) == good
    prompt = model.seen[0][0].content
    assert "Use only the numbers in the digest below" in prompt and "Session conversion" in prompt
    invented = "Revenue fell by £312 and 57 customers left."
    assert narrate(config, _result(), chat_model=scripted(say(invented))) is None


def test_without_a_model_the_template_stands(home):
    config = load_config(None, env={"JOURNEYBOT_HOME": str(home)})
    assert narrate(config, _result()) is None
    message = digest_message(_result(), None)
    assert "Session conversion fell to 7.1%" in str(message.blocks[1])


def test_the_scheduled_digest_on_the_sample_is_posted_with_its_chart(home):
    from fakes.poster import RecordingPoster
    from sample_cache import sample_store

    from bot.scheduler.scheduler import JourneyScheduler

    config = load_config(None, env={"JOURNEYBOT_HOME": str(home)})
    poster = RecordingPoster()
    s = JourneyScheduler(config, poster, store=sample_store()[0])
    delivery = s.run_digest("C-digest", "daily", DAY)
    assert delivery.outcome == "posted"
    [post] = poster.posts()
    assert post.channel == "C-digest" and post.run_key == "digest:daily:C-digest:2026-09-01"
    assert post.text.startswith("Daily journey digest — My shop, Tue 1 Sep 2026:")
    assert "Session conversion" in str(post.blocks) and len(post.blocks) <= MAX_BLOCKS
    [(channel, filename, thread, png)] = poster.uploads()
    assert (channel, filename, thread) == ("C-digest", "digest-daily-2026-09-01.png", post.ts)
    assert png.startswith(b"\x89PNG")
    assert s.run_digest("C-digest", "daily", DAY).outcome == "already_posted"
