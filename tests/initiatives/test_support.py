"""Supporting an initiative: once per person, optionally named, and the road to a burgerinitiatief."""

from unittest import mock

import pytest
from django.urls import reverse

from initiatives.models import Support
from initiatives.services.participation import support_add, support_toggle, support_withdraw
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, SupportFactory, VerifiedUserFactory
from tests.initiatives.participation_helpers import messages_of, url
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


def support(client, initiative, action="support", **data):
    return client.post(url("support_toggle", initiative), {"action": action, **data})


def test_resident_supports_an_initiative_and_lands_back_at_the_support_block(client_logged_in, user):
    initiative = InitiativeFactory()

    response = support(client_logged_in, initiative)

    assert response.status_code == 302
    assert response.url == initiative.get_absolute_url() + "#steun"
    support_row = Support.objects.get(initiative=initiative, user=user)
    assert support_row.is_named is False


def test_resident_sees_the_count_and_can_withdraw_support(client_logged_in, user):
    initiative = InitiativeFactory()
    support(client_logged_in, initiative)

    page = client_logged_in.get(initiative.get_absolute_url())
    assert page.context["initiative"].support_count == 1
    assert 'value="withdraw"' in page.content.decode()

    response = support(client_logged_in, initiative, action="withdraw")

    assert response.status_code == 302
    assert not Support.objects.filter(initiative=initiative, user=user).exists()
    page = client_logged_in.get(initiative.get_absolute_url())
    assert page.context["initiative"].support_count == 0


def test_double_click_on_support_keeps_one_support(client_logged_in, user):
    initiative = InitiativeFactory()

    support(client_logged_in, initiative)
    support(client_logged_in, initiative)

    assert Support.objects.filter(initiative=initiative, user=user).count() == 1


def test_withdrawing_twice_is_harmless(client_logged_in, user):
    initiative = InitiativeFactory()
    SupportFactory(initiative=initiative, user=user)

    support(client_logged_in, initiative, action="withdraw")
    response = support(client_logged_in, initiative, action="withdraw")

    assert response.status_code == 302
    assert not Support.objects.filter(initiative=initiative).exists()


def test_supporter_chooses_to_show_their_name_and_changes_their_mind(client_logged_in, user):
    initiative = InitiativeFactory()

    support(client_logged_in, initiative, is_named="on")
    assert Support.objects.get(user=user).is_named is True

    support(client_logged_in, initiative)  # the checkbox left empty: "save my choice"

    assert Support.objects.get(user=user).is_named is False
    assert Support.objects.count() == 1


def test_named_supporter_is_shown_by_name_and_anonymous_supporter_is_not(client):
    initiative = InitiativeFactory()
    SupportFactory(
        initiative=initiative, is_named=True, user=VerifiedUserFactory(display_name="Zichtbare Zus")
    )
    SupportFactory(
        initiative=initiative, is_named=False, user=VerifiedUserFactory(display_name="Stille Siem")
    )

    response = client.get(initiative.get_absolute_url())

    content = response.content.decode()
    assert response.context["initiative"].support_count == 2
    assert "Zichtbare Zus" in content
    assert "Stille Siem" not in content


def test_supporter_name_with_html_is_escaped(client):
    initiative = InitiativeFactory()
    SupportFactory(initiative=initiative, is_named=True, user=VerifiedUserFactory(display_name="<b>Bold</b>"))

    content = client.get(initiative.get_absolute_url()).content.decode()

    assert "<b>Bold</b>" not in content
    assert "&lt;b&gt;Bold&lt;/b&gt;" in content


def test_anonymous_visitor_is_sent_to_login_and_back_to_the_initiative(client):
    initiative = InitiativeFactory()

    response = support(client, initiative)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "steun" in response.url
    assert initiative.slug in response.url
    assert not Support.objects.exists()


def test_anonymous_visitor_sees_a_login_link_instead_of_the_button(client):
    initiative = InitiativeFactory()

    content = client.get(initiative.get_absolute_url()).content.decode()

    assert reverse("account_login") in content
    assert url("support_toggle", initiative) not in content


def test_resident_without_confirmed_email_may_not_support(client):
    unverified = UserFactory()
    client.force_login(unverified)
    initiative = InitiativeFactory()

    response = support(client, initiative)

    assert response.status_code == 403
    assert not Support.objects.exists()


def test_inactive_account_cannot_support(client):
    inactive = VerifiedUserFactory(is_active=False)
    client.force_login(inactive)
    initiative = InitiativeFactory()

    response = support(client, initiative)

    # Django does not let an inactive account stay logged in: it is treated as a visitor.
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Support.objects.exists()


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_resident_cannot_support_an_unpublished_initiative(client_logged_in, state):
    initiative = InitiativeFactory(**{state: True})

    response = support(client_logged_in, initiative)

    assert response.status_code == 404
    assert not Support.objects.exists()


