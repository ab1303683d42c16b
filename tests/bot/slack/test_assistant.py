"""Slack's AI-app surface end to end over HTTP: signed payloads shaped like Slack's docs in,
Web API calls out to the fake Slack (checked against the methods' reference arguments at the
end of each test). An assistant thread starts with a greeting and suggested prompts drawn from
the data; a question sets the thread's title, shows a status naming the tool, streams the
answer and closes it with Slack's feedback buttons, whose click is recorded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fakes.openai_stub import openai_stub, text_reply, tool_call_reply
from fakes.slack_harness import DM, OWNER, buttons_of, text_of

AI_ON = "ai_app = true"


def chat_model(stub) -> Any:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=stub.base_url, api_key="sk-test", model="stub-model", max_retries=0,
                      timeout=10, stream_usage=True)


def blocks_of(call) -> list[dict[str, Any]]:
    blocks = call.params.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def feedback_values(call) -> dict[str, str]:
    element = next(e for b in blocks_of(call) if b["type"] == "context_actions" for e in b["elements"])
    return {"good": element["positive_button"]["value"], "bad": element["negative_button"]["value"]}


def test_assistant_thread_from_greeting_to_recorded_feedback(make_slack):
    reply = "Of 1,000 customers 61 bought: the biggest drop is from awareness to consideration."
    with openai_stub([tool_call_reply("funnel", {}), text_reply(reply)]) as stub:
        slack = make_slack(config_extra=AI_ON, chat_model=chat_model(stub))
        body, status = slack.start_assistant_thread()
        assert status == 200
        thread = body["event"]["assistant_thread"]["thread_ts"]

        # Greeting in the thread: what the answers come from.
        hello = slack.fake.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == thread)[0]
        assert hello.params["channel"] == DM
        assert "Crumb &amp; Co." in text_of(hello) and "Data from 2026-05-01 to 2026-05-03" in text_of(hello)
        # Suggested prompts from the data: its stages and its busiest channel.
        prompts_call = slack.fake.wait_for("assistant.threads.setSuggestedPrompts")[0]
        prompts = prompts_call.params["prompts"]
        assert prompts_call.params["thread_ts"] == thread and 2 <= len(prompts) <= 4
        messages = [p["message"] for p in prompts]
        assert "How do search customers convert from consideration to decision?" in messages
        assert "Where do we lose people between consideration and decision?" in messages  # its stages

        # The person moved to another channel with the panel open: remembered locally.
        assert slack.change_context(thread, "C0OTHER001") == 200
        slack.fake.wait_for("auth.test")
        _wait(lambda: (slack.services.threads.find(channel_id=DM, thread_ts=thread) or {}).get("channel_id")
              == "C0OTHER001")

        # A question: title, status naming the tool, streamed answer, feedback buttons.
        question = slack.payloads.message_im(text="where do we lose people in the funnel?", event_id=slack.next_event_id(),
                                             ts=slack.next_ts(), user=OWNER, channel=DM, thread_ts=thread)
        assert slack.sender.event(question)[0] == 200
        stop = slack.streamed_answer(thread)
    title = slack.fake.calls_to("assistant.threads.setTitle")
    assert [c.params["title"] for c in title] == ["Where do we lose people in the funnel"]
    statuses = [c.params["status"] for c in slack.fake.calls_to("assistant.threads.setStatus")]
    assert statuses[:2] == ["is thinking…", "is looking at the funnel…"]
    methods = [c.method for c in slack.fake.calls]
    assert methods.index("assistant.threads.setStatus") < methods.index("chat.startStream")
    start = slack.fake.calls_to("chat.startStream")[0]
    assert start.params["thread_ts"] == thread and start.params["channel"] == DM
    assert slack.fake.stream_text(stop.params["ts"]).strip() == reply
    trailer = " ".join(text_of(stop).split())
    assert "From `funnel()`" in trailer and "answered by" in trailer
    assert "rate_up" not in json.dumps(blocks_of(stop))  # Slack's own buttons replace the thumbs
    values = feedback_values(stop)
    answer_id = values["good"].partition(":")[2]
    record = slack.services.answers.get(answer_id)
    assert record.surface == "assistant" and record.thread_ts == thread and record.message_ts == stop.params["ts"]

    # The click on "Good answer" is recorded like a thumbs up, and thanked privately.
    assert slack.feedback(values["good"], message_ts=stop.params["ts"], thread_ts=thread)[0] == 200
    thanks = slack.fake.wait_for("chat.postEphemeral")[0]
    assert thanks.params["user"] == OWNER and "Thanks" in thanks.params["text"]
    stats = slack.services.answers.stats()
    assert (stats.up, stats.down, stats.by_surface) == (1, 0, {"assistant": 1})


def test_a_mention_streams_into_its_thread_with_the_table_kept(make_slack):
    slack = make_slack(config_extra=AI_ON)
    body, _ = slack.mention("show the funnel")
    ts = body["event"]["ts"]
    stop = slack.streamed_answer(ts)
    start = slack.fake.calls_to("chat.startStream")[0]
    # Outside a DM, Slack needs to know who the stream is for.
    assert (start.params["recipient_user_id"], start.params["recipient_team_id"]) == (OWNER, "T123ABC456")
    assert slack.fake.calls_to("reactions.add")[0].params["timestamp"] == ts
    text = slack.fake.stream_text(stop.params["ts"])
    assert "61 bought (6.1%)" in text
    assert "```\nstep             customers   of first\nawareness            1,000     100.0%" in text
    assert slack.fake.calls_to("chat.update") == [] and slack.fake.calls_to("assistant.threads.setStatus") == []
    assert {"show_chart", "show_data"} <= {e.get("action_id") for b in blocks_of(stop) if b["type"] == "actions"
                                           for e in b["elements"]}


def test_a_streamed_model_answer_says_how_its_tool_read_the_question(make_slack):
    # The model's prose may not restate the period: the trailer carries the tool's own reading.
    reply = "Visits were healthy."
    with openai_stub([tool_call_reply("kpis", {"metrics": ["sessions"], "period": {"name": "last_30_days"}}),
                      text_reply(reply)]) as stub:
        slack = make_slack(config_extra=AI_ON, chat_model=chat_model(stub))
        body, _ = slack.mention("how many visits did we get this month?")
        stop = slack.streamed_answer(body["event"]["ts"])
    assert slack.fake.stream_text(stop.params["ts"]).strip() == reply
    contexts = [text_of_block(b) for b in blocks_of(stop) if b["type"] == "context"]
    assert contexts[0] == "Read as: Web sessions, last 30 days", contexts


def test_a_streamed_change_waits_for_confirm_under_the_answer(make_slack):
    slack = make_slack(config_extra=AI_ON)
    body, _ = slack.mention("alert me when csat falls below 80%")
    stop = slack.streamed_answer(body["event"]["ts"])
    assert slack.fake.stream_text(stop.params["ts"]).startswith("I read this as: Create alert rule")
    buttons = buttons_of(stop)
    assert {"confirm_change", "cancel_change"} <= set(buttons)
    assert json.loads(buttons["confirm_change"])["t"] == "create_alert_rule"
    store = slack.services.ctx.services.get("alert_store")
    assert store is None or store.stored_rules() == []  # nothing made before the yes
    thread = body["event"]["ts"]
    slack.click("confirm_change", buttons["confirm_change"], message_ts=stop.params["ts"], thread_ts=thread)
    done = slack.fake.wait_for("chat.postMessage", where=lambda c: "confirmed" in text_of(c))[0]
    assert done.params["thread_ts"] == thread and "Created alert rule csat-below" in text_of(done)
    assert len(slack.services.ctx.services["alert_store"].stored_rules()) == 1


def text_of_block(block: dict[str, Any]) -> str:
    return " ".join(e.get("text", "") for e in block.get("elements", []))


def test_streamed_text_is_redacted_even_when_split_across_deltas(make_slack):
    reply = ("The customer wrote from jane.doe@example.com and asked us to call back.\n"
             "Crumb & Co. got <!channel> in a review.\nThat is all.")
    with openai_stub([text_reply(reply)]) as stub:
        slack = make_slack(config_extra=AI_ON, chat_model=chat_model(stub))
        body, _ = slack.mention("who wrote to us?")
        stop = slack.streamed_answer(body["event"]["ts"])
    text = slack.fake.stream_text(stop.params["ts"])
    assert "jane.doe" not in text and "[email]" in text and "That is all." in text
    # Markdown, not mrkdwn: "&" stays as written, and a broadcast in customer words is disarmed.
    assert "Crumb & Co. got <\u200b!channel> in a review." in text
    appended = [c for c in slack.fake.calls if c.method in ("chat.startStream", "chat.appendStream", "chat.stopStream")]
    assert all("example.com" not in json.dumps(c.params) for c in appended)


def test_when_slack_will_not_stream_the_answer_arrives_as_a_message(make_slack):
    slack = make_slack(config_extra=AI_ON)
    slack.fake.fail_next("chat.startStream", status=200, error="not_allowed")
    body, _ = slack.mention("show the funnel")
    ts = body["event"]["ts"]
    message = slack.fake.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts)[0]
    assert "61 bought" in text_of(message)
    assert {"rate_up", "rate_down"} <= set(buttons_of(message))  # the classic buttons, which every workspace has
    # The workspace is not asked to stream again for a while: the next answer is classic at once.
    second, _ = slack.mention("show the funnel")
    slack.answer_in(second["event"]["ts"])
    assert len(slack.fake.calls_to("chat.startStream")) == 1


def test_a_dm_thread_that_is_no_assistant_thread_gets_no_status_or_title(make_slack):
    slack = make_slack(config_extra=AI_ON)
    body, _ = slack.dm("show the funnel", thread_ts="1515449000.000100")
    slack.streamed_answer("1515449000.000100")
    assert slack.fake.calls_to("reactions.add")[0].params["timestamp"] == body["event"]["ts"]
    assert slack.fake.calls_to("assistant.threads.setStatus") == []
    assert slack.fake.calls_to("assistant.threads.setTitle") == []
    assert slack.services.answers.stats().by_surface == {"dm": 1}


def test_a_top_level_dm_keeps_the_classic_reply(make_slack):
    slack = make_slack(config_extra=AI_ON)
    body, _ = slack.dm("where do we lose people?")
    placeholder = slack.fake.wait_for("chat.postMessage", where=lambda c: c.params["channel"] == body["event"]["channel"])[0]
    slack.fake.wait_for("chat.update", where=lambda c: c.params["ts"] == placeholder.response["ts"])
    assert slack.fake.calls_to("chat.startStream") == []


def test_someone_outside_the_allow_list_gets_a_refusal_in_the_panel(make_slack):
    slack = make_slack(config_extra=f'{AI_ON}\nallowed_users = ["U0SOMEONE1"]')
    body, status = slack.start_assistant_thread()
    assert status == 200
    thread = body["event"]["assistant_thread"]["thread_ts"]
    refusal = slack.fake.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == thread)[0]
    assert "not set up to answer here" in text_of(refusal)
    assert slack.fake.calls_to("assistant.threads.setSuggestedPrompts") == []


def test_without_ai_features_dm_threads_are_answered_the_classic_way(make_slack):
    slack = make_slack()  # ai_app = false: an app created before Slack's AI features
    slack.dm("where do we lose people?", thread_ts="1515449000.000200")
    slack.answer_in("1515449000.000200")
    assert slack.fake.calls_to("chat.startStream") == []


def _wait(condition, timeout: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.02)


def test_an_answer_that_takes_too_long_says_so_in_the_thread(make_slack):
    import threading

    release = threading.Event()

    def slow(body):  # the model never answers within the time limit
        release.wait(10)
        return text_reply("too late")

    with openai_stub(respond=slow) as stub:
        slack = make_slack(config_extra=f"{AI_ON}\nanswer_timeout_seconds = 1", chat_model=chat_model(stub))
        body, _ = slack.start_assistant_thread()
        thread = body["event"]["assistant_thread"]["thread_ts"]
        question = slack.payloads.message_im(text="how is the funnel?", event_id=slack.next_event_id(),
                                             ts=slack.next_ts(), user=OWNER, channel=DM, thread_ts=thread)
        slack.sender.event(question)
        late = slack.fake.wait_for("chat.postMessage", where=lambda c: "No answer after 1 s" in text_of(c))[0]
        release.set()
    assert late.params["thread_ts"] == thread
    assert slack.services.answers.stats().failed == 1
    assert slack.fake.calls_to("chat.stopStream") == []  # nothing half-written was left open
