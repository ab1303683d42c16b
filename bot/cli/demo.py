"""`journeybot demo`: a short tour of the product, offline, on the sample data.

By default, one short screen per capability (bot/cli/tour.py) in plain words, under about 120
lines and under a minute once the sample is set up; `--full` runs every section in full, and
`--details` adds the statistics behind the numbers. The sample is generated, loaded, its texts
indexed and the models trained on the first run only.

Each capability adds a section here once it works (`SECTIONS.append(DemoSection(...))`), so the
full demo always shows everything the product can do with no Slack, no API key and no server.
A section with a screen in tour.SCREENS is in the tour; the others are named at its end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import click

from bot.cli.common import EXIT_INPUT, CommandError, Ctx, friendly_errors, pass_ctx, progress_bar
from bot.cli.data import generate_sample_files, sample_profile
from bot.cli.feedback import demo_what_customers_say
from bot.cli.kpis import demo_kpi_snapshot
from tools.core.results import text_of
from tools.data.ingest import folder_loads, ingest_loads

SAMPLE_FILES = ("customers.csv", "orders.csv", "surveys.csv", "tickets.csv", "ground_truth.csv")


@dataclass(frozen=True)
class DemoSection:
    title: str
    run: Callable[[Ctx], None]


def prepare_sample(ctx: Ctx, again: bool = False) -> None:
    """Generate the sample if absent and load it (once; `again` loads it anyway); refuse to mix
    it into someone's real data."""
    store = ctx.store
    dataset = store.scalar("SELECT value FROM meta WHERE key = 'dataset'")
    if not store.is_empty() and dataset != "sample":
        raise CommandError(
            f"The journey store {ctx.config.store_path} holds your own data, so the demo will not "
            "add sample data to it. Run the demo in a separate data folder, e.g.\n"
            "  JOURNEYBOT_HOME=/tmp/journeybot-demo journeybot demo",
            EXIT_INPUT,
        )
    folder = ctx.config.sample_dir
    if dataset == "sample" and not store.is_empty() and not again:
        # Loaded by an earlier demo: loading the same files again would add nothing.
        ctx.console.print(f"Using the sample data loaded earlier ({folder}).", markup=False)
        return
    if not all((folder / name).exists() for name in SAMPLE_FILES) or not (
        (folder / "events.csv").exists() or (folder / "events.parquet").exists()
    ):
        ctx.console.print(f"Generating sample data in {folder} ...", markup=False)
        generate_sample_files(ctx, folder)
    started = time.perf_counter()
    with progress_bar(ctx.err) as update:
        reports = ingest_loads(store, folder_loads(folder), touchpoints=ctx.config.touchpoint_map(),
                               progress=update, profile=sample_profile(ctx), profile_source="the sample data")
    store.execute("INSERT OR REPLACE INTO meta VALUES ('dataset', 'sample')")
    new = sum(r.inserted for r in reports)
    rows = sum(r.rows_read for r in reports)
    ctx.console.print(
        f"Loaded {rows:,} rows from {folder} into {ctx.config.store_path} "
        f"({new:,} new; loading again adds nothing) in {time.perf_counter() - started:.1f} s.",
        markup=False,
    )


def overview(ctx: Ctx) -> None:
    from tools.analytics.describe import describe_data

    ctx.console.print(text_of(describe_data(ctx.store), ctx.details), markup=False)


def _who_may_leave(ctx: Ctx) -> None:
    from bot.cli.predict import who_may_leave

    who_may_leave(ctx)


def slack_look(ctx: Ctx) -> None:
    from bot.agent.agent import JourneyAgent
    from bot.slack.preview import preview

    agent = JourneyAgent.from_config(ctx.config, ctx.store)
    question = next((t.examples[0] for t in agent.tools if t.name == "funnel" and t.examples),
                    "what data do you have?")
    ctx.console.print(preview(agent, question), markup=False)


def home_tab(ctx: Ctx) -> None:
    from bot.cli.home import home_preview, view_text

    ctx.console.print(view_text(home_preview(ctx.config, ctx.store)), markup=False)


