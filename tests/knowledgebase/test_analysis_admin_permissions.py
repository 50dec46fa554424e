"""Who may do what with case analyses in the management site (/beheer/): moderators and editors write them,
the council may read them, residents and anonymous visitors are sent to log in."""

import pytest
from django.urls import reverse

from knowledgebase.models import CaseAnalysis, PublicationState
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.analysis_helpers import (
    ADMIN_ADD,
    ADMIN_LIST,
    admin_change,
    change_page,
    concepts_of,
    form_data,
)
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db


# --- The management site: who may do what -------------------------------------------------------------


def _minimal_add_data(initiative, slug):
    return {
        "initiative": str(initiative.pk),
        "title": "Analyse door de ambtenaar",
        "slug": slug,
        "summary": "Wat we zagen.",
        "state": PublicationState.DRAFT,
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "1000",
        "findings-0-concept": str(concepts_of("samenleving")[0].pk),
        "findings-0-happened": "Het begon op een verjaardag.",
    }


def test_moderator_may_add_an_analysis(client):
    moderator = staff_in_role("moderators")
    client.force_login(moderator)
    initiative = InitiativeFactory()

    response = client.post(
        f"{ADMIN_ADD}?initiative={initiative.pk}", _minimal_add_data(initiative, "door-moderator")
    )

    assert response.status_code == 302
    analysis = CaseAnalysis.objects.get(slug="door-moderator")
    assert analysis.written_by == moderator
    assert analysis.findings.get().happened == "Het begon op een verjaardag."


def test_moderator_opens_the_add_page(client):
    client.force_login(staff_in_role("moderators"))

    assert client.get(ADMIN_ADD, {"initiative": InitiativeFactory().pk}).status_code == 200


def test_moderator_may_change_an_analysis(client):
    client.force_login(staff_in_role("moderators"))
    analysis = CaseAnalysisFactory(title="Oude titel")
    page = change_page(client, analysis)

    response = client.post(admin_change(analysis), form_data(page, title="Nieuwe titel"))

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.title == "Nieuwe titel"


def test_council_member_may_view_analyses_in_the_management_site(client):
    client.force_login(staff_in_role("council"))
    analysis = CaseAnalysisFactory()

    assert client.get(ADMIN_LIST).status_code == 200
    response = client.get(admin_change(analysis))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_council_member_may_not_add_an_analysis(client):
    client.force_login(staff_in_role("council"))
    initiative = InitiativeFactory()

    assert client.get(ADMIN_ADD).status_code == 403
    response = client.post(
        f"{ADMIN_ADD}?initiative={initiative.pk}", _minimal_add_data(initiative, "door-raad")
    )
    assert response.status_code == 403
    assert not CaseAnalysis.objects.filter(slug="door-raad").exists()


def test_council_member_may_not_change_an_analysis(client):
    client.force_login(staff_in_role("council"))
    analysis = CaseAnalysisFactory(title="Blijft zo")
    page = change_page(client, analysis)

    response = client.post(admin_change(analysis), {**form_data(page), "title": ["Door de raad"]})

    assert response.status_code == 403
    analysis.refresh_from_db()
    assert analysis.title == "Blijft zo"


@pytest.mark.parametrize("url", ["list", "add", "change"])
def test_resident_is_sent_to_login_from_the_analyses_in_the_management_site(client, user, url):
    client.force_login(user)
    analysis = CaseAnalysisFactory()
    address = {"list": ADMIN_LIST, "add": ADMIN_ADD, "change": admin_change(analysis)}[url]

    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitor_is_sent_to_login_from_the_analyses_in_the_management_site(client):
    response = client.get(ADMIN_LIST, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
