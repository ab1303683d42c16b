"""`journeybot feedback index|search|themes|sentiment`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import click

from bot.cli.args import parse_period
from bot.cli.common import (
    EXIT_USAGE,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
    progress_bar,
)
from tools.analytics.periods import PERIOD_NAMES, Period
from tools.core.results import text_of
from tools.core.stages import STAGES

SOURCES_HELP = "survey, ticket, or the name given to a text file"


def open_feedback(ctx: Ctx, *, embedder: bool = True):  # -> FeedbackStore
    """One feedback store per command invocation, like the journey store."""
    key = "_feedback_with_model" if embedder else "_feedback_plain"
    fb = getattr(ctx, key, None)
    if fb is None:
        fb = ctx.config.open_feedback(embedder=embedder)
        setattr(ctx, key, fb)
    return fb


TEXT_TABLES = ("surveys", "tickets")


def index_after_load(ctx: Ctx, store, *, quiet: bool = False) -> None:
    """Embed the survey and ticket texts a load brought (unchanged ones are skipped), with a
    progress bar on a terminal, so the first question about them does not wait for it. A
    failure leaves the load in place and says how to index later. `quiet`: the command prints
    JSON on stdout, so only the bar (stderr) shows."""
    from bot.agent.llm_hooks import sentiment_classifier
    from tools.core.errors import JourneyError
    from tools.feedback.index import index_store

    try:
        with progress_bar(ctx.err) as update:
            report = index_store(open_feedback(ctx), store, chunk_words=ctx.config.feedback.chunk_words,
                                 progress=update, classify=sentiment_classifier(ctx.config))
    except JourneyError as exc:
        ctx.err.print(f"The data is loaded, but its survey and ticket texts are not indexed yet: {exc} "
                      "Run `journeybot feedback index` to index them.", markup=False)
        return
    if not quiet:
        ctx.console.print(report.to_text(), markup=False)


def loaded_texts(reports) -> bool:
    """Did these ingest reports add or change survey answers or tickets?"""
    return any(r.table in TEXT_TABLES and (r.inserted or r.updated) for r in reports)


def parse_since(ctx: Ctx, since: str | None, period: str | None, default: str) -> Period:
    """--since 2026-05-01 | 30 days | last_month, or --period NAME|A..B."""
    if since and period:
        raise CommandError("give --since or --period, not both", EXIT_USAGE)
    if period:
        return parse_period(period)
    if not since:
        return parse_period(default)
    text = since.strip().lower()
    days = re.fullmatch(r"(\d+)\s*d(?:ays?)?", text)
    if days:
        n = int(days.group(1))
        if n < 1:
            raise CommandError("--since needs at least 1 day", EXIT_USAGE)
        named = f"last_{n}_days"
        if named in PERIOD_NAMES:
            return Period(name=named)  # type: ignore[arg-type]
        as_of = open_feedback(ctx).as_of(_store_or_none(ctx))
        return Period(start=as_of - dt.timedelta(days=n - 1), end=as_of)
    try:
        return Period(start=dt.date.fromisoformat(text))
    except ValueError:
        return parse_period(text, "--since")


def _store_or_none(ctx: Ctx):
    # A survey or ticket export alone has no events or orders, yet its dates (UCI's sentences:
    # every answer on 2015-01-01, dated by month only) read periods as `kpis` reads them: without
    # the store, sentiment said "last 30 days (2014-12-03 to 2015-01-01)" where kpis said "Jan 2015".
    # (Tickets alone are left as they were: a desk's data runs to its last reply, a day past the
    # last text, and the period would end there.)
    store = ctx.store
    return store if any(store.as_of(t) is not None for t in (None, "surveys")) else None


@click.group(name="feedback")
def feedback_group() -> None:
    """What customers say: index survey answers and tickets, search them, themes, sentiment.

    \b
    Examples:
      journeybot feedback index
      journeybot feedback search "problems paying online"
      journeybot feedback themes --since 30days
    """


@feedback_group.command("index")
@click.option("--source", "sources", multiple=True, type=click.Choice(["survey", "ticket"]),
              help="Journey store sources to index (default: both).")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Index a text file (CSV, Parquet, JSON lines) instead of the journey store.")
@click.option("--name", help="Source name for --file, e.g. reviews.")
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN",
              help="For --file: text=COL (repeatable for several columns), id, ts, customer_id, "
                   "channel, stage, touchpoint, csat, nps.")
@click.option("--delimiter", help="For --file: CSV delimiter (sniffed when not given).")
@click.option("--rebuild", is_flag=True,
              help="Delete the vector store and embed everything again (after changing the model).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_ctx
@friendly_errors
def index(ctx: Ctx, sources: tuple[str, ...], file: Path | None, name: str | None, maps: tuple[str, ...],
          delimiter: str | None, rebuild: bool, as_json: bool) -> None:
    """Bring the vector store in line with the journey store's surveys and tickets, or a file.

    Texts are redacted, chunked and embedded; unchanged texts are skipped (ids are content
    hashes), changed ones replaced, deleted ones removed.

    \b
    Examples:
      journeybot feedback index
      journeybot feedback index --file reviews.csv --name reviews --map text=comment \\
          --map id=review_id --map ts=date --map csat=stars
      journeybot feedback index --rebuild        # after switching [feedback] embedding
    """
    from tools.feedback.index import index_file, index_store

    fb = open_feedback(ctx)
    cfg = ctx.config.feedback
    if rebuild:
        fb.drop()
    with progress_bar(ctx.err, not as_json) as update:
        if file:
            if sources:
                raise CommandError("--file takes no --source", EXIT_USAGE)
            if not name:
                raise CommandError("--file needs --name (the source name, e.g. reviews)", EXIT_USAGE)
            spec = _text_file(name, maps, delimiter)
            from bot.agent.llm_hooks import sentiment_classifier

            report = index_file(fb, file, spec, chunk_words=cfg.chunk_words, progress=update,
                                classify=sentiment_classifier(ctx.config), store=ctx.store)
        else:
            if maps or name or delimiter:
                raise CommandError("--name, --map and --delimiter go with --file", EXIT_USAGE)
            from bot.agent.llm_hooks import sentiment_classifier

            report = index_store(fb, ctx.store, sources=sources or ("survey", "ticket"),
                                 chunk_words=cfg.chunk_words, progress=update,
                                 classify=sentiment_classifier(ctx.config))
    if as_json:
        print_json(report)
    else:
        ctx.console.print(text_of(report, ctx.details), markup=False)
        if rebuild:
            ctx.console.print("Rebuilt: index any text files again with --file.", markup=False)


def _text_file(name: str, maps: tuple[str, ...], delimiter: str | None):
    from pydantic import ValidationError

    from tools.feedback.documents import TextFile

    fields: dict = {"source": name, "text": []}
    for item in maps:
        if "=" not in item:
            raise CommandError(f"--map takes FIELD=COLUMN, got {item!r}", EXIT_USAGE)
        key, value = (p.strip() for p in item.split("=", 1))
        if key == "text":
            fields["text"].append(value)
        elif key in TextFile.model_fields and key not in ("source", "options"):
            fields[key] = value
        else:
            raise CommandError(f"--map {key}: unknown field; use text, id, ts, customer_id, channel, "
                               "stage, touchpoint, csat or nps", EXIT_USAGE)
    if delimiter:
        fields["options"] = {"delimiter": delimiter}
    if not fields["text"]:
        raise CommandError("--file needs --map text=COLUMN (the column with the customer's words)", EXIT_USAGE)
    try:
        return TextFile.model_validate(fields)
    except ValidationError as exc:
        raise CommandError(f"text file mapping: {exc.errors()[0]['msg']}") from None


def _place_options(command: Any) -> Any:
    """--city / --region: only the texts of customers living there (repeatable)."""
    command = click.option("--region", "regions", multiple=True, help="Only texts of customers in this region.")(command)
    return click.option("--city", "cities", multiple=True, help="Only texts of customers in this town or city.")(command)


def _places(cities: tuple[str, ...], regions: tuple[str, ...]) -> dict[str, list[str] | None]:
    return {"city": list(cities) or None, "region": list(regions) or None}


@feedback_group.command("search")
@click.argument("query", required=False)
@click.option("--period", help="Period name or A..B dates (default: all data).")
@click.option("--since", help="A date (2026-05-01), a number of days (30days) or a period name.")
@click.option("--source", "source", multiple=True, help=f"Only these sources: {SOURCES_HELP}.")
@click.option("--stage", multiple=True, type=click.Choice(STAGES), help="Only these journey stages.")
@click.option("--touchpoint", multiple=True, help="Only these touchpoints, e.g. delivery.")
@click.option("--channel", multiple=True, help="Only texts that came in through these channels.")
@click.option("--customer", help="Only this customer's texts.")
@click.option("--min-sentiment", type=click.FloatRange(-1, 1))
@click.option("--max-sentiment", type=click.FloatRange(-1, 1), help="e.g. -0.2 for complaints only.")
@click.option("--min-csat", type=click.IntRange(1, 5))
@click.option("--max-csat", type=click.IntRange(1, 5))
@click.option("--limit", type=click.IntRange(1, 50), default=8, show_default=True)
@_place_options
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as JSON.")
@pass_ctx
@friendly_errors
def search_cmd(ctx: Ctx, query: str | None, period: str | None, since: str | None, source: tuple[str, ...],
               stage: tuple[str, ...], touchpoint: tuple[str, ...], channel: tuple[str, ...],
               customer: str | None, min_sentiment: float | None, max_sentiment: float | None,
               min_csat: int | None, max_csat: int | None, limit: int, cities: tuple[str, ...],
               regions: tuple[str, ...], as_json: bool) -> None:
    """Find what customers said about something, by meaning, with a citation per quote.

    \b
    Examples:
      journeybot feedback search "card declined at checkout"
      journeybot feedback search "late delivery" --since 30days --max-sentiment -0.2
      journeybot feedback search "staff" --source survey --stage purchase --limit 5
      journeybot feedback search --max-sentiment -0.05 --since 30days   no topic: the most negative first
    """
    from tools.feedback.search import SearchParams, search

    params = SearchParams(
        query=query, period=parse_since(ctx, since, period, "all"), source=list(source) or None,
        stage=list(stage) or None, touchpoint=list(touchpoint) or None, channel=list(channel) or None,
        customer_id=customer, min_sentiment=min_sentiment, max_sentiment=max_sentiment,
        min_csat=min_csat, max_csat=max_csat, limit=limit, **_places(cities, regions),
    )
    result = search(open_feedback(ctx), params, store=_store_or_none(ctx))
    if as_json:
        print_json(result)
    else:
        ctx.console.print(text_of(result, ctx.details), markup=False)



@feedback_group.command("themes")
@click.option("--since", help="A date (2026-05-01), a number of days (30days) or a period name.")
@click.option("--period", help="Period name or A..B dates (default: last 30 days).")
@click.option("--source", "source", multiple=True, help=f"Only these sources: {SOURCES_HELP}.")
@click.option("--stage", multiple=True, type=click.Choice(STAGES), help="Only these journey stages.")
@click.option("--sentiment", type=click.Choice(["all", "negative", "positive"]), default="all",
              show_default=True, help="negative: complaints only.")
@click.option("--max-themes", type=click.IntRange(1, 20), default=6, show_default=True)
@click.option("--min-size", type=click.IntRange(2, 1000), default=3, show_default=True)
@_place_options
@click.option("--json", "as_json", is_flag=True, help="Print the themes as JSON.")
@pass_ctx
@friendly_errors
def themes_cmd(ctx: Ctx, since: str | None, period: str | None, source: tuple[str, ...],
               stage: tuple[str, ...], sentiment: str, max_themes: int, min_size: int,
               cities: tuple[str, ...], regions: tuple[str, ...], as_json: bool) -> None:
    """Group what customers said into themes: size, sentiment, trend and two quotes each.

    \b
    Examples:
      journeybot feedback themes --since 30days
      journeybot feedback themes --since 2026-05-01 --sentiment negative
    """
    from tools.feedback.themes import ThemesParams, themes

    params = ThemesParams(period=parse_since(ctx, since, period, "last_30_days"), source=list(source) or None,
                          stage=list(stage) or None, sentiment=sentiment,  # type: ignore[arg-type]
                          max_themes=max_themes, min_size=min_size, **_places(cities, regions))
    from bot.agent.llm_hooks import theme_labeler

    result = themes(open_feedback(ctx), params, store=_store_or_none(ctx), labeler=theme_labeler(ctx.config))
    if as_json:
        print_json(result)
    else:
        ctx.console.print(text_of(result, ctx.details), markup=False)



@feedback_group.command("sentiment")
@click.option("--by", type=click.Choice(["stage", "touchpoint", "channel", "source", "day", "week", "month"]),
              default="stage", show_default=True)
@click.option("--since", help="A date (2026-05-01), a number of days (30days) or a period name.")
@click.option("--period", help="Period name or A..B dates (default: last 30 days).")
@click.option("--source", "source", multiple=True, help=f"Only these sources: {SOURCES_HELP}.")
@click.option("--stage", multiple=True, type=click.Choice(STAGES), help="Only these journey stages.")
@_place_options
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@pass_ctx
@friendly_errors
def sentiment_cmd(ctx: Ctx, by: str, since: str | None, period: str | None, source: tuple[str, ...],
                  stage: tuple[str, ...], cities: tuple[str, ...], regions: tuple[str, ...],
                  as_json: bool) -> None:
    """How customers feel, by stage, touchpoint, channel, source or over time.

    \b
    Examples:
      journeybot feedback sentiment --by touchpoint --since 30days
      journeybot feedback sentiment --by week --period last_90_days
    """
    from tools.feedback.sentiment import SentimentParams, sentiment_summary

    params = SentimentParams(by=by, period=parse_since(ctx, since, period, "last_30_days"),  # type: ignore[arg-type]
                             source=list(source) or None, stage=list(stage) or None, **_places(cities, regions))
    result = sentiment_summary(open_feedback(ctx), params, store=_store_or_none(ctx))
    if as_json:
        print_json(result)
    else:
        ctx.console.print(text_of(result, ctx.details), markup=False)



def demo_what_customers_say(ctx: Ctx) -> None:
    """Demo section: index the sample's texts, the month's themes with quotes, one search."""
    from tools.core.errors import ToolUnavailable
    from tools.feedback.index import index_store
    from tools.feedback.search import SearchParams, search
    from tools.feedback.themes import ThemesParams, themes

    fb = open_feedback(ctx)
    store = ctx.store
    try:
        with progress_bar(ctx.err) as update:
            report = index_store(fb, store, chunk_words=ctx.config.feedback.chunk_words, progress=update)
    except ToolUnavailable as exc:
        ctx.console.print(f"Skipped: {exc}", markup=False)
        return
    ctx.console.print(text_of(report, ctx.details), markup=False)
    ctx.console.print()
    ctx.console.print("$ journeybot feedback themes --since 30days --max-themes 4", markup=False)
    result = themes(fb, ThemesParams(period=Period(name="last_30_days"), max_themes=4), store=store)
    ctx.console.print(text_of(result, ctx.details), markup=False)
    ctx.console.print()
    ctx.console.print('$ journeybot feedback search "problems paying online" --limit 3', markup=False)
    found = search(fb, SearchParams(query="problems paying online", limit=3), store=store)
    ctx.console.print(text_of(found, ctx.details), markup=False)
