"""`journeybot profile`: the business profile kept with the data (currency, time zone, locale,
order statuses), where each value came from, and setting it."""

from __future__ import annotations

import click

from bot.cli.common import EXIT_USAGE, CommandError, Ctx, friendly_errors, pass_ctx, print_json
from tools.core.profile import ORDER_KINDS, PROFILE_KEYS, BusinessProfile


@click.group(name="profile", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def profile_group(click_ctx: click.Context, as_json: bool) -> None:
    """The business profile of this data folder: show it, or `profile set KEY=VALUE`.

    \b
    Examples:
      journeybot profile
      journeybot profile set currency=BRL timezone=America/Sao_Paulo locale=pt_BR
      journeybot profile set --status shipped=completed --status awaiting_pickup=pending
    """
    if click_ctx.invoked_subcommand is None:
        click_ctx.invoke(show, as_json=as_json)


@profile_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def show(ctx: Ctx, as_json: bool) -> None:
    """Show the profile and where each value came from.

    \b
    Example:
      journeybot profile show --json
    """
    profile = ctx.store.profile
    if as_json:
        print_json({"profile": profile.model_dump(mode="json"), "assumed": profile.assumed()})
        return
    ctx.console.print(profile_text(profile), markup=False)


@profile_group.command("set")
@click.argument("pairs", nargs=-1, metavar="KEY=VALUE")
@click.option("--status", "statuses", multiple=True, metavar="WORD=KIND",
              help="What an order status means: completed, pending, cancelled or returned.")
@pass_ctx
@friendly_errors
def set_cmd(ctx: Ctx, pairs: tuple[str, ...], statuses: tuple[str, ...]) -> None:
    """Set profile keys: currency, timezone, locale, delivery_promise; --status WORD=KIND.

    Nothing changes when a value is wrong. Kept in the journey store; a key set in the config's
    [business] section still wins when the config is read.

    \b
    Examples:
      journeybot profile set currency=BRL timezone=America/Sao_Paulo locale=pt_BR
      journeybot profile set delivery_promise=3 --status shipped=pending --status refunded=returned
    """
    updates: dict[str, object] = {}
    for item in pairs:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in PROFILE_KEYS or key == "order_statuses":
            raise CommandError(f"give KEY=VALUE with KEY one of currency, timezone, locale, "
                               f"delivery_promise; got {item!r}", EXIT_USAGE)
        updates[key] = int(value) if key == "delivery_promise" and value.strip().isdigit() else value.strip()
    kinds: dict[str, list[str]] = {}
    for item in statuses:
        word, sep, kind = item.partition("=")
        if not sep or kind.strip() not in ORDER_KINDS:
            raise CommandError(f"--status takes WORD=KIND with KIND one of {', '.join(ORDER_KINDS)}; "
                               f"got {item!r}", EXIT_USAGE)
        kinds.setdefault(kind.strip(), []).append(word)
    if kinds:
        updates["order_statuses"] = kinds
    if not updates:
        raise CommandError("nothing to set: give KEY=VALUE pairs or --status WORD=KIND", EXIT_USAGE)
    store = ctx.store
    before = store.timezone
    try:
        profile = store.set_profile(updates, "journeybot profile set")
    except ValueError as exc:
        raise CommandError(f"business profile: {exc}") from None
    ctx.console.print(profile_text(profile), markup=False)
    if profile.timezone != before and not store.is_empty():
        ctx.console.print(
            f"Note: timestamps loaded without an offset were read as {before}; load those files "
            f"again to read them as {profile.timezone} (instants with an offset are unaffected).",
            markup=False)
    cfg = ctx.config.business.profile_keys()
    overridden = [k for k in updates if k in cfg]
    if overridden:
        ctx.console.print(f"Note: the config ({ctx.config.source}) sets {', '.join(overridden)} too and "
                          "wins the next time it is read; change it there.", markup=False)


def profile_text(profile: BusinessProfile) -> str:
    lines = ["Business profile (kept with the data):"]
    shown = {"currency": profile.currency, "timezone": profile.timezone,
             "locale": profile.effective_locale, "delivery_promise": profile.delivery_promise}
    for key, value in shown.items():
        source = profile.sources.get(key, "default")
        origin = "assumed (default)" if source == "default" else source
        if key == "locale" and source == "default":
            origin = f"the usual locale of {profile.currency}"
        if key == "delivery_promise" and value is None:
            value, origin = "-", "[analytics] delivery_promise_days"
        lines.append(f"  {key:<17}{value!s:<22} {origin}")
    vocab = profile.vocabulary()
    own = profile.order_statuses
    lines.append(f"  order statuses   {len(vocab)} words known"
                 + (f"; set here: {', '.join(f'{w}={k}' for k in ORDER_KINDS for w in getattr(own, k))}"
                    if not own.is_empty() else " (the built-in vocabulary)"))
    lines.append(f"  money is written like {profile.numbers.money(1234.5)}")
    return "\n".join(lines)
