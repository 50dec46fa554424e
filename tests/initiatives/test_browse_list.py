"""The public list of initiatives (/initiatieven/): cards, who is listed, sorting, pagination, the rest of
the page and query counts. Filters have their own module (test_browse_filters.py), search too
(test_search.py)."""

import pytest
from django.urls import reverse

from flywheels.models import Concept
from initiatives.choices import GovernmentRole, Origin, Stage
from initiatives.views.browse import INITIATIVES_PER_PAGE
from places.models import Area
from tests.initiatives.browse_helpers import INDEX, days_ago, listed, titles
from tests.initiatives.factories import InitiativeFactory, SupportFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


# --- What a card shows --------------------------------------------------------------------------------


def test_visitor_sees_a_card_with_title_summary_area_stage_origin_and_support(client):
    area = Area.objects.get(slug="gaanderen")
    initiative = InitiativeFactory(
        title="Groen schoolplein", summary="Tegels eruit, groen erin.", area=area, stage=Stage.PREPARING
    )
    SupportFactory.create_batch(3, initiative=initiative)

    response = client.get(INDEX)

    content = response.content.decode()
    assert f'href="{initiative.get_absolute_url()}"' in content
    assert "Groen schoolplein" in content
    assert "Tegels eruit, groen erin." in content
    assert "Gaanderen" in content
    assert str(Stage.PREPARING.label).capitalize() in content
    assert str(Origin.SOCIETY.label).capitalize() in content
    [card] = response.context["page_obj"].object_list
    assert card.support_count == 3


def test_card_shows_the_thumbnail_with_its_alt_text_lazily_and_with_a_size(client):
    InitiativeFactory(
        cover_image="initiatives/covers/2025/01/groot.jpg",
        cover_thumbnail="initiatives/thumbnails/2025/01/klein.jpg",
        cover_alt="Kinderen planten een boom",
    )

    content = client.get(INDEX).content.decode()

    assert "klein.jpg" in content
    assert "groot.jpg" not in content
    assert 'alt="Kinderen planten een boom"' in content
    assert 'loading="lazy"' in content
    assert 'width="640"' in content
    assert 'height="400"' in content


def test_card_falls_back_to_the_cover_photo_without_a_thumbnail(client):
    InitiativeFactory(cover_image="initiatives/covers/2025/01/groot.jpg", cover_alt="Een volle buurtschuur")

    content = client.get(INDEX).content.decode()

    assert "groot.jpg" in content
    assert 'alt="Een volle buurtschuur"' in content


def test_card_without_photo_has_no_image(client):
    InitiativeFactory()

    content = client.get(INDEX).content.decode()

    assert "loket-initiative-card__image" not in content


def test_titles_and_summaries_are_escaped(client):
    InitiativeFactory(title="<script>alert(1)</script>", summary="<b>vet</b> & zo")

    content = client.get(INDEX).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; zo" in content


# --- Who is listed ------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_unpublished_initiative_is_never_listed(client, state):
    InitiativeFactory(title="Zichtbaar")
    InitiativeFactory(title="Niet zichtbaar", **{state: True})

    assert titles(client) == ["Zichtbaar"]


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_unpublished_initiative_is_not_listed_for_its_own_team_either(client, user, state):
    """The public list is the public list: the team finds its drafts under "my initiatives"."""
    InitiativeFactory(title="Ons concept", created_by=user, **{state: True})
    client.force_login(user)

    assert titles(client) == []


def test_empty_list_says_nothing_is_published_yet(client):
    InitiativeFactory(draft=True)

    response = client.get(INDEX)

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert "loket-empty" in response.content.decode()


# --- Sorting ------------------------------------------------------------------------------------------


def test_newest_first_is_the_default_and_sorteer_nieuw(client):
    InitiativeFactory(title="Oud", published_at=days_ago(30))
    InitiativeFactory(title="Nieuw", published_at=days_ago(1))
    InitiativeFactory(title="Middel", published_at=days_ago(10))

    assert titles(client) == ["Nieuw", "Middel", "Oud"]
    assert titles(client, {"sorteer": "nieuw"}) == ["Nieuw", "Middel", "Oud"]


def test_most_supported_first(client):
    little = InitiativeFactory(title="Weinig", published_at=days_ago(1))
    much = InitiativeFactory(title="Veel", published_at=days_ago(20))
    InitiativeFactory(title="Geen", published_at=days_ago(2))
    SupportFactory.create_batch(1, initiative=little)
    SupportFactory.create_batch(4, initiative=much)

    assert titles(client, {"sorteer": "steun"}) == ["Veel", "Weinig", "Geen"]


def test_recently_active_first(client):
    InitiativeFactory(title="Stil", last_activity_at=days_ago(40), published_at=days_ago(1))
    InitiativeFactory(title="Druk", last_activity_at=days_ago(0), published_at=days_ago(50))
    InitiativeFactory(title="Tussenin", last_activity_at=days_ago(5), published_at=days_ago(2))

    assert titles(client, {"sorteer": "actief"}) == ["Druk", "Tussenin", "Stil"]


def test_sorting_combines_with_a_filter(client):
    a = InitiativeFactory(title="Idee A", stage=Stage.IDEA)
    InitiativeFactory(title="Idee B", stage=Stage.IDEA)
    loud = InitiativeFactory(title="Loopt", stage=Stage.RUNNING)
    SupportFactory.create_batch(2, initiative=a)
    SupportFactory.create_batch(5, initiative=loud)

    assert titles(client, {"fase": Stage.IDEA, "sorteer": "steun"}) == ["Idee A", "Idee B"]


