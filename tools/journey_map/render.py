"""A journey map as a file: `render_file(result, "png" | "xlsx" | "csv" | "md")` for a map, two
maps side by side or one stage in detail.

All renderings read the same numbers (types.py) and show the same numbers; each lives in the
module named for what it makes:

- tables.py: the grid (the stages as columns, one row per layer), every number in one long
  table, CSV; the lines of each cell, shared by all renderings;
- markdown.py: the map and the comparison as Markdown or a plain aligned table;
- spreadsheet.py: the XLSX workbook (the grid with health colours, the numbers, where they come from);
- picture.py: the PNG, in the shape people draw by hand.
"""

from __future__ import annotations

from tools.core.cells import csv_bytes
from tools.core.errors import ToolInputError
from tools.journey_map.markdown import comparison_markdown, map_markdown
from tools.journey_map.picture import comparison_png, map_png
from tools.journey_map.spreadsheet import comparison_xlsx, map_xlsx
from tools.journey_map.stage import StageDetail
from tools.journey_map.tables import comparison_csv, map_csv
from tools.journey_map.types import JourneyMapData, MapComparisonData

FORMATS = ("png", "xlsx", "csv", "md")


def render_file(result: object, fmt: str) -> bytes:
    """A map, a comparison or a stage detail as the bytes of a .png, .xlsx, .csv or .md file."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ToolInputError(f"Unknown file type {fmt!r}; a journey map is written as {', '.join(FORMATS)}")
    if isinstance(result, JourneyMapData):
        return {"png": map_png, "xlsx": map_xlsx, "csv": map_csv,
                "md": lambda m: map_markdown(m).encode("utf-8")}[fmt](result)
    if isinstance(result, MapComparisonData):
        return {"png": comparison_png, "xlsx": comparison_xlsx, "csv": comparison_csv,
                "md": lambda c: comparison_markdown(c).encode("utf-8")}[fmt](result)
    if isinstance(result, StageDetail):
        if fmt == "md":
            return result.to_text().encode("utf-8")
        if fmt == "csv":
            return csv_bytes(result.kpi_weeks)
        raise ToolInputError("One stage in detail is written as .md or .csv; draw the whole map for .png or .xlsx")
    raise ToolInputError(f"Cannot write a {type(result).__name__} as a journey map file")
