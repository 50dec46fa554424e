"""Who the municipality's contact for an initiative is, in the facts on its page: the named contact, or
else the civil servant who responded for the municipality; "not assigned yet" only when neither is there."""

import pytest
from django.utils import translation

from tests.html import elements, parse, text_of
from tests.initiatives.factories import InitiativeFactory, MunicipalResponseFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db

CONTACT = "Contact at the municipality"


@pytest.fixture(autouse=True)
def _english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def fact(client, initiative, key):
    """The value of one fact in the page's sidebar, as an element."""
    page = parse(client.get(initiative.get_absolute_url()))
    for item in elements(page, "div", cls="loket-data__item"):
        if text_of(elements(item, "dt")[0]) == key:
            return elements(item, "dd")[0]
    raise AssertionError(f"no fact {key!r} on the page")


def test_without_a_named_contact_the_civil_servant_who_responded_is_the_contact(client):
    initiative = InitiativeFactory()
    anne = VerifiedUserFactory(is_staff=True, display_name="Anne", public_role="wijkregisseur Oost")
    MunicipalResponseFactory(initiative=initiative, author=anne)

    contact = fact(client, initiative, CONTACT)

    assert "Not assigned yet" not in text_of(contact)
    assert text_of(contact).startswith("Anne, wijkregisseur Oost")
    assert "Responded on behalf of the municipality." in text_of(contact)
    assert [link["href"] for link in elements(contact, "a")] == ["#gemeente"]


def test_the_last_civil_servant_to_respond_is_named(client):
    initiative = InitiativeFactory()
    MunicipalResponseFactory(initiative=initiative, author__display_name="Anne")
    MunicipalResponseFactory(initiative=initiative, author__display_name="Bram")
    MunicipalResponseFactory(initiative=initiative, author=None)  # a former civil servant

    assert text_of(fact(client, initiative, CONTACT)).startswith("Bram")


def test_a_named_contact_goes_before_whoever_responded(client):
    sanne = VerifiedUserFactory(is_staff=True, display_name="Sanne")
    initiative = InitiativeFactory(contact_person=sanne)
    MunicipalResponseFactory(initiative=initiative, author__display_name="Anne")

    contact = text_of(fact(client, initiative, CONTACT))

    assert contact.startswith("Sanne")
    assert "Anne" not in contact


@pytest.mark.parametrize("responses", [0, 1], ids=["no response", "response of a former civil servant"])
def test_not_assigned_yet_while_nobody_speaks_for_the_municipality(client, responses):
    initiative = InitiativeFactory()
    MunicipalResponseFactory.create_batch(responses, initiative=initiative, author=None)

    assert text_of(fact(client, initiative, CONTACT)) == "Not assigned yet."
