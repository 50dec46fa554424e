"""Registering an initiative (/initiatieven/nieuw/) with wrong input: missing, too long or unknown values,
choices that do not fit the origin, bad links and themes, the honeypot, hostile text, and too many
registrations in an hour. Nothing is saved, and what was typed comes back."""

import pytest

from initiatives.choices import GovernmentRole, Origin, ParticipationStep
from initiatives.forms.authoring import InitiativeForm, InvitationForm
from initiatives.models import Initiative
from tests.initiatives.authoring_helpers import HOSTILE_STRINGS, create_errors, initiative_data, post_create
from tests.initiatives.factories import InitiativeFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ["title", "summary", "story", "tags", "cover_alt", "links"]


# Wrong input -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "summary", "story", "area", "origin", "stage"])
def test_required_fields_must_be_filled_in(client_logged_in, area, field):
    errors = create_errors(client_logged_in, initiative_data(area, **{field: ""}))

    assert field in errors


@pytest.mark.parametrize(
    ("field", "length"), [("title", 121), ("summary", 301), ("story", 20_001), ("cover_alt", 201)]
)
def test_too_long_text_is_refused(client_logged_in, area, field, length):
    errors = create_errors(client_logged_in, initiative_data(area, **{field: "x" * length}))

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
    errors = create_errors(client_logged_in, initiative_data(area, **{field: value}))

    assert field in errors


def test_inactive_area_cannot_be_chosen(client_logged_in):
    closed = AreaFactory(is_active=False)

    errors = create_errors(client_logged_in, initiative_data(closed))

    assert "area" in errors


def test_participation_step_does_not_fit_a_society_initiative(client_logged_in, area):
    data = initiative_data(area, origin=Origin.SOCIETY, participation_step=ParticipationStep.INFORM)

    errors = create_errors(client_logged_in, data)

    assert "participation_step" in errors


def test_government_role_does_not_fit_a_municipal_initiative(client_logged_in, area):
    data = initiative_data(area, origin=Origin.MUNICIPALITY, government_role=GovernmentRole.LET_GO)

    errors = create_errors(client_logged_in, data)

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
    errors = create_errors(client_logged_in, initiative_data(area, links=links))

    assert "links" in errors


@pytest.mark.parametrize(
    "tags", [", ".join(f"thema{n}" for n in range(11)), "x" * 51, "!!!, ???", '"<script>"']
)
def test_bad_themes_are_refused(client_logged_in, area, tags):
    if tags == '"<script>"':
        post_create(client_logged_in, initiative_data(area, tags=tags))  # letters: a harmless, escaped theme
        assert Initiative.objects.get().tags.names()[0] == "<script>"
        return
    errors = create_errors(client_logged_in, initiative_data(area, tags=tags))

    assert "tags" in errors


def test_filled_in_honeypot_saves_nothing(client_logged_in, area):
    errors = create_errors(client_logged_in, initiative_data(area, website="https://spam.example"))

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
    post_create(client_logged_in, data)
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

    response = post_create(client_logged_in, initiative_data(area, **data))

    assert response.status_code in (200, 302)
    assert b'"><img src=x onerror' not in response.content


# Rate limit --------------------------------------------------------------------------------------------


def test_too_many_initiatives_in_an_hour_gets_429_and_keeps_what_was_typed(client_logged_in, area, settings):
    settings.LOKET_POSTING_RATES = {"initiative": "1/h"}
    post_create(client_logged_in, initiative_data(area))

    response = post_create(client_logged_in, initiative_data(area, title="Tweede plan voor de wijk"))

    assert response.status_code == 429
    assert Initiative.objects.count() == 1
    form = response.context["form"]
    assert form.non_field_errors()
    assert b"Tweede plan voor de wijk" in response.content


def test_mistakes_do_not_count_against_the_limit(client_logged_in, area, settings):
    settings.LOKET_POSTING_RATES = {"initiative": "1/h"}
    for _attempt in range(3):
        post_create(client_logged_in, initiative_data(area, title=""))

    response = post_create(client_logged_in, initiative_data(area))

    assert response.status_code == 302
