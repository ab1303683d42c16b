"""Requests that are no question about the data and that no tool is chosen for by likeness (the
planner's order patterns use these words): damage ("set fire to the database", "blow up the
orders table"), which journeybot says it does not do, and a name for something new ("what
should I call my new gin?"), which is outside what it answers."""

from __future__ import annotations

# The verb of harm at the start of the request, after a polite lead (bot/agent/planner.py
# anchors it); "burn rate" and "hack" as a noun are not requests.
HARM = (r"(?:set fire to|set (?:\w+ ){1,3}on fire|torch|burn down|burn (?:the|our|my|all|it|everything)\b|blow up|"
        r"smash(?: up)?|wreck|shred|corrupt|sabotage|hack(?: into)?|scramble|mess up)(?= )")
HARM_AT_START = r"^(?:please |can you |could you |just |now |go and |go )?" + HARM
HARM_REFUSAL = ("I won't do that: I only read your data to answer questions about it, and nothing I do damages "
                "or destroys it. Deleting something of mine (an alert rule, a saved persona) is done by naming it, "
                "and I ask before doing it.")
# A name for something new (not a persona card's, which is a rename: "what should we call the
# second persona?")
NAMING = (r"what (?:should|shall|could|can|would) (?:i|we) (?:call|name)(?= (?!(?:\w+ ){0,2}(?:persona|card|one|segment|"
          r"alert|rule|her|him|them)\b))")
