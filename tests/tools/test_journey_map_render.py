"""The map as a picture, a spreadsheet, CSV and Markdown: the picture is looked at (size,
not blank, the colours where the stages are), the spreadsheet opens with pandas in the
expected layout."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from chart_checks import off_canvas, overlapping_texts
from journey_map_fixtures import hand_map
from matplotlib.colors import to_rgb
from matplotlib.image import imread
from matplotlib.text import Text
from openpyxl import load_workbook

from tools.charts.journey import BAD, GOOD
from tools.core.errors import ToolInputError
from tools.core.stages import STAGES
from tools.journey_map.build import compare_maps
from tools.journey_map.markdown import map_markdown
from tools.journey_map.picture import (
    COL_W,
    FIG_DPI,
    HEADER_TOP,
    LEFT,
    comparison_figure,
    map_figure,
    map_png,
)
from tools.journey_map.render import render_file
from tools.journey_map.spreadsheet import HEALTH_FILLS, map_xlsx
from tools.journey_map.tables import GRID_ROWS, map_csv, map_grid, map_numbers


@pytest.fixture(scope="module")
def m():
    return hand_map()


def pixels(png: bytes) -> np.ndarray:
    return imread(io.BytesIO(png), format="png")[:, :, :3]


def header_colour(img: np.ndarray, i: int, right: bool = False) -> np.ndarray:
    """The colour inside stage i's header box, away from its text (left or right part)."""
    x = LEFT + i * COL_W + (COL_W * (0.9 if right else 0.06))
    return img[int((HEADER_TOP + 0.08) * FIG_DPI), int(x * FIG_DPI)]


def test_the_picture_has_a_sensible_size_is_not_blank_and_colours_the_stages(m):
    img = pixels(map_png(m))
    assert img.shape[1] == 1600 and 900 < img.shape[0] < 1600
    assert img.std() > 0.1  # a blank or single-colour image is ~0
    inked = (img < 0.9).any(axis=2).mean()
    assert 0.05 < inked < 0.6, inked  # text, boxes and lines, on a mostly white page
    assert np.allclose(header_colour(img, STAGES.index("decision")), to_rgb(BAD), atol=0.02)
    assert np.allclose(header_colour(img, STAGES.index("awareness")), to_rgb(GOOD), atol=0.02)
    # The feeling line crosses the columns: the blue of the line is drawn in its band.
    feeling = map_figure(m).axes[1]
    band = img[int(img.shape[0] * (1 - feeling.get_position().y1)):int(img.shape[0] * (1 - feeling.get_position().y0))]
    assert (np.abs(band - np.array(to_rgb("#3b6ea8"))).sum(axis=2) < 0.05).sum() > 200


def test_the_picture_keeps_everything_on_the_page_and_in_words(m):
    fig = map_figure(m)
    assert off_canvas(fig) == []
    assert overlapping_texts(fig) == []  # no column runs into the next, no label over a line
    shown = [t.get_text() for t in fig.findobj(Text)]
    assert "product view: 90 customers" in shown and not any("product_view" in t for t in shown)
    assert fig.axes[1].get_yticks().tolist() == [-1, 0, 1]
    assert any("-1" in t and "+1" in t and "negative" in t for t in shown)  # the feeling axis says what it is
    # Better or worse in words next to the colour; a value is never split over two lines.
    assert "  +42.0 pp, worse ▼" in shown and "Cart abandonment: 72.0%" in shown
    # Every opportunity is there in full, the last line ending with its last word.
    last = m.opportunities[-1].shown.split()[-1]
    assert any(t.rstrip().endswith(last) for t in shown)
    quotes = [t for t in shown if t.startswith('"') or t.endswith('…') or t.endswith('"')]
    assert all(not q.endswith("...") for q in quotes)  # cut quotes end in an ellipsis character


def test_the_same_map_gives_the_same_picture(m):
    assert map_png(m) == map_png(m)


def test_the_spreadsheet_opens_with_pandas_with_stages_as_columns(m):
    sheets = pd.read_excel(io.BytesIO(map_xlsx(m)), sheet_name=None, header=None)
    assert list(sheets) == ["Journey map", "Numbers", "How"]
    grid = sheets["Journey map"]
    assert grid.iloc[0, 0] == "Journey map: all customers"
    assert list(grid.iloc[3, 1:]) == list(STAGES)
    assert list(grid.iloc[4:, 0]) == list(GRID_ROWS)
    body = grid.iloc[4:, 1:].set_axis(GRID_ROWS).set_axis(list(STAGES), axis=1)
    assert list(body.loc["Health"]) == ["green", "green", "red", "green", "green", "green"]
    assert body.loc["Touchpoints", "decision"] == ("product view: 90 customers\nin-store visit: 30 customers (offline)")
    assert body.loc["What customers do", "decision"] == "Looked at a product page\nVisited the shop"
    assert body.loc["Emotion", "decision"] == "mean sentiment -0.40 (40 texts)\ndown -0.70 (was +0.30)"
    assert body.loc["Pain points", "decision"].startswith("pay / payment / card (30 texts, new)\n"
                                                          '  "Card declined three times at checkout')
    assert body.loc["KPIs", "decision"] == "Cart abandonment: 72.0% (was 30.0%, worse)"
    assert body.loc["Opportunities", "decision"].startswith("Cart abandonment got worse: 72.0% against 30.0%")
    assert body.loc["On to the next stage", "decision"] == ("70.0% go on to purchase (175 of 250)\n"
                                                            "was 88.0% the period before\nmedian time 12.0 hours")
    numbers = pd.read_excel(io.BytesIO(map_xlsx(m)), sheet_name="Numbers")
    expected = map_numbers(m)
    # Durations are formatted as time, so a spreadsheet reader reads them back as times of day.
    timed = (expected["unit"] == "duration").to_numpy()
    assert {str(v) for v in numbers.loc[timed, "value"]} == {"12:00:00"}  # 0.5 days: 12 hours
    pd.testing.assert_frame_equal(numbers[~timed].astype(object).fillna(""),
                                  expected[~timed].astype(object).fillna(""), check_dtype=False)


