"""`journeybot forget CUSTOMER_ID`: erase one customer from everything journeybot keeps.

The erasure itself is bot/scheduler/erasure.py `erase_everywhere`, the one path every caller
takes: the journey and feedback stores, persona cards, the files of the data folder and of the
inboxes, the operational stores (state.sqlite and memory.sqlite, or PostgreSQL with `[state]
url`), compaction, and finally a search of the raw bytes of every file under the data folder
for the customer's id, names, emails and texts. Anything still found is listed and the exit
code is 3. With several instances the journey store is erased by the elected writer and
published as the only version kept.
"""

from __future__ import annotations

import click

from bot.cli.common import (
    EXIT_ENVIRONMENT,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
)
from bot.cli.feedback import open_feedback


@click.command()
@click.argument("customer_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@pass_ctx
@friendly_errors
def forget(ctx: Ctx, customer_id: str, yes: bool, as_json: bool) -> None:
    """Erase a customer from every store and file journeybot keeps.

    Their journey rows, texts (also in the vector store's write-ahead log), persona quotes
    and memberships, Slack answers and conversations that name them, and their rows in the
    sample files go; the files are rewritten so no deleted bytes remain, then every file in
    the data folder is searched for them. This cannot be undone. Texts from a file you index
    again (`feedback index --file`) come back: remove them from the file too. CUSTOMER_ID may
    be the email address of a customer that exports keyed by email store only as a key (c-...).

    \b
    Examples:
      journeybot forget C00042 --yes
      journeybot forget ann@example.com --yes
    """
    from bot.scheduler.erasure import erase_everywhere

    if not yes:
        click.confirm(f"Erase everything stored about customer {customer_id!r}? This cannot be undone",
                      abort=True, err=True)
    config = ctx.config
    result = erase_everywhere(config, customer_id, store=None if config.shared else ctx.store,
                              fb=open_feedback(ctx, embedder=False))
    if as_json:
        print_json(result)
    else:
        ctx.console.print(result.to_text(), markup=False)
    if result.residue:
        raise CommandError("erasure is not complete: the files above still hold the customer", EXIT_ENVIRONMENT)


def demo_privacy(ctx: Ctx) -> None:
    """Demo section: what journeybot keeps out of its stores and spreadsheets, and erasure."""
    import pandas as pd

    from tools.core.cells import csv_bytes
    from tools.core.pii import redact
    from tools.core.pii_names import KnownNames

    ticket = ("Refund to IBAN GB82 WEST 1234 5698 7654 32 please; I'm at 221B Baker Street, London NW1 6XE, "
              "call 07700 900123. Thanks, Marta Krüger")
    names = KnownNames.from_people([("C00042", "Marta", "Krüger", None)])
    ctx.console.print("A ticket as a customer wrote it, and as journeybot stores, embeds and shows it:", markup=False)
    ctx.console.print(f"  {ticket}\n  {redact(ticket, names, 'C00042')}", markup=False)
    cells = csv_bytes(pd.DataFrame({"touchpoint": ['=HYPERLINK("http://evil.example","x")'], "change": [-12.5]}))
    ctx.console.print("A touchpoint named like a formula, as every CSV and spreadsheet writes it (the number "
                      "stays a number):", markup=False)
    ctx.console.print("  " + cells.decode("utf-8-sig").strip().replace("\n", "\n  "), markup=False)
    ctx.console.print("$ journeybot forget C00042 --yes   # every store and file, then a raw-byte check "
                      "(docs/SECURITY.md)", markup=False)
