"""The figures of a scope, kept in the cache under a version that every write to what they count replaces.

Not a cached page (a signed-in page is never cached): only the numbers, the same for every council member,
so that a second look at a period costs no counting at all. The first look counts in the database, cheaply
(dashboard.monthly). The version is a scoped version of the public content (core/content_version.py),
replaced by the writes to what the figures count only, at the write and again after its commit: figures
counted while the write was not yet committed are not kept. Figures that depend on the clock (a promised
response time that passes, a lab session that ends) are at most `TIMEOUT` old."""

from django.utils import translation
from django.utils.http import urlencode

from core import content_version
from flywheels.models import Concept, Flywheel
from initiatives.models import HelpOffer, HelpRequest, Initiative, LogEntry, MunicipalResponse, Support
from knowledgebase.models import CaseAnalysis, ConceptFinding
from lab.models import LabSession, Registration, Signal
from places.models import Area

from .figures import FIGURES, compute_all

SCOPE = "dashboard"
TIMEOUT = 10 * 60

# Everything a figure reads (MunicipalResponse: the first response is set past Initiative.save()).
COUNTED = [
    Initiative,
    LogEntry,
    Support,
    HelpRequest,
    HelpOffer,
    MunicipalResponse,
    CaseAnalysis,
    ConceptFinding,
    LabSession,
    Registration,
    Signal,
    Area,
    Flywheel,
    Concept,
]


def _name(scope) -> str:
    """What the figures depend on besides the data: the language, the period and the place."""
    start = scope.start.isoformat() if scope.start else ""
    area = scope.area.pk if scope.area else ""
    return f"{translation.get_language()}:{start}:{scope.end.isoformat()}:{area}:{len(FIGURES)}"


def figures_for(scope) -> list[tuple]:
    """compute_all(scope), from the cache when no write came after it was counted."""

    def results():
        return [result for _figure, result in compute_all(scope)]

    kept = content_version.cached(SCOPE, _name(scope), results, TIMEOUT)
    return list(zip(FIGURES, kept, strict=True))


def rendered_for(scope, render) -> str:
    """The HTML of the figures of `scope` (`render()` makes it, from figures_for(scope)), rendered once
    per version: drawing a dozen charts costs more than reading their numbers."""
    return content_version.cached(SCOPE, _name(scope) + ":html", render, TIMEOUT)


def form_html(form) -> str:
    """The HTML of the period form as asked (drawing its options costs more than a page of kept figures),
    kept per language and answers; a form with errors is drawn each time."""
    if form.is_bound and not form.is_valid():
        return str(form)
    asked = (
        urlencode(sorted((name, form.data.get(name, "")) for name in form.fields)) if form.is_bound else ""
    )
    return content_version.cached(SCOPE, f"form:{translation.get_language()}:{asked}", form.__str__, TIMEOUT)


def forget_figures(**kwargs):
    """After any write the figures count (and after dashboard.monthly.rebuild): count anew."""
    content_version.changed(SCOPE)


def connect():
    content_version.watch(SCOPE, COUNTED)