SECTIONS: list[DemoSection] = [
    DemoSection("Your data", overview),
    DemoSection("Who may leave, and what to do", _who_may_leave),
    DemoSection("How it looks in Slack", slack_look),
    DemoSection("Slack's Home tab", home_tab),
    DemoSection("KPI snapshot", demo_kpi_snapshot),
    DemoSection("What customers say", demo_what_customers_say),
]


# The story the demo tells, whatever order the sections were registered in: what is loaded,
# how the shop is doing, where and why customers leave, who they are, then the conversation,
# the look ahead, and what arrives on its own each morning. Unlisted sections come last.
STORY = (
    "Your data", "Data that syncs itself", "KPI snapshot", "When customers come", "What sells best", "Where customers drop off",
    "What customers say",
    "Satisfaction along the journey", "Personas",
    "Journey map", "Ask journeybot", "Read as you meant it, changed only on a yes",
    "Who may leave, and what to do", "What a customer is worth", "This morning's digest",
    "Alerts", "How it looks in Slack", "Slack's Home tab", "Slack's assistant panel", "What journeybot keeps safe", "Running it for real",
)


def in_story_order(sections: list[DemoSection]) -> list[DemoSection]:
    rank = {title: i for i, title in enumerate(STORY)}
    return sorted(sections, key=lambda s: rank.get(s.title, len(STORY)))


@click.command()
@click.option("--full", is_flag=True, help="Every section in full, as a long report (several hundred lines).")
@pass_ctx
@friendly_errors
def demo(ctx: Ctx, full: bool) -> None:
    """A short tour of journeybot on generated sample data: one screen per capability, offline
    (no Slack, no keys, no server). The first run generates and loads the sample, reads its
    customer texts and trains the models; later runs reuse them and take under a minute.

    \b
    Examples:
      journeybot demo                  the short tour
      journeybot demo --details        the tour with the statistics behind the numbers
      journeybot demo --full           every section in full
      JOURNEYBOT_HOME=/tmp/jb-demo journeybot demo    keep the sample apart from your data
    """
    from bot.cli.tour import MENTIONED, SCREENS, setup

    ctx.console.rule("journeybot demo" + (" (full)" if full else ": a short tour"), style="bold")
    prepare_sample(ctx)
    sections = in_story_order(SECTIONS)
    if full:
        for section in sections:
            ctx.console.print()
            ctx.console.rule(section.title)
            section.run(ctx)
        ctx.console.print()
    else:
        setup(ctx)
        for section in sections:
            screen = SCREENS.get(section.title)
            if screen is None:
                continue
            ctx.console.print()
            ctx.console.rule(section.title)
            screen(ctx)
        rest = [s.title for s in sections if s.title not in SCREENS and s.title not in MENTIONED]
        ctx.console.print()
        # One line says where the rest is: the sections only --full shows, and --details.
        ctx.console.print(("Also in `journeybot demo --full`, every section in full: " + "; ".join(rest) + "."
                           if rest else "Every section in full: journeybot demo --full.")
                          + " The statistics too: --details.", markup=False)
    ctx.console.print("Next: load your own exports with `journeybot ingest --help`, or connect Slack (README).",
                      markup=False)


def where_customers_drop_off(ctx: Ctx) -> None:
    from tools.analytics.dropoffs import DropoffParams, dropoffs
    from tools.analytics.funnel import FunnelParams, funnel
    from tools.analytics.periods import Period

    steps = funnel(ctx.store, FunnelParams(
        stages=["awareness", "consideration", "decision", "purchase"],
        period=Period(name="last_90_days"),
        window_days=ctx.config.analytics.conversion_window_days,
        by="channel", max_groups=6,
    ))
    ctx.console.print(text_of(steps, ctx.details), markup=False)
    ctx.console.print()
    ctx.console.print(text_of(dropoffs(ctx.store, DropoffParams(top=6)), ctx.details), markup=False)


SECTIONS.append(DemoSection("Where customers drop off", where_customers_drop_off))


DEMO_QUESTIONS = (
    "where do we lose people between consideration and purchase?",
    "and for instagram only?",
    "what are customers complaining about this month?",
    "did csat get worse compared with last month?",
    "which neighbourhood spends the most?",
)


