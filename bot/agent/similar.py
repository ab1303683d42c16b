"""The planner's last resort before asking back: the nearest labelled phrasing.

When the planner's rules pick no tool for a question that is about the business ("numbers for
today pls", "send over the morning briefing"), the question is embedded with the offline MiniLM
model journeybot already ships for feedback search (tools/feedback/embeddings.py, the same
loaded copy) and compared with the labelled phrasings of bot/agent/exemplars.yaml (generated
from the tuning question banks by bench/planner_exemplars.py). Its K nearest phrasings vote,
each with its cosine similarity; the tool with the most weight wins if its closest phrasing is
at least THRESHOLD alike (tuned leave-one-out on the exemplars, and checked leave-bank-out,
each blind bank scored without its own phrasings as an unseen bank would be: within two
questions of the best K and THRESHOLD; bench/planner_by_bank.py, docs/BENCHMARKS.md). The
arguments still come from the planner's slot readers, and the answer says it was read by
resemblance, quoting the phrasings it resembled, with the other tools of the vote offered as
other readings (bot/agent/reading.py).

Never a tool that changes or edits something: the exemplar file lists none, and a vote for one
is dropped here as well. The exemplar vectors are kept in the model cache folder, named for the
file's hash and the model's identity, so a question pays for the encoder only when the fallback
runs and never re-embeds the exemplars. Without the model (the `[local]` extra not installed)
the fallback is off and the planner asks back as it always did; JOURNEYBOT_PLANNER_FALLBACK=off
turns it off on purpose.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.agent.ranking import Candidate
from bot.config import switch

if TYPE_CHECKING:  # numpy loads with the fallback, not with the planner (command start time)
    import numpy as np

EXEMPLARS = Path(__file__).resolve().with_name("exemplars.yaml")
SETTING = "JOURNEYBOT_PLANNER_FALLBACK"
K = 5  # phrasings that vote
THRESHOLD = 0.55  # least cosine of the winner's closest phrasing; below it the planner asks back
SAME = 0.95  # a phrasing this alike is the question in other spelling: it decides alone
QUOTED = 2  # phrasings quoted in the reading
RELEASE_AFTER = 60.0  # idle seconds before a long-running process drops the model (as serve does)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Vote:
    """The outcome of one nearest-phrasing vote."""

    tool: str
    similarity: float  # cosine of the winner's closest phrasing
    ranking: tuple[tuple[str, float], ...]  # every tool among the neighbours, best first, by closest cosine
    like: tuple[str, ...]  # the winner's phrasings nearest the question, closest first
    votes: int = 0  # how many of the k neighbours are the winner's (bot/agent/second_opinion.py)


class Exemplars:
    """The labelled phrasings and their vectors, embedded once per file and model."""

    def __init__(self, path: Path = EXEMPLARS, embedder: Any = None, cache_dir: Path | None = None):
        import numpy as np
        import yaml

        self.path = Path(path)
        data = self.path.read_bytes()
        self.digest = hashlib.sha256(data).hexdigest()  # names the cached vectors of exactly these phrasings
        groups: dict[str, list[str]] = yaml.safe_load(data.decode()) or {}
        self.texts = [q for qs in groups.values() for q in qs]
        self.tools = np.array([tool for tool, qs in groups.items() for _ in qs])
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()
        # Benches only: a question never votes for itself when it is one of the phrasings, so
        # the banks the exemplars come from can still be scored honestly (bench/planner.py --loo).
        self.leave_one_out = False
        # Benches only: the rows a bank never seen may use (bench/planner_by_bank.py leaves the
        # scored bank's own phrasings out); None is every row.
        self.keep: np.ndarray | None = None

    def cache_file(self) -> Path | None:
        from bot.agent.vector_cache import cache_file

        return cache_file(self.cache_dir, "planner-exemplars", self.digest, self.embedder)

    def vectors(self) -> np.ndarray:
        """(len(texts), dim) unit rows: from the cache file, else embedded and kept there."""
        with self._lock:
            if self._vectors is None:
                self._vectors = self._load()
            return self._vectors

    def _load(self) -> np.ndarray:
        from bot.agent.vector_cache import load_or_embed

        return load_or_embed(self.texts, self.embedder, self.cache_file(), "planner's exemplar vectors")

    def vote(self, question: str, *, k: int | None = None, leave_out: str | None = None,
             allowed: set[str] | None = None) -> Vote | None:
        """The tool the question's k nearest phrasings vote for (None when no phrasing is
        usable). `leave_out` drops one phrasing (leave-one-out tuning); `allowed` limits the
        tools that may win."""
        q = self.embedder.embed([question])[0]
        if leave_out is None and self.leave_one_out:
            leave_out = question
        return self.vote_vector(q, k=k, leave_out=leave_out, allowed=allowed)

    def vote_vector(self, q: np.ndarray, *, k: int | None = None, leave_out: str | None = None,
                    allowed: set[str] | None = None) -> Vote | None:
        import numpy as np

        k = K if k is None else k  # read when called, so a bench can tune it
        sims = self.vectors() @ q
        usable = np.ones(len(self.texts), dtype=bool) if self.keep is None else self.keep.copy()
        if leave_out is not None:
            usable &= np.array([t.lower() != leave_out.lower() for t in self.texts])
        if allowed is not None:
            usable &= np.isin(self.tools, sorted(allowed))
        sims = np.where(usable, sims, -np.inf)
        top = np.argsort(-sims)[:k]
        top = top[np.isfinite(sims[top])]
        if not len(top):
            return None
        weight: dict[str, float] = {}
        closest: dict[str, float] = {}
        for i in top:  # k rows at most
            tool = str(self.tools[i])
            weight[tool] = weight.get(tool, 0.0) + float(sims[i])
            closest.setdefault(tool, float(sims[i]))
        order = sorted(weight, key=lambda t: (-weight[t], -closest[t]))
        if float(sims[top[0]]) >= SAME:  # all but the same words as a labelled phrasing: its label
            order.sort(key=lambda t: t != str(self.tools[top[0]]))
        winner = order[0]
        like = tuple(self.texts[i] for i in top if self.tools[i] == winner)[:QUOTED]
        votes = sum(1 for i in top if self.tools[i] == winner)
        return Vote(winner, closest[winner], tuple((t, closest[t]) for t in order), like, votes)


def enabled(config: Any) -> bool:
    """[model] planner_fallback, unless JOURNEYBOT_PLANNER_FALLBACK (the config's environment)
    says on or off."""
    default = bool(getattr(getattr(config, "model", None), "planner_fallback", True))
    return switch(getattr(config, "env", None), SETTING, default)


_SHARED: dict[tuple[str, str, str, str], Exemplars] = {}
_BROKEN = False  # set when the model failed to load: the fallback stays off for the process
_SHARED_LOCK = threading.Lock()


def exemplars_for(ctx: Any) -> Exemplars | None:
    """The exemplars with this process's MiniLM embedder, or None when the model is missing."""
    from tools.core.errors import ToolUnavailable
    from tools.feedback.embeddings import LocalEmbedder, local_model_path
    from tools.feedback.embeddings_onnx import cache_root

    env = getattr(ctx.config, "env", None) or {}
    cache = Path(env.get("JOURNEYBOT_MODEL_CACHE") or cache_root())
    runtime = (env.get("JOURNEYBOT_ENCODER") or "auto").strip().lower()
    precision = ctx.config.encoder_precision() if hasattr(ctx.config, "encoder_precision") else "fp32"
    key = (str(EXEMPLARS), str(cache), runtime, precision)
    with _SHARED_LOCK:
        if key not in _SHARED:
            try:
                local_model_path()
            except ToolUnavailable:
                return None
            # The feedback store's embedder when it is the same local model (one loaded copy,
            # released with it in `serve`); else one of our own, which shares the loaded weights
            # through tools/feedback/embeddings.py's per-process cache.
            feedback = ctx.services.get("feedback") if isinstance(ctx.services, dict) else None
            embedder = getattr(feedback, "embedder", None)
            if not isinstance(embedder, LocalEmbedder):
                embedder = LocalEmbedder(runtime=runtime, cache_dir=cache, release_after=RELEASE_AFTER,
                                         precision=precision)
            _SHARED[key] = Exemplars(EXEMPLARS, embedder, cache)
        return _SHARED[key]


def nearest(planner: Any, slots: Any, candidates: tuple[Candidate, ...] = ()) -> dict[str, Any] | None:
    """The planner's Plan fields (spec, score, candidates, notes) for a question its rules left
    without a tool, or None: the fallback is off, the model is missing, the question is not
    about the business or sounds destructive, or no phrasing is alike enough. Called by
    OfflinePlanner._choose (typed Any here so this module does not import the planner back)."""
    from bot.agent.reading import _DESTRUCTIVE

    global _BROKEN
    if _BROKEN or not enabled(planner.ctx.config) or _DESTRUCTIVE.search(slots.norm) \
            or not planner._about_the_business(slots):
        return None
    allowed = {t.name for t in planner.tools if not t.changes_state and not t.edits and t.plan is not None}
    try:
        bank = exemplars_for(planner.ctx)
        vote = bank.vote(slots.text or slots.norm, allowed=allowed) if bank is not None else None
    except Exception as exc:  # a broken model install: the planner asks back, as without the fallback
        log.warning("the planner's nearest-phrasing fallback is off: %s: %s", type(exc).__name__, exc)
        _BROKEN = True
        return None
    if vote is None or vote.similarity < THRESHOLD or vote.tool not in allowed:
        return None
    # The vote's tools first, as other readings; then the rules' (weak) candidates.
    voted = tuple(Candidate(tool, round(sim, 4)) for tool, sim in vote.ranking)
    rest = tuple(c for c in candidates if c.tool not in dict(vote.ranking))
    return {"spec": planner.by_name[vote.tool], "score": vote.similarity, "candidates": voted + rest,
            "notes": (note(vote),)}


def note(vote: Vote) -> str:
    """Why the reading may be wrong, in the answer's words."""
    quoted = ", ".join(f"“{q}”" for q in vote.like)
    return f"no rule matched, so I went by resemblance: closest to questions like {quoted}"
