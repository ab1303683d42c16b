"""One reader for the on/off environment switches (bot/config/base.py `switch`): the planner's
fallback, its second opinion, its reading of arguments by meaning and the index on load read the
same words for on and off, and a word that is neither leaves the config's default."""

from __future__ import annotations

import pytest

from bot.agent import meaning_args, second_opinion, similar
from bot.config import load_config, switch


@pytest.mark.parametrize(("value", "default", "on"), [
    ("on", False, True), ("1", False, True), ("TRUE", False, True), (" yes ", False, True),
    ("OFF", True, False), (" no ", True, False), ("0", True, False), ("false", True, False), ("None", True, False),
    ("maybe", True, True), ("maybe", False, False), ("", True, True), ("", False, False),
])
def test_a_switch_reads_the_same_words_and_keeps_the_default_for_others(value, default, on):
    assert switch({"X": value}, "X", default) is on


def test_a_switch_unset_or_without_an_environment_is_the_default():
    assert switch({}, "X", True) is True and switch(None, "X", False) is False


@pytest.mark.parametrize(("file", "value", "on"), [
    ("", "OFF", False), ("", " no ", False), ("", "maybe", True),
    ("[model]\nplanner_fallback = false\n", "maybe", False), ("[model]\nplanner_fallback = false\n", " Yes", True),
])
def test_the_fallback_reads_the_switch_words(tmp_path, file, value, on):
    path = tmp_path / "journeybot.toml"
    path.write_text(file)
    assert similar.enabled(load_config(path, env={similar.SETTING: value})) is on


@pytest.mark.parametrize(("file", "value", "on"), [
    ("", "ON", True), ("", " yes ", True), ("", "maybe", False), ("", "none", False),
    ("[model]\nplanner_second_opinion = true\n", "maybe", True), ("[model]\nplanner_second_opinion = true\n", " no ", False),
])
def test_the_second_opinion_reads_the_same_words(tmp_path, file, value, on):
    path = tmp_path / "journeybot.toml"
    path.write_text(file)
    assert second_opinion.enabled(load_config(path, env={second_opinion.SETTING: value})) is on


@pytest.mark.parametrize(("value", "on"), [("OFF", False), (" no ", False), ("maybe", True), ("on", True)])
def test_meaning_args_read_the_same_words(value, on):
    assert meaning_args.enabled(load_config(env={meaning_args.SETTING: value})) is on


@pytest.mark.parametrize(("value", "on"), [("OFF", False), (" no ", False), ("none", False), ("maybe", True)])
def test_the_index_on_load_reads_the_same_words(value, on):
    assert load_config(env={"JOURNEYBOT_INDEX_ON_LOAD": value}).feedback.index_on_load is on
