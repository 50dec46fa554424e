import pytest
from django.urls import reverse

from places.models import Area
from tests.html import elements, parse
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile_edit")


def test_anonymous_visitor_is_sent_to_login_for_the_profile(client):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={PROFILE}"


def test_member_sees_own_profile_form(client_logged_in, user):
    response = client_logged_in.get(PROFILE)

    assert response.status_code == 200
    assert response.context["form"].instance == user
    assert user.display_name in response.content.decode()


def test_member_changes_display_name_and_area(client_logged_in, user):
    gaanderen = Area.objects.get(slug="gaanderen")

    response = client_logged_in.post(PROFILE, {"display_name": "Bea B.", "area": gaanderen.pk})

    assert response.status_code == 302
    assert response.url == PROFILE
    user.refresh_from_db()
    assert user.display_name == "Bea B."
    assert user.area == gaanderen


def test_member_can_clear_the_area(client_logged_in, user):
    user.area = Area.objects.get(slug="wehl")
    user.save()

    client_logged_in.post(PROFILE, {"display_name": user.display_name, "area": ""})

    user.refresh_from_db()
    assert user.area is None


def test_profile_offers_only_active_areas(client_logged_in):
    Area.objects.filter(slug="wijnbergen").update(is_active=False)

    response = client_logged_in.get(PROFILE)

    offered = set(response.context["form"].fields["area"].queryset.values_list("slug", flat=True))
    assert "wijnbergen" not in offered
    assert offered == set(Area.objects.filter(is_active=True).values_list("slug", flat=True))
    assert len(offered) == 15


def test_member_cannot_choose_an_inactive_area(client_logged_in, user):
    retired = Area.objects.get(slug="wijnbergen")
    retired.is_active = False
    retired.save()

    response = client_logged_in.post(PROFILE, {"display_name": "Bea", "area": retired.pk})

    assert response.status_code == 200
    assert "area" in response.context["form"].errors
    user.refresh_from_db()
    assert user.area is None


def test_empty_display_name_shows_an_error_and_keeps_the_chosen_area(client_logged_in, user):
    wehl = Area.objects.get(slug="wehl")

    response = client_logged_in.post(PROFILE, {"display_name": "", "area": wehl.pk})

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    [chosen] = elements(parse(response), "option", value=str(wehl.pk))
    assert chosen.has_attr("selected")
    user.refresh_from_db()
    assert user.display_name == "Bea"
    assert user.area is None


def test_saving_the_profile_confirms_with_a_message_in_dutch(client_logged_in):
    response = client_logged_in.post(PROFILE, {"display_name": "Bea", "area": ""}, follow=True)

    messages = list(response.context["messages"])
    assert [message.level_tag for message in messages] == ["success"]
    assert str(messages[0]) != "Your profile has been saved."  # the English source: not translated


def test_profile_queries_do_not_grow_with_the_number_of_areas(
    client_logged_in, django_assert_num_queries, count_queries
):
    baseline = count_queries(lambda: client_logged_in.get(PROFILE))
    AreaFactory.create_batch(5)

    with django_assert_num_queries(baseline):
        response = client_logged_in.get(PROFILE)

    assert len(response.context["form"].fields["area"].queryset) == 21