def ask_journeybot(ctx: Ctx) -> None:
    """Questions answered the way Slack answers them, here by the offline planner: one
    conversation, so the follow-up reuses the funnel with a filter."""
    from bot.agent.agent import JourneyAgent
    from bot.render.text import answer_text, mode_line

    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    ctx.console.print(mode_line(agent.mode, agent.model_label), markup=False)
    conversation = "demo"
    agent.reset(conversation)
    for question in DEMO_QUESTIONS:
        ctx.console.print()
        ctx.console.print(f"> {question}", markup=False, style="bold")
        answer = agent.answer(question, conversation)
        ctx.console.print(_first_lines(answer_text(answer), 18), markup=False)


def _first_lines(text: str, n: int) -> str:
    lines = text.splitlines()
    if len(lines) <= n:
        return text
    # Keep the provenance line at the end: it says where the numbers came from.
    tail = [line for line in lines if line.startswith("— from ")]
    return "\n".join(lines[:n] + ["  ..."] + tail)


SECTIONS.append(DemoSection("Ask journeybot", ask_journeybot))


def _assistant_thread(ctx: Ctx) -> None:
    from bot.cli.assistant_demo import demo_assistant_thread

    demo_assistant_thread(ctx)


SECTIONS.append(DemoSection("Slack's assistant panel", _assistant_thread))


def _readings(ctx: Ctx) -> None:
    from bot.cli.agent_cmd import demo_readings

    demo_readings(ctx)


def _lifetime_value(ctx: Ctx) -> None:
    from bot.cli.predict import demo_lifetime_value

    demo_lifetime_value(ctx)


SECTIONS.append(DemoSection("Read as you meant it, changed only on a yes", _readings))
SECTIONS.append(DemoSection("What a customer is worth", _lifetime_value))


def _journey_map(ctx: Ctx) -> None:
    from bot.cli.map import demo_journey_map

    demo_journey_map(ctx)


SECTIONS.append(DemoSection("Journey map", _journey_map))


def _this_mornings_digest(ctx: Ctx) -> None:
    from bot.cli.digest import demo_digest

    demo_digest(ctx)


def _alerts(ctx: Ctx) -> None:
    from bot.cli.alerts import demo_alerts

    demo_alerts(ctx)


def _privacy(ctx: Ctx) -> None:
    from bot.cli.forget import demo_privacy

    demo_privacy(ctx)


SECTIONS.append(DemoSection("This morning's digest", _this_mornings_digest))
SECTIONS.append(DemoSection("Alerts", _alerts))
SECTIONS.append(DemoSection("What journeybot keeps safe", _privacy))


def _when_customers_come(ctx: Ctx) -> None:
    from tools.analytics.time_pattern import PatternParams, time_pattern

    for by, metric in (("weekday", "orders"), ("hour", "orders"), ("hour", "tickets")):
        result = time_pattern(ctx.store, PatternParams(metric=metric, by=by), ctx.config.kpi_settings())  # type: ignore[arg-type]
        ctx.console.print(text_of(result, ctx.details), markup=False)
        ctx.console.print()


SECTIONS.append(DemoSection("When customers come", _when_customers_come))


def _what_sells_best(ctx: Ctx) -> None:
    """Products ranked by revenue, then categories asked of orders that list none: the answer
    says why and what it ranks instead, as Slack would."""
    from bot.agent.agent import JourneyAgent
    from bot.render.text import answer_text
    from tools.analytics.periods import Period
    from tools.analytics.product_sales import ProductSalesParams, product_sales

    result = product_sales(ctx.store, ProductSalesParams(by="product", period=Period(name="last_30_days"), top=5))
    ctx.console.print(text_of(result, ctx.details), markup=False)
    question = "which categories bring in the most revenue?"
    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    agent.reset("demo-products")
    ctx.console.print()
    ctx.console.print(f"> {question}", markup=False, style="bold")
    ctx.console.print(answer_text(agent.answer(question, "demo-products")), markup=False)


SECTIONS.append(DemoSection("What sells best", _what_sells_best))


