"""Every figure on the council dashboard, with its one written definition: what counts, from which date,
published content only. The dashboard page, its CSV and any later page all read them from here, so the
same figure never differs between two places.

Each figure is defined once, its words beside its code, in the module of its concern:

- `initiative_counts`: initiatives over time, by stage, by village or district, by origin;
- `support`: supporters, offers and requests of help, and how fast the municipality responds;
- `log`: what the logs tell, and the obstacles that come up;
- `analyses`: the case analyses published, and the flywheel concepts they describe;
- `samenwerkingslab`: the lab's sessions and signals, in counts only;
- `municipal_role`: the role the municipality takes.

Each figure runs a fixed, small number of aggregate queries, however much data there is.
"""

from django.utils.translation import gettext_lazy as _

from ..periods import Scope
from .analyses import ANALYSES_PUBLISHED, CONCEPTS_IN_ANALYSES
from .base import Chart, Figure, Result, Series
from .initiative_counts import (
    INITIATIVES_BY_AREA,
    INITIATIVES_BY_ORIGIN,
    INITIATIVES_BY_STAGE,
    INITIATIVES_OVER_TIME,
)
from .log import LOG_ENTRIES_BY_KIND, OBSTACLES_OVER_TIME
from .municipal_role import MUNICIPAL_ROLE
from .samenwerkingslab import SAMENWERKINGSLAB
from .support import RESPONSIVENESS, SUPPORT

__all__ = ["FIGURES", "Chart", "Figure", "Result", "Series", "compute_all", "headlines"]

# In the order of the page (and of its CSV).
FIGURES = [
    INITIATIVES_OVER_TIME,
    INITIATIVES_BY_STAGE,
    INITIATIVES_BY_AREA,
    INITIATIVES_BY_ORIGIN,
    SUPPORT,
    RESPONSIVENESS,
    LOG_ENTRIES_BY_KIND,
    ANALYSES_PUBLISHED,
    CONCEPTS_IN_ANALYSES,
    SAMENWERKINGSLAB,
    MUNICIPAL_ROLE,
    OBSTACLES_OVER_TIME,
]


def compute_all(scope: Scope) -> list[tuple[Figure, Result]]:
    return [(figure, figure.compute(scope)) for figure in FIGURES]


def headlines(results) -> list[tuple]:
    """The few numbers to read first, taken from the figures (no counting of their own): each links to the
    figure that defines it."""
    by_key = {figure.key: result for figure, result in results}
    published = sum(by_key["initiatives_by_origin"].series[0].values)
    support_numbers = {str(label): value for label, value, _unit in by_key["support"].numbers}
    response = by_key["responsiveness"].numbers
    lab = by_key["samenwerkingslab"].numbers
    return [
        (_("initiatives published"), published, "", "initiatives_by_origin"),
        (_("supporters"), support_numbers[str(_("supporters"))], "", "support"),
        (response[0][0], response[0][1], response[0][2], "responsiveness"),
        (response[1][0], response[1][1], response[1][2], "responsiveness"),
        (lab[0][0], lab[0][1], lab[0][2], "samenwerkingslab"),
    ]
