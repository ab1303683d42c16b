"""`journeybot digest --dry-run` prints the digest and leaves the data folder as it was: no
model is trained, no score is saved, no file is touched. Training is the retrain job's."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes.shop import make_shop

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under the data folder: its size and content hash (mtimes alone could miss a
    rewrite within the same tick, and a hash alone a truncate-and-rewrite of the same bytes)."""
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def loaded(tmp_path: Path, home: Path) -> Path:
    make_shop(tmp_path / "shop", n=300)
    assert run("ingest", "--folder", str(tmp_path / "shop")).exit_code == 0
    return home


def test_a_dry_run_digest_trains_nothing_and_says_how_to_get_risk(loaded):
    before = snapshot(loaded)
    out = run("digest", "--dry-run")
    assert out.exit_code == 0, out.output
    assert "KPIs" in out.output or "Revenue" in out.output
    assert "Customers at risk left out" in out.output and "journeybot predict train" in out.output and "not trained yet" in out.output
    assert not (loaded / "models").exists()
    assert snapshot(loaded) == before


def test_a_dry_run_digest_with_a_trained_model_writes_nothing(loaded):
    assert run("predict", "train").exit_code == 0
    assert run("alerts", "check").exit_code in (0, 1)  # operational state exists, as in use
    assert (loaded / "state.sqlite").exists()
    assert run("digest", "--dry-run").exit_code == 0  # the first one after training, as users run it
    before = snapshot(loaded)
    out = run("digest", "--dry-run")
    assert out.exit_code == 0, out.output
    assert "at high risk" in out.output or "newly at" in out.output.lower()
    after = snapshot(loaded)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"a dry run changed {changed}"


def test_the_dry_run_prints_the_digest_the_channel_gets_word_for_word_without_its_chart(loaded):
    from bot.agent.digest import build_digest
    from bot.config import load_config
    from bot.scheduler.digests import aged

    out = run("digest", "--dry-run")
    assert out.exit_code == 0, out.output
    config = load_config()
    # as the scheduler builds it: with the note of how old its day is, when it is old
    with_chart = aged(build_digest(config, config.open_store()))
    assert with_chart.chart is not None and len(with_chart.chart.dates) == 28
    assert out.output.strip() == with_chart.to_text().strip()  # the same words, chart or not
    assert build_digest(config, config.open_store(), chart=False).chart is None  # what the dry run asks for
    # --json carries the chart's series, so it reads them.
    as_json = run("digest", "--dry-run", "--json")
    assert as_json.exit_code == 0 and '"chart"' in as_json.output and '"values"' in as_json.output


def test_a_dry_run_reads_what_training_saved_and_new_data_is_computed_afresh(loaded, tmp_path, monkeypatch):
    """`predict train` (as the retrain job after a sync) saves the digest's inputs; a dry run,
    a new process each time, reads them and still writes nothing; an ingest makes them stale,
    and the next dry run computes, and says, the new numbers."""
    from bot.config import load_config
    from tools.data import saved_results
    from tools.data.cache import RESULTS

    def fresh() -> str:
        """The dry run's text with nothing saved or cached to read from."""
        RESULTS.clear()
        with monkeypatch.context() as m:
            m.setattr(saved_results, "load", lambda *_: {})
            out = run("digest", "--dry-run")
        assert out.exit_code == 0, out.output
        return out.output

    assert run("predict", "train").exit_code == 0
    assert run("digest", "--dry-run").exit_code == 0  # the first after training (the registry's paths)
    before = snapshot(loaded)
    RESULTS.clear()  # a new process
    hits = RESULTS.stats.saved_hits
    read = run("digest", "--dry-run")
    assert read.exit_code == 0, read.output
    assert RESULTS.stats.saved_hits >= hits + 3  # the comparison, the verdicts, the funnel
    assert snapshot(loaded) == before  # read, not written
    assert read.output == fresh()

    store = load_config().open_store()
    last, someone = store.as_of(), store.scalar("SELECT min(customer_id) FROM customers")
    (tmp_path / "late.csv").write_text("order_id,customer_id,ts,amount,status\n" + "".join(
        f"late-{i},{someone},{last} 1{i}:00:00,{500 + i}.00,completed\n" for i in range(5)))
    assert run("ingest", "orders", str(tmp_path / "late.csv")).exit_code == 0
    RESULTS.clear()
    hits = RESULTS.stats.saved_hits
    after = run("digest", "--dry-run")
    assert after.exit_code == 0, after.output
    assert RESULTS.stats.saved_hits == hits  # saved for the old data: not read
    assert after.output != read.output and after.output == fresh()
