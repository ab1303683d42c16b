import multiprocessing as mp

from bot.state import StateStore


def _claim(path: str, key: str, out) -> None:
    out.put(StateStore(path).claim("event", key, owner=mp.current_process().name))


def test_exactly_one_process_wins_a_claim(tmp_path):
    path = str(tmp_path / "state.sqlite")
    StateStore(path)
    out = mp.get_context("spawn").Queue()
    procs = [mp.get_context("spawn").Process(target=_claim, args=(path, "Ev123", out)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    results = [out.get(timeout=5) for _ in procs]
    assert sorted(results) == [False, False, False, True]


def test_claims_can_expire(tmp_path):
    s = StateStore(tmp_path / "s.sqlite")
    assert s.claim("event", "a") and not s.claim("event", "a")
    assert s.forget_claims_older_than("event", -1) == 1
    assert s.claim("event", "a")
