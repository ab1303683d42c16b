"""Account names a customer gives away in a message: a gamer tag or game-network id ("my psn id
quochuy046", a twcs tweet to AskPlayStation; "gamertag: xXSniperXx", "my username is
maria.s"), and the @handle of a person whose tweet is quoted ("RT @jenny_k: ...", '"@jenny_k:
...'). Both are replaced by [handle].

A support account's own @handle (@XboxSupport, @delta) is the business, not a customer, and
is left as it is; so is an @handle outside a quote, which twcs has anonymised already
(@115714). After a cue, the id is taken only when the cue belongs to the writer or someone
they speak for ("my", "our", "my son's") or is followed by "is", ":" or "=", so an agent's "DM
us your gamertag and the code" keeps its words; a word that carries the sentence on ("my
gamertag and password", "my username is wrong") is no id.
"""

from __future__ import annotations

import re

HANDLE_TOKEN = "[handle]"

_NETWORK = (r"psn|playstation|xbox(?: live)?|xbl|steam|epic(?: games)?|origin|battle\.?net|nintendo|switch|"
            r"riot|discord|twitch|instagram|insta|ig|twitter|snapchat|snap|tiktok|roblox|fortnite|minecraft")
_ALONE = (r"gamer ?tag|online id|user ?name|user id|account (?:name|id)|profile name|display name|"
          r"handle|ign|friend code|player id")
# "id" and "name" are an account's only after a network: "my psn id", "my steam name"
_ID = rf"(?:{_NETWORK}) (?:{_ALONE}|id|name)|{_ALONE}|psn|gt"
_OWNER = r"my|our|his|her|their|(?:my )?(?:son|daughter|kid|husband|wife|partner|brother|sister)['’]s"
_CUE = (rf"(?:\b(?:{_OWNER}) (?:{_ID})\b(?: (?:is|was))?[ \t]*[:=-]?|"
        rf"\b(?:{_ID})\b(?: (?:is|was)|[ \t]*[:=]))")
_TAKEN = re.compile(rf"(?i)(?P<cue>{_CUE})[ \t]*(?P<id>@?[A-Za-z0-9][\w.#-]{{0,30}}\w|@?[A-Za-z0-9])")
# Words that carry the sentence on after a cue: no account is named.
_ON = frozenset("""
a an and are as at be but by did does for from has have here in into is isn't it just keeps linked
not now of on or still that the then there this to too was wasn't will with wrong won't doesn't
keep got gets changed incorrect missing same also showing shows says reset hacked stolen deleted
account accounts password login email profile plus store app card network game games console
subscription membership wallet balance friends friend list support id name tag gamertag username handle
""".split())
# The author of a quoted or retweeted tweet: 'RT @jenny_k:', '"@jenny_k: ...', 'via @jenny_k'.
_QUOTED = re.compile(r"(?i)(?P<lead>\b(?:RT|MT|via|cc)\s+|[\"“‘']\s*)@(?P<who>\w{1,15})\b")
SCREEN = rf"(?i)@|\b(?:{_ALONE}|psn|gt)\b|\b(?:{_NETWORK}) (?:id|name)\b"
SQL_SCREEN = rf"(?i)@|(?:{_ALONE}|psn|gt)|(?:{_NETWORK}) (?:id|name)"


def _id_or_keep(m: re.Match[str]) -> str:
    word = m.group("id").lstrip("@").lower()
    if word in _ON:
        return m.group(0)
    return m.group("cue") + (" " if m.group(0)[len(m.group("cue")):].startswith((" ", "\t")) else "") + HANDLE_TOKEN


def redact_handles(text: str | None) -> str | None:
    """The text with given-away account names and quoted authors' @handles as [handle]."""
    if not text:
        return text
    text = _QUOTED.sub(lambda m: m.group("lead") + HANDLE_TOKEN, text)
    return _TAKEN.sub(_id_or_keep, text)
