"""The flywheels drawn as wheels: where each concept sits on its circle, for the inline SVG."""

import math
from dataclasses import dataclass

SIZE = 640  # the drawing's coordinate space; the browser scales it to the width available
CENTRE = SIZE / 2
RING = 200  # radius of the wheel the concepts sit on
LABEL = 244  # radius where their names start
LINE_HEIGHT = 30  # of a name's lines, in the drawing's units (the CSS sets the type size to match)
MAX_LINE = 14  # characters on a line of a name, before it wraps


@dataclass(frozen=True)
class Spoke:
    concept: object
    number: int
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor: where the name hangs from its point
    lines: tuple[str, ...]


def _wrap(text: str) -> tuple[str, ...]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > MAX_LINE:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return (*lines, line) if line else tuple(lines)


def spokes(concepts) -> list[Spoke]:
    """The concepts clockwise from the top, in their order on the wheel."""
    concepts = list(concepts)
    result = []
    for index, concept in enumerate(concepts):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(concepts), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.2 else "start" if cos > 0 else "end"
        lines = _wrap(concept.label)
        # Names below the wheel hang down from their point; above it they end at it.
        label_y = CENTRE + LABEL * sin - (len(lines) - 1) * LINE_HEIGHT * (sin < -0.2) + 8
        result.append(
            Spoke(
                concept=concept,
                number=index + 1,
                x=round(CENTRE + RING * cos, 1),
                y=round(CENTRE + RING * sin, 1),
                label_x=round(CENTRE + LABEL * cos, 1),
                label_y=round(label_y, 1),
                anchor=anchor,
                lines=lines,
            )
        )
    return result
