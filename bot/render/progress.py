"""What journeybot says it is doing while a tool runs: Slack's status line under the thread
("journeybot is looking at the funnel…") and the dim line in the terminal.

A tool without a phrase here gets one made from its name ("is working on customer lifetime
value…"), so a new tool never shows a raw identifier.
"""

from __future__ import annotations

THINKING = "is thinking…"

STATUS: dict[str, str] = {
    "describe_data": "is checking what data is loaded…",
    "create_alert_rule": "is setting up the alert…",
    "list_alert_rules": "is listing the alert rules…",
    "change_alert_rule": "is changing the alert rule…",
    "delete_alert_rule": "is removing the alert rule…",
    "open_alerts": "is looking at open alerts…",
    "digest": "is putting the digest together…",
    "funnel": "is looking at the funnel…",
    "dropoffs": "is finding where people drop off…",
    "paths": "is following customer paths…",
    "kpis": "is working out the KPIs…",
    "trend": "is drawing up the trend…",
    "compare": "is comparing the two periods…",
    "movers": "is comparing the groups…",
    "feedback_search": "is reading customer feedback…",
    "feedback_sentiment": "is weighing customer sentiment…",
    "feedback_themes": "is grouping feedback into themes…",
    "satisfaction_by": "is comparing satisfaction across groups…",
    "time_pattern": "is looking at when customers come…",
    "at_risk_customers": "is looking for customers at risk…",
    "newly_at_risk": "is looking for customers newly at risk…",
    "revenue_forecast": "is forecasting revenue…",
    "purchase_propensity": "is scoring who is likely to buy…",
    "next_best_actions": "is picking next best actions…",
    "customer_lifetime_value": "is working out customer lifetime value…",
    "journey_map": "is drawing the journey map…",
    "draft_personas": "is drafting personas…",
    "edit_persona": "is editing the persona…",
    "save_persona": "is saving the persona…",
    "list_personas": "is listing saved personas…",
    "show_persona": "is opening the persona…",
}


def status_for(tool: str) -> str:
    """Slack's status for a running tool: a verb phrase that follows the app's name."""
    return STATUS.get(tool) or f"is working on {tool.replace('_', ' ')}…"


def doing(tool: str) -> str:
    """The same for the terminal, without the "is": "looking at the funnel…"."""
    return status_for(tool).removeprefix("is ")
