"""Registering an initiative: /initiatieven/nieuw/ (views.editing.create, services.authoring)."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from initiatives.choices import (
    FixedPath,
    GovernmentRole,
    Origin,
    ParticipationStep,
    PublicationState,
    Stage,
    TeamRole,
)
from initiatives.forms.authoring import InitiativeForm, InvitationForm
from initiatives.models import Initiative, TeamMembership
from initiatives.services.authoring import initiative_unique_slug
from tests.accounts.factories import UserFactory
from tests.flywheels.factories import ConceptFactory
from tests.initiatives.authoring_helpers import (
    HOSTILE_STRINGS,
    initiative_data,
    jpeg_bytes,
    jpeg_with_gps,
    photo_upload,
    upload,
)
from tests.initiatives.factories import InitiativeFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded photos go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


URL = reverse("initiatives:initiative_create")
TEXT_FIELDS = ["title", "summary", "story", "tags", "cover_alt", "links"]


@pytest.fixture
def area():
    return AreaFactory()


def post(client, data, files=None):
    return client.post(URL, {**data, **(files or {})})


# Who may register --------------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert "next=" in response.url


def test_resident_with_unconfirmed_email_gets_an_explanation_not_a_form(client, area):
    resident = UserFactory()
    client.force_login(resident)

    response = client.get(URL)

    assert response.status_code == 403
    assert response.context["needs_verified_email"]
    assert "form" not in response.context
    assert reverse("account_email").encode() in response.content


def test_resident_with_unconfirmed_email_cannot_post_either(client, area):
    client.force_login(UserFactory())

    response = post(client, initiative_data(area))

    assert response.status_code == 403
    assert not Initiative.objects.exists()


def test_confirmed_resident_sees_the_form(client_logged_in, area):
    response = client_logged_in.get(URL)

    assert response.status_code == 200
    assert isinstance(response.context["form"], InitiativeForm)
    assert b'enctype="multipart/form-data"' in response.content
    assert b'name="website"' in response.content  # the honeypot


# Happy path --------------------------------------------------------------------------------------------


def test_resident_registers_a_draft_and_becomes_its_initiator(client_logged_in, user, area):
    concept = ConceptFactory()

    response = post(client_logged_in, initiative_data(area, concepts=[str(concept.pk)]))

    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response.url == initiative.get_absolute_url()
    assert initiative.title == "Natuurspeelplaats De Huet"
    assert initiative.slug == "natuurspeelplaats-de-huet"
    assert initiative.publication_state == PublicationState.DRAFT
    assert initiative.published_at is None
    assert initiative.created_by == user
    assert initiative.area == area
    assert sorted(initiative.tags.names()) == ["groen", "spelen"]
    assert list(initiative.concepts.all()) == [concept]
    membership = TeamMembership.objects.get(initiative=initiative)
    assert (membership.user, membership.role) == (user, TeamRole.INITIATOR)
    assert "Natuurspeelplaats" in Initiative.objects.get().search_document


def test_after_registering_the_resident_is_told_it_is_a_draft(client_logged_in, area):
    response = client_logged_in.post(URL, initiative_data(area), follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    assert response.context["initiative"].publication_state == PublicationState.DRAFT


def test_a_new_draft_is_not_public(client, client_logged_in, area):
    post(client_logged_in, initiative_data(area))
    initiative = Initiative.objects.get()
    client_logged_in.logout()

    response = client.get(initiative.get_absolute_url())

    assert response.status_code == 404


def test_society_initiative_records_the_municipalitys_role(client_logged_in, area):
    post(client_logged_in, initiative_data(area, government_role=GovernmentRole.FACILITATE))

    initiative = Initiative.objects.get()
    assert initiative.government_role == GovernmentRole.FACILITATE
    assert initiative.participation_step == ""


def test_municipal_initiative_records_the_participation_step(client_logged_in, area):
    data = initiative_data(area, origin=Origin.MUNICIPALITY, participation_step=ParticipationStep.CODECIDE)

    post(client_logged_in, data)

    initiative = Initiative.objects.get()
    assert initiative.participation_step == ParticipationStep.CODECIDE
    assert initiative.government_role == ""


def test_links_are_stored_one_per_line(client_logged_in, area):
    links = "  https://natuurspeelplaats.nl  \n\nhttp://facebook.com/dehuet\n"

    post(client_logged_in, initiative_data(area, links=links))

    assert Initiative.objects.get().link_list == [
        "https://natuurspeelplaats.nl",
        "http://facebook.com/dehuet",
    ]


# Wrong input -------------------------------------------------------------------------------------------


def form_errors(client, data, files=None):
    response = post(client, data, files)
    assert response.status_code == 200, response.status_code
    assert not Initiative.objects.exists()
    return response.context["form"].errors


@pytest.mark.parametrize("field", ["title", "summary", "story", "area", "origin", "stage"])
def test_required_fields_must_be_filled_in(client_logged_in, area, field):
    errors = form_errors(client_logged_in, initiative_data(area, **{field: ""}))

    assert field in errors


@pytest.mark.parametrize(
    ("field", "length"), [("title", 121), ("summary", 301), ("story", 20_001), ("cover_alt", 201)]
)
def test_too_long_text_is_refused(client_logged_in, area, field, length):
    errors = form_errors(client_logged_in, initiative_data(area, **{field: "x" * length}))

    assert field in errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("origin", "aliens"),
        ("stage", "dreaming"),
        ("area", "999999"),
        ("area", "de-huet"),
        ("government_role", "rule_everything"),
        ("participation_step", "ignore"),
        ("concepts", "999999"),
    ],
)
def test_unknown_choices_are_refused(client_logged_in, area, field, value):
    errors = form_errors(client_logged_in, initiative_data(area, **{field: value}))

    assert field in errors


def test_inactive_area_cannot_be_chosen(client_logged_in):
    closed = AreaFactory(is_active=False)

    errors = form_errors(client_logged_in, initiative_data(closed))

    assert "area" in errors


def test_participation_step_does_not_fit_a_society_initiative(client_logged_in, area):
    data = initiative_data(area, origin=Origin.SOCIETY, participation_step=ParticipationStep.INFORM)

    errors = form_errors(client_logged_in, data)

    assert "participation_step" in errors


def test_government_role_does_not_fit_a_municipal_initiative(client_logged_in, area):
    data = initiative_data(area, origin=Origin.MUNICIPALITY, government_role=GovernmentRole.LET_GO)

    errors = form_errors(client_logged_in, data)

    assert "government_role" in errors


@pytest.mark.parametrize(
    "links",
    [
        "javascript:alert(1)",
        "ftp://example.org/bestand",
        "gewoon tekst",
        "https://",
        "\n".join(f"https://example.org/{n}" for n in range(6)),
        "https://example.org/" + "a" * 400,
    ],
)
def test_bad_links_are_refused(client_logged_in, area, links):
    errors = form_errors(client_logged_in, initiative_data(area, links=links))

    assert "links" in errors


@pytest.mark.parametrize(
    "tags", [", ".join(f"thema{n}" for n in range(11)), "x" * 51, "!!!, ???", '"<script>"']
)
def test_bad_themes_are_refused(client_logged_in, area, tags):
    if tags == '"<script>"':
        post(client_logged_in, initiative_data(area, tags=tags))  # letters: a harmless, escaped theme
        assert Initiative.objects.get().tags.names()[0] == "<script>"
        return
    errors = form_errors(client_logged_in, initiative_data(area, tags=tags))

    assert "tags" in errors


def test_filled_in_honeypot_saves_nothing(client_logged_in, area):
    errors = form_errors(client_logged_in, initiative_data(area, website="https://spam.example"))

    assert "__all__" in errors


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("hostile", HOSTILE_STRINGS)
def test_hostile_text_in_any_field_never_breaks_the_form(field, hostile, area):
    form = InitiativeForm(initiative_data(area, **{field: hostile}))

    form.is_valid()  # valid or not: no exception

    assert isinstance(form.errors, dict)


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS)
def test_hostile_text_in_the_invitation_form_never_breaks_it(hostile):
    initiative = InitiativeFactory(draft=True)
    form = InvitationForm({"email": hostile, "website": ""}, initiative=initiative)

    assert not form.is_valid()
    assert "email" in form.errors


def test_hostile_text_is_shown_escaped_on_the_detail_page(client_logged_in, area):
    script = "<script>alert('xss')</script>"
    data = initiative_data(
        area,
        title=f"Titel {script}",
        summary=f"Kort {script}",
        story=f"Verhaal {script} [klik](javascript:alert(1)) <img src=x onerror=alert(1)>",
        tags=f'"{script}", groen',
    )
    post(client_logged_in, data)
    initiative = Initiative.objects.get()

    response = client_logged_in.get(initiative.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "javascript:alert" not in html
    assert "<img src=x" not in html


def test_whole_form_of_hostile_strings_renders_without_error(client_logged_in, area):
    data = dict.fromkeys(TEXT_FIELDS, HOSTILE_STRINGS[3])

    response = post(client_logged_in, initiative_data(area, **data))

    assert response.status_code in (200, 302)
    assert b'"><img src=x onerror' not in response.content


# Rate limit --------------------------------------------------------------------------------------------


def test_too_many_initiatives_in_an_hour_gets_429_and_keeps_what_was_typed(client_logged_in, area, settings):
    settings.LOKET_POSTING_RATES = {"initiative": "1/h"}
    post(client_logged_in, initiative_data(area))

    response = post(client_logged_in, initiative_data(area, title="Tweede plan voor de wijk"))

    assert response.status_code == 429
    assert Initiative.objects.count() == 1
    form = response.context["form"]
    assert form.non_field_errors()
    assert b"Tweede plan voor de wijk" in response.content


def test_mistakes_do_not_count_against_the_limit(client_logged_in, area, settings):
    settings.LOKET_POSTING_RATES = {"initiative": "1/h"}
    for _attempt in range(3):
        post(client_logged_in, initiative_data(area, title=""))

    response = post(client_logged_in, initiative_data(area))

    assert response.status_code == 302


# Slugs -------------------------------------------------------------------------------------------------


def test_same_title_gets_a_numbered_web_address(client_logged_in, area):
    for _attempt in range(3):
        post(client_logged_in, initiative_data(area, title="Buurtfeest"))

    slugs = sorted(Initiative.objects.values_list("slug", flat=True))
    assert slugs == ["buurtfeest", "buurtfeest-2", "buurtfeest-3"]


@pytest.mark.parametrize("word", sorted(FixedPath))
def test_title_that_is_a_fixed_page_gets_another_address(word):
    slug = initiative_unique_slug(word)

    assert slug not in set(FixedPath)
    assert slug == f"{word}-2"


def test_reserved_title_still_leads_to_its_own_page(client_logged_in, area):
    post(client_logged_in, initiative_data(area, title="Nieuw"))

    initiative = Initiative.objects.get()
    assert initiative.slug == "nieuw-2"
    assert client_logged_in.get(initiative.get_absolute_url()).status_code == 200


def test_title_without_letters_gets_a_fallback_address():
    assert initiative_unique_slug("!!! ???") == "initiatief"
    assert initiative_unique_slug("🌳🌳") == "initiatief"


def test_accents_are_dropped_from_the_address():
    assert initiative_unique_slug("Café Één") == "cafe-een"


def test_very_long_title_gives_an_address_that_fits():
    slug = initiative_unique_slug("woord " * 40)

    assert len(slug) <= Initiative._meta.get_field("slug").max_length
    assert not slug.endswith("-")


# Photo -------------------------------------------------------------------------------------------------


def test_cover_photo_is_saved_without_metadata_with_a_thumbnail(client_logged_in, area, media_root):
    files = {"cover_image": upload(jpeg_with_gps(), name="IMG_1234.jpg")}

    response = post(client_logged_in, initiative_data(area, cover_alt="Kinderen bouwen een hut"), files)

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.cover_image.name.startswith("initiatives/covers/")
    assert initiative.cover_thumbnail.name.startswith("initiatives/thumbnails/")
    assert "IMG_1234" not in initiative.cover_image.name
    with Image.open(initiative.cover_image.path) as image:
        assert image.getexif().get_ifd(0x8825) == {}
    with Image.open(initiative.cover_thumbnail.path) as thumbnail:
        assert max(thumbnail.size) <= 640
    assert (media_root / initiative.cover_image.name).exists()


def test_photo_needs_a_description(client_logged_in, area, media_root):
    errors = form_errors(client_logged_in, initiative_data(area), {"cover_image": photo_upload()})

    assert "cover_alt" in errors
    assert "cover_image" not in errors


def test_description_without_photo_is_fine(client_logged_in, area, media_root):
    response = post(client_logged_in, initiative_data(area, cover_alt="Een veld"))

    assert response.status_code == 302
    assert not Initiative.objects.get().cover_image


def test_bad_photo_keeps_the_rest_of_the_form(client_logged_in, area, media_root):
    data = initiative_data(area, title="Mijn eigen titel", cover_alt="Een speelveld", links="https://a.nl")
    files = {"cover_image": upload(b"geen foto maar tekst", name="foto.jpg")}

    response = post(client_logged_in, data, files)

    assert response.status_code == 200
    form = response.context["form"]
    assert "cover_image" in form.errors
    assert form.errors["cover_image"][0]  # "not a photo we can use"
    html = response.content.decode()
    assert 'value="Mijn eigen titel"' in html
    assert 'value="Een speelveld"' in html
    assert "https://a.nl" in html
    assert not Initiative.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_good_photo_with_another_mistake_asks_to_choose_the_photo_again(client_logged_in, area, media_root):
    data = initiative_data(area, title="", cover_alt="Een speelveld")

    response = post(client_logged_in, data, {"cover_image": photo_upload()})

    assert response.status_code == 200
    assert response.context["form"].photo_needs_choosing_again


def test_truncated_photo_is_refused_through_the_form(client_logged_in, area, media_root):
    whole = jpeg_bytes(size=(300, 300))
    files = {"cover_image": upload(whole[: len(whole) // 3])}

    errors = form_errors(client_logged_in, initiative_data(area, cover_alt="Iets"), files)

    assert "cover_image" in errors


def test_png_photo_stays_png(client_logged_in, area, media_root):
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(buffer, format="PNG")
    files = {"cover_image": upload(buffer.getvalue(), name="logo.png", content_type="image/png")}

    post(client_logged_in, initiative_data(area, cover_alt="Logo van de buurt"), files)

    assert Initiative.objects.get().cover_image.name.endswith(".png")


def test_stage_choices_are_all_offered(client_logged_in):
    response = client_logged_in.get(URL)

    for value in Stage.values:
        assert f'value="{value}"'.encode() in response.content
