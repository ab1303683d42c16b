"""The screens of `journeybot demo`: one short screen per capability, in plain words.

Each screen answers one question an owner has (how are we doing, where do people leave, what
do they say, ...) in a few lines, from the same tools as the full sections in demo.py, and
ends where to read more. `journeybot demo --full` shows every section in full; `--details`
adds the statistics behind the numbers.

Slow one-off work (indexing the customer texts, training the models) happens in `setup`,
once: a second tour reuses it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from rich.console import Console

from bot.cli import tour_more
from bot.cli.common import Ctx, progress_bar
from tools.analytics.periods import Period
from tools.core.text import pct, text_table

MONTH = Period(name="last_30_days")


def say(ctx: Ctx, *lines: str) -> None:
    for line in lines:
        ctx.console.print(line, markup=False)


def setup(ctx: Ctx) -> None:
    """Index the customer texts and train the models when they are not yet (the first tour)."""
    from bot.cli.feedback import open_feedback
    from tools.core.errors import ToolUnavailable
    from tools.feedback.index import index_store
    from tools.predict.registry import MODEL_NAMES, ModelRegistry
    from tools.predict.training import retrain

    try:
        fb = open_feedback(ctx)
        if fb.count() == 0:
            with progress_bar(ctx.err) as update:
                report = index_store(fb, ctx.store, chunk_words=ctx.config.feedback.chunk_words, progress=update)
            say(ctx, f"Read {report.documents:,} survey answers and tickets so they can be searched by meaning "
                     f"(once; took {report.seconds:.0f} s).")
    except ToolUnavailable as exc:
        say(ctx, f"Customer texts not indexed: {exc}")
    registry = ModelRegistry(ctx.store, ctx.config.models_dir)
    if any(not registry.versions(n) for n in MODEL_NAMES):
        ctx.err.print("Training the prediction models on the sample (once) ...", markup=False)
        retrain(ctx.store, registry, ctx.config.predict.settings(), now=dt.datetime.now(dt.UTC),
                only_if_new_data=True)


def your_data(ctx: Ctx) -> None:
    from tools.analytics.describe import describe_data

    d = describe_data(ctx.store)
    rows = {t.table: t.rows for t in d.tables}
    say(ctx, f"{d.first_day} to {d.as_of} ({(d.as_of - d.first_day).days + 1} days, {d.timezone}): "
             f"{d.customers:,} customers, {rows.get('events', 0):,} journey events, {rows.get('orders', 0):,} orders, "
             f"{rows.get('surveys', 0):,} survey answers, {rows.get('tickets', 0):,} support tickets.",
        "Customers seen at each stage: " + ", ".join(f"{r.stage} {r.customers:,}" for r in d.stages.itertuples())
        + " (full overview: journeybot describe)")


KPIS = ("revenue", "orders", "aov", "purchase_conversion", "session_length", "on_time_delivery", "csat",
        "low_review_share", "nps", "first_response_time")


def how_we_are_doing(ctx: Ctx) -> None:
    from tools.analytics.compare import CompareParams, compare
    from tools.analytics.kpi_catalog import DEFAULT_METRICS, SPECS, format_value
    from tools.analytics.named_rates import rate_lines

    r = compare(ctx.store, CompareParams(metrics=list(KPIS), period=MONTH), ctx.config.kpi_settings())
    rows = [[row.label, format_value(SPECS[row.metric], row.current, r.currency),
             format_value(SPECS[row.metric], row.previous, r.currency),
             row.assessment if isinstance(row.assessment, str) and row.assessment != "same" else "-"]
            for row in r.rows.itertuples()
            # the 1-2 star share only where there are ratings (not asked of every KPI in `kpis`)
            if row.metric != "low_review_share" or not (_missing(row.current) and _missing(row.previous))]
    say(ctx, f"{r.current_label} against {r.previous_label}:",
        *("  " + line for line in text_table(["", "now", "before", ""], rows)),
        *rate_lines(list(KPIS)),
        tour_more.when_customers_come(ctx),
        tour_more.what_sells_best(ctx),
        f"All {len(DEFAULT_METRICS)} KPIs: journeybot kpis; what moved them: journeybot movers revenue")


def where_they_drop_off(ctx: Ctx) -> None:
    from tools.analytics.funnel import FunnelParams, funnel
    from tools.analytics.named_rates import GO_ON_RATE

    window = ctx.config.analytics.conversion_window_days
    f = funnel(ctx.store, FunnelParams(stages=["awareness", "consideration", "decision", "purchase"],
                                       period=MONTH, window_days=window))
    steps = [[str(r.name), f"{r.customers:,}", "-" if r.step == 1 else pct(r.step_conversion, 0)]
             for r in f.steps.itertuples()]
    d = f.biggest_drop
    say(ctx, f"{f.entered:,} customers came to know the shop in the {f.provenance.period_label}:",
        *("  " + line for line in text_table(["step", "customers", "go-on rate"], steps)),
        f"Funnel conversion {pct(f.overall_conversion)}; most are lost between {d.from_step} and {d.to_step} "
        f"({d.lost:,} customers)." if d else f"Funnel conversion {pct(f.overall_conversion)}.",
        GO_ON_RATE.said(window=window) + ".",
        "By channel, with a chart in Slack: journeybot funnel --by channel; where they were last: journeybot dropoffs")


def what_customers_say(ctx: Ctx) -> None:
    from bot.cli.feedback import open_feedback
    from tools.core.errors import JourneyError
    from tools.feedback.themes import ThemesParams, themes

    try:
        r = themes(open_feedback(ctx), ThemesParams(period=MONTH, max_themes=3), store=ctx.store)
    except (JourneyError, ImportError) as exc:
        say(ctx, f"Not shown: {exc}")
        return
    say(ctx, f"What {r.texts:,} survey answers and tickets of the last 30 days talk about most:")
    for i, t in enumerate(r.themes, 1):
        say(ctx, f"{i}. {t.label}: {t.size:,} texts, {t.tone()}" + (f"; {t.change_text()}" if t.change_text() else ""))
    if r.themes and r.themes[0].quotes:
        q = r.themes[0].quotes[0]
        say(ctx, f'   "{_clip(q.text, 150)}" ({q.citation()})')
    say(ctx, 'Complaints only: journeybot feedback themes --sentiment negative; '
             'search: journeybot feedback search "late delivery"')


def who_the_customers_are(ctx: Ctx) -> None:
    from bot.agent.persona_tools import feedback_sentiment
    from bot.cli.feedback import open_feedback
    from tools.personas.card import n_customers, percent
    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams

    r = draft_personas(ctx.store, DraftPersonasParams(), conversation="demo-personas",
                       sentiment=feedback_sentiment(lambda: open_feedback(ctx, embedder=False)))
    say(ctx, r.headline + (f" {r.method}" if ctx.details else ""))
    for p in r.personas:
        say(ctx, f"- {p.name}: {n_customers(p.facts['customers'], ctx.store.profile.numbers)}, {percent(p.facts['share_of_revenue'])} of revenue. "
                 f"{_clip(p.summary.split(':')[0], 70)}.")
    say(ctx, "Each card in full, and edit them in words: journeybot personas draft; journeybot chat")


def journey_map_screen(ctx: Ctx) -> None:
    from bot.cli.map import map_context, write_outputs
    from tools.journey_map.markdown import SUMMARY_HEADER, summary_rows
    from tools.journey_map.tool import journey_map
    from tools.journey_map.types import JourneyMapParams

    m = journey_map(ctx.store, JourneyMapParams(), **map_context(ctx))
    say(ctx, *("  " + line for line in text_table(SUMMARY_HEADER, summary_rows(m), align="llrrrrr")))
    if m.opportunities:
        o = m.opportunities[0]
        say(ctx, f"First to improve ({o.stage}): {_clip(o.shown, 150)}")
    folder = ctx.config.home_path / "maps"
    # The next line says where both files are; "Wrote ..." for each would say it twice.
    quiet = Ctx(config_path=ctx.config_path, _config=ctx._config, _store=ctx._store,
                console=Console(file=io.StringIO()))
    write_outputs(quiet, m, (folder / "journey-map.png", folder / "journey-map.xlsx"))
    say(ctx, f"Picture and spreadsheet: {folder}/journey-map.png, .xlsx; one stage: journeybot map --stage purchase")


def ask(ctx: Ctx) -> None:
    from bot.agent.agent import JourneyAgent
    from bot.render.text import answer_text

    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    agent.reset("demo-tour")
    question = "where do we lose people between consideration and purchase?"
    # The reading and the table, without the blank lines and a title repeating the reading: the
    # tour has 120 lines, and the funnel's screen explained the rest.
    lines = [line for line in answer_text(agent.answer(question, "demo-tour")).splitlines() if line.strip()]
    answer = [line for i, line in enumerate(lines) if not (i and _repeats(line, lines[i - 1]))][:6]
    say(ctx, f"> {question}", *answer,
        "  ... (ask anything: journeybot ask \"...\"; a conversation: journeybot chat)")


def who_may_leave(ctx: Ctx) -> None:
    from bot.cli.predict import _registry
    from tools.core.errors import JourneyError
    from tools.predict.churn import AtRiskParams, at_risk_customers
    from tools.predict.forecast import RevenueForecastParams, revenue_forecast
    from tools.predict.scoring import score_customers

    registry, settings = _registry(ctx), ctx.config.predict.settings()
    try:
        scores = score_customers(ctx.store, registry, settings, train_if_missing=False)
        risk = at_risk_customers(ctx.store, AtRiskParams(sort_by="value", limit=2), scores=scores)
    except JourneyError as exc:
        say(ctx, f"Not shown: {exc}")
        return
    money = ctx.config.business.currency
    say(ctx, f"{risk.count:,} of {risk.buyers:,} customers who have bought ({risk.share:.0%}) may not buy again in the "
             f"next {risk.window_days} days; they spent {_money(risk.value, money)} in the last 12 months. "
             "The most valuable of them:")
    for cid, r in risk.customers.iterrows():
        say(ctx, f"  {cid}  {r.churn_risk:.0%} likely to stop, spent {_money(r.spend_365d, money)}: "
                 f"{_clip(r.reasons or '-', 80)}")
    say(ctx, risk.quality)
    try:
        forecast = revenue_forecast(ctx.store, RevenueForecastParams(horizon="next_quarter", limit=0),
                                    registry=registry, settings=settings, currency=ctx.config.business.currency)
        text = forecast.to_text().splitlines()
        # the last line says which method gave the forecast and why: a statistic (--details)
        say(ctx, text[0], *(text[-1:] if ctx.details and len(text) > 1 else []))
    except JourneyError as exc:
        say(ctx, f"Revenue outlook not shown: {exc}")
    say(ctx, "What to do for each: journeybot predict actions")


def this_morning(ctx: Ctx) -> None:
    from bot.agent.digest import build_digest

    d = build_digest(ctx.config, ctx.store)
    summary = _clip(d.summary, 400)
    # the summary names its largest change: that KPI's line would say it twice
    say(ctx, d.title(), summary, *[k.to_text(36) for k in d.kpis[:2] if k.now not in summary],
        "Every morning in Slack ([[digests]] in the config); now: journeybot digest --dry-run")


def alerts(ctx: Ctx) -> None:
    from bot.alert_wiring import alert_policy
    from bot.cli.alerts import _day, _engine
    from tools.alerts.backtest import backtest, load_incidents
    from tools.alerts.check import check_rules

    provider, _, rules = _engine(ctx)
    day = _day(ctx, None)
    checked = check_rules(provider, rules, day, explain=False)
    incidents = ctx.config.sample_dir / "incidents.json"
    first = day - dt.timedelta(days=89)
    replay = backtest(provider, rules, first, day, load_incidents(incidents) if incidents.exists() else [],
                      policy=alert_policy(ctx.config))
    say(ctx, checked.to_text().splitlines()[0].rstrip(".") + "; replayed over the last 90 days: "
        + replay.to_text().split(": ", 1)[1].split("\n")[0],
        "Add your own in words (\"tell me when orders drop 20% week on week\") or: journeybot alerts add --help")


def slack(ctx: Ctx) -> None:
    from bot.agent.agent import JourneyAgent
    from bot.slack.preview import preview

    agent = JourneyAgent.from_config(ctx.config, ctx.store)
    shown = preview(agent, "how has revenue gone week by week?").splitlines()
    # The tool call behind the answer is plumbing; the buttons and the chart are what people see.
    say(ctx, *[line for line in shown[:5] if not line.lstrip().startswith("context:")])


def home_tab(ctx: Ctx) -> None:
    """What the App Home tab holds, from the view the Slack app publishes (bot/cli/home.py): its
    parts, and the first line of its KPI table."""
    from bot.cli.home import home_preview, view_text

    view = home_preview(ctx.config, ctx.store)
    parts = [b["text"]["text"] for b in view.get("blocks", []) if b.get("type") == "header"][1:]  # [0]: its title
    text = [line for line in view_text(view).splitlines() if line.strip()]
    kpis = next((i for i, line in enumerate(text) if line.startswith("*KPIs* as of")), None)
    parts = [p[:1].lower() + p[1:] for p in parts]  # "today's KPIs"
    said = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + (parts[-1] if parts else "")
    # How to connect Slack is the tour's last line.
    say(ctx, f"Opening journeybot in Slack shows its Home tab (journeybot home --dry-run previews it): {said}.",
        *([f"  {text[kpis].replace('*', '')}: {' '.join(text[kpis + 1].split())}"]
          if kpis is not None and kpis + 1 < len(text) else []))


def _money(value: float, currency: str) -> str:
    from tools.analytics.kpi_catalog import SPECS, format_value

    return format_value(SPECS["revenue"], round(float(value)), currency).removesuffix(".00")


def _missing(value: Any) -> bool:
    return value is None or value != value  # NaN: no answers to count


def _repeats(line: str, before: str) -> bool:
    """Whether `line` only restates `before`: a result's title ("Funnel (stages): a > b") under
    the reading that named the same steps ("The funnel (a → b), ...")."""
    said = line.split(": ", 1)[-1].replace(" > ", " → ").strip()
    return ": " in line and len(said) > 10 and said in before


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Sections shown as a line of another screen (the tour has about 120 lines to spend): not
# listed again at the end as "also in --full".
MENTIONED = ("When customers come", "What sells best")

SCREENS: dict[str, Any] = {
    "Your data": your_data,
    "KPI snapshot": how_we_are_doing,
    "Where customers drop off": where_they_drop_off,
    "What customers say": what_customers_say,
    "Personas": who_the_customers_are,
    "Journey map": journey_map_screen,
    "Ask journeybot": ask,
    "Who may leave, and what to do": who_may_leave,
    "This morning's digest": this_morning,
    "Alerts": alerts,
    "How it looks in Slack": slack,
    "Slack's Home tab": home_tab,
    "Data that syncs itself": tour_more.data_that_syncs_itself,
    "Slack's assistant panel": tour_more.assistant_panel,
    "Running it for real": tour_more.running_it_for_real,
}
