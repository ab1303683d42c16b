"""/journey: parsing with usage lines, and every subcommand end to end."""

from __future__ import annotations

import json

import pytest
from fakes.slack_harness import CHANNEL, OWNER, buttons_of, text_of

from bot.slack.commands import JourneyCommand, UsageError, parse_command

# -- parsing (inside the ack) ---------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("", JourneyCommand("help")),
    ("help", JourneyCommand("help")),
    ("ASK where do we lose people?", JourneyCommand("ask", arg="where do we lose people?")),
    ("feedback late delivery", JourneyCommand("feedback", arg="late delivery")),
    ("subscribe daily 8:05", JourneyCommand("subscribe", cadence="daily", time="08:05", channel="C1")),
    ("subscribe weekly 09:00", JourneyCommand("subscribe", cadence="weekly", time="09:00", weekday="mon",
                                              channel="C1")),
    ("subscribe weekly Friday 17:30 <#C0TEAM1|team>",
     JourneyCommand("subscribe", cadence="weekly", time="17:30", weekday="fri", channel="C0TEAM1")),
    ("unsubscribe", JourneyCommand("unsubscribe", channel="C1")),
    ("unsubscribe <#C0TEAM1>", JourneyCommand("unsubscribe", channel="C0TEAM1")),
    ("kpis", JourneyCommand("kpis")),
])
def test_parse(text, expected):
    assert parse_command(text, "C1") == expected


@pytest.mark.parametrize("text, says", [
    ("ask", "Usage: `/journey ask <question>`"),
    ("feedback", "Usage: `/journey feedback <query>`"),
    ("subscribe", "Usage: `/journey subscribe <daily|weekly> <HH:MM> [#channel]`"),
    ("subscribe hourly 08:00", "Usage: `/journey subscribe"),
    ("subscribe daily", "Which time?"),
    ("subscribe daily 25:00", "`25:00` is not a time like 08:30"),
    ("subscribe daily 8am", "`8am` is not a time like 08:30"),
    ("subscribe daily 08:30 #general", "`#general` is not a channel"),
    ("unsubscribe #a #b", "Usage: `/journey unsubscribe [#channel]`"),
    ("dance", "I don't know `/journey dance`"),
])
def test_bad_input_gets_a_usage_line(text, says):
    with pytest.raises(UsageError) as err:
        parse_command(text, "C1")
    assert says in str(err.value)


# -- end to end ------------------------------------------------------------------------------

def _ack_text(body: str) -> str:
    return json.loads(body)["text"] if body.startswith("{") else body


def test_help_is_the_ack_itself(slack):
    status, body = slack.command("help")
    assert status == 200
    text = _ack_text(body)
    for sub in ("ask", "digest", "kpis", "funnel", "feedback", "personas", "alerts", "subscribe", "unsubscribe"):
        assert f"/journey {sub}" in text
    assert slack.sent() == []  # nothing posted, nothing computed


def test_bad_input_is_answered_in_the_ack_and_nothing_runs(slack):
    status, body = slack.command("subscribe daily 25:00")
    assert status == 200 and "is not a time like 08:30" in _ack_text(body)
    assert slack.sent() == [] and slack.features.calls == []


def test_ask_posts_the_question_and_the_answer_in_the_channel(slack):
    status, body = slack.command("ask what data do you have?")
    assert (status, body) == (200, "")
    placeholder = slack.fake.wait_for("chat.postMessage")[0]
    assert placeholder.params["channel"] == CHANNEL and "thread_ts" not in placeholder.params
    assert f"<@{OWNER}> asked:* what data do you have?" in text_of(placeholder)
    update = slack.fake.wait_for("chat.update")[0]
    text = text_of(update)
    assert f"<@{OWNER}> asked:*" in text and "Data from 2026-05-01" in text
    assert "rate_up" in buttons_of(update)
    # The answer starts a thread: a follow-up there continues this conversation.
    record = slack.services.answers.get(buttons_of(update)["rate_up"])
    assert record.conversation == f"T123ABC456:{CHANNEL}:{placeholder.response['ts']}"
    assert record.surface == "command"


def test_digest_runs_now_for_this_channel(slack):
    slack.command("digest")
    reply = slack.fake.wait_for("response_url")[0]
    assert reply.params == {"text": "Preparing the digest for this channel…", "response_type": "ephemeral"}
    _wait_until(lambda: slack.features.called("digest_now"))
    assert slack.features.called("digest_now") == [(CHANNEL,)]


def test_kpis_shows_the_snapshot_as_an_aligned_table(slack):
    slack.command("kpis")
    update = slack.fake.wait_for("chat.update")[0]
    text = text_of(update)
    assert "*KPIs* as of 2026-05-31, compared with the previous 7 days" in text
    table = ("```Purchase conversion  4.2%  ▼ 0.8 pts (-16%)  ▼ bad\n"
             "NPS" + " " * 16 + "    41  ▲ 3 pts" + " " * 9 + "  ▲ good```")
    assert table in text


