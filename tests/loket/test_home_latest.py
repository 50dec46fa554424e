"""The home page shows the three most recently published initiatives."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.initiatives.factories import InitiativeFactory, SupportFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_home_shows_the_three_most_recently_published_initiatives(client):
    InitiativeFactory(title="Oudste", published_at=days_ago(40))
    InitiativeFactory(title="Derde", published_at=days_ago(10))
    InitiativeFactory(title="Nieuwste", published_at=days_ago(1))
    InitiativeFactory(title="Tweede", published_at=days_ago(5))
    InitiativeFactory(title="Concept", draft=True)
    InitiativeFactory(title="Verborgen", hidden=True, published_at=days_ago(0))

    response = client.get(HOME)

    assert [i.title for i in response.context["latest_initiatives"]] == ["Nieuwste", "Tweede", "Derde"]
    content = response.content.decode()
    assert "Oudste" not in content
    assert "Concept" not in content
    assert "Verborgen" not in content
    assert content.index("Nieuwste") < content.index("Tweede") < content.index("Derde")


def test_home_cards_link_to_the_initiative_and_to_the_list(client):
    initiative = InitiativeFactory(title="Buurtfeest Noord")

    content = client.get(HOME).content.decode()

    assert f'href="{initiative.get_absolute_url()}"' in content
    assert f'href="{reverse("initiatives:initiative_list")}"' in content
    assert "initiatives/includes/card.html" in [t.name for t in client.get(HOME).templates]


def test_home_cards_are_headed_below_the_section_heading(client):
    InitiativeFactory(title="Buurtfeest Noord")

    content = client.get(HOME).content.decode()

    assert '<h4 class="utrecht-heading-4 loket-initiative-card__title"' in content


def test_home_without_initiatives_shows_an_empty_state(client):
    InitiativeFactory(draft=True)

    response = client.get(HOME)

    assert response.status_code == 200
    assert list(response.context["latest_initiatives"]) == []
    assert "loket-initiative-card" not in response.content.decode()


def test_home_queries_stay_constant_with_0_3_and_50_initiatives(client, count_queries):
    none = count_queries(lambda: client.get(HOME))

    for initiative in InitiativeFactory.create_batch(3, tags=["groen"]):
        SupportFactory(initiative=initiative)
    three = count_queries(lambda: client.get(HOME))

    InitiativeFactory.create_batch(47)
    fifty = count_queries(lambda: client.get(HOME))

    assert none == three == fifty
