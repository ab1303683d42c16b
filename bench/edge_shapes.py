"""Every agent tool on stores shaped unlike the sample: a table of (shape, tool, ok/problem,
first line of the answer).

Each shape is a temp data folder loaded from small CSVs with vendor-like column names (mapped
with --map as the README documents); every tool is reached the way the agent reaches it, through
the offline planner (`journeybot ask --json`), and the answer is read for what an owner must
never see: a traceback, "nan", "None", a 0% that means "no data", a wrong tool.

    .venv/bin/python bench/edge_shapes.py [--shape a_orders_only] [--tool funnel] [--full]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's code, not the one the venv was installed from

TODAY = dt.date.today()


def _d(days_ago: float, hour: int = 12) -> str:
    t = dt.datetime.combine(TODAY, dt.time(hour)) - dt.timedelta(days=days_ago)
    return t.strftime("%Y-%m-%d %H:%M")


def _orders(n: int, *, span: int = 60, ago: int = 0, status: str = "paid", amount=None) -> str:
    rows = ["Order No,Client,Date,Total,Status"]
    for i in range(n):
        amt = amount(i) if amount else 10 + (i * 7) % 40
        rows.append(f"T{i},C{i % max(1, n // 3)},{_d(ago + (i * span) / max(1, n))},{amt},{status}")
    return "\n".join(rows) + "\n"


ORDER_MAP = ["--map", "order_id=Order No", "--map", "customer_id=Client", "--map", "ts=Date",
             "--map", "amount=Total", "--map", "status=Status", "--create-customers"]


def _events_web(n: int = 60) -> str:
    rows = ["Visitor,Timestamp,Page,Source"]
    pages = ["home", "product_view", "add_to_cart", "checkout", "blog"]
    for i in range(n):
        who = f"V{i % 5}" if i % 4 == 0 else ""
        rows.append(f"{who},{_d((i * 30) / n)},{pages[i % len(pages)]},{['google', 'instagram', 'direct'][i % 3]}")
    return "\n".join(rows) + "\n"


def _tickets(n: int = 20) -> str:
    rows = ["Ticket ID,Requester,Created,Solved,Subject,Description,State"]
    for i in range(n):
        # Solved a day after it was opened, and no later than today: a ticket solved tomorrow
        # noon is more than a day after a load run before noon, which ingest rightly refuses.
        rows.append(f"{100 + i},R{i % 7},{_d(i * 2 + 1)},{_d(i * 2)},Late delivery {i},"
                    f"My parcel was late and the box was damaged,solved")
    return "\n".join(rows) + "\n"


def _surveys(n: int = 20) -> str:
    rows = ["Response ID,Submitted At,How likely are you to recommend us?,Anything else?"]
    for i in range(n):
        rows.append(f"R{i},{_d(i * 2)},{(i * 3) % 11},Lovely staff but slow checkout {i}")
    return "\n".join(rows) + "\n"


def _customers(n: int = 15) -> str:
    rows = ["Contact ID,Created,Town"]
    for i in range(n):
        rows.append(f"C{i},{_d(100 + i)},{['Leeds', 'York', 'Hull'][i % 3]}")
    return "\n".join(rows) + "\n"


# shape -> list of (table, file text, ingest options)
SHAPES: dict[str, list[tuple[str, str, list[str]]]] = {
    "a_orders_only": [("orders", _orders(40), ORDER_MAP)],
    "b_events_web": [("events", _events_web(), ["--map", "customer_id=Visitor", "--map", "ts=Timestamp",
                                                 "--map", "touchpoint=Page", "--map", "channel=Source"])],
    "c_tickets_only": [("tickets", _tickets(), ["--map", "ticket_id=Ticket ID", "--map", "customer_id=Requester",
                                                "--map", "created_at=Created", "--map", "resolved_at=Solved",
                                                "--map", "subject=Subject", "--map", "text=Description",
                                                "--map", "status=State"])],
    "c_surveys_nps": [("surveys", _surveys(), ["--map", "survey_id=Response ID", "--map", "ts=Submitted At",
                                               "--map", "nps=How likely are you to recommend us?",
                                               "--map", "text=Anything else?"])],
    "d_one_day": [("orders", _orders(8, span=0), ORDER_MAP)],
    "d_two_days": [("orders", _orders(10, span=1), ORDER_MAP)],
    "d_three_years_ago": [("orders", _orders(30, span=60, ago=3 * 365), ORDER_MAP)],
    "d_future_rows": [("orders", _orders(30, span=40, ago=-0.9), ORDER_MAP + ["--allow-future"])],
    "e_customers_only": [("customers", _customers(), ["--map", "customer_id=Contact ID", "--map", "first_seen=Created",
                                                      "--map", "city=Town"])],
    "e_all_refunded": [("orders", _orders(20, status="refunded"), ORDER_MAP)],
    "e_all_zero": [("orders", _orders(20, amount=lambda i: 0), ORDER_MAP)],
    "f_outlier": [("orders", _orders(30, amount=lambda i: 5000 if i == 7 else 50), ORDER_MAP)],
    "f_negative_dupes": [("orders", _orders(20, amount=lambda i: -25 if i % 5 == 0 else 40)
                          + "T3,C1," + _d(3) + ",40,paid\n", ORDER_MAP + ["--duplicates", "last"])],
    # the same exports, loaded with the mapping their refusal suggests (config.toml in the data folder)
    "b_events_web_mapped": [("events", _events_web(), ["--mapping", "web"])],
    "c_tickets_mapped": [("tickets", _tickets(), ["--mapping", "helpdesk"])],
    "f_negative_mapped": [("orders", _orders(20, amount=lambda i: -25 if i % 5 == 0 else 40), ["--mapping", "till"])],
}

CONFIG = """
[touchpoints]
home = { stage = "awareness", online = true }
blog = { stage = "awareness", online = true }

