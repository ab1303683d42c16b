"""Two answers a new owner of review text reads one after the other: "how positive is our
feedback?" said 34% negative (1,021 texts), "show me some angry reviews" said 1,256 of the
3,000 texts are negative. Both were right, under different bounds nobody named. The second now
names its bound and how many of its texts reach the first's, so the two agree in what they say.
The texts in scope are counted here from the raw files (split on the last tab, as SOURCE.md says)."""

from __future__ import annotations

import re

from realdata.test_sentences import labelled


def _number(s: str) -> int:
    return int(s.replace(",", ""))


def test_the_angry_reviews_say_which_negative_they_mean_and_agree_with_the_sentiment_answer(sentences):
    texts = len(labelled(sentences.raw))
    overall = sentences.ask("how positive is our feedback overall?")["answer"]
    neg = re.search(r"(\d+)% negative \(([\d,]+)\)", overall)
    assert neg, overall
    angry = sentences.ask("show me some angry reviews")
    said = "\n".join([angry["answer"], *(angry.get("notes") or [])])
    m = re.search(r"([\d,]+) of the ([\d,]+) texts in scope are negative .*?negative here means a tone of "
                  r"-0\.05 or lower, a wider net than the sentiment breakdown's -0\.2 or lower, which ([\d,]+) of them reach",
                  said)
    assert m, said
    kept, scope, strong = (_number(g) for g in m.groups())
    assert scope == texts
    assert strong == _number(neg.group(2)) <= kept