def test_the_numbers_sheet_formats_each_number_in_its_unit_with_filters_and_a_frozen_header(m):
    wb = load_workbook(io.BytesIO(map_xlsx(m)))
    ws = wb["Numbers"]
    head = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:H{ws.max_row}"
    rows = {(r[0].value, r[2].value): r for r in ws.iter_rows(min_row=2)}
    value, previous = head.index("value"), head.index("previous")
    rate = rows[("decision", "go-on rate to purchase")]
    assert rate[value].number_format == "0.0%" and rate[previous].number_format == "0.0%"
    assert rate[value].value == pytest.approx(0.7)  # the number stays a number: 70.0% on screen
    assert rows[("decision", "median time to purchase")][value].number_format == '[h]"h "mm"m"'
    assert rows[("purchase", "Average order value")][value].number_format == '"£"#,##0.00'
    assert rows[("decision", "Cart abandonment")][value].number_format == "0.0%"
    assert rows[("decision", "customers reaching the stage")][value].number_format == "#,##0"
    assert rows[("decision", "mean sentiment")][value].number_format == "+0.00;-0.00;0.00"
    assert rows[("decision", "product view")][head.index("n")].number_format == "#,##0"
    how = wb["How"]
    assert how.freeze_panes == "A2" and how.auto_filter.ref.startswith("A1:C")
    assert how.column_dimensions["B"].width >= 80 and how["B2"].alignment.wrap_text


def test_the_spreadsheet_colours_each_stage_by_its_health(m):
    ws = load_workbook(io.BytesIO(map_xlsx(m)))["Journey map"]
    fills = [ws.cell(row=4, column=j).fill.fgColor.rgb[-6:] for j in range(2, 8)]
    assert fills == [HEALTH_FILLS[s.health] for s in m.stages]


def test_the_csv_is_the_grid(m):
    grid = pd.read_csv(io.BytesIO(map_csv(m)), index_col=0, encoding="utf-8-sig")
    assert list(grid.columns) == list(STAGES) and list(grid.index) == list(GRID_ROWS)
    pd.testing.assert_frame_equal(grid, map_grid(m), check_names=False)


def test_markdown_for_a_file_and_text_for_the_terminal(m):
    md = map_markdown(m)
    assert md.startswith("# Journey map: all customers\n")
    assert "|  | awareness | consideration | decision | purchase | post-purchase | advocacy |" in md
    assert "## Decision: red" in md and '    > "Card declined three times at checkout' in md
    assert "1. [red] decision: Cart abandonment got worse" in md
    text = m.to_text()
    assert "```\nstage          health  customers  go-on rate  median time  feeling  pain points" in text
    assert "go-on rate: of the customers who reached a step, the share who went on" in text
    assert "decision       RED           250       70.0%   12.0 hours    -0.40            1" in text


def test_a_comparison_renders_both_maps_and_highlights_what_differs(m):
    calm = hand_map(checkout_broken=False, first=m.first_day.replace(day=24, month=8))
    c = compare_maps(m, calm, "this week", "last week")
    img = pixels(render_file(c, "png"))
    assert img.shape[1] == 1600 and img.std() > 0.1
    assert off_canvas(comparison_figure(c)) == [] and overlapping_texts(comparison_figure(c)) == []
    d = STAGES.index("decision")
    assert np.allclose(header_colour(img, d), to_rgb(BAD), atol=0.02)  # left half: this week, red
    assert np.allclose(header_colour(img, d, right=True), to_rgb(GOOD), atol=0.02)  # right: last week
    wb = load_workbook(io.BytesIO(render_file(c, "xlsx")))
    assert wb.sheetnames == ["Differences", "Left map", "Right map"]
    diff = pd.read_excel(io.BytesIO(render_file(c, "xlsx")), sheet_name="Differences")
    assert list(diff.columns) == ["stage", "item", "this week", "last week", "change", "verdict", "notable"]
    ws = wb["Differences"]
    row = next(i for i in range(2, ws.max_row + 1)
               if ws.cell(i, 1).value == "decision" and ws.cell(i, 2).value == "Cart abandonment")
    assert ws.cell(row, 1).fill.fgColor.rgb[-6:] == "F4CCCC"  # worse this week: red
    quiet = next(i for i in range(2, ws.max_row + 1)
                 if ws.cell(i, 1).value == "awareness" and ws.cell(i, 2).value == "Web sessions")
    assert ws.cell(quiet, 1).fill.fill_type is None
    md = render_file(c, "md").decode()
    assert "- decision, Cart abandonment: 72.0% against 31.0% (+41.0 pp), worse" in md
    assert pd.read_csv(io.BytesIO(render_file(c, "csv")), encoding="utf-8-sig").shape[1] == 7


def test_unknown_file_types_are_refused(m):
    with pytest.raises(ToolInputError, match="Unknown file type 'pdf'; a journey map is written as png, xlsx, csv, md"):
        render_file(m, "pdf")
