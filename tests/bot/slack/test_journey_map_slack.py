"""A journey map in Slack: the answer in the thread, the picture with the spreadsheet attached
in one upload, and the follow-up about one stage answered in the same thread."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from fakes.slack_harness import CHANNEL, text_of
from journey_fixtures import SHOP, load_customers, load_events
from matplotlib.image import imread


@pytest.fixture
def shop(store, tmp_path):
    load_customers(store, tmp_path)
    load_events(store, tmp_path, SHOP)
    return store


def test_the_map_is_posted_with_its_picture_and_spreadsheet_and_a_stage_follow_up(make_slack, shop):
    slack = make_slack(store=shop)
    body, status = slack.mention("show me the journey map")
    assert status == 200
    root = body["event"]["ts"]
    update = slack.answer_in(root)
    assert "Journey map: all customers" in text_of(update) and "From `journey_map(" in text_of(update)
    done = slack.fake.wait_for("files.completeUploadExternal")[0]
    assert (done.params["channel_id"], done.params["thread_ts"]) == (CHANNEL, root)
    asked = [c.params["filename"] for c in slack.fake.calls_to("files.getUploadURLExternal")]
    assert asked == ["journey-map.png", "journey-map.xlsx"]
    png, xlsx = (c.body for c in slack.fake.calls_to("upload"))
    assert imread(io.BytesIO(png), format="png").shape[1] == 1600
    grid = pd.read_excel(io.BytesIO(xlsx), sheet_name="Journey map", header=None)
    assert list(grid.iloc[3, 1:]) == ["awareness", "consideration", "decision", "purchase", "post-purchase",
                                      "advocacy"]
    # Both files in one message, after the answer.
    methods = [c.method for c in slack.sent()]
    assert methods.index("chat.update") < methods.index("files.completeUploadExternal")
    assert len(slack.fake.calls_to("files.completeUploadExternal")) == 1

    slack.mention("why is post-purchase grey?", thread_ts=root)
    slack.fake.wait_for("chat.update", 2)
    follow = slack.fake.calls_to("chat.update")[-1]
    assert "Post-purchase for all customers" in text_of(follow)
    assert "stage=post-purchase" in text_of(follow)
    # A stage in detail has no picture: still one upload in the thread.
    assert len(slack.fake.calls_to("files.completeUploadExternal")) == 1


def test_when_the_files_cannot_be_attached_the_answer_stays_and_says_so(make_slack, shop):
    slack = make_slack(store=shop)
    slack.fake.fail_next("files.getUploadURLExternal", status=200, error="invalid_auth")
    body, _ = slack.mention("show me the journey map")
    root = body["event"]["ts"]
    update = slack.answer_in(root)
    assert "Journey map: all customers" in text_of(update)
    note = slack.fake.wait_for("chat.postMessage", 2)[-1]
    assert note.params["thread_ts"] == root and "could not be attached" in text_of(note)
