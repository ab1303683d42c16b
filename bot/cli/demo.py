"""`journeybot demo`: the whole product, offline, on the sample data.

Each capability adds a section here once it works, so the demo always shows everything the
product can do with no Slack, no API key and no server.
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
from tools.data.ingest import folder_loads, ingest_loads

SAMPLE_FILES = ("customers.csv", "orders.csv", "surveys.csv", "tickets.csv", "ground_truth.csv")


@dataclass(frozen=True)
class DemoSection:
    title: str
    run: Callable[[Ctx], None]


def prepare_sample(ctx: Ctx) -> None:
    """Generate the sample if absent and load it; refuse to mix it into someone's real data."""
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

    ctx.console.print(describe_data(ctx.store).to_text(), markup=False)


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


SECTIONS: list[DemoSection] = [
    DemoSection("Your data", overview),
    DemoSection("Who may leave, and what to do", _who_may_leave),
    DemoSection("How it looks in Slack", slack_look),
    DemoSection("KPI snapshot", demo_kpi_snapshot),
    DemoSection("What customers say", demo_what_customers_say),
]


# The story the demo tells, whatever order the sections were registered in: what is loaded,
# how the shop is doing, where and why customers leave, who they are, then the conversation,
# the look ahead, and what arrives on its own each morning. Unlisted sections come last.
STORY = (
    "Your data", "Data that syncs itself", "KPI snapshot", "Where customers drop off", "What customers say",
    "Satisfaction along the journey", "Personas",
    "Journey map", "Ask journeybot", "Who may leave, and what to do", "This morning's digest",
    "Alerts", "How it looks in Slack",
)


def in_story_order(sections: list[DemoSection]) -> list[DemoSection]:
    rank = {title: i for i, title in enumerate(STORY)}
    return sorted(sections, key=lambda s: rank.get(s.title, len(STORY)))


@click.command()
@pass_ctx
@friendly_errors
def demo(ctx: Ctx) -> None:
    """Run the whole product offline on generated sample data (no Slack, no keys, no server)."""
    ctx.console.rule("journeybot demo", style="bold")
    prepare_sample(ctx)
    for section in in_story_order(SECTIONS):
        ctx.console.print()
        ctx.console.rule(section.title)
        section.run(ctx)
    ctx.console.print()
    ctx.console.print(
        "Next: load your own exports with `journeybot ingest --help`, or connect Slack (README).",
        markup=False,
    )


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
    ctx.console.print(steps.to_text(), markup=False)
    ctx.console.print()
    ctx.console.print(dropoffs(ctx.store, DropoffParams(top=6)).to_text(), markup=False)


SECTIONS.append(DemoSection("Where customers drop off", where_customers_drop_off))


DEMO_QUESTIONS = (
    "where do we lose people between consideration and purchase?",
    "and for instagram only?",
    "what are customers complaining about this month?",
    "did csat get worse compared with last month?",
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


SECTIONS.append(DemoSection("This morning's digest", _this_mornings_digest))
SECTIONS.append(DemoSection("Alerts", _alerts))


def draft_personas_demo(ctx: Ctx) -> None:
    """Personas drafted from the sample's behaviour; the two biggest by revenue shown in full."""
    from bot.agent.persona_tools import feedback_sentiment
    from bot.cli.feedback import open_feedback
    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams

    # The feedback is indexed by "What customers say", so its sentiment joins the behaviour.
    result = draft_personas(ctx.store, DraftPersonasParams(), conversation="demo-personas",
                            sentiment=feedback_sentiment(lambda: open_feedback(ctx, embedder=False)))
    ctx.console.print(result.headline, markup=False)
    ctx.console.print("Drafted: " + "; ".join(
        f"{p.name} ({p.facts['customers']:,} customers)" for p in result.personas), markup=False)
    for persona in result.personas[:2]:
        ctx.console.print()
        ctx.console.print(persona.to_text(), markup=False)
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
