"""(lane real17) Customers who had to contact the business more than once: the repeat contacts
KPI (tools/analytics/kpi_contacts.py), or its rate when a share of them is asked. Read first of
all the KPI sayings (bot/agent/kpi_words.py): "came back to support" and "get back to us again"
hold words the repeat customers' and first response's sayings would otherwise take.

Three classes: a contact with the business said with its verb and a repeat ("contacted us more
than once", "had to chase us again", "rang the office twice", "wrote in more than once"); a
ticket of some desk raised more than once ("raising several tickets", "with more than one
complaint"); and the KPI's own nouns ("repeat contacts", "recontact rate"). Coming back "to us"
is a customer buying again, never a contact: only coming back to the desk is one, or coming back
about the same problem."""

from __future__ import annotations

from bot.agent.patterns import lazy

# who is contacted: the business, its desk or its place ("the workshop", "our surgery")
_DESK = (r"(?:the )?(?:support|help ?desk|support (?:desk|team|line|inbox)|helpline|help line|customer (?:service|support|care)|"
         r"complaints? (?:line|desk|team)|front desk|office|desk)")
_US = rf"(?:us|you|me|{_DESK}|(?:the|our) [a-z'-]+)"
_VERB = (r"(?:contact(?:ed|ing|s)?|(?:get|gets|got|gotten|getting|had to get) (?:back )?(?:in touch with|back to|hold of)|"
         r"reach(?:ed|es|ing)? out to|(?:wr(?:ote|ite|ites|itten|iting)|rang|ring|rings|ringing|call(?:ed|s|ing)?|"
         r"phon(?:ed|es|ing|e)|e-?mail(?:ed|s|ing)?|messag(?:ed|es|ing|e)|dm(?:ed|'d)?|chas(?:ed|es|ing|e)|"
         r"bug(?:ged|ging|s)?|pester(?:ed|ing|s)?|hassl(?:ed|es|ing|e))(?: (?:to|in to|into|up))?)")
_REPEAT = (r"(?:more than once|(?:over )?again(?: and again)?|twice|(?:two|2|three|3|several|multiple|many|a few|"
           r"a couple of|a number of|lots of) (?:or more )?times|a (?:second|2nd|third|3rd|further) time|repeatedly|"
           r"over and over|more than (?:one|a single) time|time and (?:time )?again|a second go)")
# a contact said with its verb: "contacted us more than once", "wrote in twice", "had to chase
# the office again"; coming back to the desk is a contact again by itself
# (a bare "again" after a complaint is as often "remind me": "what did people complain about again";
# "called in" is a visit as often as a call: "how many locals called in more than twice" came back)
_ONCE_MORE = _REPEAT.replace("(?:over )?again(?: and again)?|", "")
_CONTACTED = (rf"\b{_VERB} {_US}(?: [\w'-]+){{0,4}}? {_REPEAT}\b|"
              rf"\b(?:(?:wr(?:ote|ite|ites|itten|iting)|rang|ring|rings|phon(?:ed|e|es)) in|complain(?:ed|s|ing)?)"
              rf"(?: [\w'-]+){{0,4}}? {_ONCE_MORE}\b|"
              rf"\b(?:came|come|comes|coming|went|go|goes|going|got|get|gets|getting) back (?:to|on to|onto|through to) {_DESK}\b|"
              # (lane ps27) "came back to us more than once about the same problem", "got back in touch about
              # the same fault": coming back to us is a contact when it is about a problem, never a purchase
              rf"\b(?:came|come|comes|coming|got|get|gets|getting) back (?:in touch )?(?:to {_US} )?(?:[\w'-]+ ){{0,4}}?"
              rf"(?:about|over|with|regarding) (?:the same|one and the same|an? (?:identical|recurring)) (?:[\w-]+ )?"
              rf"(?:problems?|issues?|faults?|complaints?|quer(?:y|ies)|gripes?|snags?)\b")
# what a desk answers, raised more than once: "raising several tickets", "with more than one complaint"
_ASKED = (r"(?:support )?(?:tickets?|cases?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|support requests?|"
          r"help requests?|calls?)")
# (never "guests raised several complaints about the noise" or "we had a few queries": a count of
# gripes is what they say, not who came back; "several" only with whose tickets they are)
_MORE = r"(?:more than one|multiple|two or more|2 or more|2\+|repeat(?:ed)?|a second)"
_RAISE = (r"(?:rais(?:e|ed|es|ing)|open(?:ed|s|ing)?|fil(?:e|ed|es|ing)|log(?:ged|s|ging)?|submit(?:ted|s|ting)?|"
          r"put(?:ting)? in|lodg(?:e|ed|es|ing))")
_RAISED = (rf"\b{_RAISE} {_MORE} {_ASKED}\b|"
           rf"\b(?:[a-z'-]+s|people|folk) (?:who |that )?(?:had|have|has|having|with|'ve had) {_MORE} {_ASKED}\b|"
           rf"\b(?:same [a-z'-]+|who|that) (?:[\w'-]+ )?(?:{_RAISE}|had|have|has|having|'ve had) several {_ASKED}\b|"
           # (lane probe22c) "of the folk who raised a ticket, what share raised another one": the ticket
           # said first, then a second one of it
           rf"\b{_ASKED}\b.{{0,60}}?\b{_RAISE} (?:another|a second|a 2nd|one more|a further)(?: one| {_ASKED})?\b")
_NOUN = (r"\b(?:repeat|returning|repeated) (?:support )?(?:contacts?|contacters|callers?|complainers?|complainants?|"
         r"tickets?|enquirers?|inquirers?)\b(?! rate)|\bre-?contacts?\b(?! rate)")
_RATE_NOUN = r"\b(?:repeat|re-?) ?contact (?:rate|ratio|share)\b"
# the share asked of those people: "what share of customers contacted us more than once"
_SHARE_ASKED = (r"^(?=.*(?:\b(?:what|which) (?:share|percentage|proportion|fraction|per ?cent|%)|\b(?:share|percentage|"
                r"proportion|fraction) of\b|% of\b|\bper ?cent of\b))")
_ANY = rf"(?:{_CONTACTED}|{_RAISED}|{_NOUN})"

_TERMS: list[tuple[str, str]] = [
    (_RATE_NOUN, "repeat_contact_rate"),
    (rf"{_SHARE_ASKED}.*?(?P<kpi>{_ANY})", "repeat_contact_rate"),
    (_ANY, "repeat_contacts"),
]

REPEAT_CONTACT_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
