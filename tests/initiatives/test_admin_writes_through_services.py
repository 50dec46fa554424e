"""What a moderator changes in the management site goes through the initiatives' services, so it has the
same consequences as on the site: a new stage is dated, a deleted log entry leaves the search text, a
response is corrected or taken away only by a civil servant, and the knowledge base's "Analyse this
initiative" button is offered to whoever may write an analysis."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from initiatives.models import LogEntry, MunicipalResponse
from initiatives.services import municipality, search
from tests.accounts.factories import UserFactory, staff_in_role
from tests.html import elements, links, parse
from tests.initiatives.admin_helpers import change_url, fresh
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, MunicipalResponseFactory

from .test_admin_responses_and_contact import admin_form_data

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=200)


def test_a_new_stage_set_in_the_management_site_dates_from_now(moderator_client):
    initiative = InitiativeFactory(stage="running")
    type(initiative).objects.filter(pk=initiative.pk).update(stage_changed_at=LONG_AGO)
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data["stage"] = "completed"

    assert moderator_client.post(change_url(initiative), data).status_code == 302

    assert fresh(initiative).stage == "completed"
    assert fresh(initiative).stage_changed_at > timezone.now() - datetime.timedelta(minutes=1)


def test_other_changes_in_the_management_site_leave_the_stage_date_alone(moderator_client):
    initiative = InitiativeFactory(stage="running")
    type(initiative).objects.filter(pk=initiative.pk).update(stage_changed_at=LONG_AGO)
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data["tags"] = "speeltuin"

    assert moderator_client.post(change_url(initiative), data).status_code == 302

    assert fresh(initiative).stage_changed_at == LONG_AGO


def test_a_log_entry_deleted_in_the_management_site_is_no_longer_found_by_search(client):
    """Moderators correct log entries (and hide them); deleting one is the administrator's."""
    entry = LogEntryFactory(title="Regenton", text="Een regenton voor de moestuin.")
    search.initiative_reindex(initiative=entry.initiative)
    assert "regenton" in fresh(entry.initiative).search_document.lower()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(reverse("admin:initiatives_logentry_delete", args=[entry.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not LogEntry.objects.filter(pk=entry.pk).exists()
    assert "regenton" not in fresh(entry.initiative).search_document.lower()


def test_a_response_is_taken_away_in_the_management_site_only_by_whoever_may_delete_it(
    client, moderator_client
):
    """Moderators correct responses; deleting one is the administrator's (a superuser)."""
    answer = MunicipalResponseFactory(body="Per abuis geplaatst.")
    delete = reverse("admin:initiatives_municipalresponse_delete", args=[answer.pk])
    assert moderator_client.post(delete, {"post": "yes"}).status_code == 403
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:initiatives_municipalresponse_delete", args=[answer.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not MunicipalResponse.objects.filter(pk=answer.pk).exists()


def test_only_a_civil_servant_corrects_or_takes_away_a_response(user):
    answer = MunicipalResponseFactory(body="Eerste versie")

    for person in [user, staff_in_role("council"), staff_in_role("editors")]:
        with pytest.raises(PermissionDenied):
            municipality.municipal_response_update(response=answer, by=person, body="Anders")
        with pytest.raises(PermissionDenied):
            municipality.municipal_response_delete(response=answer, by=person)
    answer.refresh_from_db()
    assert answer.body == "Eerste versie"


def test_the_staff_update_service_refuses_whoever_may_not_moderate(user):
    initiative = InitiativeFactory()

    for person in [user, staff_in_role("council"), None]:
        with pytest.raises(PermissionDenied):
            municipality.initiative_staff_update(initiative=initiative, by=person, changed=["stage"])


@pytest.mark.parametrize(("role", "offered"), [("moderators", True), ("editors", True), ("council", False)])
def test_the_analyse_button_is_offered_to_whoever_may_write_an_analysis(client, role, offered):
    initiative = InitiativeFactory()
    client.force_login(staff_in_role(role))

    page = parse(client.get(change_url(initiative)))

    analyse = f"{reverse('admin:knowledgebase_caseanalysis_add')}?initiative={initiative.pk}"
    assert (analyse in links(page)) is offered
    assert elements(page, "h1")  # the page itself is there for every role that may view initiatives
