"""Account names a customer gives away (gamer tags, game-network ids, usernames) and the
@handles of people whose tweets are quoted are redacted; a support account's own handle, an
agent asking for "your gamertag" and words after a cue that are no id stay."""

import pandas as pd
import pytest

from tools.core.pii import contains_pii, redact, redact_series


@pytest.mark.parametrize("text, secret", [
    ("@AskPlayStation my psn id quochuy046, can you help me?", "quochuy046"),   # a twcs tweet
    ("my gamertag is xXSniperXx and it got banned", "xXSniperXx"),
    ("Gamertag: Shadow_Wolf99 - still locked out", "Shadow_Wolf99"),
    ("my son's xbox gamertag is LilTimmy07", "LilTimmy07"),
    ("my steam name is gabe.n", "gabe.n"),
    ("my username: maria.s, order never came", "maria.s"),
    ("RT @jenny_k: this airline lost my bag again", "jenny_k"),
    ('"@tomasz_b: worst pizza in town" so true', "tomasz_b"),
    ("lol via @ruthbakes", "ruthbakes"),
])
def test_given_away_account_names_and_quoted_handles_are_redacted(text, secret):
    out = redact(text)
    assert secret not in out and "[handle]" in out
    assert redact(out) == out  # idempotent
    assert redact_series(pd.Series([text])).iloc[0] == out


@pytest.mark.parametrize("text", [
    "@XboxSupport @115786 when does the xbox one x ship?",
    "Can you DM us your gamertag and the code you redeemed? ^RR",
    "my psn account which i deleted still shows",
    "my username is wrong on the receipt",
    "her name is on the order",
    "ask @delta about it",
])
def test_brand_handles_agents_asks_and_plain_words_stay(text):
    assert not contains_pii(text)
