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

from tools.analytics.kpi_catalog import SPECS
from tools.journey_map.tables import comparison_frame, map_grid, map_numbers, map_subtitle
from tools.journey_map.types import JourneyMapData, MapComparisonData

HEALTH_FILLS = {"red": "F4CCCC", "amber": "FCE8B2", "green": "D9EAD3", "grey": "EEEEEE"}
VERDICT_FILLS = {"worse": "F4CCCC", "better": "D9EAD3"}


def _sheet_grid(ws, title: str, subtitle: str, grid: pd.DataFrame, health: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font, PatternFill

    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = subtitle
    ws.column_dimensions["A"].width = 22
    top = Alignment(wrap_text=True, vertical="top")
    for j, stage in enumerate(grid.columns, start=2):
        cell = ws.cell(row=4, column=j, value=stage)
        cell.font = Font(bold=True, size=12)
        cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(health[j - 2], "FFFFFF"))
        ws.column_dimensions[cell.column_letter].width = 42
    for i, layer in enumerate(grid.index, start=5):
        label = ws.cell(row=i, column=1, value=layer)
        label.font = Font(bold=True)
        label.alignment = top
        lines = 1
        for j, stage in enumerate(grid.columns, start=2):
            text = str(grid.loc[layer, stage])
            cell = ws.cell(row=i, column=j, value=text)
            cell.alignment = top
            if layer == "Health":
                cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(text, "FFFFFF"))
            lines = max(lines, sum(max(1, math.ceil(len(part) / 40)) for part in text.split("\n")))
        ws.row_dimensions[i].height = min(15 * lines + 4, 409)
    ws.freeze_panes = "B5"


def _sheet_table(ws, frame: pd.DataFrame, fills: Sequence[str | None] | None = None,  # type: ignore[no-untyped-def]
                 money: tuple[Sequence[bool], Sequence[str], str] | None = None) -> None:
    """`money`: (which rows hold amounts, their columns, the spreadsheet number format): the
    cells keep the numbers and show them in the business's currency."""
    from openpyxl.styles import Font, PatternFill

    for j, name in enumerate(frame.columns, start=1):
        ws.cell(row=1, column=j, value=str(name)).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = 18 if j > 1 else 16
    for i, row in enumerate(frame.itertuples(index=False), start=2):  # a few hundred cells
        for j, value in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=_cell(value))
        if money is not None and money[0][i - 2]:
            for j, name in enumerate(frame.columns, start=1):
                if name in money[1]:
                    ws.cell(row=i, column=j).number_format = money[2]
        fill = fills[i - 2] if fills else None
        if fill:
            for j in range(1, len(frame.columns) + 1):
                ws.cell(row=i, column=j).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value


def map_xlsx(m: JourneyMapData) -> bytes:
    """Sheets: "Journey map" (stages as columns, a row per layer, health colours), "Numbers"
    (every number, one per row) and "How" (where each number comes from)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Journey map"
    _sheet_grid(ws, f"Journey map: {m.who}", map_subtitle(m), map_grid(m), [c.health for c in m.stages])
    numbers = map_numbers(m)
    amounts = [layer == "kpi" and SPECS[item].unit == "money" if item in SPECS else False
               for layer, item in zip(numbers["layer"], numbers["item"], strict=True)]
    _sheet_table(wb.create_sheet("Numbers"), numbers, money=(amounts, ("value", "previous"), m.numbers.excel_format()))
    _sheet_table(wb.create_sheet("How"), _how(m))
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
