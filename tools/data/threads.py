"""Conversations rebuilt from reply links, for exports where each message names the one it
answers (support tweets, e-mail threads, helpdesk comments) and there is no ticket table.

One recursive query walks every thread down from its first message (a message that answers
nothing in the file, or something that is not in it), then each thread is summed up once: its
first answer from the business, who gave it, its last message and whether the business wrote
it. The summary is joined back to every row, so a mapping reads the result like any column
(`columns = { first_response_at = "_first_reply_at" }`) and keeps one row per thread with
`where = { _starts_thread = "true" }`. See `Threads` in tools/data/mapping.py.
"""

from __future__ import annotations

from tools.data.context import LoadContext, ident, lit, temp_name
from tools.data.convert import convert
from tools.data.mapping import THREAD_COLUMNS, Threads
from tools.data.read import Source, find_column
from tools.data.schema import Column

MAX_DEPTH = 1000  # replies deeper than this are left out of their thread (a loop in the links)


def _id(expr: str) -> str:
    # Exports written by pandas keep numeric ids as floats ("3.0"): the same id as "3".
    s = f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"
    return f"regexp_replace({s}, '^([0-9]+)\\.0+$', '\\1')"


def add_threads(ctx: LoadContext, src: Source, spec: Threads) -> Source:
    """The source with the thread columns (see Threads) added to every row."""
    col = {k: ident(find_column(ctx, src, getattr(spec, k), f"threads.{k}"))
           for k in ("id", "reply_to", "time") + (("author",) if spec.author else ())}
    biz = " AND ".join(
        f"trim(CAST({ident(find_column(ctx, src, c, 'threads.business'))} AS VARCHAR)) "
        f"IN ({', '.join(lit(v) for v in vals)})"
        for c, vals in spec.business.items())
    when = convert(Column("t", "timestamp"), f"s.{col['time']}", src.types[col["time"].strip('"')],
                   ctx.m.options)
    author = f"s.{col['author']}" if spec.author else "NULL"
    name = temp_name("threads")
    ctx.con.execute(f"""
        CREATE TEMP TABLE {name} AS
        WITH RECURSIVE m AS (
            SELECT s._row, {_id('s.' + col['id'])} AS id, {_id('s.' + col['reply_to'])} AS parent,
                   {when} AS ts, coalesce({biz}, FALSE) AS biz, CAST({author} AS VARCHAR) AS author
            FROM {src.relation} s),
        walk(id, root, depth) AS (
            SELECT id, id, 0 FROM m
            WHERE id IS NOT NULL AND (parent IS NULL OR parent NOT IN (SELECT id FROM m WHERE id IS NOT NULL))
            UNION ALL
            SELECT m.id, w.root, w.depth + 1 FROM m JOIN walk w ON m.parent = w.id
            WHERE w.depth < {MAX_DEPTH}),
        t AS (SELECT m.*, w.root FROM m JOIN walk w USING (id)),
        head AS (SELECT id AS root, ts AS root_ts, biz AS root_biz FROM m),
        agg AS (
            SELECT t.root,
                   min(t.ts) FILTER (WHERE t.biz AND t.id <> t.root AND t.ts >= h.root_ts) AS first_reply,
                   arg_min(t.author, t.ts) FILTER (WHERE t.biz AND t.id <> t.root AND t.ts >= h.root_ts) AS replied_by,
                   max(t.ts) AS last_at, arg_max(t.biz, t.ts) AS last_biz, count(*) AS n
            FROM t JOIN head h USING (root) GROUP BY t.root)
        SELECT t._row, t.root AS _thread,
               CASE WHEN t.id = t.root AND NOT t.biz THEN 'true' ELSE 'false' END AS _starts_thread,
               a.first_reply AS _first_reply_at,
               CASE WHEN a.last_biz AND a.n > 1 THEN a.last_at END AS _resolved_at,
               CASE WHEN a.last_biz AND a.n > 1 THEN 'resolved' ELSE 'open' END AS _status,
               a.n AS _messages, a.replied_by AS _replied_by
        FROM t JOIN agg a USING (root)""")
    view = temp_name("srcth")
    ctx.con.execute(
        f"CREATE TEMP VIEW {view} AS SELECT s.*, {', '.join('th.' + c for c in THREAD_COLUMNS)} "
        f"FROM {src.relation} s LEFT JOIN {name} th ON th._row = s._row")
    types = dict(src.types)
    for row in ctx.con.execute(f"DESCRIBE {name}").fetchall():
        if row[0] in THREAD_COLUMNS:
            types[row[0]] = str(row[1])
    return Source(view, {c.strip().lower(): c for c in types}, types, src.numbered)
