"""Writes one survey comment or ticket at a time from the phrase banks, with made-up contact
details now and then (test numbers and cards, so redaction has something to find).

Texts are composed one by one with Python's random on their own stream, seeded from the
chunk's numpy generator, so the same chunk always gets the same texts.
"""

from __future__ import annotations

import random

from tools.data.sample.texts.slots import SLOTS
from tools.data.sample.texts.survey_phrases import BUT, CLOSE, CORE, DETAIL, OPEN
from tools.data.sample.texts.ticket_phrases import GREET, SIGN, TICKET_ASK, TICKETS, TOPIC_THEME

_EMAIL_USERS = [
    "sarah.jones",
    "tom.b",
    "jess.harris84",
    "mike_w",
    "priya.k",
    "laura.m1",
    "dan.evans",
    "claire.t",
    "sam.oconnor",
    "hannah.r",
    "bristolmum",
    "gemma.lewis",
]
_EMAIL_DOMAINS = [
    "gmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "btinternet.com",
    "hotmail.co.uk",
    "icloud.com",
]
_CARDS = [
    "4111 1111 1111 1111",
    "5555 5555 5555 4444",
    "4242 4242 4242 4242",
    "4000 0566 5566 5556",
    "4111111111111111",
]
_PII = [
    "You can reach me on {phone}.",
    "My email is {email} if you need it.",
    "Call me on {phone} please.",
    "I paid with my card {card}, can you check it went through?",
    "Card used was {card}.",
    "Best to email {email}.",
    "My number is {phone}.",
]
# Sentence starts that keep their capital when a phrase continues another.
_KEEP_CASE = ("I ", "I'", "Apple", "Bristol", "London") + tuple(SLOTS["staff"])


class TextComposer:
    """Composes survey and ticket texts."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def _fill(self, s: str, memo: dict[str, str] | None = None) -> str:
        """Fill {slots}; with a memo, a slot keeps its value (subject and message agree)."""
        r = self.r
        while "{" in s:
            a = s.index("{")
            b = s.index("}", a)
            key = s[a + 1 : b]
            value = memo.get(key) if memo is not None else None
            if value is None:
                value = r.choice(SLOTS[key])
                if memo is not None:
                    memo[key] = value
            s = s[:a] + value + s[b + 1 :]
        return s

    def _lower(self, s: str) -> str:
        if s.startswith(_KEEP_CASE) or len(s) < 2:
            return s
        return s[0].lower() + s[1:]

    def pii(self) -> str:
        r = self.r
        phone = r.choice(
            [
                f"07700 900{r.randint(0, 999):03d}",
                f"+44 7700 900{r.randint(0, 999):03d}",
                f"0117 496 0{r.randint(0, 999):03d}",
            ]
        )
        email = f"{r.choice(_EMAIL_USERS)}@{r.choice(_EMAIL_DOMAINS)}"
        return r.choice(_PII).format(phone=phone, email=email, card=r.choice(_CARDS))

    def survey(
        self, theme: str, positive: bool, second: str | None, second_pos: bool, pii: bool
    ) -> str:
        r = self.r
        pol = 0 if positive else 1
        parts: list[str] = []
        lead = r.random() < 0.3
        if lead:
            parts.append(r.choice(OPEN[pol]))
        core = self._fill(r.choice(CORE[theme][pol]))
        if lead and parts[-1].endswith((",", " and", " but")):
            core = self._lower(core)
        parts.append(core)
        if r.random() < 0.35:
            parts.append(self._fill(r.choice(DETAIL[theme][pol])))
        if second is not None:
            spol = 0 if second_pos else 1
            joint = r.choice(BUT[spol])
            parts.append(joint + " " + self._lower(self._fill(r.choice(CORE[second][spol]))))
        if r.random() < 0.35:
            parts.append(r.choice(CLOSE[pol]))
        if pii:
            parts.append(self.pii())
        text = " ".join(parts)
        x = r.random()
        if x < 0.08:
            text = text.lower()
        elif x < 0.14:
            text = text.rstrip(".")
        elif x < 0.18 and positive:
            text = text.rstrip(".") + "!!"
        return text

    def ticket(self, topic: str, order_id: str | None, pii: bool) -> tuple[str, str]:
        r = self.r
        subjects, core = r.choice(TICKETS[topic])
        memo: dict[str, str] = {}
        subject = self._fill(r.choice(subjects), memo)
        parts = []
        greet = r.choice(GREET)
        if greet:
            parts.append(greet)
        parts.append(self._fill(core, memo))
        if order_id and r.random() < 0.6:
            parts.append(
                r.choice(
                    ["Order number {o}.", "My order is {o}.", "(order {o})", "Ref {o}."]
                ).format(o=order_id)
            )
        theme = TOPIC_THEME.get(topic, topic)
        if r.random() < 0.5 and topic not in ("dietary", "staff", "order_change", "quote"):
            parts.append(self._fill(r.choice(DETAIL[theme][1])))
        ask = r.choice(TICKET_ASK[topic])
        parts.append(ask)
        if pii:
            parts.append(self.pii())
        if r.random() < 0.4:
            sign = (
                ""
                if "thank" in ask.lower()
                else r.choice(
                    ["Thanks, ", "Thanks ", "Cheers, ", "Kind regards, ", "Many thanks, "]
                )
            )
            parts.append(sign + r.choice(SIGN))
        text = " ".join(parts)
        if r.random() < 0.06:
            text = text.lower()
        return subject, text
