"""Every sentence the Slack app says on its own (answers come from the agent)."""

from __future__ import annotations

REFUSAL = ("Sorry, I'm not set up to answer here. Ask the person who runs journeybot to add this "
           "workspace, channel or person to its allow-list.")
REFUSAL_HOME = ("journeybot is not available to you in this workspace. Ask the person who runs "
                "it to add you to its allow-list.")
FAILED = ":warning: Something went wrong while answering (request id `{request_id}`). Please try again in a minute."
TIMED_OUT = (":hourglass: No answer after {seconds:.0f} s, so I stopped (request id `{request_id}`). "
             "Try a narrower question, e.g. one stage, one channel or a shorter period.")
NOT_ATTACHED = ":warning: The rest of this answer could not be attached as a file (request id `{request_id}`)."
FILES_NOT_ATTACHED = ":warning: The files of this answer (picture, spreadsheet) could not be attached (request id `{request_id}`)."
NOT_SET_UP = "{feature} is not set up in this journeybot yet."
NOT_AVAILABLE = "That needs the {tool} analysis, which is not installed in this journeybot yet."
ANSWER_GONE = "I no longer have the answer behind that button (it may be from an older install)."
ALERT_GONE = ("I no longer know the alert behind that button (it may have been cleared, or it is from another "
              "install), so nothing was changed. `/journey alerts` lists the open ones.")
NO_CHART = "There is no chart for this answer: it has no funnel, trend or sentiment by stage."
NO_DATA = "There are no rows behind this answer to export."
THANKS_UP = "Thanks! Glad it helped."
THANKS_DOWN = "Thanks for saying so. Asking again with a stage, channel or period often helps."
EMPTY_QUESTION = "Ask me something about your customers, e.g. “where do we lose people?”"
ASKED = "*<@{user}> asked:* {question}"

HELP = """*journeybot* answers questions about your customer journey from your own data.

*Ask:* mention me in a channel (`@journeybot where do we lose people?`), DM me, or use `/journey ask …`. Reply in the thread to follow up.

*/journey* subcommands:
• `/journey ask <question>`: an answer in this channel
• `/journey digest`: today's digest, now
• `/journey kpis`: the KPI snapshot
• `/journey funnel`: customers reaching each journey stage
• `/journey feedback <query>`: what customers say about something
• `/journey personas`: the saved personas
• `/journey alerts`: open alerts, with buttons to acknowledge or mute them
• `/journey subscribe <daily|weekly> <HH:MM> [#channel]`: a digest on a schedule
• `/journey unsubscribe [#channel]`: stop the digest here (or in #channel)
• `/journey help`: this message"""

USAGE = {
    "ask": "Usage: `/journey ask <question>`, e.g. `/journey ask where do we lose people?`",
    "feedback": "Usage: `/journey feedback <query>`, e.g. `/journey feedback late delivery`",
    "subscribe": ("Usage: `/journey subscribe <daily|weekly> <HH:MM> [#channel]`, e.g. "
                  "`/journey subscribe daily 08:30` or `/journey subscribe weekly mon 09:00 #team`"),
    "unsubscribe": "Usage: `/journey unsubscribe [#channel]`",
}
UNKNOWN = "I don't know `/journey {word}`. Try `/journey help`."
