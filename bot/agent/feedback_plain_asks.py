""""Abeg support tickets about the parking", "what makes our happiest guests happy": the texts on
a topic asked for by their name alone, and what the happiest people like, said as what makes
them happy (lane ps20, from blind20's misses)."""

from __future__ import annotations

# Cue of feedback_search: the texts named first, then their topic, no verb before them
TEXTS_ON_TOPIC_CUES = (
    (r"^(?:(?:abeg|please|pls|plz|ok|okay|so|and|just|now|right|oi),? )*(?:the |any |all |our |all the )?"
     r"(?:support |customer |help ?desk |service )?(?:tickets|emails|complaints|reviews|comments|messages|survey answers) "
     r"(?:about|regarding|mentioning|re|concerning|on the subject of) (?!us\b|me\b|it\b|that\b|this\b|them\b)[a-z]", 1.0),
)
# Cue of feedback_themes (positive): "what makes our happiest regulars happy", "what keeps our
# most loyal clients smiling"
HAPPIEST_THEMES_CUES = (
    (r"\bwhat (?:makes|keeps|gets|has) (?:our |the |my |your )?(?:happiest|most (?:satisfied|loyal|content|delighted)|"
     r"biggest fans|keenest|best|favourite|favorite) (?:[\w'-]+ ){0,2}?(?:so |really )?(?:happy|satisfied|smiling|smile|content|"
     r"delighted|glad|love us|coming back)\b", 1.5),
)
