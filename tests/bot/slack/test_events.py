"""Mentions, DMs and thread follow-ups, end to end: signed requests in, Web API calls out.
Also Slack's rules: retries answered once, 429 waited out, allow-lists, signatures."""

from __future__ import annotations

import threading

from fakes.chat import say, scripted
from fakes.slack_harness import CHANNEL, OWNER, buttons_of, text_of

from bot.state import StateStore

STRANGER = "U0STRANGER1"


def test_a_mention_is_answered_in_its_thread_with_eyes_first(slack):
    body, status = slack.mention("what data do you have?")
    assert status == 200
    ts = body["event"]["ts"]
    update = slack.answer_in(ts)
    eyes = slack.fake.calls_to("reactions.add")[0]
    assert (eyes.params["name"], eyes.params["timestamp"], eyes.params["channel"]) == ("eyes", ts, CHANNEL)
    placeholder = slack.fake.calls_to("chat.postMessage")[0]
    assert placeholder.params["thread_ts"] == ts and "Working on it" in text_of(placeholder)
    assert update.params["ts"] == placeholder.response["ts"]
    text = text_of(update)
    assert "Data from 2026-05-01 to 2026-05-03" in text
    assert "From `describe_data()`" in text
    # The aligned table stays a table: a code block with its columns intact.
    assert "```table             rows  from        to" in text
    assert set(buttons_of(update)) == {"show_chart", "show_data", "rate_up", "rate_down"}
    methods = [c.method for c in slack.fake.calls]
    assert methods.index("reactions.add") < methods.index("chat.postMessage") < methods.index("chat.update")


def test_a_dm_is_answered_in_the_dm(slack):
    body, status = slack.dm("what data do you have?")
    assert status == 200
    channel = body["event"]["channel"]
    placeholder = slack.fake.wait_for("chat.postMessage", where=lambda c: c.params["channel"] == channel)[0]
    assert "thread_ts" not in placeholder.params  # a DM answer sits in the DM itself
    update = slack.fake.wait_for("chat.update", where=lambda c: c.params["ts"] == placeholder.response["ts"])[0]
    assert "Data from 2026-05-01" in text_of(update)
    assert slack.fake.calls_to("conversations.join") == []  # DMs are never "joined"


def test_a_follow_up_in_the_thread_continues_the_conversation(make_slack):
    model = scripted(say("Noted: you sell sourdough."), say("You told me you sell sourdough."))
    slack = make_slack(chat_model=model)
    first, _ = slack.mention("remember that we sell sourdough")
    root = first["event"]["ts"]
    slack.answer_in(root)
    slack.mention("what do we sell?", thread_ts=root)
    slack.fake.wait_for("chat.update", 2)
    assert "you sell sourdough" in text_of(slack.fake.calls_to("chat.update")[-1])
    # The model saw the earlier turn: the thread is one conversation.
    seen = [m.content for m in model.seen[1]]
    assert "remember that we sell sourdough" in seen and "Noted: you sell sourdough." in seen
    # Both answers sit in the same thread, recorded under the same conversation key.
    posts = slack.fake.calls_to("chat.postMessage")
    assert [p.params["thread_ts"] for p in posts] == [root, root]
    with slack.services.state.db.read() as con:
        keys = {r[0] for r in con.exec_driver_sql("SELECT conversation FROM slack_answers")}
    assert keys == {f"T123ABC456:{CHANNEL}:{root}"}


def test_a_reply_without_a_mention_in_the_bots_thread_is_a_follow_up(slack):
    first, _ = slack.mention("what data do you have?")
    root = first["event"]["ts"]
    slack.answer_in(root)
    payload = slack.payloads.channel_message(text="and how far back does it go?", event_id=slack.next_event_id(),
                                             ts=slack.next_ts(), user=OWNER, channel=CHANNEL, thread_ts=root)
    assert slack.sender.event(payload)[0] == 200
    slack.fake.wait_for("chat.update", 2)
    # In a thread the bot never answered in, a message is none of its business.
    other = slack.payloads.channel_message(text="lunch?", event_id=slack.next_event_id(), ts=slack.next_ts(),
                                           user=OWNER, channel=CHANNEL, thread_ts="1515449000.000001")
    assert slack.sender.event(other)[0] == 200
    # ... and one that mentions the bot is answered once, through app_mention, not twice.
    mentioned = slack.payloads.channel_message(text="<@U0LAN0Z89> thanks", event_id=slack.next_event_id(),
                                               ts=slack.next_ts(), user=OWNER, channel=CHANNEL, thread_ts=root)
    assert slack.sender.event(mentioned)[0] == 200
    sentinel, _ = slack.dm("what data do you have?")
    slack.fake.wait_for("chat.update", where=lambda c: c.params["channel"] == sentinel["event"]["channel"])
    assert len(slack.fake.calls_to("chat.postMessage")) == 3  # root, follow-up, sentinel DM


