"""Getting data in and seeing what is there: ingest, sample, describe."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import (
    EXIT_USAGE,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
    progress_bar,
)
from tools.core.results import text_of
from tools.data.ingest import IngestReport, Load, folder_loads, ingest_loads, ingest_recipe
from tools.data.mapping import Mapping
from tools.data.schema import TABLES

WRITER_WAIT_S = 600.0  # another instance's ingest or sync may be running: wait this long for it


def _pairs(values: tuple[str, ...], flag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise CommandError(f"{flag} takes journey_column=value, got {item!r}", EXIT_USAGE)
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def _report(ctx: Ctx, reports: list[IngestReport]) -> None:
    for r in reports:
        ctx.console.print(text_of(r, ctx.details), markup=False)


@click.command()
@click.argument("table", required=False, metavar="[TABLE]")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--as", "vendor", metavar="RECIPE",
              help="Load FILE with this built-in vendor recipe instead of recognising it "
                   "(e.g. shopify_orders; `journeybot ingest --vendors` lists them).")
@click.option("--vendors", "list_vendors", is_flag=True, help="List the vendor exports that load as they are.")
@click.option("--map", "maps", multiple=True, metavar="COLUMN=SOURCE",
              help="Take a journey column from a differently named column of the file.")
@click.option("--const", "consts", multiple=True, metavar="COLUMN=VALUE",
              help="Set a journey column to the same value on every row.")
@click.option("--mapping", "mapping_name", metavar="NAME", help="Use [mappings.NAME] from the config.")
@click.option("--recipe", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Apply a recipe file (several loads, all or nothing).")
@click.option("--data-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the recipe's files (overrides the recipe's data_dir).")
@click.option("--folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Load every customers/events/orders/surveys/tickets file of a folder.")
@click.option("--delimiter", help="CSV delimiter (sniffed when not given).")
@click.option("--encoding", type=click.Choice(["utf-8", "latin-1", "utf-16"]), help="Text encoding.")
@click.option("--timestamp-format", help="strftime format of the timestamps, e.g. '%d/%m/%Y %H:%M'.")
@click.option("--timezone", help="Time zone of timestamps written without an offset.")
@click.option("--newline", type=click.Choice(["auto", "lf"]),
              help="lf: only \\n ends a row (a carriage return inside a value is text).")
@click.option("--max-row-mb", type=click.FloatRange(0.1, 1024), help="Largest row the CSV reader takes (default 2 MB).")
@click.option("--create-customers", is_flag=True, help="Create customers that are not known yet.")
@click.option("--duplicates", type=click.Choice(["error", "first", "last"]),
              help="Rows sharing a key in one file: refuse (default) or keep the first or last.")
@click.option("--allow-future", is_flag=True,
              help="Keep rows dated more than a day after loading (bookings, estimated deliveries); "
                   "refused otherwise, so one wrong date cannot move 'today'.")
@click.option("--no-index", "no_index", is_flag=True,
              help="Do not embed the new survey and ticket texts now (scripts); `journeybot feedback "
                   "index` or a running serve does it later.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@pass_ctx
@friendly_errors
def ingest(ctx: Ctx, table: str | None, file: Path | None, vendor: str | None, list_vendors: bool,
           maps: tuple[str, ...], consts: tuple[str, ...],
           mapping_name: str | None, recipe: Path | None, data_dir: Path | None, folder: Path | None,
           delimiter: str | None, encoding: str | None, timestamp_format: str | None,
           timezone: str | None, newline: str | None, max_row_mb: float | None, create_customers: bool,
           duplicates: str | None, allow_future: bool, no_index: bool, as_json: bool) -> None:
    """Load an export (CSV, Parquet or JSON lines) into the journey store.

    The exports of Shopify, Square, Stripe, WooCommerce, Etsy, Squarespace, SumUp, Eventbrite,
    Toast, Acuity Scheduling, Zendesk, Freshdesk, Typeform, Google Forms, Trustpilot, Google
    reviews (Takeout's reviews.json), HubSpot and Mailchimp load as they were downloaded: give
    only the file and journeybot recognises it from its header (`--vendors` lists them). Anything
    else: journeybot says how it read the file and suggests a mapping.

    All or nothing: on any bad row nothing is written, and the message names the file, row,
    column and what was expected. Loading the same file twice adds nothing.

    New survey answers and tickets are then embedded for `journeybot feedback` and feedback
    questions (a progress bar on a terminal); `--no-index` leaves that for later.

    \b
    Examples:
      journeybot ingest orders_export.csv                 # a Shopify orders export, as downloaded
      journeybot ingest orders shop_orders.csv --map order_id="Order No" --map amount=Total
      journeybot ingest events analytics.parquet --mapping web_analytics
      journeybot ingest --recipe examples/olist/recipe.toml
      journeybot ingest exports/                          # every customers/events/orders/... file in it

    With several instances sharing PostgreSQL ([state] url), ingest waits to be the only
    writer, loads on top of the newest published version and publishes the result.
    """
    if list_vendors:
        _print_vendors(ctx, as_json)
        return
    if table and table not in TABLES:
        if file is not None:
            raise CommandError(f"{table!r} is not a table; tables are {', '.join(TABLES)}", EXIT_USAGE)
        table, file = None, Path(table)
    if vendor and (table or not file):
        raise CommandError("--as RECIPE takes one FILE and no TABLE", EXIT_USAGE)
    if file is not None and table is None and not vendor and file.is_dir():
        # Owners point at the folder their exports landed in; that is what --folder means.
        if folder is not None:
            raise CommandError("give the folder once: `journeybot ingest FOLDER` or --folder FOLDER", EXIT_USAGE)
        folder, file = file, None
    if file is not None and table is None:
        _ingest_export(ctx, file, vendor, as_json, index=not no_index)
        return
    from bot.journey_versions import journey_writer

    tpmap = ctx.config.touchpoint_map()
    shared = ctx.config.shared
    with journey_writer(ctx.config, wait_seconds=WRITER_WAIT_S, store=None if shared else ctx.store) as store, \
            progress_bar(ctx.err, not as_json) as update:
        if recipe:
            if table or file or folder:
                raise CommandError("--recipe takes no TABLE/FILE/--folder", EXIT_USAGE)
            reports = ingest_recipe(store, recipe, data_dir=data_dir, touchpoints=tpmap, progress=update,
                                    allow_future=allow_future)
        elif folder:
            if table or file:
                raise CommandError("--folder takes no TABLE/FILE", EXIT_USAGE)
            loads = folder_loads(folder)
            if not loads:
                raise CommandError(
                    f"{folder} has no files named customers, events, orders, surveys or tickets "
                    "(.csv, .parquet or .jsonl)")
            reports = ingest_loads(store, loads, touchpoints=tpmap, progress=update, allow_future=allow_future)
        else:
            if not table or not file:
                raise CommandError("give TABLE and FILE, or --recipe, or --folder "
                                   "(see journeybot ingest --help)", EXIT_USAGE)
            read = {"delimiter": delimiter, "encoding": encoding, "timestamp_format": timestamp_format,
                    "timezone": timezone, "newline": newline, "max_row_mb": max_row_mb}
            mapping = _build_mapping(ctx, table, mapping_name, maps, consts, read, create_customers, duplicates)
            reports = ingest_loads(store, [Load(file, mapping)], touchpoints=tpmap, progress=update,
                                   allow_future=allow_future)
    if as_json:
        print_json(reports)
    else:
        _report(ctx, reports)
        if recipe:  # which zone cut the days, and whose it is (the owner's outranks the recipe's)
            from tools.core.profile import zone_line
            from tools.data.mapping import load_recipe

            given = load_recipe(recipe)[0].profile
            ctx.console.print(zone_line(store.profile, given.timezone if given else None), markup=False)
        if shared:
            _say_published(ctx)
    if not no_index:
        _index_texts(ctx, store, reports, quiet=as_json)


def _index_texts(ctx: Ctx, store, reports: list[IngestReport], *, quiet: bool) -> None:
    """After the load (the writer's lock released): embed its new texts, when configured."""
    from bot.cli.feedback import index_after_load, loaded_texts

    if ctx.config.feedback.index_on_load and loaded_texts(reports):
        index_after_load(ctx, store, quiet=quiet)


def _say_published(ctx: Ctx) -> None:
    from tools.data.published import latest

    version = latest(ctx.config.ops_db())
    if version is not None:
        ctx.console.print(f"Published as journey store version {version.version}; every instance "
                          f"answers from it within {ctx.config.state.follow_seconds:g} s.", markup=False)


def _ingest_export(ctx: Ctx, file: Path, vendor: str | None, as_json: bool, *, index: bool = True) -> None:
    """A vendor export as downloaded: recognised from its header (or the recipe named)."""
    from bot.journey_versions import journey_writer
    from tools.data.vendors.load import ingest_export

    shared = ctx.config.shared
    with journey_writer(ctx.config, wait_seconds=WRITER_WAIT_S, store=None if shared else ctx.store) as store, \
            progress_bar(ctx.err, not as_json) as update:
        report = ingest_export(store, file, recipe=vendor, touchpoints=ctx.config.touchpoint_map(),
                               progress=update)
    business = store.profile.currency  # the profile kept with the data (the export may have set it)
    other = [c for c in report.currencies if c != business]
    if as_json:
        print_json({"recipe": report.recipe.name, "vendor": report.recipe.vendor, "title": report.recipe.title,
                    "recognised": report.recognised, "file": report.file, "currencies": report.currencies,
                    "notes": report.notes, "reports": report.reports})
    else:
        ctx.console.print(report.to_text(), markup=False)
        if shared:
            _say_published(ctx)
        if other:
            ctx.console.print(
                f"note: the amounts are in {', '.join(other)} but the business currency is {business} "
                "(`journeybot profile`); journeybot shows them as they are, not converted.",
                markup=False)
    if index:
        _index_texts(ctx, store, report.reports, quiet=as_json)


def _print_vendors(ctx: Ctx, as_json: bool) -> None:
    from tools.data.vendors.catalogue import vendor_recipes

    recipes = vendor_recipes()
    if as_json:
        print_json([{"recipe": r.name, "vendor": r.vendor, "title": r.title, "how": r.how,
                     "tables": r.tables, "description": r.description} for r in recipes])
        return
    for r in recipes:
        ctx.console.print(f"{r.name:<20} {r.title} -> {', '.join(dict.fromkeys(r.tables))}\n"
                          f"{'':<20} download: {r.how}", markup=False)


def _build_mapping(ctx: Ctx, table: str, name: str | None, maps: tuple[str, ...], consts: tuple[str, ...],
                   read: dict, create_customers: bool, duplicates: str | None) -> Mapping:
    base: dict = {}
    if name:
        configured = ctx.config.mappings.get(name)
        if configured is None:
            known = ", ".join(ctx.config.mappings) or "none"
            raise CommandError(f"no mapping {name!r} in the config; mappings: {known}")
        if configured.table != table:
            raise CommandError(f"mapping {name!r} is for {configured.table}, not {table}")
        base = configured.model_dump(exclude_defaults=True)
        base.setdefault("name", name)
    base["table"] = table
    base.setdefault("columns", {}).update(_pairs(maps, "--map"))
    base.setdefault("constants", {}).update(_pairs(consts, "--const"))
    options = base.setdefault("options", {})
    for key, value in read.items():  # read options given on the command line win
        if value:
            options[key] = value
    if create_customers:
        base["unknown_customers"] = "create"
    if duplicates:
        base["duplicates"] = duplicates
    try:
        return Mapping.model_validate(base)
    except ValueError as exc:
        raise CommandError(f"mapping for {table}: {exc}") from None


@click.command()
@click.option("--events", "n_events", type=click.IntRange(min=1000), default=100_000, show_default=True,
              help="How many events to generate (10000000 for benchmarks).")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--days", type=click.IntRange(min=30, max=1000), default=180, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True,
              help="File format of the events file.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write to (default: <data folder>/sample).")
@click.option("--ingest/--no-ingest", "do_ingest", default=False, show_default=True,
              help="Also load the files into the journey store.")
@click.option("--no-index", "no_index", is_flag=True,
              help="With --ingest: do not embed the sample's survey and ticket texts now (as for "
                   "`journeybot ingest --no-index`); `journeybot feedback index` does it later.")
@pass_ctx
@friendly_errors
def sample(ctx: Ctx, n_events: int, seed: int, days: int, fmt: str, out: Path | None, do_ingest: bool,
           no_index: bool) -> None:
    """Generate a realistic, seeded sample data set for a small bakery-cafe.

    The same seed gives the same files. See docs/SAMPLE_DATA.md for the customer types and
    the incidents planted in it.

    \b
    Example:
      journeybot sample --events 10000000 --format parquet --out /tmp/big
    """
    files = generate_sample_files(ctx, out or ctx.config.sample_dir, n_events=n_events, seed=seed,
                                  days=days, fmt=fmt)
    ctx.console.print(f"Wrote sample data to {files.folder}:", markup=False)
    for name, count in files.counts.items():
        ctx.console.print(f"  {name:<10} {count:>11,} rows", markup=False)
    if do_ingest:
        from bot.journey_versions import journey_writer

        shared = ctx.config.shared
        with journey_writer(ctx.config, wait_seconds=WRITER_WAIT_S, store=None if shared else ctx.store) as store, \
                progress_bar(ctx.err) as update:
            reports = ingest_loads(store, folder_loads(files.folder),
                                   touchpoints=ctx.config.touchpoint_map(), progress=update,
                                   profile=sample_profile(ctx), profile_source="the sample data")
        _report(ctx, reports)
        if shared:
            _say_published(ctx)
        # The sample's surveys and tickets are indexed the way `journeybot ingest` indexes a
        # load's texts, so the first feedback question does not wait for the embedding.
        if not no_index:
            _index_texts(ctx, store, reports, quiet=False)


def sample_profile(ctx: Ctx) -> dict[str, str]:
    """The sample is a British bakery: pounds, in the zone it was generated in (the config's)."""
    return {"currency": "GBP", "timezone": ctx.config.business.timezone, "locale": "en_GB"}


def generate_sample_files(ctx: Ctx, folder: Path, *, n_events: int = 100_000, seed: int = 7,
                          days: int = 180, fmt: str = "csv"):
    from tools.data.sample import SampleSpec, generate_sample

    spec = SampleSpec(seed=seed, events=n_events, days=days, timezone=ctx.config.business.timezone,
                      format=fmt)  # type: ignore[arg-type]
    with progress_bar(ctx.err) as update:
        return generate_sample(folder, spec, progress=lambda done, total: update(
            "generating sample", done / total if total else 1.0))