[mappings.web]
table = "events"
columns = { customer_id = "Visitor", ts = "Timestamp", touchpoint = "Page", channel = "Source" }
skip_missing = ["customer_id"]

[mappings.helpdesk]
table = "tickets"
columns = { ticket_id = "Ticket ID", customer_id = "Requester", created_at = "Created", resolved_at = "Solved", subject = "Subject", text = "Description", status = "State" }
values = { status = { solved = "resolved" } }
unknown_customers = "create"

[mappings.till]
table = "orders"
columns = { order_id = "Order No", customer_id = "Client", ts = "Date", amount = "Total", status = "Status" }
where_not = { "Total" = "<0" }
unknown_customers = "create"
"""

# one question per agent tool, phrased as an owner would
QUESTIONS: dict[str, str] = {
    "describe_data": "what data do you have?",
    "create_alert_rule": "alert me if orders drop below 5 a day",
    "list_alert_rules": "what alerts have I set up?",
    "change_alert_rule": "change the orders alert to below 3",
    "delete_alert_rule": "delete the orders alert",
    "open_alerts": "are there any open alerts?",
    "digest": "give me the weekly digest",
    "funnel": "show me the funnel for the last 30 days",
    "dropoffs": "where do people drop off?",
    "paths": "what paths do buyers take?",
    "kpis": "what are our kpis this month?",
    "trend": "how has revenue trended over the last 8 weeks?",
    "compare": "compare this month with last month",
    "movers": "which channel moved revenue the most?",
    "feedback_search": "what do customers say about delivery?",
    "feedback_sentiment": "sentiment by channel",
    "feedback_themes": "what are the main themes in feedback?",
    "at_risk_customers": "which customers are at risk of leaving?",
    "newly_at_risk": "who became at risk this week?",
    "revenue_forecast": "forecast revenue for next month",
    "customer_lifetime_value": "what is the lifetime value of our customers?",
    "purchase_propensity": "who is likely to buy next week?",
    "next_best_actions": "what should we do next for each customer?",
    "journey_map": "show me the journey map",
    "draft_personas": "draft personas from our customers",
    "edit_persona": "rename persona 1 to Weekend Regulars",
    "save_persona": "save persona 1",
    "list_personas": "list our personas",
    "show_persona": "show persona 1",
    "satisfaction_by": "compare satisfaction by channel",
}

BAD = [
    (re.compile(r"Traceback|Error:|Exception"), "traceback"),
    (re.compile(r"\bnan\b|\bNaN\b"), "nan"),
    (re.compile(r"\bNone\b(?!\.$| of )", re.M), "None"),
    # a zero that means "nothing measured": a point with n = 0 shown as money, a stage chain or a
    # revenue share of 0% with no data behind it, "n/a" in a sentence
    (re.compile(r"[£$€]0\.00\s+0\b"), "zero with n=0"),
    (re.compile(r"(?<![\d.])0% (>|of revenue)"), "0% of nothing"),
    (re.compile(r"\bn/a\b"), "n/a"),
    # a verdict against a period that was never measured, and a store with data called empty
    (re.compile(r"[£$€]0\.00 -> .*(better|worse)"), "rise from nothing"),
    (re.compile(r"journey store is empty"), "called empty"),
    (re.compile(r"\binf\b|∞"), "inf"),
]


def _run(args: list[str], env: dict[str, str]):
    from bot.cli import main

    return CliRunner().invoke(main, args, env=env, catch_exceptions=True)


def build(shape: str, root: Path) -> tuple[dict[str, str], list[str]]:
    home = root / shape
    home.mkdir(parents=True, exist_ok=True)
    env = {"JOURNEYBOT_HOME": str(home), "JOURNEYBOT_INDEX_ON_LOAD": "0", "HF_HUB_OFFLINE": "1"}
    (home / "config.toml").write_text(CONFIG)
    notes = []
    for table, text, opts in SHAPES[shape]:
        f = home / f"{table}.csv"
        f.write_text(text)
        out = _run(["ingest", table, str(f), *opts], env)
        if out.exit_code != 0:
            notes.append(f"ingest {table} refused: {(out.output or repr(out.exception)).strip().splitlines()[:3]}")
    return env, notes


def judge(tool: str, out) -> tuple[str, str, str]:
    if out.exception and not isinstance(out.exception, SystemExit):
        return "problem", "traceback", f"{type(out.exception).__name__}: {out.exception}"
    try:
        data = json.loads(out.stdout)
    except ValueError:
        return "problem", "no json", out.output.strip()[:200]
    text = "\n".join([data.get("answer") or "", *(data.get("notes") or [])])
    called = [c.get("tool") for c in data.get("tool_calls", [])]
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    problems = [name for rx, name in BAD if rx.search(text)]
    if not text.strip():
        problems.append("empty")
    if called and tool not in called:
        problems.append(f"routed to {','.join(called)}")
    return ("problem" if problems else "ok"), ";".join(problems), first


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shape", action="append")
    ap.add_argument("--tool", action="append")
    ap.add_argument("--full", action="store_true", help="print every answer in full")
    a = ap.parse_args()
    shapes = a.shape or list(SHAPES)
    tools = a.tool or list(QUESTIONS)
    counts = {"ok": 0, "problem": 0}
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        for shape in shapes:
            env, notes = build(shape, Path(tmp))
            for n in notes:
                print(f"{shape:18} {'(ingest)':24} problem  {n}")
            for tool in tools:
                out = _run(["ask", "--json", QUESTIONS[tool]], env)
                verdict, why, first = judge(tool, out)
                counts[verdict] += 1
                print(f"{shape:18} {tool:24} {verdict:7} {why:18} {first[:110]}")
                if a.full:
                    try:
                        data = json.loads(out.stdout)
                        text = "\n".join([data["answer"], *(data.get("notes") or [])])
                        print("    " + text.replace("\n", "\n    "))
                    except (ValueError, KeyError):
                        print("    " + out.output.replace("\n", "\n    "))
                sys.stdout.flush()
    print(f"\n{counts['ok']} ok, {counts['problem']} problems")


if __name__ == "__main__":
    main()