def test_team_member_cannot_support_own_draft(client):
    initiative = InitiativeFactory(draft=True)
    client.force_login(initiative.created_by)

    response = support(client, initiative)

    assert response.status_code == 403


def test_support_is_only_posted(client_logged_in):
    initiative = InitiativeFactory()

    assert client_logged_in.get(url("support_toggle", initiative)).status_code == 405


def test_unknown_action_is_refused_with_a_message_not_an_error(client_logged_in):
    initiative = InitiativeFactory()

    response = client_logged_in.post(url("support_toggle", initiative), {"action": "<script>"}, follow=True)

    assert response.status_code == 200
    assert not Support.objects.exists()
    assert messages_of(response)


def test_rate_limited_supporter_gets_a_friendly_message(client_logged_in, settings):
    settings.LOKET_POSTING_RATES = {"support": "2/h"}
    initiative = InitiativeFactory()
    support(client_logged_in, initiative)
    support(client_logged_in, initiative, action="withdraw")

    response = client_logged_in.post(url("support_toggle", initiative), {"action": "support"}, follow=True)

    assert response.status_code == 200
    assert not Support.objects.exists()
    assert any("short time" in message or "korte tijd" in message for message in messages_of(response))


def test_support_toggle_switches_on_and_off(user):
    initiative = InitiativeFactory()

    created = support_toggle(initiative=initiative, user=user, is_named=True)
    assert created is not None and created.is_named

    assert support_toggle(initiative=initiative, user=user) is None
    assert not Support.objects.exists()


def test_support_add_survives_a_racing_double_click(user):
    initiative = InitiativeFactory()
    existing = SupportFactory(initiative=initiative, user=user, is_named=False)

    # The other request created its support between our check and our insert.
    with mock.patch("django.db.models.query.QuerySet.first", return_value=None):
        result, created = support_add(initiative=initiative, user=user, is_named=True)

    assert created is False
    assert result.pk == existing.pk
    assert Support.objects.get().is_named is True


def test_support_withdraw_says_whether_there_was_support(user):
    initiative = InitiativeFactory()
    SupportFactory(initiative=initiative, user=user)

    assert support_withdraw(initiative=initiative, user=user) is True
    assert support_withdraw(initiative=initiative, user=user) is False


def _progress_by_reach(response):
    return {row["reach"]: row for row in response.context["progress"]}


def test_progress_counts_named_local_supporters_for_street_and_area_and_all_named_for_municipality(client):
    home, elsewhere = AreaFactory(), AreaFactory()
    initiative = InitiativeFactory(area=home)
    for _ in range(3):
        SupportFactory(initiative=initiative, is_named=True, user=VerifiedUserFactory(area=home))
    SupportFactory(initiative=initiative, is_named=True, user=VerifiedUserFactory(area=elsewhere))
    SupportFactory(initiative=initiative, is_named=True, user=VerifiedUserFactory(area=None))
    SupportFactory(initiative=initiative, is_named=False, user=VerifiedUserFactory(area=home))

    response = client.get(initiative.get_absolute_url())

    progress = _progress_by_reach(response)
    assert (progress["street"]["have"], progress["street"]["needed"], progress["street"]["missing"]) == (
        3,
        5,
        2,
    )
    assert (progress["area"]["have"], progress["area"]["needed"], progress["area"]["missing"]) == (3, 15, 12)
    assert (progress["municipality"]["have"], progress["municipality"]["needed"]) == (5, 50)
    content = response.content.decode()
    assert "Een voorstel voor een straat: 3 van de 5 steunbetuigers met naam." in " ".join(content.split())
    assert reverse("accounts:profile_edit") in content


def test_progress_says_when_the_street_threshold_is_reached(client):
    home = AreaFactory()
    initiative = InitiativeFactory(area=home)
    for _ in range(5):
        SupportFactory(initiative=initiative, is_named=True, user=VerifiedUserFactory(area=home))

    response = client.get(initiative.get_absolute_url())

    progress = _progress_by_reach(response)
    assert progress["street"]["reached"] is True
    assert progress["area"]["reached"] is False


def test_route_link_goes_to_the_configured_page_or_to_contact(client, settings):
    initiative = InitiativeFactory()

    settings.BURGERINITIATIEF_URL = ""
    assert reverse("contact") in client.get(initiative.get_absolute_url()).content.decode()

    settings.BURGERINITIATIEF_URL = "https://www.doetinchem.nl/burgerinitiatief"
    assert (
        "https://www.doetinchem.nl/burgerinitiatief"
        in client.get(initiative.get_absolute_url()).content.decode()
    )
