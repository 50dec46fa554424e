"""Visual spoofing: direction-changing and zero-width characters typed into titles, names and themes on
the site and in the management site are removed without a word (an error about something nobody can see
would only confuse); a title of such characters only is an empty title. Long texts lose the controls that
reorder text."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from initiatives.models import Initiative
from knowledgebase.forms import SuggestExampleForm
from knowledgebase.models import Article
from moderation.forms import AppealForm
from tests.accounts.factories import PASSWORD, staff_in_role
from tests.initiatives.authoring_helpers import CREATE_URL, create_errors, initiative_data
from tests.initiatives.factories import CommentFactory, InitiativeFactory
from tests.knowledgebase.article_admin_helpers import add_article
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

RLO, PDF, LRI, PDI, ZWSP, ZWJ, BOM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff"
FARMER = f"\U0001f469{ZWJ}\U0001f33e"
HIDDEN = {RLO, PDF, LRI, PDI, ZWSP, ZWJ, BOM}


def visible(text: str) -> bool:
    return not HIDDEN & set(text)


def test_resident_registers_an_initiative_whose_title_summary_and_themes_look_like_what_is_stored(
    client_logged_in,
):
    area = AreaFactory()
    data = initiative_data(
        area,
        title=f"Speeltuin{RLO}gnp.exe",
        summary=f"Buren{ZWSP} maken{BOM} samen iets moois.",
        story=f"We begonnen {LRI}samen{PDI}.\n\nMet een boer {FARMER} en {RLO}thee.",
        tags=f"groen{ZWSP}, {RLO}spelen",
        links="",
    )

    response = client_logged_in.post(CREATE_URL, data)

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.title == "Speeltuingnp.exe"
    assert initiative.summary == "Buren maken samen iets moois."
    assert initiative.story == f"We begonnen samen.\n\nMet een boer {FARMER} en thee."
    assert sorted(initiative.tags.names()) == ["groen", "spelen"]


def test_a_title_of_invisible_characters_only_is_an_empty_title(client_logged_in):
    errors = create_errors(client_logged_in, initiative_data(AreaFactory(), title=f"{ZWSP}{RLO}{BOM} {ZWJ}"))

    assert errors.as_data()["title"][0].code == "required"


def test_a_display_name_chosen_at_signup_is_stored_as_it_looks(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "display_name": f"{RLO}nimdA{ZWSP} Gemeente",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="nieuw@example.org").display_name == "nimdA Gemeente"


def test_a_display_name_of_invisible_characters_is_refused_at_signup(client):
    signup = client.post(
        reverse("account_signup"),
        {"email": "leeg@example.org", "display_name": ZWSP * 3, "password1": PASSWORD, "password2": PASSWORD},
    )

    assert signup.status_code == 200
    assert "display_name" in signup.context["form"].errors
    assert not User.objects.filter(email="leeg@example.org").exists()


def test_a_display_name_changed_in_the_profile_is_stored_as_it_looks(client_logged_in, user):
    profile = client_logged_in.post(reverse("accounts:profile_edit"), {"display_name": f"{ZWSP}{RLO}"})
    assert profile.status_code == 200
    assert "display_name" in profile.context["form"].errors

    profile = client_logged_in.post(reverse("accounts:profile_edit"), {"display_name": f"Bea{ZWJ}{BOM}"})
    assert profile.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Bea"


def test_an_editor_in_the_management_site_gets_the_same_cleaning(client):
    client.force_login(staff_in_role(Role.EDITOR))
    article = add_article(
        client,
        title=f"Zo start je een {RLO}buurtmoestuin",
        summary=f"Vijf{ZWSP} stappen.",
        body=f"## Begin {LRI}klein{PDI}\n\nMet {FARMER}.",
        tags=f"moestuin{ZWSP}, {BOM}groen",
    )

    article = Article.objects.get(pk=article.pk)
    assert article.title == "Zo start je een buurtmoestuin"
    assert article.summary == "Vijf stappen."
    assert article.body == f"## Begin klein\n\nMet {FARMER}."
    assert sorted(article.tags.names()) == ["groen", "moestuin"]


def test_forms_without_a_model_clean_their_text_too():
    suggestion = SuggestExampleForm(
        data={"title": f"Buurt{ZWSP}kamer{RLO}", "story": f"Het {RLO}verhaal.", "place": f"Wehl{BOM}"}
    )
    assert suggestion.is_valid(), suggestion.errors
    assert suggestion.cleaned_data["title"] == "Buurtkamer"
    assert suggestion.cleaned_data["place"] == "Wehl"
    assert suggestion.cleaned_data["story"] == "Het verhaal."

    appeal = AppealForm(data={"message": f"Kijk {RLO}nog eens."})
    assert appeal.is_valid(), appeal.errors
    assert appeal.cleaned_data["message"] == "Kijk nog eens."


def test_what_a_service_saves_without_a_form_is_stored_clean_too():
    initiative = InitiativeFactory(title=f"Moes{ZWSP}tuin{RLO}")
    comment = CommentFactory(initiative=initiative, body=f"Mooi {RLO}plan {FARMER}")

    assert Initiative.objects.values_list("title", flat=True).get(pk=initiative.pk) == "Moestuin"
    comment.refresh_from_db()
    assert comment.body == f"Mooi plan {FARMER}"
    assert visible(Initiative.objects.get(pk=initiative.pk).title)