# --- Pagination ---------------------------------------------------------------------------------------


def test_twelve_per_page_and_the_rest_on_the_next(client):
    InitiativeFactory.create_batch(INITIATIVES_PER_PAGE + 3)

    assert len(listed(client)) == INITIATIVES_PER_PAGE
    assert len(listed(client, {"pagina": 2})) == 3


def test_pages_do_not_overlap_even_when_dates_are_equal(client):
    same_moment = days_ago(2)
    InitiativeFactory.create_batch(INITIATIVES_PER_PAGE + 5, published_at=same_moment)

    first = {i.pk for i in listed(client)}
    second = {i.pk for i in listed(client, {"pagina": 2})}

    assert not first & second
    assert len(first | second) == INITIATIVES_PER_PAGE + 5


def test_page_links_keep_the_filters_and_sorting(client):
    InitiativeFactory.create_batch(INITIATIVES_PER_PAGE * 2 + 1, stage=Stage.IDEA)

    response = client.get(INDEX, {"fase": Stage.IDEA, "sorteer": "steun", "pagina": 2})

    content = response.content.decode()
    assert 'aria-label="' in content and "utrecht-pagination" in content
    assert f'href="?fase={Stage.IDEA}&amp;sorteer=steun&amp;pagina=3"' in content
    assert f'href="?fase={Stage.IDEA}&amp;sorteer=steun"' in content  # page 1 without `pagina`
    assert 'aria-current="page"' in content


def test_a_single_page_has_no_page_links(client):
    InitiativeFactory.create_batch(2)

    assert "utrecht-pagination" not in client.get(INDEX).content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "3", "abc", "1.5", "99999999999999999999999", "<b>"])
def test_page_that_does_not_exist_is_404(client, page):
    InitiativeFactory.create_batch(INITIATIVES_PER_PAGE + 1)

    assert client.get(INDEX, {"pagina": page}).status_code == 404


def test_page_one_of_an_empty_result_exists(client):
    assert client.get(INDEX, {"pagina": 1}).status_code == 200


# --- The rest of the page -----------------------------------------------------------------------------


def test_signed_in_person_is_invited_to_register_an_initiative(client_logged_in):
    content = client_logged_in.get(INDEX).content.decode()

    assert f'href="{reverse("initiatives:initiative_create")}"' in content
    assert f'href="{reverse("account_signup")}"' not in content


def test_visitor_is_invited_to_create_an_account(client):
    content = client.get(INDEX).content.decode()

    assert f'href="{reverse("account_signup")}"' in content


def test_burgerinitiatief_card_remains(client):
    response = client.get(INDEX)

    assert "initiatives/includes/burgerinitiatief.html" in [t.name for t in response.templates]
    assert "burgerinitiatief" in response.content.decode()


def test_page_links_to_the_log_and_the_obstacles(client):
    content = client.get(INDEX).content.decode()

    assert f'href="{reverse("initiatives:log_entry_list")}"' in content
    assert f'href="{reverse("initiatives:obstacle_list")}"' in content


def test_post_is_not_allowed(client):
    assert client.post(INDEX).status_code == 405


# --- Query counts -------------------------------------------------------------------------------------


def fill(count, area):
    """`count` published initiatives with themes, concepts and supporters, plus a few drafts."""
    concepts = list(Concept.objects.filter(is_active=True)[:3])
    initiatives = InitiativeFactory.create_batch(
        count,
        area=area,
        stage=Stage.IDEA,
        government_role=GovernmentRole.FACILITATE,
        tags=["groen", "spelen"],
    )
    for initiative in initiatives:
        initiative.concepts.add(*concepts)
    for initiative in initiatives[:5]:
        SupportFactory.create_batch(2, initiative=initiative)
    InitiativeFactory.create_batch(3, draft=True, area=area, tags=["groen"])
    return concepts[0]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"sorteer": "steun"},
        {"fase": Stage.IDEA, "thema": "groen", "begrip": "CONCEPT", "gebied": "AREA"},
        {"zoek": "Initiatief", "sorteer": "actief", "herkomst": Origin.SOCIETY},
        {"rol": GovernmentRole.FACILITATE, "pagina": 1},
    ],
    ids=["plain", "sorted", "filtered", "searched", "role"],
)
def test_list_queries_stay_constant_from_5_to_200_initiatives(client, filters, count_queries):
    """Between writes the options and the count come from the cache (initiatives/listing.py): the page
    itself is the one query (a search adds its bounded count). After a write they are read anew, once."""
    area = AreaFactory(slug="telwijk")
    concept = fill(5, area)
    params = {
        key: {"CONCEPT": concept.slug, "AREA": area.slug}.get(value, value) for key, value in filters.items()
    }
    count_queries(lambda: client.get(INDEX, params))  # warm caches (content types, options, count) once
    few = count_queries(lambda: client.get(INDEX, params))

    fill(195, area)
    after_a_write = count_queries(lambda: client.get(INDEX, params))
    many = count_queries(lambda: client.get(INDEX, params))

    assert few == many == (2 if "zoek" in params else 1), f"the list page ran {many} queries"
    # Villages, concepts, themes, the count, the page: nothing per initiative.
    assert after_a_write == 5, f"the list page ran {after_a_write} queries after a write"
