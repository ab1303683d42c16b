"""The offline planner against tests/questions.yaml: owner questions with the tool and
arguments each should map to. It must get at least 95% right; the score is printed so a drop
is visible before it fails.

tests/questions_heldout.yaml (the first held-back bank, tuning data since it was scored) is
only checked here for shape and coverage, like tests/questions_fresh.yaml (written blind,
scored once, then tuned on too), and tests/questions_blind2.yaml (the second blind bank,
scored once and tuning data since), and tests/questions_blind3.yaml (the third blind bank,
scored once in phase F at 86.9% and tuning data since), and tests/questions_blind4.yaml (the
fourth, scored once at 83.2% at the end of phase F and tuning data since phase G), and
tests/questions_blind5.yaml (the fifth, scored once at 87.4% and tuning data since phase H), and
tests/questions_blind6.yaml (the sixth, scored once at 88.5% and tuning data since phase I), and
tests/questions_blind7.yaml (the seventh, scored once at 89.1% at the end of phase I and tuning data
since phase J). The eighth blind bank (tests/questions_blind8.yaml) was scored once at 80.9% in phase J
and is tuning data since (a source of the fallback's phrasings); only its shape is checked here. The ninth
(tests/questions_blind9.yaml) is the held-back bank of phase K: its shape only here, its score
`bench/planner.py --blind9`'s, once, at the end. The tenth (tests/questions_blind10.yaml) is the
held-back bank of phase L: likewise its shape only here, its score `bench/planner.py --blind10`'s,
once, at the end. The eleventh (tests/questions_blind11.yaml) is the held-back bank of phase M: its
shape only here, its score `bench/planner.py --blind11`'s, once, at the end. The twelfth
(tests/questions_blind12.yaml) is the held-back bank of phase N: likewise its shape only here,
its score `bench/planner.py --blind12`'s, once, at the end. The thirteenth
(tests/questions_blind13.yaml) is the held-back bank of phase O: likewise its shape only here,
its score `bench/planner.py --blind13`'s, once, at the end. The fourteenth
(tests/questions_blind14.yaml) is the held-back bank of phase P: likewise its shape only here,
its score `bench/planner.py --blind14`'s, once, at the end. The fifteenth
(tests/questions_blind15.yaml) is the held-back bank of phase Q: likewise its shape only here,
its score `bench/planner.py --blind15`'s, once, at the end. The sixteenth
(tests/questions_blind16.yaml) is the held-back bank of phase R: likewise its shape only here,
its score `bench/planner.py --blind16`'s, once, at the end. The seventeenth
(tests/questions_blind17.yaml) is the held-back bank of phase S: likewise its shape only here,
its score `bench/planner.py --blind17`'s, once, at the end. The eighteenth
(tests/questions_blind18.yaml) is the held-back bank of phase T: likewise its shape only here,
its score `bench/planner.py --blind18`'s, once, at the end. The nineteenth
(tests/questions_blind19.yaml) is the held-back bank of phase U: likewise its shape only here,
its score `bench/planner.py --blind19`'s, once, at the end. The twentieth
(tests/questions_blind20.yaml) is the held-back bank of phase V: likewise its shape only here,
its score `bench/planner.py --blind20`'s, once, at the end. The twenty-first
(tests/questions_blind21.yaml) is the held-back bank of phase W: likewise its shape only here,
its score `bench/planner.py --blind21`'s, once, at the end (89.7%). The twenty-second
(tests/questions_blind22.yaml) is the held-back bank of phase X: likewise its shape only here,
its score `bench/planner.py --blind22`'s, once, at the end (88.2%). The twenty-third
(tests/questions_blind23.yaml) is the held-back bank of phase Y: likewise its shape only here,
its score `bench/planner.py --blind23`'s, once, at the end (88.0%). The twenty-fourth
(tests/questions_blind24.yaml) is the held-back bank of phase Z: likewise its shape only here,
its score `bench/planner.py --blind24`'s, once, at the end (93.0%). The twenty-fifth
(tests/questions_blind25.yaml) is the held-back bank of phase AA: likewise its shape only here,
its score `bench/planner.py --blind25`'s, once, at the end (92.5%). The twenty-sixth
(tests/questions_blind26.yaml) is the held-back bank of phase AB: likewise its shape only here,
its score `bench/planner.py --blind26`'s, once, at the end (90.2% rules only). The
twenty-seventh (tests/questions_blind27.yaml) is the held-back bank of phase AC: likewise its
shape only here, its score `bench/planner.py --blind27`'s, once, at the end (90.5% rules only). The
twenty-eighth (tests/questions_blind28.yaml) is the held-back bank of phase AD: likewise its shape
only here, its score `bench/planner.py --blind28`'s, once, at the end (88.7% rules only). The
twenty-ninth (tests/questions_blind29.yaml) is the held-back bank of phase AE: likewise its shape
only here, its score `bench/planner.py --blind29`'s, once, at the end (93.4% rules only). The probes,
tests/questions_probe*.yaml, a tuning lane wrote before its work (scored with
`bench/planner.py --bank`), are never sources of the planner's phrasings.
`tool: null` in any bank means the planner should pick no tool (plan.spec is None)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config

BANK = Path(__file__).resolve().parents[2] / "questions.yaml"
HELDOUT = Path(__file__).resolve().parents[2] / "questions_heldout.yaml"
# Paraphrases the planner's developer wrote and then tuned on: a regression check only.
PARAPHRASES = Path(__file__).resolve().parents[2] / "questions_paraphrases.yaml"
FRESH = Path(__file__).resolve().parents[2] / "questions_fresh.yaml"
# The second blind bank, scored once (bench/planner.py --blind2): tuning data since.
BLIND2 = Path(__file__).resolve().parents[2] / "questions_blind2.yaml"
# The third blind bank, scored once (bench/planner.py --blind3) in phase F: tuning data since.
BLIND3 = Path(__file__).resolve().parents[2] / "questions_blind3.yaml"
# The fourth blind bank (written without reading the planner or the other banks' questions),
# scored once by `bench/planner.py --blind4` (83.2%), tuning data since phase G: only its shape
# is checked here.
BLIND4 = Path(__file__).resolve().parents[2] / "questions_blind4.yaml"
# The fifth blind bank (other businesses, other author, same rules of blindness), scored once
# by the lead with `bench/planner.py --blind5` (87.4%), tuning data since phase H: its shape is
# checked here, its score is bench/planner.py's.
BLIND5 = Path(__file__).resolve().parents[2] / "questions_blind5.yaml"
# The sixth blind bank (thirteen other trades, another author, the same rules of blindness),
# scored once by the lead with `bench/planner.py --blind6` (88.5%), tuning data since phase I:
# its shape is checked here, its score is bench/planner.py's.
BLIND6 = Path(__file__).resolve().parents[2] / "questions_blind6.yaml"
# The seventh blind bank (sixteen other trades, another author, the same rules of blindness),
# held back in phase I and scored once by the lead with `bench/planner.py --blind7` (89.1%),
# tuning data since phase J (a source of the fallback's phrasings): only its shape is checked here.
BLIND7 = Path(__file__).resolve().parents[2] / "questions_blind7.yaml"
# The eighth blind bank (nineteen other trades, another author, the same rules of blindness, and
# questions for time_pattern), scored once by the lead with `bench/planner.py --blind8` (80.9%) and
# tuning data since (lane g-tune11): only its shape is checked here.
BLIND8 = Path(__file__).resolve().parents[2] / "questions_blind8.yaml"
# The ninth blind bank (thirty-four other trades, another author, the same rules of blindness),
# the held-back bank of phase K: never asked of the planner here, scored once by the lead with
# `bench/planner.py --blind9`; only its shape is checked here.
BLIND9 = Path(__file__).resolve().parents[2] / "questions_blind9.yaml"
# The tenth blind bank (thirty-four other trades, another author, the same rules of blindness),
# the held-back bank of phase L: never asked of the planner here, scored once by the lead with
# `bench/planner.py --blind10`; only its shape is checked here.
BLIND10 = Path(__file__).resolve().parents[2] / "questions_blind10.yaml"
# The eleventh blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase M: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind11`; only its shape is checked here.
BLIND11 = Path(__file__).resolve().parents[2] / "questions_blind11.yaml"
# The twelfth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase N: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind12`; only its shape is checked here.
BLIND12 = Path(__file__).resolve().parents[2] / "questions_blind12.yaml"
# The thirteenth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase O: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind13`; only its shape is checked here.
BLIND13 = Path(__file__).resolve().parents[2] / "questions_blind13.yaml"
# The fourteenth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase P: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind14`; only its shape is checked here.
BLIND14 = Path(__file__).resolve().parents[2] / "questions_blind14.yaml"
# The fifteenth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase Q: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind15`; only its shape is checked here.
BLIND15 = Path(__file__).resolve().parents[2] / "questions_blind15.yaml"
# The sixteenth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase R: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind16`; only its shape is checked here.
BLIND16 = Path(__file__).resolve().parents[2] / "questions_blind16.yaml"
# The seventeenth blind bank (thirty-four other trades, another author, the same rules of
# blindness), the held-back bank of phase S: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind17`; only its shape is checked here.
BLIND17 = Path(__file__).resolve().parents[2] / "questions_blind17.yaml"
# The eighteenth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase T: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind18`; only its shape is checked here.
BLIND18 = Path(__file__).resolve().parents[2] / "questions_blind18.yaml"
# The nineteenth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase U: never asked of the planner here, scored once by the
# lead with `bench/planner.py --blind19`; only its shape is checked here.
BLIND19 = Path(__file__).resolve().parents[2] / "questions_blind19.yaml"
# The twentieth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase V: scored once by the lead with `bench/planner.py
# --blind20` (87.3%), tuning data since; only its shape is checked here.
BLIND20 = Path(__file__).resolve().parents[2] / "questions_blind20.yaml"
# The twenty-first blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase W: scored once by the lead with `bench/planner.py
# --blind21` (89.7%), tuning data since; only its shape is checked here.
BLIND21 = Path(__file__).resolve().parents[2] / "questions_blind21.yaml"
# The twenty-second blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase X: scored once by the lead with `bench/planner.py
# --blind22` (88.2%), tuning data since; only its shape is checked here.
BLIND22 = Path(__file__).resolve().parents[2] / "questions_blind22.yaml"
# The twenty-third blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase Y: scored once by the lead with `bench/planner.py
# --blind23` (88.0%), tuning data since; only its shape is checked here.
BLIND23 = Path(__file__).resolve().parents[2] / "questions_blind23.yaml"
# The twenty-fourth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase Z: scored once by the lead with `bench/planner.py
# --blind24` (93.0%), tuning data since; only its shape is checked here.
BLIND24 = Path(__file__).resolve().parents[2] / "questions_blind24.yaml"
# The twenty-fifth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase AA: scored once by the lead with `bench/planner.py
# --blind25` (92.5%), tuning data since; only its shape is checked here.
BLIND25 = Path(__file__).resolve().parents[2] / "questions_blind25.yaml"
# The twenty-sixth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase AB: scored once by the lead with `bench/planner.py
# --blind26` (90.2% rules only, 91.3% with the fallback), tuning data since; only its shape is
# checked here.
BLIND26 = Path(__file__).resolve().parents[2] / "questions_blind26.yaml"
# The twenty-seventh blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase AC: scored once by the lead with `bench/planner.py
# --blind27` (90.5% rules only, 90.7% with the fallback), tuning data since; only its shape is
# checked here.
BLIND27 = Path(__file__).resolve().parents[2] / "questions_blind27.yaml"
# The twenty-eighth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase AD: scored once by the lead with `bench/planner.py
# --blind28` (88.7% rules only, 89.3% with the fallback), tuning data since; only its shape is
# checked here.
BLIND28 = Path(__file__).resolve().parents[2] / "questions_blind28.yaml"
# The twenty-ninth blind bank (thirty-six other trades, another author, the same rules of
# blindness), the held-back bank of phase AE: scored once by the lead with `bench/planner.py
# --blind29` (93.4% rules only, 93.7% with the fallback), tuning data since; only its shape is checked here.
BLIND29 = Path(__file__).resolve().parents[2] / "questions_blind29.yaml"
# Tools a bank may ask for before they join the catalog (their questions miss until then).
PENDING_TOOLS: set[str] = set()
# Tools that joined the catalog after the blind banks were written (blind3-blind6): those banks
# cannot ask for them, and their questions are never added after the fact. The main bank does.
AFTER_BLIND_BANKS: set[str] = {"time_pattern", "product_sales"}
# (lane real15) product_sales joined the catalog in phase U, after blind18 was written and while
# blind19 was (its writer printed the catalog before the tool landed)
AFTER_BLIND18: set[str] = {"product_sales"}


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    ctx = ToolContext(store=bank_store(), config=load_config(env={}))
    return OfflinePlanner(ctx, all_tools())


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _matches(expected: Any, got: Any) -> bool:
    if _number(expected) and _number(got):  # a threshold of 20 is the planner's 20.0
        return float(expected) == float(got)
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(_matches(v, got.get(k)) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(got, list) and [str(x) for x in got] == [str(x) for x in expected]
    return str(expected) == str(got)


def _args_match(expected: dict[str, Any], plan: Any) -> bool:
    """The expected arguments against the plan's. An argument the planner leaves out runs at
    the tool's default, so an item may name a default ("daily digest": cadence daily) without
    the planner having to write it. The KPIs of `metrics` are a set: "revenue and aov" asks
    for both, in no particular order; so are a persona edit's `focus` behaviours (the card is
    about customers showing all of them). Stages, touchpoints and cards keep their order."""
    got = dict(plan.args)
    fields = plan.spec.params.model_fields if plan.spec else {}
    for key in expected:
        field = fields.get(key)
        if key not in got and field is not None and not field.is_required():
            default = field.get_default(call_default_factory=True)
            if isinstance(default, (str, int, float, bool)):
                got[key] = default
    if isinstance(expected.get("metrics"), list) and isinstance(got.get("metrics"), list):
        expected = {**expected, "metrics": sorted(map(str, expected["metrics"]))}
        got["metrics"] = sorted(map(str, got["metrics"]))
    if isinstance(expected.get("focus"), list) and isinstance(got.get("focus"), list):
        expected = {**expected, "focus": sorted(map(str, expected["focus"]))}
        got["focus"] = sorted(map(str, got["focus"]))
    return _matches(expected, got)


def _load(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text())


def _misses(planner: OfflinePlanner, bank: list[dict[str, Any]], prefix: str) -> list[str]:
    """Ask every question in order (a follow_up keeps the conversation of the item above it)
    and describe each one the planner gets wrong. An item expecting no tool (`tool: null`) is
    right when the planner picks none, whatever arguments it made up."""
    wrong = []
    key = f"{prefix}-0"
    for i, item in enumerate(bank):
        key = key if item.get("follow_up") else f"{prefix}-{i}"
        plan = planner.plan(item["q"], key)
        got_tool = plan.spec.name if plan.spec else None
        expected_args = item.get("args", {}) if item["tool"] is not None else {}
        if got_tool != item["tool"] or not _args_match(expected_args, plan):
            wrong.append(f"{item['q']!r}: expected {item['tool']} {item.get('args', {})}, "
                         f"got {got_tool} {plan.args}")
        planner.remember(key, plan)
    return wrong


# Probes a tuning lane wrote before (and after) its work: shape only, scored by bench/planner.py --bank.
PROBES = sorted((Path(__file__).resolve().parents[2]).glob("questions_probe*.yaml"))


@pytest.mark.parametrize("path", [BANK, HELDOUT, PARAPHRASES, FRESH, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7,
                                  BLIND8, BLIND9, BLIND10, BLIND11, BLIND12, BLIND13, BLIND14, BLIND15, BLIND16,
                                  BLIND17, BLIND18, BLIND19, BLIND20, BLIND21, BLIND22, BLIND23, BLIND24, BLIND25,
                                  BLIND26, BLIND27, BLIND28, BLIND29, *PROBES],
                         ids=["bank", "heldout", "paraphrases", "fresh", "blind2", "blind3", "blind4", "blind5",
                              "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13",
                              "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28",
                              "blind29", *(p.stem for p in PROBES)])
def test_bank_items_are_well_formed(planner, path):
    bank = _load(path)
    known = {t.name for t in planner.tools} | PENDING_TOOLS
    assert not bank[0].get("follow_up"), "the first item cannot follow up on anything"
    for item in bank:
        assert set(item) <= {"q", "tool", "args", "follow_up"}, item
        assert isinstance(item["q"], str) and item["q"].strip(), item
        assert item["tool"] is None or item["tool"] in known, f"unknown tool in {item}"
        assert isinstance(item.get("args", {}), dict), item
        assert item["tool"] is not None or "args" not in item, f"no tool takes no args: {item}"
    questions = [item["q"].lower() for item in bank]
    assert len(questions) == len(set(questions)), "a question is in the bank twice"


def test_bank_is_big_and_covers_every_planner_tool(planner):
    bank = _load(BANK)
    assert len(bank) >= 300
    covered = {item["tool"] for item in bank}
    missing = {t.name for t in planner.tools} - covered
    assert not missing, f"tools without questions in the bank: {sorted(missing)}"


def test_third_blind_bank_is_big_covers_every_tool_and_shares_no_question(planner):
    """blind3 is tuning data since phase F: new phrasings of its families went into the main
    bank, never its own questions."""
    blind = _load(BLIND3)
    assert len(blind) >= 200
    assert sum(1 for item in blind if item.get("follow_up")) >= 10, "too few follow-ups"
    covered = {item["tool"] for item in blind}
    missing = ({t.name for t in planner.tools} | PENDING_TOOLS | {None}) - covered - AFTER_BLIND_BANKS
    assert not missing, f"tools without questions in blind3: {sorted(missing, key=str)}"
    # An expected argument the tool does not take could never match: a typo in the bank.
    fields = {t.name: t.params.model_fields for t in planner.tools}
    unknown = [i["q"] for i in blind if i["tool"] in fields and set(i.get("args", {})) - set(fields[i["tool"]])]
    assert not unknown, f"blind3 items expecting arguments their tool does not take: {unknown}"
    tuned = {i["q"].lower() for path in (BANK, HELDOUT, PARAPHRASES, FRESH, BLIND2) for i in _load(path)}
    shared = {i["q"].lower() for i in blind} & tuned
    assert not shared, f"blind3 questions copied into another tuning bank: {sorted(shared)}"


def _check_blind_bank(planner, path: Path, name: str, *, at_least: int, follow_ups: int,
                      earlier: tuple[Path, ...], later_tools: set[str] = AFTER_BLIND_BANKS,
                      nulls: float = 0.05) -> None:
    """Shape only: the planner is never asked a held-back bank's questions in the test run.
    `later_tools`: tools that joined the catalog after the bank was written (not required)."""
    blind = _load(path)
    assert len(blind) >= at_least
    assert sum(1 for item in blind if item.get("follow_up")) >= follow_ups, "too few follow-ups"
    assert sum(1 for item in blind if item["tool"] is None) >= nulls * len(blind), "too few no-tool items"
    covered = {item["tool"] for item in blind}
    missing = ({t.name for t in planner.tools} | PENDING_TOOLS | {None}) - covered - later_tools
    assert not missing, f"tools without questions in {name}: {sorted(missing, key=str)}"
    # An expected argument the tool does not take, or one its params refuse, could never match.
    tools = {t.name: t for t in planner.tools}
    unknown = [i["q"] for i in blind if i["tool"] in tools
               and set(i.get("args", {})) - set(tools[i["tool"]].params.model_fields)]
    assert not unknown, f"{name} items expecting arguments their tool does not take: {unknown}"
    required = {"feedback_search": {"query": "a query"}, "change_alert_rule": {"rule_id": "a-rule"},
                "delete_alert_rule": {"rule_id": "a-rule"}}  # free text the bank leaves to the planner
    refused = []
    for item in blind:
        if item["tool"] in tools:
            try:
                tools[item["tool"]].params.model_validate({**required.get(item["tool"], {}), **item.get("args", {})})
            except ValueError:
                refused.append(item["q"])
    assert not refused, f"{name} items expecting arguments their tool refuses: {refused}"
    others = {i["q"].lower() for other in earlier for i in _load(other)}
    shared = {i["q"].lower() for i in blind} & others
    assert not shared, f"{name} questions also in another bank: {sorted(shared)}"


class _Blind(NamedTuple):
    """One blind bank's shape test. `earlier` is never written out: a bank may share no question
    with the tuning banks, blind2, blind3 or any bank above it in BLIND_BANKS (and, with
    `probes`, the probe banks, bar those whose file name holds `probes_but`: probes written at
    the same time as the bank, blind to it, whose one overlap is known)."""

    bank: Path
    at_least: int  # questions
    follow_ups: int  # items that follow up on the one above
    nulls: float = 0.05  # share of `tool: null` items, at least
    probes: bool = True
    later_tools: frozenset[str] = frozenset()  # joined the catalog after the bank was written
    probes_but: str = ""


# blind4-7 came before the probes; blind8's writer saw time_pattern but not product_sales, like
# blind9-19's (AFTER_BLIND18); from blind20 on a bank asks for every tool. Add the next bank at
# the bottom, in the order the banks were written.
BLIND_BANKS: dict[str, _Blind] = {
    "blind4": _Blind(BLIND4, 250, 15, probes=False, later_tools=frozenset(AFTER_BLIND_BANKS)),
    "blind5": _Blind(BLIND5, 320, 20, probes=False, later_tools=frozenset(AFTER_BLIND_BANKS)),
    "blind6": _Blind(BLIND6, 340, 25, probes=False, later_tools=frozenset(AFTER_BLIND_BANKS)),
    "blind7": _Blind(BLIND7, 400, 30, probes=False, later_tools=frozenset(AFTER_BLIND_BANKS)),
    "blind8": _Blind(BLIND8, 380, 30, probes=False, later_tools=frozenset(AFTER_BLIND18)),
    "blind9": _Blind(BLIND9, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind10": _Blind(BLIND10, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind11": _Blind(BLIND11, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind12": _Blind(BLIND12, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind13": _Blind(BLIND13, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind14": _Blind(BLIND14, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind15": _Blind(BLIND15, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    # one probe16c question is word for word one of blind16's (BENCHMARKS, "The sixteenth blind bank")
    "blind16": _Blind(BLIND16, 380, 30, later_tools=frozenset(AFTER_BLIND18), probes_but="probe16"),
    "blind17": _Blind(BLIND17, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind18": _Blind(BLIND18, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind19": _Blind(BLIND19, 380, 30, later_tools=frozenset(AFTER_BLIND18)),
    "blind20": _Blind(BLIND20, 440, 33),
    "blind21": _Blind(BLIND21, 440, 33),
    "blind22": _Blind(BLIND22, 440, 33),
    "blind23": _Blind(BLIND23, 500, 37),
    "blind24": _Blind(BLIND24, 500, 37),
    "blind25": _Blind(BLIND25, 500, 37),
    "blind26": _Blind(BLIND26, 500, 37),
    "blind27": _Blind(BLIND27, 500, 40),
    # phase AD's held-back bank: probe28a-c were written at the same time, blind to it
    "blind28": _Blind(BLIND28, 500, 42),
    # phase AE's held-back bank: probe29a-c were written at the same time, blind to it
    "blind29": _Blind(BLIND29, 500, 44),
}


@pytest.mark.parametrize("name", list(BLIND_BANKS))
def test_blind_bank_is_big_covers_every_tool_and_shares_no_question(planner, name):
    """Shape only, one case per blind bank from blind4 on (each was once its own
    test_<nth>_blind_bank_is_big_covers_every_tool_and_shares_no_question, the name the banks'
    headers still give): big enough, enough follow-ups and no-tool items, every tool asked for
    (bar those that joined the catalog later), arguments its tool takes, no question word for
    word in a bank written before it."""
    row = BLIND_BANKS[name]
    names = list(BLIND_BANKS)
    before = [BLIND_BANKS[n].bank for n in names[:names.index(name)]]
    probes = [p for p in PROBES if not (row.probes_but and row.probes_but in p.name)] if row.probes else []
    _check_blind_bank(planner, row.bank, name, at_least=row.at_least, follow_ups=row.follow_ups,
                      nulls=row.nulls, later_tools=set(row.later_tools),
                      earlier=(BANK, HELDOUT, PARAPHRASES, FRESH, BLIND2, BLIND3, *before, *probes))


def test_offline_planner_maps_at_least_95_percent_of_the_bank(planner):
    bank = _load(BANK)
    wrong = _misses(planner, bank, "bank")
    score = 1 - len(wrong) / len(bank)
    print(f"\noffline planner: {len(bank) - len(wrong)}/{len(bank)} = {score:.1%} right")
    for line in wrong:
        print("  miss:", line)
    assert score >= 0.95


def test_the_developers_paraphrases_still_route(planner):
    bank = _load(PARAPHRASES)
    wrong = _misses(planner, bank, "paraphrases")
    score = 1 - len(wrong) / len(bank)
    print(f"\nparaphrases: {len(bank) - len(wrong)}/{len(bank)} = {score:.1%} right")
    for line in wrong:
        print("  miss:", line)
    assert score >= 0.95


def test_unclear_questions_get_three_example_questions(planner):
    answer = planner.answer("banana telephone?", "unclear")
    assert answer.mode == "offline" and not answer.tool_calls
    assert len(answer.suggestions) == 3 and "not sure" in answer.text
