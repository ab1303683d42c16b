"""`journeybot config`: check a config file, show the effective settings and paths."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import EXIT_INPUT, CommandError, Ctx, pass_ctx, print_json
from bot.config import ConfigError, load_config


@click.group(name="config")
def config_group() -> None:
    """Check and show configuration.

    \b
    Examples:
      journeybot config check
      journeybot config check config.example.toml
      journeybot config show
    """


@config_group.command("check")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@pass_ctx
def check(ctx: Ctx, file: Path | None) -> None:
    """Validate a config file (default: the one in use) and say what is wrong.

    \b
    Example:
      journeybot config check config.example.toml
    """
    try:
        cfg = load_config(file or ctx.config_path)
    except ConfigError as exc:
        raise CommandError(str(exc), EXIT_INPUT) from None
    where = cfg.source or "no config file (defaults)"
    ctx.console.print(f"OK: {where}", markup=False)
    ctx.console.print(f"  data folder:   {cfg.home_path}", markup=False)
    ctx.console.print(f"  journey store: {cfg.store_path}", markup=False)
    ctx.console.print(f"  time zone:     {cfg.business.timezone}", markup=False)
    from tools.core.opsdb import redact_url

    shared = " (shared by every instance)" if cfg.shared else ""
    ctx.console.print(f"  state:         {redact_url(cfg.state_url)}{shared}", markup=False)
    ctx.console.print(f"  mappings:      {', '.join(cfg.mappings) or 'none'}", markup=False)
    extra = len(cfg.touchpoints)
    ctx.console.print(f"  touchpoints:   defaults + {extra} from config", markup=False)


@config_group.command("show")
@pass_ctx
def show(ctx: Ctx) -> None:
    """Print the effective configuration as JSON (secrets are never in it).

    \b
    Examples:
      journeybot config show
      journeybot --config shop.toml config show > effective.json
    """
    cfg = ctx.config
    data = cfg.model_dump(mode="json")
    data["_paths"] = {"config": cfg.source, "home": str(cfg.home_path), "store": str(cfg.store_path)}
    data["_secrets_set"] = {k: bool(cfg.secret(k)) for k in ("openai_api_key", "slack_bot_token",
                                                            "slack_app_token", "slack_signing_secret")}
    print_json(data)
