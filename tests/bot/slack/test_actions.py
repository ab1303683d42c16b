"""Each button, pressed in Slack: what lands in the thread, and what only the presser sees."""

from __future__ import annotations

import csv
import io

import matplotlib.image as mpimg
from fakes.slack_harness import CHANNEL, OWNER, buttons_of, text_of


def _answer(slack, question: str = "what data do you have?"):
    body, _ = slack.mention(question)
    thread = body["event"]["ts"]
    update = slack.answer_in(thread)
    return update, thread, buttons_of(update)


def _upload(slack, n: int = 1):
    """The n-th completed upload and the bytes that went with it."""
    done = slack.fake.wait_for("files.completeUploadExternal", n)[n - 1]
    return done, slack.fake.calls_to("upload")[n - 1].body


def test_show_chart_uploads_a_png_into_the_thread(slack):
    update, thread, buttons = _answer(slack)
    assert slack.click("show_chart", buttons["show_chart"], message_ts=update.params["ts"], thread_ts=thread)[0] == 200
    done, png = _upload(slack)
    assert (done.params["channel_id"], done.params["thread_ts"]) == (CHANNEL, thread)
    asked = slack.fake.calls_to("files.getUploadURLExternal")[0]
    assert asked.params["filename"] == "journey-stages.png" and int(asked.params["length"]) == len(png)
    image = mpimg.imread(io.BytesIO(png), format="png")
    assert image.shape[1] == 880  # 8 in at 110 dpi: a readable width in Slack


def test_show_chart_on_a_funnel_answer_from_a_command(slack):
    slack.command("funnel")
    update = slack.fake.wait_for("chat.update")[0]
    answer_ts = update.params["ts"]
    slack.click("show_chart", buttons_of(update)["show_chart"], message_ts=answer_ts)
    done, png = _upload(slack)
    assert done.params["thread_ts"] == answer_ts  # under the answer, which starts the thread
    assert slack.fake.calls_to("files.getUploadURLExternal")[0].params["filename"] == "funnel-funnel.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_show_the_data_uploads_the_rows_behind_the_answer_as_csv(slack):
    update, thread, buttons = _answer(slack)
    slack.click("show_data", buttons["show_data"], message_ts=update.params["ts"], thread_ts=thread)
    done, content = _upload(slack)
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert [(r["table"], r["rows"]) for r in rows] == [
        ("customers", "0"), ("events", "5"), ("orders", "0"), ("surveys", "0"), ("tickets", "0")]
    assert done.params["thread_ts"] == thread
    assert slack.fake.calls_to("files.getUploadURLExternal")[0].params["filename"] == "describe_data-data.csv"


def test_the_data_file_is_redacted_too(slack):
    slack.command("feedback late delivery")
    update = slack.fake.wait_for("chat.update")[0]
    slack.click("show_data", buttons_of(update)["show_data"], message_ts=update.params["ts"])
    _, content = _upload(slack)
    assert "[phone]" in content.decode() and "7946" not in content.decode()


def test_save_persona_saves_the_conversation_and_says_so_in_the_thread(slack):
    update, thread, buttons = _answer(slack, "who are our customer types?")
    assert "save_persona" in buttons
    slack.click("save_persona", buttons["save_persona"], message_ts=update.params["ts"], thread_ts=thread)
    said = slack.fake.wait_for("chat.postMessage", 2)[1]
    assert said.params["thread_ts"] == thread
    assert text_of(said).startswith(f":bookmark: <@{OWNER}> saved the persona *The Regular*")
    assert slack.features.called("save_persona") == [(f"T123ABC456:{CHANNEL}:{thread}",)]


def test_thumbs_are_stored_one_per_person_and_thanked_privately(slack):
    update, thread, buttons = _answer(slack)
    slack.click("rate_up", buttons["rate_up"], message_ts=update.params["ts"], thread_ts=thread)
    thanks = slack.fake.wait_for("chat.postEphemeral")[0]
    assert thanks.params["user"] == OWNER and thanks.params["text"] == "Thanks! Glad it helped."
    slack.click("rate_down", buttons["rate_down"], message_ts=update.params["ts"], thread_ts=thread)
    slack.fake.wait_for("chat.postEphemeral", 2)
    slack.click("rate_up", buttons["rate_up"], message_ts=update.params["ts"], thread_ts=thread, user="U0SECOND1")
    slack.fake.wait_for("chat.postEphemeral", 3)
    stats = slack.services.answers.stats()
    assert (stats.rated, stats.up, stats.down) == (2, 1, 1)  # the owner changed their mind


def test_alert_buttons_acknowledge_mute_and_chart(slack):
    alert_ts = "1515449000.000042"
    slack.click("alert_ack", "al-1", message_ts=alert_ts)
    ack = slack.fake.wait_for("chat.postMessage")[0]
    assert ack.params["thread_ts"] == alert_ts and text_of(ack).startswith(f":white_check_mark: <@{OWNER}> acknowledged")
    slack.click("alert_snooze", "al-1", message_ts=alert_ts)
    muted = slack.fake.wait_for("chat.postMessage", 2)[1]
    assert "muted this alert for 24 hours" in text_of(muted)
    slack.click("alert_chart", "al-1", message_ts=alert_ts)
    done, png = _upload(slack)
    assert done.params["thread_ts"] == alert_ts and png[:4] == b"\x89PNG"
    assert slack.features.called("acknowledge_alert") == [("al-1", OWNER)]
    assert slack.features.called("mute_alert") == [("al-1", 24.0)]
    assert slack.features.called("alert_chart") == [("al-1",)]


def test_a_button_whose_answer_is_unknown_says_so_privately(slack):
    slack.click("show_chart", "0123456789abcdef", message_ts="1515449000.000001")
    said = slack.fake.wait_for("chat.postEphemeral")[0]
    assert said.params["text"].startswith("I no longer have the answer behind that button")
    assert slack.fake.calls_to("files.getUploadURLExternal") == []


def test_no_chart_for_an_answer_without_one(slack):
    slack.command("feedback delivery")
    update = slack.fake.wait_for("chat.update")[0]
    assert "show_chart" not in buttons_of(update)  # not offered ...
    slack.click("show_chart", buttons_of(update)["rate_up"], message_ts=update.params["ts"])
    said = slack.fake.wait_for("chat.postEphemeral")[0]  # ... and explained if pressed anyway
    assert said.params["text"].startswith("There is no chart for this answer")


def test_a_failing_button_tells_the_presser_with_a_request_id(slack, caplog):
    update, thread, buttons = _answer(slack)

    def broken(alert_id, user):
        raise RuntimeError("alert store locked")

    slack.services.acknowledge_alert = broken
    slack.click("alert_ack", "al-1", message_ts=update.params["ts"], thread_ts=thread)
    said = slack.fake.wait_for("chat.postEphemeral")[0]
    assert said.params["text"].startswith(":warning: Something went wrong") and "request id" in said.params["text"]
    assert "alert store locked" in caplog.text