def test_a_retried_event_is_answered_once(slack):
    body, _ = slack.mention("what data do you have?", event_id="Ev0RETRY001")
    slack.answer_in(body["event"]["ts"])
    # Slack retries with the same event_id and an X-Slack-Retry-Num header.
    status, _ = slack.sender.event(body, retry_num=1)
    assert status == 200
    status, _ = slack.sender.event(body, retry_num=2)
    assert status == 200
    # Dropped in middleware before the ack: no listener was scheduled, so nothing can follow.
    assert len(slack.fake.calls_to("chat.postMessage")) == 1
    assert len(slack.fake.calls_to("reactions.add")) == 1
    owner = slack.services.state.owner("slack_event", "Ev0RETRY001")
    assert owner == "first delivery"


def test_two_instances_on_one_state_file_answer_a_delivered_twice_event_once(make_slack):
    one = make_slack()
    two = make_slack(state=StateStore(one.services.state.path))  # like a second process
    body = one.payloads.app_mention(text="<@U0LAN0Z89> what data do you have?", event_id="Ev0TWICE01",
                                    ts="1515449522.900001")
    results: list[int] = []
    threads = [threading.Thread(target=lambda s=s: results.append(s.sender.event(body)[0])) for s in (one, two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == [200, 200]
    one.answer_in("1515449522.900001")
    assert len(one.fake.calls_to("chat.postMessage")) == 1
    assert len(one.fake.calls_to("chat.update")) == 1


def test_a_429_during_the_reply_is_waited_out(slack):
    slack.fake.fail_next("chat.update", status=429, retry_after=1)
    body, _ = slack.mention("what data do you have?")
    update = slack.answer_in(body["event"]["ts"])
    updates = slack.fake.calls_to("chat.update")
    assert [u.status for u in updates] == [429, 200]
    assert updates[1].at - updates[0].at >= 1.0  # Retry-After respected
    assert "Data from 2026-05-01" in text_of(update)
    assert len(slack.fake.calls_to("chat.postMessage")) == 1  # one placeholder, one answer


def test_someone_outside_the_allow_list_gets_a_polite_refusal_and_no_data(make_slack):
    slack = make_slack(config_extra=f'allowed_users = ["{OWNER}"]\n')
    body, status = slack.mention("what data do you have?", user=STRANGER)
    assert status == 200
    refusal = slack.fake.wait_for("chat.postEphemeral")[0]
    assert refusal.params["user"] == STRANGER and "not set up to answer here" in refusal.params["text"]
    assert refusal.params["thread_ts"] == body["event"]["ts"]
    status, text = slack.command("ask what data do you have?", user=STRANGER)
    assert status == 200 and "not set up to answer here" in text
    assert slack.click("show_data", "anything", message_ts="1515449522.000001", user=STRANGER)[0] == 200
    slack.fake.wait_for("chat.postEphemeral", 2)
    slack.open_home(user=STRANGER)
    home = slack.fake.wait_for("views.publish")[0]
    assert "not available to you" in str(home.params["view"])
    # No answer, no reaction, no data: nothing else was sent and nothing was asked of the agent.
    assert {c.method for c in slack.fake.calls} <= {"auth.test", "chat.postEphemeral", "views.publish"}
    assert slack.services.answers.stats().answers == 0
    # The owner is still served.
    body, _ = slack.mention("what data do you have?")
    assert "Data from" in text_of(slack.answer_in(body["event"]["ts"]))


def test_a_channel_outside_the_allow_list_is_refused(make_slack):
    slack = make_slack(config_extra='allowed_channels = ["C0ALLOWED1"]\n')
    slack.mention("what data do you have?", channel="C0ELSEWHERE")
    slack.fake.wait_for("chat.postEphemeral")
    assert slack.fake.calls_to("chat.postMessage") == []
    status, text = slack.command("subscribe daily 08:30 <#C0ELSEWHERE|random>", channel="C0ALLOWED1")
    assert status == 200
    reply = slack.fake.wait_for("response_url")[0]
    assert "not allowed to post in <#C0ELSEWHERE>" in reply.params["text"]
    assert slack.features.called("subscribe") == []


def test_requests_with_a_bad_signature_or_an_old_timestamp_are_refused(slack):
    import time

    body = slack.payloads.app_mention(text="<@U0LAN0Z89> hi", event_id="Ev0FORGED1", ts="1515449522.000777")
    assert slack.sender.event(body, secret="not-the-secret")[0] == 401
    assert slack.sender.event(body, timestamp=int(time.time()) - 6 * 60)[0] == 401
    form = slack.payloads.slash_command("ask hi", response_url=slack.fake.response_url())
    assert slack.sender.command(form, secret="not-the-secret")[0] == 401
    assert slack.fake.calls == []
    # The same request, signed properly, goes through.
    assert slack.sender.event(body)[0] == 200
    slack.answer_in("1515449522.000777")


def test_edits_deletions_and_bot_messages_are_ignored(slack):
    for extra in ({"subtype": "message_changed"}, {"subtype": "message_deleted"}, {"bot_id": "B0BOT0001"}):
        body = slack.payloads.message_im(text="hello", event_id=slack.next_event_id(), ts=slack.next_ts(), **extra)
        assert slack.sender.event(body)[0] == 200
    assert slack.fake.calls == []  # dropped before authorization: not even auth.test


def test_a_failure_replaces_the_placeholder_with_one_warning_line(slack, caplog):
    def broken(question, key, context=None):
        raise RuntimeError("database on fire")

    slack.services.agent.answer = broken
    body, _ = slack.mention("what data do you have?")
    text = text_of(slack.answer_in(body["event"]["ts"]))
    assert text.startswith(":warning: Something went wrong") and "request id `" in text
    assert "database on fire" not in text  # the details go to the log, not to Slack
    assert "database on fire" in caplog.text


def test_a_slow_answer_gets_its_own_message(make_slack):
    slack = make_slack(config_extra="answer_timeout_seconds = 0.3\n")
    release = threading.Event()

    def slow(question, key, context=None):
        release.wait(10)
        raise RuntimeError("too late anyway")

    slack.services.agent.answer = slow
    body, _ = slack.mention("what data do you have?")
    try:
        text = text_of(slack.answer_in(body["event"]["ts"]))
    finally:
        release.set()
    assert text.startswith(":hourglass: No answer after 0 s") and "request id `" in text


def test_a_question_in_an_alerts_thread_reaches_the_agent_with_the_alert(make_slack):
    model = scripted(say("Checkout conversion fell because card payments failed."))
    slack = make_slack(chat_model=model)
    alert_ts = "1515449000.000042"
    slack.features.thread_texts[(CHANNEL, alert_ts)] = "ALERT checkout conversion 2.8% vs 4.1% expected"
    slack.mention("why did this happen?", thread_ts=alert_ts)
    slack.answer_in(alert_ts)
    asked = model.seen[0][-1].content
    assert "why did this happen?" in asked and "ALERT checkout conversion 2.8% vs 4.1% expected" in asked


def test_a_long_answer_is_cut_to_fit_and_attached_whole(make_slack):
    long_text = "\n\n".join(f"Paragraph {i}: " + "the journey continues " * 40 for i in range(120))
    slack = make_slack(chat_model=scripted(say(long_text)))
    body, _ = slack.mention("tell me everything")
    update = slack.answer_in(body["event"]["ts"])
    assert "(the full text is in the attached file)" in text_of(update)
    done = slack.fake.wait_for("files.completeUploadExternal")[0]
    assert done.params["thread_ts"] == body["event"]["ts"] and done.params["channel_id"] == CHANNEL
    uploaded = slack.fake.calls_to("upload")[0].body.decode()
    assert uploaded.startswith("Paragraph 0:") and "Paragraph 119:" in uploaded
    # (The spec check at teardown holds the message to 50 blocks and 12,000 characters.)


def test_personal_details_never_reach_slack(make_slack):
    slack = make_slack(chat_model=scripted(say("Jo (jo.bloggs@example.com, 07700 900123) complained twice.")))
    body, _ = slack.mention("who complained?")
    text = text_of(slack.answer_in(body["event"]["ts"]))
    assert "[email]" in text and "[phone]" in text
    everything = " ".join(str(c.params) for c in slack.fake.calls)
    assert "jo.bloggs@example.com" not in everything and "07700 900123" not in everything


def test_customer_text_cannot_ping_the_whole_channel(make_slack):
    slack = make_slack(chat_model=scripted(say('A customer wrote "<!channel> refund me <@U0BOSS>"')))
    body, _ = slack.mention("what did they write?")
    text = text_of(slack.answer_in(body["event"]["ts"]))
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text and "<@U0BOSS>" not in text


def test_slacks_url_verification_handshake_is_answered(slack):
    import json

    status, body = slack.sender.send_raw(json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"}), "application/json")
    assert status == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in body


def test_when_the_attachment_fails_the_shortened_answer_stays(make_slack):
    long_text = "\n\n".join(f"Paragraph {i}: " + "the journey continues " * 40 for i in range(60))
    slack = make_slack(chat_model=scripted(say(long_text)))
    slack.fake.fail_next("files.getUploadURLExternal", status=200, error="internal_error")
    body, _ = slack.mention("tell me everything")
    ts = body["event"]["ts"]
    assert "Paragraph 0:" in text_of(slack.answer_in(ts))
    note = slack.fake.wait_for("chat.postMessage", 2)[1]
    assert note.params["thread_ts"] == ts and "could not be attached as a file" in text_of(note)
    assert all(u.params["text"] != "" and ":warning:" not in u.params["text"] for u in slack.fake.calls_to("chat.update"))
