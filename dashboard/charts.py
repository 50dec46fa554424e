"""Charts drawn on the server as SVG: the geometry here, the markup in templates/dashboard/includes/.
Every chart also has its numbers in a table beside it; colours reach 3:1 against white, and lines differ
by dash and marker too, not by colour alone."""

from dataclasses import dataclass

# Dark enough for 3:1 against white (WCAG 1.4.11), and told apart by dash and marker as well.
PALETTE = ["#13655e", "#9a4414", "#3b4ca8", "#6b2f7a"]
DASHES = ["", "8 4", "3 3", "12 4 3 4"]
MARKERS = ["circle", "square", "triangle", "diamond"]

BAR_ROW = 34
BAR_WIDTH = 480  # the drawing's width; the browser scales it to the card
LABEL_WIDTH = 230
BAR_AREA = 200
LINE_WIDTH, LINE_HEIGHT, LINE_LEFT, LINE_BOTTOM, LINE_RIGHT = 560, 260, 44, 44, 52


@dataclass
class Bar:
    label: str
    value: int
    y: float
    width: float


def bars(result) -> dict:
    """Horizontal bars, one row per category, the value at the end of each bar."""
    values = result.series[0].values if result.series else []
    top = max([value or 0 for value in values], default=0) or 1
    rows = [
        Bar(label=label, value=value or 0, y=index * BAR_ROW, width=round(BAR_AREA * (value or 0) / top, 1))
        for index, (label, value) in enumerate(zip(result.categories, values, strict=True))
    ]
    return {
        "rows": rows,
        "width": BAR_WIDTH,
        "height": max(len(rows), 1) * BAR_ROW,
        "label_width": LABEL_WIDTH,
        "colour": PALETTE[0],
    }


def _ticks(top):
    step = max(1, round(top / 4))
    return list(range(0, top + step, step))


def lines(result) -> dict:
    """One line per series over the categories (months or quarters), with a value axis from 0."""
    count = len(result.categories)
    plotted = [result.series[index] for index in result.plot] if result.plot is not None else result.series
    values = [value for series in plotted for value in series.values if value is not None]
    top = max(values, default=0)
    top = int(top) + 1 if top else 1
    ticks = _ticks(top)
    top = ticks[-1]
    plot_width, plot_height = LINE_WIDTH - LINE_LEFT - LINE_RIGHT, LINE_HEIGHT - LINE_BOTTOM - 10

    def x(index):
        return round(LINE_LEFT + (plot_width * index / (count - 1) if count > 1 else plot_width / 2), 1)

    def y(value):
        return round(10 + plot_height - plot_height * value / top, 1)

    drawn = []
    for number, series in enumerate(plotted):
        points = [(x(i), y(v)) for i, v in enumerate(series.values) if v is not None]
        drawn.append(
            {
                "name": series.name,
                "points": " ".join(f"{px},{py}" for px, py in points),
                "dots": points,
                "colour": PALETTE[number % len(PALETTE)],
                "dash": DASHES[number % len(DASHES)],
                "marker": MARKERS[number % len(MARKERS)],
            }
        )
    every = max(1, (count + 5) // 6)  # at most about six labels under the axis
    labels = [(x(i), label) for i, label in enumerate(result.categories) if i % every == 0]
    return {
        "width": LINE_WIDTH,
        "height": LINE_HEIGHT,
        "series": drawn,
        "labels": labels,
        "ticks": [(y(tick), tick) for tick in ticks],
        "left": LINE_LEFT,
        "right": LINE_WIDTH - LINE_RIGHT,
        "bottom": LINE_HEIGHT - LINE_BOTTOM + 22,
    }


def heat_level(value, top) -> int:
    """0 (none) to 4 (the most): the shade of a cell in a heat map table."""
    if not value or not top:
        return 0
    return min(4, 1 + int(3 * value / top))


def heat(categories, series) -> dict:
    """A table whose cells are shaded by their number."""
    top = max([value for row in series for value in row.values], default=0)
    return {
        "columns": categories,
        "rows": [
            {
                "name": row.name,
                "cells": [(value, heat_level(value, top)) for value in row.values],
                "total": sum(row.values),
            }
            for row in series
        ],
    }


def table(result) -> dict:
    """The chart's numbers by row: a category with the value of each series."""
    return {
        "columns": [series.name for series in result.series],
        "rows": [
            (category, [series.values[index] for series in result.series])
            for index, category in enumerate(result.categories)
        ],
    }
