"""Themes asked by tone over texts the offline reader does not score say so, by language, and
point to asking by review score instead of widening the period."""

import pandas as pd

from tools.core.money import NumberFormat
from tools.feedback.themes_unscored import unscored_words


def _chunks(attrs=None):
    frame = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "sentiment": [None, None, None, -0.6],
                          "lang": ["pt", "pt", "es", "en"]})
    frame.attrs = attrs or {}
    return frame


def test_unscored_texts_are_counted_by_language_with_what_to_ask():
    words = unscored_words(_chunks({"embedding": [[0.1, 0.2]]}), "negative", NumberFormat.of("BRL", "pt_BR"))
    assert words.startswith(" (2 more have no sentiment score: ")
    assert "Portuguese 1" in words and "Spanish 1" in words and "1 or 2 stars" in words


def test_nothing_to_say_when_themes_are_not_asked_by_tone_or_all_are_scored():
    assert unscored_words(_chunks(), "all") == ""
    assert unscored_words(_chunks().dropna(subset=["sentiment"]), "negative") == ""
