"""The digest as a Slack message: title, the opening lines, aligned KPIs, the other sections,
where the numbers came from, and the KPI chart as a file in the thread."""

from __future__ import annotations

from bot.render.blocks import Block, code_sections, context, divider, fit, header, sections
from bot.render.message import Attachment, Message
from bot.render.slack import escape
from tools.digest.compose import ChartSeries, DigestResult


def digest_blocks(result: DigestResult, narrative: str | None = None) -> list[Block]:
    # Everything the digest says is text, not mrkdwn: its quote and theme are customers' words,
    # where "<!channel>" would ping the whole channel and "<url|words>" hide a link.
    blocks: list[Block] = [header(result.title())]
    blocks += sections(escape(narrative or result.summary))
    for heading, text in result.sections():
        if heading == "KPIs":
            blocks += sections(f"*{heading}* — {escape(result.period_label)} vs {escape(result.previous_label)}")
            blocks += code_sections(escape(text.split("\n", 1)[1] if "\n" in text else text))
            continue
        body = escape(text)
        if heading == "Sentiment" and result.quote:
            body = body.replace(escape(result.quote), f"> {escape(result.quote)}")
        blocks += sections(f"*{heading}*\n{body}")
    blocks.append(divider())
    how = "Written from these numbers by the language model." if narrative else ""
    if result.sources:
        blocks.append(context("From " + escape("; ".join(result.sources)[:2900]), how))
    for note in result.notes:
        blocks.append(context(f"Note: {escape(note)}"))
    blocks, _ = fit(blocks)
    return blocks


def chart_png(chart: ChartSeries) -> bytes:
    """The digest's KPI by day, in its unit (money with the currency, from zero)."""
    from tools.charts.axes import kpi_measure
    from tools.charts.trend import kpi_trend_chart
    from tools.core.money import currency_symbol

    name = chart.title.split(" by day")[0].split(",")[0]
    return kpi_trend_chart(list(chart.dates), list(chart.values), title=chart.title,
                           measure=kpi_measure(name, chart.unit, currency_symbol(chart.currency)))


def digest_message(result: DigestResult, narrative: str | None = None) -> Message:
    files = ()
    if result.chart is not None and result.chart.dates:
        name = f"digest-{result.cadence}-{result.day.isoformat()}.png"
        files = (Attachment(name, chart_png(result.chart), result.chart.title),)
    text = escape(f"{result.title()}: {narrative or result.summary}")
    return Message(text[:3000], digest_blocks(result, narrative), files=files)
