"""The charts: SVG drawn on the server that a screen reader can name and describe, each bar and line chart
with its numbers in a table, heat maps shaded in five levels, and colours that stand out against white."""

import re

import pytest
from django.utils.formats import localize

from dashboard import charts
from dashboard.figures import Result, Series
from tests.dashboard.helpers import INDEX
from tests.dashboard.world import build
from tests.html import ancestor, by_id, elements, parse, text_of

pytestmark = pytest.mark.django_db

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@pytest.fixture
def page(council_client):
    build(8)
    response = council_client.get(INDEX, {"periode": "alles"})
    assert response.status_code == 200
    return response, parse(response)


def figures_of(response) -> dict:
    return {item["figure"].key: item for item in response.context["figures"]}


# --- Names and descriptions ---------------------------------------------------------------------------


def test_every_chart_is_an_image_named_by_its_title_and_described_by_its_desc(page):
    response, tree = page
    svgs = elements(tree, "svg", "loket-chart")

    drawn = [key for key, item in figures_of(response).items() if item["result"].chart in ("bars", "lines")]
    assert len(svgs) == len(drawn) > 0
    for svg in svgs:
        assert svg.get("role") == "img"
        ids = svg["aria-labelledby"].split()
        assert len(ids) == 2
        title, desc = (by_id(svg, identifier) for identifier in ids)
        assert title is not None and title.name == "title"
        assert desc is not None and desc.name == "desc"
        assert text_of(title) and text_of(desc)
        assert len(elements(tree, id=ids[0])) == 1  # ids are unique on the page


def test_every_svg_a_screen_reader_meets_is_a_named_image(page):
    _response, tree = page
    for svg in elements(tree, "svg"):
        if ancestor(svg, aria_hidden="true"):
            continue
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") or svg.get("aria-label")


def table_rows(table) -> list[tuple]:
    [body] = elements(table, "tbody")
    return [
        (text_of(elements(row, "th")[0]), [text_of(cell) for cell in elements(row, "td")])
        for row in elements(body, "tr")
    ]


def test_every_bar_and_line_chart_has_a_table_with_its_numbers(page):
    response, tree = page
    for key, item in figures_of(response).items():
        result = item["result"]
        if result.chart not in ("bars", "lines"):
            continue
        [section] = elements(tree, "section", id=f"figure-{key}")
        assert len(elements(section, "svg", "loket-chart")) == 1, key
        [table] = elements(section, "table", "loket-figure-table")
        [head] = elements(table, "thead")
        headers = [text_of(th) for th in elements(head, "th")]
        assert len(headers) == len(result.series), key
        expected = [
            (
                str(category),
                [
                    "-" if series.values[index] is None else str(localize(series.values[index]))
                    for series in result.series
                ],
            )
            for index, category in enumerate(result.categories)
        ]
        assert table_rows(table) == expected, key


def test_heat_maps_are_tables_whose_cells_carry_their_level(page):
    response, tree = page
    heat_figures = [key for key, item in figures_of(response).items() if item["result"].chart == "heat"]
    assert heat_figures
    for key in heat_figures:
        [section] = elements(tree, "section", id=f"figure-{key}")
        tables = elements(section, "table", "loket-heat")
        assert tables, key
        for table in tables:
            cells = elements(table, "td", "loket-heat__cell")
            values = [int(text_of(cell)) for cell in cells]
            top = max(values, default=0)
            for cell, value in zip(cells, values, strict=True):
                assert f"loket-heat__cell--{charts.heat_level(value, top)}" in cell["class"]


def test_lines_differ_by_dash_and_marker_not_only_by_colour():
    result = Result(
        chart="lines", categories=["a", "b"], series=[Series(str(n), [n, n + 1]) for n in range(4)]
    )

    drawing = charts.lines(result)

    styles = [(line["dash"], line["marker"]) for line in drawing["series"]]
    assert len(set(styles)) == 4
    assert len({dash for dash, _marker in styles}) == 4


def test_a_line_chart_draws_only_the_series_it_plots():
    result = Result(
        chart="lines",
        categories=["Q1", "Q2"],
        series=[Series("%", [50, None]), Series("days", [3.5, 120])],
        plot=[0],
    )

    drawing = charts.lines(result)

    assert [line["name"] for line in drawing["series"]] == ["%"]
    assert drawing["ticks"][-1][1] >= 50
    assert drawing["ticks"][-1][1] < 120  # the other series does not stretch the axis
    assert len(drawing["series"][0]["dots"]) == 1  # no dot for a quarter without a value


def test_bars_are_as_long_as_their_share_of_the_largest():
    result = Result(chart="bars", categories=["a", "b", "c"], series=[Series("n", [4, 2, 0])])

    widths = [row.width for row in charts.bars(result)["rows"]]

    assert widths == [charts.BAR_AREA, charts.BAR_AREA / 2, 0]


def test_bars_of_nothing_draw_nothing_without_dividing_by_zero():
    result = Result(chart="bars", categories=["a", "b"], series=[Series("n", [0, None])])

    assert [row.width for row in charts.bars(result)["rows"]] == [0, 0]


# --- Heat levels --------------------------------------------------------------------------------------


@pytest.mark.parametrize("top", [1, 2, 3, 7, 10, 100])
def test_heat_levels_run_from_0_for_nothing_to_4_for_the_most(top):
    levels = [charts.heat_level(value, top) for value in range(top + 1)]

    assert levels[0] == 0
    assert levels[-1] == 4
    assert all(level in range(5) for level in levels)
    assert levels == sorted(levels)
    assert all(level >= 1 for level in levels[1:])  # anything at all is shaded


def test_heat_level_of_an_empty_table_is_0():
    assert charts.heat_level(0, 0) == 0
    assert charts.heat_level(None, 5) == 0


# --- Colour -------------------------------------------------------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour like "#13655e"."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_knows_black_and_white():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)


@pytest.mark.parametrize("colour", charts.PALETTE)
def test_every_chart_colour_has_at_least_3_to_1_against_white(colour):
    assert HEX.match(colour)
    assert contrast(colour, "#ffffff") >= 3


def test_the_charts_on_the_page_use_only_the_palette(page):
    _response, tree = page
    used = set()
    for svg in elements(tree, "svg"):
        for element in elements(svg):
            for attribute in ("fill", "stroke"):
                if element.get(attribute):
                    used.add(element[attribute].lower())
    assert used
    assert used <= {colour.lower() for colour in charts.PALETTE}
