"""Typeform Responses API: submitted responses of one form, incremental by submission time.

As typeform.com/developers documents it: `GET /forms/{form_id}` for the questions (so answers
are read by question type: nps, rating or opinion scale, long and short text, email), and
`GET /forms/{form_id}/responses` with a Bearer personal access token; `since` (inclusive, ISO
8601 UTC) for what came in after the last sync; the first page sorted oldest first
(`sort=submitted_at,asc`) and each next page `after` the last response token of the page
before (Typeform refuses `sort` beside `before`/`after`), `page_size` up to 1000, until a page
comes back short. The cursor is the newest submission time loaded; the next sync repeats that
second's responses, which ingest recognises as unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

from tools.data.keys import customer_key
from tools.sources.http import Client
from tools.sources.pages import Batch, Page, iso_utc, newest
from tools.sources.spec import SourceSpec

TEXT_TYPES = ("long_text", "short_text")
CSAT_TYPES = ("rating", "opinion_scale")


class Typeform:
    vendor = "Typeform"

    def headers(self, spec: SourceSpec, token: str, secrets: dict[str, str]) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def probe(self, client: Client, spec: SourceSpec) -> str:
        form = client.get(f"{spec.api_base()}/forms/{spec.form_id}").body or {}
        return (f"reached Typeform: form {spec.form_id} \"{form.get('title', '?')}\" with "
                f"{len(form.get('fields') or [])} questions")

    def pages(self, client: Client, spec: SourceSpec, cursor: dict[str, Any]) -> Iterator[Page]:
        if "responses" not in spec.wanted:
            return
        base = f"{spec.api_base()}/forms/{spec.form_id}"
        fields = {f["id"]: f for f in (client.get(base).body or {}).get("fields") or []}
        state = {k: dict(v) for k, v in cursor.items()}
        since = state.get("responses", {}).get("since") or (iso_utc(spec.start) if spec.start else None)
        size = spec.page_size or 1000
        params: dict[str, Any] = {"page_size": size, "sort": "submitted_at,asc"}
        if since:
            params["since"] = since
        while True:
            items = (client.get(f"{base}/responses", params).body or {}).get("items") or []
            submitted = pd.Series([i.get("submitted_at") for i in items], dtype="object")
            if items:
                state["responses"] = {"since": iso_utc(pd.Timestamp(max(submitted.dropna())).to_pydatetime())} \
                    if submitted.notna().any() else state.get("responses", {})
            yield Page((Batch("surveys", responses(items, fields)),), {k: dict(v) for k, v in state.items()},
                       newest(submitted), len(items))
            if len(items) < size:
                return
            params = {"page_size": size, "after": items[-1]["token"]}
            if since:
                params["since"] = since


def responses(items: list[dict[str, Any]], fields: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """Submitted responses as survey answers: NPS from the nps question, CSAT from a 5-step
    rating or opinion scale, the text answers joined, the customer from an email answer."""
    columns = ["survey_id", "customer_id", "ts", "nps", "csat", "text", "channel", "touchpoint"]
    rows = [_row(i, fields) for i in items if i.get("submitted_at")]
    return pd.DataFrame(rows, columns=columns)


def _row(item: dict[str, Any], fields: dict[str, dict[str, Any]]) -> dict[str, Any]:
    nps = csat = email = None
    texts: list[str] = []
    for answer in item.get("answers") or []:
        field = answer.get("field") or {}
        kind = fields.get(field.get("id"), {}).get("type") or field.get("type")
        steps = (fields.get(field.get("id"), {}).get("properties") or {}).get("steps")
        if kind == "nps":
            nps = answer.get("number")
        elif kind in CSAT_TYPES and csat is None and steps in (None, 5):
            csat = answer.get("number")
        elif kind in TEXT_TYPES and answer.get("text"):
            texts.append(str(answer["text"]))
        elif kind == "email" or answer.get("type") == "email":
            email = answer.get("email")
    hidden = item.get("hidden") or {}
    email = email or hidden.get("email")
    return {"survey_id": item["token"], "customer_id": customer_key(email) if email else None,
            "ts": item["submitted_at"], "nps": nps, "csat": csat, "text": "\n".join(texts) or None,
            "channel": hidden.get("utm_source") or None, "touchpoint": "survey_response"}
