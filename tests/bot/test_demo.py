"""`journeybot demo` from nothing: a short tour in plain words that generates, loads and
explains the sample offline, and, with --full, every section of the product."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import main
from bot.cli.common import Ctx
from bot.cli.demo import SECTIONS, prepare_sample
from bot.cli.tour import SCREENS

# Words a shop owner should not meet unless they ask for --details (the closing note of issue
# 21 lists them): model statistics, clustering methods, provenance plumbing.
STATISTICS = ("silhouette", "ROC AUC", "roc_auc", "robust SD", "BG/NBD", "Gamma-Gamma", "agglomerative",
              "precision", "recall", "holdout_skill", "MAE", "KMeans", "cosine", "Rows read", "How: ")


def test_the_tour_is_short_plain_and_offline_from_an_empty_data_folder(home, capsys):
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    lines = out.splitlines()
    assert len(lines) <= 120, len(lines)
    assert "Generating sample data" in out and "2026-05-20 to 2026-11-15 (180 days" in out
    for title in SCREENS:
        assert title in out, f"tour screen {title!r} missing"
    # Every section of the product is on the tour, or named at its end as in --full.
    assert [s.title for s in SECTIONS if s.title not in out] == []
    assert "Traceback" not in out and "Not shown" not in out
    assert [w for w in STATISTICS if w in out] == []
    assert "journeybot demo --full" in out and "&gt;" not in out
    # The story runs in order.
    positions = [out.index(t) for t in ("Your data", "KPI snapshot", "What customers say", "Personas",
                                         "Journey map", "Ask journeybot", "This morning's digest", "Alerts")]
    assert positions == sorted(positions)
    # The snapshot has a web line: how long a visit lasts.
    snapshot = out[out.index("KPI snapshot"):out.index("Where customers drop off")]
    [length] = [ln.split() for ln in snapshot.splitlines() if ln.strip().startswith("Session length (median)")]
    assert length[4] == length[6] == "min" and float(length[3]) > 0, length  # now and before, in minutes
    # what sells best (product_sales) is a line of it, the products' shares of revenue and the command
    [sells] = [ln for ln in snapshot.splitlines() if ln.startswith("What sells best: ")]
    assert "% of revenue (journeybot products)" in sells, sells
    # the sample's surveys have 1-5 ratings: the share of 1-2 stars is a row, lower being better
    [low] = [ln.split() for ln in snapshot.splitlines() if ln.strip().startswith("Low ratings (1-2 of 5)")]
    assert low[5].endswith("%") and low[6].endswith("%"), low
    # the App Home tab: what it holds, its first KPI, and the command that previews it
    home_tab = out[out.index("Slack's Home tab"):out.index("Slack's assistant panel")]
    assert "today's KPIs, open alerts, data sources, saved personas and digest subscriptions" in home_tab
    assert "journeybot home --dry-run" in home_tab and "KPIs as of 2026-11-15" in home_tab, home_tab
    assert (home / "journey.duckdb").exists() and (home / "maps" / "journey-map.png").exists()

    # A second tour reuses the sample, its indexed texts and its models.
    again = CliRunner().invoke(main, ["demo", "--details"], catch_exceptions=False)
    assert again.exit_code == 0 and "Generating sample data" not in again.output
    assert "Using the sample data loaded earlier" in again.output and "Trained" not in again.output
    assert "silhouette" in again.output  # the statistics are there when asked for

    # Every section runs in full on the same data (what `demo --full` prints), offline.
    ctx = Ctx()
    full: dict[str, str] = {}
    for section in SECTIONS:
        with ctx.console.capture() as captured:
            section.run(ctx)
        assert "Traceback" not in captured.get() and captured.get().strip(), section.title
        full[section.title] = captured.get()
    # A KPI in other words is read by meaning and said, with other readings; a change is proposed
    # and not made.
    readings = full["Read as you meant it, changed only on a yes"]
    assert "I read “purchase ratio” as buying rate, by meaning" in readings and "Other readings:" in readings
    assert "I read this as: Create alert rule: metric csat" in readings and "Nothing was changed" in readings
    assert "Customer lifetime value (spend so far plus expected spend over the coming year)" in \
        full["What a customer is worth"]
    # product_sales in full: products ranked; categories the sample's orders do not list, answered as such
    sells = full["What sells best"]
    assert "Revenue by product, last 30 days" in sells and "not something these orders can show" in sells
    assert "did not work" not in sells
    assert "TODAY'S KPIS" in full["Slack's Home tab"] and "OPEN ALERTS" in full["Slack's Home tab"]
    # satisfaction_by: late deliveries against reviews, with the verdict and the groups' sizes
    everything = "\n".join(full.values())
    late = everything[everything.index("> Are late deliveries hurting our reviews?"):]
    assert " of 5 for late (" in late.splitlines()[1] and "delivery outcome   answers" in late
    capsys.readouterr()
    prepare_sample(Ctx(), again=True)
    assert "(0 new; loading again adds nothing)" in capsys.readouterr().out


def test_demo_will_not_mix_sample_data_into_real_data(tmp_path):
    f = tmp_path / "customers.csv"
    f.write_text("customer_id\nREAL-1\n")
    assert CliRunner().invoke(main, ["ingest", "customers", str(f)]).exit_code == 0
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 1
    assert "holds your own data" in result.output and "JOURNEYBOT_HOME=" in result.output
