"""The App Home tab, published when someone opens it."""

from __future__ import annotations

import json

from fakes.slack_harness import OWNER


def _view(slack, n: int = 1) -> dict:
    view = slack.fake.wait_for("views.publish", n)[n - 1].params["view"]
    return json.loads(view) if isinstance(view, str) else view


def _texts(view: dict) -> str:
    out = []
    for b in view["blocks"]:
        if "text" in b:
            out.append(b["text"]["text"])
        out += [e.get("text", "") if isinstance(e.get("text"), str) else e["text"]["text"] for e in b.get("elements", [])]
    return "\n".join(out)


def test_home_shows_kpis_alerts_personas_and_subscriptions(slack):
    slack.features.subscribe("C0TEAM1", "daily", "08:30", None, "Europe/London")
    assert slack.open_home()[0] == 200
    publish = slack.fake.wait_for("views.publish")[0]
    assert publish.params["user_id"] == OWNER
    view = _view(slack)
    text = _texts(view)
    assert view["type"] == "home"
    assert "journeybot for Crumb & Co." in text
    # C1, C2 and C3 are in the events, none in a customers file: the coverage line counts everyone
    # seen (since phase AE, surfaces29), not the rows of the customers table
    assert "Data from 2026-05-01 to 2026-05-03, 3 customers" in text
    assert "Purchase conversion  4.2%  ▼ 0.8 pts (-16%)  ▼ bad" in text
    assert "*Checkout conversion down 32% vs expected* (since 2026-05-03)" in text
    assert "Mute this alert for 24 h" in text
    assert "*The Regular*: weekly in-store buyer" in text
    assert "<#C0TEAM1>: daily at 08:30 (Europe/London)" in text
    assert (":red_circle: *shop* (shopify, daily at 07:00): no new Shopify orders since Tue 09:00; "
            "last sync failed: 401 token refused") in text
    assert ":white_check_mark: *sheet* (url, daily at 07:00)" in text


def test_home_says_what_is_not_set_up_and_what_failed(make_slack):
    slack = make_slack(features=False, tools=None)

    def broken():
        raise RuntimeError("scheduler down")

    slack.services.subscriptions = broken
    slack.open_home()
    text = _texts(_view(slack))
    assert text.count("Not set up in this journeybot yet.") == 4  # KPIs, alerts, personas, sources
    assert "Could not be loaded just now" in text  # subscriptions: failed, not "none"
    assert "No digest subscriptions" not in text
