"""generate_sample: stream the sample to disk chunk by chunk (events as CSV or Parquet, the
small tables as CSV), then write the ground truth of the incidents and the drift as JSON."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tools.data.sample.chunk import generate_chunk
from tools.data.sample.counters import DailyStats, IdCounters
from tools.data.sample.customers import customer_count
from tools.data.sample.ground_truth import drift_report, incident_report
from tools.data.sample.spec import SampleFiles, SampleSpec
from tools.data.sample.timeline import build_timeline

# Customers per chunk: bounds memory (10 million events need a few hundred MB) and, being part
# of every chunk's seed, must not change or every file changes.
CHUNK_CUSTOMERS = 20_000
_SMALL = ("customers", "orders", "surveys", "tickets", "truth")
_DEFAULT_SPEC = SampleSpec()  # frozen, so one instance can be the default of every call


def generate_sample(
    folder: Path,
    spec: SampleSpec = _DEFAULT_SPEC,
    progress: Callable[[int, int], None] | None = None,
) -> SampleFiles:
    """Write the sample into `folder` (created if needed) and return where everything went.

    The files are written into a hidden folder inside `folder` and moved into place only when
    all of them are complete, so a full disk or a kill leaves no half-written sample behind
    (and an earlier complete sample stays as it was)."""
    folder = Path(folder)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / ".writing"
    shutil.rmtree(partial, ignore_errors=True)  # from a run that was killed
    try:
        partial.mkdir()
        files = _write(partial, spec, progress)
        # An events file of the other format from an earlier run would be loaded instead of this one.
        other = "csv" if spec.format == "parquet" else "parquet"
        (folder / f"events.{other}").unlink(missing_ok=True)
        moved = {}
        for key in ("customers", "events", "orders", "surveys", "tickets", "truth", "incidents", "drift"):
            source = getattr(files, key)
            moved[key] = folder / source.name
            os.replace(source, moved[key])
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    partial.rmdir()
    return SampleFiles(folder=folder, counts=files.counts, **moved)


def _write(folder: Path, spec: SampleSpec, progress: Callable[[int, int], None] | None) -> SampleFiles:
    tl = build_timeline(spec)
    n_customers = customer_count(spec)
    id_width = max(5, len(str(n_customers)))
    counters, stats = IdCounters(), DailyStats(tl.days)
    ext = "parquet" if spec.format == "parquet" else "csv"
    paths = {
        "customers": folder / "customers.csv",
        "events": folder / f"events.{ext}",
        "orders": folder / "orders.csv",
        "surveys": folder / "surveys.csv",
        "tickets": folder / "tickets.csv",
        "truth": folder / "ground_truth.csv",
        "incidents": folder / "incidents.json",
        "drift": folder / "drift.json",
    }
    counts = dict.fromkeys(["customers", "events", "orders", "surveys", "tickets", "truth"], 0)
    total = spec.events
    if progress:
        progress(0, total)
    writer = None
    events_file = None
    small = {k: open(paths[k], "w", encoding="utf-8", newline="") for k in _SMALL}
    try:
        done = 0
        n_chunks = (n_customers + CHUNK_CUSTOMERS - 1) // CHUNK_CUSTOMERS
        for k in range(n_chunks):
            g0 = k * CHUNK_CUSTOMERS
            tables = generate_chunk(
                tl,
                seed=spec.seed,
                fmt=spec.format,
                k=k,
                g0=g0,
                n=min(CHUNK_CUSTOMERS, n_customers - g0),
                id_width=id_width,
                counters=counters,
                stats=stats,
            )
            ev = tables.events
            if writer is None:
                if spec.format == "parquet":
                    writer = pq.ParquetWriter(paths["events"], ev.schema, compression="zstd")
                else:
                    # pyarrow quotes header names; write a plain header, then unquoted rows
                    # (event values never contain commas or quotes)
                    events_file = open(paths["events"], "wb")
                    events_file.write((",".join(ev.column_names) + "\n").encode())
                    writer = pacsv.CSVWriter(
                        events_file,
                        ev.schema,
                        write_options=pacsv.WriteOptions(
                            include_header=False, quoting_style="none"
                        ),
                    )
            writer.write_table(ev)
            counts["events"] += ev.num_rows
            for name in _SMALL:
                df = getattr(tables, name)
                df.to_csv(small[name], index=False, header=(k == 0), lineterminator="\n")
                counts[name] += len(df)
            done += ev.num_rows
            if progress:
                progress(min(done, total), total)
    finally:
        if writer is not None:
            writer.close()
        if events_file is not None:
            events_file.close()
        for f in small.values():
            f.close()
    incidents = incident_report(tl, stats)
    paths["incidents"].write_text(json.dumps(incidents, indent=2) + "\n", encoding="utf-8")
    counts["incidents"] = len(incidents)
    paths["drift"].write_text(
        json.dumps(drift_report(tl, stats), indent=2) + "\n", encoding="utf-8"
    )
    if progress:
        progress(total, total)
    return SampleFiles(folder=folder, counts=counts, **paths)
