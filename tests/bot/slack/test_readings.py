"""An uncertain reading and a proposed change, in Slack: "Did you mean" buttons re-ask with the
reading picked, a change comes with Confirm (and Slack's "are you sure?" dialog) and Cancel, and
only the person who asked can confirm it, once. All over HTTP with signed payloads, against the
fake Slack."""

from __future__ import annotations

import json

from fakes.slack_harness import CHANNEL, OWNER, buttons_of, text_of

OTHER = "U0OTHER001"


def _ask(slack, question: str):
    body, _ = slack.mention(question)
    thread = body["event"]["ts"]
    update = slack.answer_in(thread)
    return update, thread


def _blocks(call) -> list[dict]:
    blocks = call.params.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def test_an_uncertain_reading_offers_buttons_that_re_ask_with_the_reading_picked(slack):
    update, thread = _ask(slack, "which channel changed the purchase ratio most?")
    shown = text_of(update)
    # "purchase ratio" is no KPI's name: read by meaning as the buying rate, and said so, with
    # the runners-up offered (bot/agent/arg_match.py)
    assert "I read this as: Which channel moved Buying rate most" in shown
    assert "I read “purchase ratio” as buying rate, by meaning" in shown and "Did you mean one of these?" in shown
    buttons = buttons_of(update)
    picks = {k: json.loads(v) for k, v in buttons.items() if k.startswith("pick_reading_")}
    assert picks and all(p["t"] == "movers" for p in picks.values())
    chosen = next(k for k, p in picks.items() if p["x"]["metric"] == "repeat_purchase_rate")
    status, _ = slack.click(chosen, buttons[chosen], message_ts=update.params["ts"], thread_ts=thread)
    assert status == 200
    placeholders = slack.fake.wait_for("chat.postMessage", 2, where=lambda c: c.params.get("thread_ts") == thread)
    again = slack.fake.wait_for("chat.update", where=lambda c: c.params.get("ts") == placeholders[1].response["ts"]
                                and c.status == 200)[-1]
    assert f"<@{OWNER}> picked another reading." in text_of(again)
    assert "Which channel moved Repeat purchase rate most" in text_of(again)
    record = slack.services.answers.get(picks[chosen]["a"])
    assert record is not None and record.question == "which channel changed the purchase ratio most?"


def test_a_change_is_made_only_when_the_asker_confirms_it_and_only_once(slack):
    update, thread = _ask(slack, "alert me when csat falls below 80%")
    assert "nothing has been done yet" in text_of(update)
    buttons = buttons_of(update)
    assert {"confirm_change", "cancel_change"} <= set(buttons)
    confirm = next(e for b in _blocks(update) if b["type"] == "actions" for e in b["elements"]
                   if e["action_id"] == "confirm_change")
    assert confirm["style"] == "primary" and confirm["confirm"]["confirm"]["text"] == "Yes, do it"
    store = slack.services.ctx.services.get("alert_store")
    assert store is None or store.stored_rules() == []  # nothing made yet

    slack.click("confirm_change", buttons["confirm_change"], message_ts=update.params["ts"], thread_ts=thread,
                user=OTHER)
    refused = slack.fake.wait_for("chat.postEphemeral")[0]
    assert refused.params["user"] == OTHER and "Only <@" in refused.params["text"]

    slack.click("confirm_change", buttons["confirm_change"], message_ts=update.params["ts"], thread_ts=thread)
    done = slack.fake.wait_for("chat.postMessage", where=lambda c: "confirmed" in text_of(c))[0]
    assert done.params["thread_ts"] == thread and done.params["channel"] == CHANNEL
    assert "Created alert rule csat-below" in text_of(done)
    rules = [s.rule.id for s in slack.services.ctx.services["alert_store"].stored_rules()]
    assert len(rules) == 1 and rules[0].startswith("csat-below")

    slack.click("confirm_change", buttons["confirm_change"], message_ts=update.params["ts"], thread_ts=thread)
    twice = slack.fake.wait_for("chat.postEphemeral", 2)[1]
    assert "already confirmed or cancelled" in twice.params["text"]
    assert len(slack.services.ctx.services["alert_store"].stored_rules()) == 1


def test_cancel_changes_nothing_and_says_so(slack):
    update, thread = _ask(slack, "tell me if orders drop by 20% week on week")
    buttons = buttons_of(update)
    slack.click("cancel_change", buttons["cancel_change"], message_ts=update.params["ts"], thread_ts=thread)
    said = slack.fake.wait_for("chat.postMessage", where=lambda c: "cancelled" in text_of(c))[0]
    assert text_of(said).startswith(f"<@{OWNER}> cancelled: nothing was changed.")
    store = slack.services.ctx.services.get("alert_store")
    assert store is None or store.stored_rules() == []
