"""Shared by the tests of case analyses: the concepts of a flywheel, and the management site's pages for an
analysis with its form as the browser would post it."""

from django.urls import reverse

from flywheels.models import Concept
from tests.html import by_id, form_fields, parse

ADMIN_LIST = reverse("admin:knowledgebase_caseanalysis_changelist")
ADMIN_ADD = reverse("admin:knowledgebase_caseanalysis_add")


def admin_change(analysis) -> str:
    return reverse("admin:knowledgebase_caseanalysis_change", args=[analysis.pk])


def concepts_of(flywheel) -> list[Concept]:
    return list(Concept.objects.active().filter(flywheel__slug=flywheel).order_by("order"))


def concept(slug) -> Concept:
    return Concept.objects.get(slug=slug)


def form_data(response, **changes) -> dict:
    """The admin form on `response` as the browser would post it, with `changes` typed in."""
    sent = form_fields(by_id(parse(response), "caseanalysis_form"))
    return {**sent, **{name: [value] for name, value in changes.items()}}


def change_page(client, analysis):
    response = client.get(admin_change(analysis))
    assert response.status_code == 200
    return response