def draft_personas_demo(ctx: Ctx) -> None:
    """Personas drafted from the sample's behaviour; the two biggest by revenue shown in full."""
    from bot.agent.persona_tools import feedback_sentiment
    from bot.cli.feedback import open_feedback
    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams

    # The feedback is indexed by "What customers say", so its sentiment joins the behaviour.
    result = draft_personas(ctx.store, DraftPersonasParams(), conversation="demo-personas",
                            sentiment=feedback_sentiment(lambda: open_feedback(ctx, embedder=False)))
    ctx.console.print(result.headline + (f" {result.method}" if ctx.details else ""), markup=False)
    ctx.console.print("Drafted: " + "; ".join(
        f"{p.name} ({p.facts['customers']:,} customers)" for p in result.personas), markup=False)
    if len(result.personas) > 2:
        ctx.console.print(f"The 2 biggest by revenue in full below; all {len(result.personas)}: "
                          "journeybot personas draft.", markup=False)
    for persona in result.personas[:2]:
        ctx.console.print()
        ctx.console.print(text_of(persona, ctx.details), markup=False)
    ctx.console.print()
    ctx.console.print("Edit them in words in `journeybot chat` (\"merge the last two\", \"rename her to "
                      "Rosie\", \"save it\"), or `journeybot personas save --all`.", markup=False)

    # Saved personas are a breakdown in every analysis; show it the way an owner would ask.
    from bot.agent.agent import JourneyAgent
    from bot.render.text import answer_text
    from tools.personas.params import SavePersonaParams
    from tools.personas.saved import save_persona
    from tools.personas.store import saved_name

    if all(saved_name(ctx.store, p.name) for p in result.personas):
        # A second demo run draws the same cards; a new version of each would only be noise.
        ctx.console.print("Saved earlier: " + ", ".join(p.name for p in result.personas), markup=False)
    else:
        saved = save_persona(ctx.store, SavePersonaParams(all=True), conversation="demo-personas")
        ctx.console.print("Saved: " + ", ".join(f"{n} (v{v})" for n, v, _ in saved.saved), markup=False)
    name = result.personas[1].name if len(result.personas) > 1 else result.personas[0].name
    question = f"funnel from consideration to purchase for {name} in the last 90 days"
    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    agent.reset("demo-personas")
    ctx.console.print()
    ctx.console.print(f"> {question}", markup=False, style="bold")
    ctx.console.print(_first_lines(answer_text(agent.answer(question, "demo-personas")), 12), markup=False)


SECTIONS.append(DemoSection("Personas", draft_personas_demo))


def _data_that_syncs_itself(ctx: Ctx) -> None:
    from bot.cli.sources import demo_sources

    demo_sources(ctx)


SECTIONS.append(DemoSection("Data that syncs itself", _data_that_syncs_itself))


def _running_as_a_service(ctx: Ctx) -> None:
    from bot.cli.service import demo_running_as_a_service

    demo_running_as_a_service(ctx)


SECTIONS.append(DemoSection("Running it for real", _running_as_a_service))


def orders_in_full(ctx: Ctx) -> None:
    """The business profile the numbers are written in, and orders named by status."""
    from bot.cli.profile import profile_text
    from tools.analytics.kpis import KpiParams, kpis
    from tools.analytics.periods import Period

    ctx.console.print(profile_text(ctx.store.profile), markup=False)
    result = kpis(ctx.store, KpiParams(metrics=["orders", "revenue"], period=Period(name="last_30_days")),
                  ctx.config.kpi_settings())
    ctx.console.print(f"\nLast 30 days ({result.first_day} to {result.last_day}): revenue "
                      f"{result.get('revenue').formatted(result.numbers)} from "
                      f"{result.orders.phrase(result.numbers)}.", markup=False)


SECTIONS.append(DemoSection("Orders counted in full", orders_in_full))


def _satisfaction_along_the_journey(ctx: Ctx) -> None:
    from bot.cli.satisfaction import demo_satisfaction

    demo_satisfaction(ctx)


SECTIONS.append(DemoSection("Satisfaction along the journey", _satisfaction_along_the_journey))
