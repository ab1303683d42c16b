"""A twcs customer wrote their PlayStation Network id into a tweet ("my psn id quochuy046");
consumer handles are anonymised in the data set, so the id would be the only name of a person
left in it. Which tweets give an account name away after "psn id", "gamertag", "username" is
found in the raw CSV with a pandas regex; none of those names may be kept in the store's texts.
The recipe keeps the tweets that start a conversation; that tweet answers another, so here every
customer tweet is loaded as a ticket, as an owner logging each message would."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from bot.cli import main
from tools.data.store import JourneyStore

# every customer tweet a ticket, as an owner logging each message would load them
TWEETS = """
name = "twcs, every customer tweet"
[[load]]
name = "twcs customer tweets"
file = "twcs.csv"
table = "tickets"
where = { inbound = "True" }
columns = { ticket_id = "tweet_id", customer_id = "author_id", created_at = "created_at", text = "text" }
constants = { channel = "social", touchpoint = "support_contact" }
unknown_customers = "create"
options = { newline = "lf", timestamp_format = "%a %b %d %H:%M:%S %z %Y" }
"""
GIVEN = r"(?i)\bmy (?:psn |xbox |steam )?(?:id|gamer ?tag|user ?name)(?: is)?:? ([A-Za-z0-9][\w.]{3,})"


def test_account_names_customers_give_away_are_not_stored(twcs, tmp_path):
    raw = pd.read_csv(twcs.raw / "twcs.csv", dtype=str, lineterminator="\n")
    said = raw[raw.inbound == "True"].text.str.extract(GIVEN).iloc[:, 0].dropna()
    said = said[~said.str.lower().isin({"account", "password", "email", "and"})]
    assert len(said) >= 1, "the sample gives no account name away to check"
    (tmp_path / "recipe.toml").write_text(TWEETS, encoding="utf-8")
    (tmp_path / "config.toml").write_text('[business]\ntimezone = "UTC"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--recipe", str(tmp_path / "recipe.toml"), "--data-dir", str(twcs.raw)],
                                env={"JOURNEYBOT_HOME": str(tmp_path)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    texts = JourneyStore(tmp_path / "journey.duckdb").query("SELECT text FROM tickets WHERE text IS NOT NULL").text
    assert len(texts) == (raw.inbound == "True").sum()
    for name in said:
        assert not texts.str.contains(name, regex=False).any(), f"{name!r} is kept in a stored ticket"
