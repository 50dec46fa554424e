"""The management site's own markup, where Django's admin leaves out a name or writes invalid HTML:
every input in a table has a name, a moment's date and time boxes have labels, a search-as-you-type choice
has its empty option, a password is summarised in valid HTML, and the way to the moderation queue is a
link that can be read. (The browser checks of every page: tests/e2e/test_accessibility_management.py and
tests/e2e/test_valid_html.py.)"""

import pytest
from django.urls import reverse

from accounts.roles import Role
from flywheels.models import Flywheel
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.html import ancestor, by_id, elements, parse, text_of
from tests.knowledgebase.factories import CaseAnalysisFactory
from tests.moderation.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    person = UserFactory(is_staff=True, is_superuser=True)
    verify_email(person)
    return person


def as_staff(client, person):
    client.force_login(person)
    return client


def unnamed_inputs(form):
    """The inputs a screen reader has no name for: no <label for>, no aria-label(ledby)."""
    labelled = {label.get("for") for label in elements(form, "label")}
    return [
        field.get("name")
        for field in elements(form)
        if field.name in {"input", "select", "textarea"}
        and field.get("type") not in {"hidden", "submit", "button"}
        and field.get("id") not in labelled
        and not field.get("aria-label")
        and not field.get("aria-labelledby")
        and "__prefix__" not in field.get("name", "")
    ]


def test_every_input_in_the_editable_list_of_places_has_the_column_and_the_row_as_its_name(client):
    response = as_staff(client, staff_in_role(Role.EDITOR)).get(reverse("admin:places_area_changelist"))
    page = parse(response)
    first = Area.objects.order_by("order", "name").first()

    assert unnamed_inputs(by_id(page, "changelist-form")) == []
    assert by_id(page, "id_form-0-order")["aria-label"] == f"Volgorde: {first}"


def test_every_input_in_the_table_of_a_flywheels_concepts_has_a_name(client):
    flywheel = Flywheel.objects.order_by("pk").first()

    response = as_staff(client, staff_in_role(Role.EDITOR)).get(
        reverse("admin:flywheels_flywheel_change", args=[flywheel.pk])
    )
    form = by_id(parse(response), "flywheel_form")

    assert unnamed_inputs(form) == []
    first = flywheel.concepts.order_by("order").first()
    assert by_id(form, "id_concepts-0-order")["aria-label"] == f"Volgorde: {first}"


def test_the_date_and_the_time_of_a_lab_session_each_have_a_label(client):
    response = as_staff(client, staff_in_role(Role.OMBUDS)).get(reverse("admin:lab_labsession_add"))
    form = by_id(parse(response), "labsession_form")

    labels = {label.get("for"): label.get_text(strip=True) for label in elements(form, "label")}
    assert labels["id_starts_at_0"] == "Datum:"
    assert labels["id_starts_at_1"] == "Tijd:"
    assert unnamed_inputs(form) == []


@pytest.mark.parametrize("required", [True, False], ids=["analysis", "article"])
def test_a_search_as_you_type_choice_of_one_starts_with_an_empty_option_with_text(client, required):
    editor = staff_in_role(Role.EDITOR)
    view = "admin:knowledgebase_caseanalysis_add" if required else "admin:knowledgebase_article_add"

    select = by_id(parse(as_staff(client, editor).get(reverse(view))), "id_initiative")

    assert select.has_attr("required") is required
    options = elements(select, "option")
    assert [(option["value"], option.get_text()) for option in options] == [("", "---------")]


def test_a_chosen_initiative_follows_the_empty_option_and_is_selected(client):
    analysis = CaseAnalysisFactory()

    response = as_staff(client, staff_in_role(Role.EDITOR)).get(
        reverse("admin:knowledgebase_caseanalysis_change", args=[analysis.pk])
    )
    options = elements(by_id(parse(response), "id_initiative"), "option")

    assert [option["value"] for option in options] == ["", str(analysis.initiative.pk)]
    assert [option.has_attr("selected") for option in options] == [False, True]


def test_a_password_is_summarised_in_a_block_that_is_not_disabled(client, superuser):
    person = UserFactory()

    response = as_staff(client, superuser).get(reverse("admin:accounts_user_change", args=[person.pk]))
    summary = by_id(parse(response), "id_password")

    assert summary.name == "div"
    assert not summary.has_attr("disabled")


def test_setting_a_password_explains_switching_it_off_in_one_translated_sentence(client, superuser):
    person = UserFactory()

    response = as_staff(client, superuser).get(reverse("admin:auth_user_password_change", args=[person.pk]))
    row = ancestor(by_id(parse(response), "id_usable_password"), "div", cls="form-row")

    help_text = elements(row, "div", cls="help")[0]
    assert elements(help_text, "ul") == []  # Django's list, inside a <p>
    assert "helemaal niet meer inloggen" in text_of(help_text)
    assert "If disabled" not in response.content.decode()


def test_the_link_to_the_moderation_queue_is_light_on_its_dark_heading(client):
    ReportFactory()

    response = as_staff(client, staff_in_role(Role.MODERATOR)).get(reverse("admin:index"))
    heading = elements(by_id(parse(response), "moderation-waiting"), "h2")[0]

    link = elements(heading, "a")[0]
    assert link["href"] == reverse("admin:moderation_queue")
    assert "section" in link["class"]  # Django's own style for a link on a heading's colour


def test_every_management_page_loads_the_corrections(client):
    response = as_staff(client, staff_in_role(Role.MODERATOR)).get(reverse("admin:index"))
    page = parse(response)

    assert "/static/css/admin.css" in [link["href"] for link in elements(page, "link", rel="stylesheet")]
    assert "/static/js/admin.js" in [script.get("src") for script in elements(page, "script")]
