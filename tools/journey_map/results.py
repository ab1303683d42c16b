"""What the journey map tool returns: a map or two maps side by side, each with its renderings
(`to_text` for a terminal or Slack, `to_frame` for the rows, `attachments` for the picture and
the spreadsheet). The numbers are the data classes of types.py; the renderings are the
functions of tables.py, markdown.py, picture.py and spreadsheet.py, which take those numbers.
One stage in detail, the third answer, is `StageDetail` in stage.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tools.core.results import Attachment, ResultMixin
from tools.journey_map.markdown import comparison_markdown, map_markdown
from tools.journey_map.picture import comparison_png, map_png
from tools.journey_map.spreadsheet import comparison_xlsx, map_xlsx
from tools.journey_map.tables import map_numbers
from tools.journey_map.types import JourneyMapData, MapComparisonData


@dataclass(frozen=True)
class JourneyMap(JourneyMapData, ResultMixin):
    """One journey map (see build.py): its numbers and their renderings."""

    def to_frame(self) -> pd.DataFrame:
        return map_numbers(self)

    def to_text(self, details: bool = False) -> str:
        return map_markdown(self, grid="aligned", details=details)

    def attachments(self) -> list[Attachment]:
        """The picture and the spreadsheet, for Slack and documents."""
        return [Attachment("journey-map.png", map_png(self), "Journey map"),
                Attachment("journey-map.xlsx", map_xlsx(self), "Journey map (spreadsheet)")]


@dataclass(frozen=True)
class MapComparison(MapComparisonData, ResultMixin):
    """Two maps side by side (see build.compare_maps): every item of both, the notable
    differences, and their renderings. `to_frame` is the differences, one per row."""

    def to_text(self, details: bool = False) -> str:
        return comparison_markdown(self, grid="aligned", details=details)

    def attachments(self) -> list[Attachment]:
        return [Attachment("journey-maps.png", comparison_png(self), "Journey maps side by side"),
                Attachment("journey-maps.xlsx", comparison_xlsx(self), "Journey maps side by side (spreadsheet)")]
