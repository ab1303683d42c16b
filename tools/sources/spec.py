"""A source: where data comes from on its own, declared once in the config ([[sources]]).

Kinds: a folder inbox (files dropped by another tool or an SFTP upload), a CSV or JSON URL
(a Google Sheet published as CSV), and the APIs of Shopify (orders, customers), Zendesk
(tickets, satisfaction ratings) and Typeform (responses). Secrets are never here: a source
names the environment variable that holds its token, and bot/config/ reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal["inbox", "url", "shopify", "zendesk", "typeform"]
KINDS: tuple[str, ...] = ("inbox", "url", "shopify", "zendesk", "typeform")
API_KINDS: tuple[str, ...] = ("shopify", "zendesk", "typeform")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

# What each API kind loads, and the words freshness messages use for it.
RESOURCES: dict[str, tuple[str, ...]] = {
    "shopify": ("orders", "customers"),
    "zendesk": ("tickets", "satisfaction_ratings"),
    "typeform": ("responses",),
}
WHAT: dict[str, str] = {
    "shopify": "Shopify orders", "zendesk": "Zendesk tickets", "typeform": "Typeform responses",
}
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class SourceSpec(BaseModel):
    """One [[sources]] entry."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="short name used by `journeybot sources sync NAME` and in messages")
    kind: Kind = Field(description="inbox, url, shopify, zendesk or typeform")
    description: str = Field(default="", max_length=200)
    enabled: bool = Field(default=True, description="disabled sources are listed but never synced")
    # when
    time: str | None = Field(default=None, description="local time HH:MM of the daily sync; default: "
                             "30 minutes before the first digest (or the alert check)")
    every_minutes: int | None = Field(default=None, ge=5, le=24 * 60,
                                      description="sync this often instead of once a day")
    stale_after_hours: float | None = Field(
        default=None, gt=0, le=24 * 60,
        description="no new data for this long raises a freshness alert; default: a day and two "
                    "hours for a daily sync, three intervals for a frequent one")
    # what the data becomes (inbox and url; API kinds know their own tables)
    recipe: str | None = Field(default=None, description="a built-in vendor recipe (journeybot ingest "
                               "--vendors); default: recognise each file")
    mapping: str | None = Field(default=None, description="a [mappings.NAME] of the config")
    # inbox
    path: str | None = Field(default=None, description="inbox: the folder files are dropped in")
    # url
    url: str | None = Field(default=None, description="url: an https:// address of a CSV or JSON file")
    # APIs
    base_url: str | None = Field(default=None, description="the API's address, if not the vendor's own")
    shop: str | None = Field(default=None, description="shopify: the shop's myshopify.com name")
    api_version: str = Field(default="2025-01", pattern=r"^\d{4}-\d{2}$", description="shopify: API version")
    subdomain: str | None = Field(default=None, description="zendesk: the account's zendesk.com subdomain")
    email: str | None = Field(default=None, description="zendesk: the agent email an API token belongs to")
    form_id: str | None = Field(default=None, description="typeform: the form's id")
    token_env: str | None = Field(default=None, description="environment variable holding the token")
    resources: list[str] = Field(default_factory=list, description="what to load; default: all the kind offers")
    start: dt.date | None = Field(default=None, description="first sync: load data from this day on")
    page_size: int | None = Field(default=None, ge=1, le=1000, description="records per request")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = v.strip().lower()
        if not NAME.match(v):
            raise ValueError(f"source name {v!r} must be lower case letters, digits, - or _ (e.g. 'shop')")
        return v

    @field_validator("time")
    @classmethod
    def _clock(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v.strip()):
            raise ValueError(f"time {v!r} must be HH:MM on a 24-hour clock, e.g. 07:00")
        return v.strip()

    @model_validator(mode="after")
    def _fields_for_kind(self) -> SourceSpec:
        need = {"inbox": ("path",), "url": ("url",), "shopify": ("token_env",),
                "zendesk": ("token_env",), "typeform": ("form_id", "token_env")}[self.kind]
        missing = [f for f in need if not getattr(self, f)]
        if self.kind == "shopify" and not (self.shop or self.base_url):
            missing.append("shop (or base_url)")
        if self.kind == "zendesk" and not (self.subdomain or self.base_url):
            missing.append("subdomain (or base_url)")
        if missing:
            raise ValueError(f"a {self.kind} source needs {', '.join(missing)}")
        if self.kind in API_KINDS:
            unknown = sorted(set(self.resources) - set(RESOURCES[self.kind]))
            if unknown:
                raise ValueError(f"{self.kind} sources load {', '.join(RESOURCES[self.kind])}; not {', '.join(unknown)}")
        if self.recipe and self.mapping:
            raise ValueError("give a recipe or a mapping, not both")
        for address in (self.url, self.base_url):
            if address:
                check_address(address)
        return self

    # -- derived -----------------------------------------------------------------------
    @property
    def wanted(self) -> tuple[str, ...]:
        return tuple(self.resources) if self.resources else RESOURCES.get(self.kind, ())

    @property
    def what(self) -> str:
        """What the source delivers, for messages: 'Shopify orders', 'files in ~/inbox'."""
        if self.kind in WHAT:
            return WHAT[self.kind]
        if self.kind == "inbox":
            return f"files in {self.path}"
        return f"data from {urlsplit(self.url or '').netloc or self.name}"

    def api_base(self) -> str:
        if self.base_url:
            return self.base_url.rstrip("/")
        if self.kind == "shopify":
            shop = str(self.shop).removesuffix(".myshopify.com")
            return f"https://{shop}.myshopify.com"
        if self.kind == "zendesk":
            return f"https://{self.subdomain}.zendesk.com"
        return "https://api.typeform.com"

    def expected_every(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.every_minutes) if self.every_minutes else dt.timedelta(days=1)

    def stale_after(self) -> dt.timedelta:
        if self.stale_after_hours:
            return dt.timedelta(hours=self.stale_after_hours)
        if self.every_minutes:
            return max(dt.timedelta(minutes=3 * self.every_minutes), dt.timedelta(hours=1))
        return dt.timedelta(hours=26)


def check_address(address: str) -> str:
    """HTTPS only; plain HTTP only to this computer (a local test server or a tunnel)."""
    parts = urlsplit(address)
    if parts.scheme == "https" and parts.netloc:
        return address
    if parts.scheme == "http" and parts.hostname in LOCAL_HOSTS:
        return address
    raise ValueError(f"{address!r}: sources are fetched over https:// (plain http only from 127.0.0.1)")