def test_funnel_answers_with_provenance_and_a_chart_button(slack):
    slack.command("funnel")
    update = slack.fake.wait_for("chat.update")[0]
    text = text_of(update)
    assert "*/journey funnel* (<@U061F7AUR>)" in text
    assert "```step             customers   of first\nawareness            1,000     100.0%" in text
    assert "From `funnel()`" in text
    assert {"show_chart", "show_data", "rate_up", "rate_down"} <= set(buttons_of(update))


def test_feedback_searches_with_the_query(slack):
    slack.command("feedback late delivery")
    text = text_of(slack.fake.wait_for("chat.update")[0])
    assert '1 comment about "late delivery"' in text and "From `feedback_search(query=late delivery)`" in text
    assert "*/journey feedback late delivery* (<@U061F7AUR>)" in text


def test_what_people_type_is_shown_escaped(slack):
    slack.command("feedback <!here> refunds")
    text = text_of(slack.fake.wait_for("chat.update")[0])
    assert "*/journey feedback &lt;!here&gt; refunds*" in text  # the spec check also refuses <!here>


def test_personas_lists_the_saved_ones(slack):
    slack.command("personas")
    text = text_of(slack.fake.wait_for("chat.update")[0])
    assert "*The Regular*: weekly in-store buyer, loves sourdough" in text


def test_alerts_lists_open_alerts_with_their_buttons(slack):
    slack.command("alerts")
    update = slack.fake.wait_for("chat.update")[0]
    text = text_of(update)
    assert ":red_circle: *Checkout conversion down 32% vs expected* (since 2026-05-03)" in text
    assert buttons_of(update) == {"alert_ack": "al-1", "alert_snooze": "al-1", "alert_chart": "al-1"}
    labels = [e["text"]["text"] for b in update.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert "Mute this alert for 24 h" in labels


def test_subscribe_and_unsubscribe(slack):
    slack.command("subscribe weekly fri 17:30 <#C0TEAM1|team>")
    reply = slack.fake.wait_for("response_url")[0]
    assert reply.params["text"] == (":white_check_mark: <#C0TEAM1> gets the journey digest every fri at 17:30 "
                                    "(Europe/London).")
    assert slack.features.called("subscribe") == [("C0TEAM1", "weekly", "17:30", "fri", "Europe/London")]
    slack.command("unsubscribe <#C0TEAM1|team>")
    reply = slack.fake.wait_for("response_url", 2)[1]
    assert reply.params["text"] == ":white_check_mark: <#C0TEAM1> no longer gets the digest."
    slack.command("unsubscribe")
    reply = slack.fake.wait_for("response_url", 3)[2]
    assert reply.params["text"] == f"<#{CHANNEL}> had no digest subscription."


def test_features_not_wired_yet_say_so(make_slack):
    slack = make_slack(features=False, tools=[])  # no features wired, no analyses installed
    expected = {
        "digest": "The digest is not set up in this journeybot yet.",
        "personas": "Personas is not set up in this journeybot yet.",
        "alerts": "Alerts is not set up in this journeybot yet.",
        "subscribe daily 08:30": "Digest subscriptions is not set up in this journeybot yet.",
        "unsubscribe": "Digest subscriptions is not set up in this journeybot yet.",
        "kpis": "That needs the kpis analysis, which is not installed in this journeybot yet.",
        "funnel": "That needs the funnel analysis, which is not installed in this journeybot yet.",
        "feedback delivery": "That needs the feedback search analysis, which is not installed in this journeybot yet.",
    }
    for i, (command, says) in enumerate(expected.items(), start=1):
        slack.command(command)
        reply = slack.fake.wait_for("response_url", i)[i - 1]
        assert reply.params == {"text": says, "response_type": "ephemeral"}, command
    assert slack.fake.calls_to("chat.postMessage") == []


def test_a_channel_the_bot_cannot_join_gets_a_clear_message(slack):
    slack.fake.private_channels.add("G0PRIVATE1")
    slack.command("ask what data do you have?", channel="G0PRIVATE1")
    reply = slack.fake.wait_for("response_url")[0]
    assert reply.params["text"].startswith("I can't post in <#G0PRIVATE1>: I am not a member of that channel")
    assert "/invite @journeybot" in reply.params["text"]


def _wait_until(check, timeout: float = 10.0) -> None:
    import threading

    done = threading.Event()
    for _ in range(int(timeout / 0.02)):
        if check():
            return
        done.wait(0.02)
    raise AssertionError("condition not met in time")
