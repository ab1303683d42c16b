"""A split by the source customers told the shop, not the channel their journey came through:
"in the CRM's 'how did you hear about us' field, which source moved orders most", "split by the
answers to 'where did you hear about us'". The CRM's acquisition channel is what customers said;
the events' channel is what the journey shows (bot/agent/vocab.py's DIMENSION_WORDS)."""

from __future__ import annotations

from bot.agent.patterns import lazy

_SAID = lazy(r"\b(?:how|where) did (?:you|they|u) (?:first )?(?:hear|find out|learn) (?:about|of) (?:us|you)\b|"
                   r"\b(?:heard|hear)[- ](?:about|of)[- ](?:us|you)[- ](?:field|column|question|box|answers?|dropdown|form)\b|"
                   r"\bcrm(?:'s)?\b.{0,60}\b(?:sources?|channels?)\b|\b(?:sources?|channels?)\b.{0,40}\b(?:in|from|on) (?:the |our )?crm\b")


def said_source(breakdown: str | None, text: str) -> str | None:
    """The acquisition channel in place of the channel when the question names the CRM's answer."""
    return "acquisition_channel" if breakdown == "channel" and _SAID.search(text) else breakdown
