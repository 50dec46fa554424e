"""A photo's description is required with a photo and only then: its label says so, on the form of an
initiative and of a log entry, and the form holds to it."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.html import parse, text_of
from tests.initiatives.authoring_helpers import (
    create_errors,
    initiative_data,
    photo_upload,
    post_create,
)

pytestmark = pytest.mark.django_db

FORMS = [
    ("initiative", "id_cover_alt"),
    ("log entry", "id_image_alt"),
]


def form_page(client, which, initiative):
    if which == "initiative":
        return client.get(reverse("initiatives:initiative_create"))
    return client.get(reverse("initiatives:log_entry_create", kwargs={"slug": initiative.slug}))


def label_of(page, field_id):
    [label] = parse(page).select(f'label[for="{field_id}"]')
    return text_of(label)


@pytest.mark.parametrize(("which", "field_id"), FORMS)
def test_the_label_says_the_description_is_required_with_a_photo(team_client, initiative, which, field_id):
    label = label_of(form_page(team_client, which, initiative), field_id)

    assert label.endswith("(verplicht bij een foto)")
    assert "niet verplicht" not in label


@pytest.mark.parametrize(("which", "field_id"), FORMS)
def test_the_label_in_english(team_client, settings, initiative, which, field_id):
    team_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        label = label_of(form_page(team_client, which, initiative), field_id)

    assert label.endswith("(required with a photo)")
    assert "optional" not in label


def test_other_fields_that_may_stay_empty_are_still_marked_optional(team_client, initiative):
    page = form_page(team_client, "initiative", initiative)

    assert label_of(page, "id_links").endswith("(niet verplicht)")


def test_the_form_holds_to_the_label(client_logged_in, area, media_root):
    with_photo = create_errors(client_logged_in, initiative_data(area), {"cover_image": photo_upload()})
    without_photo = post_create(client_logged_in, initiative_data(area))

    assert "cover_alt" in with_photo
    assert without_photo.status_code == 302
