"""A journey map as a spreadsheet (XLSX): the stages as columns and one row per layer, with
the health colours, because that is how owners keep a journey map; then every number, one per
row, and where each comes from. Two maps side by side: the differences, then each map's grid.
openpyxl is imported when a spreadsheet is written, so that building a map does not load it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import pandas as pd

from tools.core.cells import neutralise
from tools.journey_map.tables import comparison_frame, map_grid, map_numbers, map_subtitle
from tools.journey_map.types import JourneyMapData, MapComparisonData

HEALTH_FILLS = {"red": "F4CCCC", "amber": "FCE8B2", "green": "D9EAD3", "grey": "EEEEEE"}
VERDICT_FILLS = {"worse": "F4CCCC", "better": "D9EAD3"}


def _sheet_grid(ws, title: str, subtitle: str, grid: pd.DataFrame, health: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font, PatternFill

    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = neutralise(subtitle)
    ws.column_dimensions["A"].width = 22
    top = Alignment(wrap_text=True, vertical="top")
    for j, stage in enumerate(grid.columns, start=2):
        cell = ws.cell(row=4, column=j, value=neutralise(stage))
        cell.font = Font(bold=True, size=12)
        cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(health[j - 2], "FFFFFF"))
        ws.column_dimensions[cell.column_letter].width = 42
    for i, layer in enumerate(grid.index, start=5):
        label = ws.cell(row=i, column=1, value=neutralise(layer))
        label.font = Font(bold=True)
        label.alignment = top
        lines = 1
        for j, stage in enumerate(grid.columns, start=2):
            text = str(grid.loc[layer, stage])
            cell = ws.cell(row=i, column=j, value=neutralise(text))
            cell.alignment = top
            if layer == "Health":
                cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(text, "FFFFFF"))
            lines = max(lines, sum(max(1, math.ceil(len(part) / 40)) for part in text.split("\n")))
        ws.row_dimensions[i].height = min(15 * lines + 4, 409)
    ws.freeze_panes = "B5"


def number_formats(currency_symbol: str) -> dict[str, str]:
    """Excel number formats per unit of the Numbers sheet: shares as %, money in the business
    currency, durations (stored in days, Excel's own unit of time) as hours and minutes."""
    return {
        "share": "0.0%",
        "count": "#,##0",
        "money": f'"{currency_symbol}"#,##0.00',
        "duration": '[h]"h "mm"m"',
        "minutes": '0.0" min"',
        "hours": '0.0" h"',
        "days": '0.0" days"',
        "sentiment": "+0.00;-0.00;0.00",
        "points": "+0;-0;0",
        "score": '0.00" / 5"',
    }


def _sheet_table(ws, frame: pd.DataFrame, fills: Sequence[str | None] | None = None,  # type: ignore[no-untyped-def]
                 formats: dict[str, str] | None = None, wrap: Sequence[str] = ()) -> None:
    """A table with a bold frozen header and a filter on it. With `formats`, the value and
    previous cells of each row get the number format of the row's `unit`; columns in `wrap`
    are wide with wrapped text (method notes), the others as wide as their content."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = list(frame.columns)
    for j, name in enumerate(columns, start=1):
        ws.cell(row=1, column=j, value=neutralise(str(name))).font = Font(bold=True)
        longest = max([len(str(name))] + [len(str(v)) for v in frame[name].head(500) if v is not None])
        ws.column_dimensions[get_column_letter(j)].width = 90 if name in wrap else min(max(10, longest + 2), 48)
    units = frame["unit"].tolist() if formats and "unit" in frame.columns else None
    top = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(frame.itertuples(index=False), start=2):  # a few hundred cells
        fmt = formats.get(units[i - 2]) if formats and units else None
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j, value=_cell(value))
            if fmt and columns[j - 1] in ("value", "previous"):
                cell.number_format = fmt
            elif columns[j - 1] == "n":
                cell.number_format = "#,##0"
            if columns[j - 1] in wrap:
                cell.alignment = top
        fill = fills[i - 2] if fills else None
        if fill:
            for j in range(1, len(columns) + 1):
                ws.cell(row=i, column=j).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(frame) + 1, 2)}"


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()  # type: ignore[union-attr]
    return neutralise(value)


def map_xlsx(m: JourneyMapData) -> bytes:
    """Sheets: "Journey map" (stages as columns, a row per layer, health colours), "Numbers"
    (every number, one per row, in its number format: %, currency, hours and minutes) and
    "How" (where each number comes from, wrapped to read); both with a filter on the header."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Journey map"
    _sheet_grid(ws, f"Journey map: {m.who}", map_subtitle(m), map_grid(m), [c.health for c in m.stages])
    formats = number_formats("")
    formats["money"] = m.numbers.excel_format()  # the business's currency, in its own format
    _sheet_table(wb.create_sheet("Numbers"), map_numbers(m), formats=formats, wrap=("detail",))
    _sheet_table(wb.create_sheet("How"), _how(m), wrap=("what",))
    return _save(wb)


def _how(m: JourneyMapData) -> pd.DataFrame:
    rows = [{"source": "journey_map", "what": m.provenance.definition, "period": m.provenance.period_label or ""}]
    rows += [{"source": k, "what": p.definition, "period": p.period_label or ""} for k, p in m.sources.items()]
    rows += [{"source": "note", "what": n, "period": ""} for n in m.provenance.notes]
    return pd.DataFrame(rows, columns=["source", "what", "period"])


def _save(wb) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def comparison_xlsx(c: MapComparisonData) -> bytes:
    """Sheets: "Differences" (every item of both maps, notable ones filled red when worse and
    green when better on the left), then each map's grid."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Differences"
    fills = [VERDICT_FILLS.get(d.verdict, "FCE8B2") if d.notable else None for d in c.differences]
    _sheet_table(ws, comparison_frame(c), fills)
    for name, m in (("Left map", c.left), ("Right map", c.right)):
        _sheet_grid(wb.create_sheet(name), f"Journey map: {m.who}", map_subtitle(m), map_grid(m),
                    [col.health for col in m.stages])
    return _save(wb)
