"""The list of initiatives keeps its counts and the options of its filters in the cache
(initiatives/listing.py, under the version of initiatives/cached.py): between writes a visit reads only
its page, and every kind of write that changes a count or an option shows on the very next visit."""

import pytest
from django.utils.choices import flatten_choices

from flywheels.models import Concept
from initiatives.choices import Stage
from initiatives.services.authoring import initiative_delete, initiative_update
from initiatives.services.participation import support_add
from initiatives.services.publication import initiative_publish
from moderation.services import item_hide, item_restore
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role
from tests.html import by_id, elements, parse
from tests.initiatives.browse_helpers import INDEX
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def found(client, **params):
    """How many initiatives the list says it found with these filters."""
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count


def offered(client, name):
    """The values the list's form offers for filter `name`."""
    field = client.get(INDEX).context["form"].fields[name]
    return [value for value, _label in flatten_choices(field.choices) if value]


def moderator():
    return staff_in_role("moderators")


@pytest.fixture
def areas():
    return Area.objects.get(slug="gaanderen"), Area.objects.get(slug="wehl")


def test_between_writes_a_visit_reads_only_its_page(client, count_queries):
    InitiativeFactory.create_batch(3, tags=["groen"])
    first = count_queries(lambda: client.get(INDEX, {"thema": "groen"}))
    again = count_queries(lambda: client.get(INDEX, {"thema": "groen"}))

    assert first == 5, "villages, concepts, themes, the count and the page"
    assert again == 1, "only the page"
    assert found(client, thema="groen") == 3


def test_a_support_does_not_make_the_list_count_anew(client, count_queries):
    initiative = InitiativeFactory()
    count_queries(lambda: client.get(INDEX))

    support_add(initiative=initiative, user=UserFactory())

    assert count_queries(lambda: client.get(INDEX)) == 1


# --- Counts -------------------------------------------------------------------------------------------


def publish(initiative, areas):
    submitted = InitiativeFactory(submitted=True, area=initiative.area, stage=initiative.stage)
    initiative_publish(initiative=submitted, by=moderator())


def hide(initiative, areas):
    item_hide(item=initiative, by=moderator(), reason="Niet netjes.")


def delete(initiative, areas):
    initiative_delete(initiative=initiative)


def move(initiative, areas):
    initiative_update(initiative=initiative, by=initiative.created_by, area=areas[1])


def change_stage(initiative, areas):
    initiative_update(initiative=initiative, by=initiative.created_by, stage=Stage.COMPLETED)


def add_theme(initiative, areas):
    initiative_update(initiative=initiative, by=initiative.created_by, tags=["groen", "spelen"])


def add_theme_alone(initiative, areas):
    initiative.tags.add("spelen")  # the relation only: no save of the initiative


def add_concept_from_its_side(initiative, areas):
    Concept.objects.get(slug="draagvlak").initiatives.add(initiative)


# (write, filters, count before, count after). Before each write: one initiative in Gaanderen at the stage
# "running" with the theme "groen", and one in Wehl at the stage "idea" with the themes "groen" and
# "spelen" and the concept "draagvlak".
@pytest.mark.parametrize(
    ("write", "filters", "before", "after"),
    [
        (publish, {}, 2, 3),
        (publish, {"gebied": "gaanderen"}, 1, 2),
        (hide, {}, 2, 1),
        (hide, {"thema": "groen"}, 2, 1),
        (delete, {}, 2, 1),
        (delete, {"fase": Stage.RUNNING}, 1, 0),
        (move, {"gebied": "gaanderen"}, 1, 0),
        (move, {"gebied": "wehl"}, 1, 2),
        (change_stage, {"fase": Stage.RUNNING}, 1, 0),
        (change_stage, {"fase": Stage.COMPLETED, "gebied": "gaanderen"}, 0, 1),
        (add_theme, {"thema": "spelen"}, 1, 2),
        (add_theme_alone, {"thema": "spelen"}, 1, 2),
        (add_concept_from_its_side, {"begrip": "draagvlak"}, 1, 2),
    ],
    ids=[
        "published",
        "published, per village",
        "hidden",
        "hidden, per theme",
        "deleted",
        "deleted, per stage",
        "moved away",
        "moved here",
        "stage changed",
        "stage changed, with a village",
        "theme added",
        "theme added without saving the initiative",
        "concept added from the concept's side",
    ],
)
def test_each_write_that_changes_a_count_shows_at_once(client, areas, write, filters, before, after):
    gaanderen, wehl = areas
    initiative = InitiativeFactory(area=gaanderen, stage=Stage.RUNNING, tags=["groen"])
    other = InitiativeFactory(area=wehl, stage=Stage.IDEA, tags=["groen", "spelen"])
    other.concepts.add(Concept.objects.get(slug="draagvlak"))
    assert found(client, **filters) == before

    write(initiative, areas)

    assert found(client, **filters) == after


def test_an_initiative_shown_again_counts_again(client):
    initiative = InitiativeFactory()
    hide(initiative, None)
    assert found(client) == 0

    item_restore(item=initiative, by=moderator(), reason="Toch netjes.")

    assert found(client) == 1


# --- Options ------------------------------------------------------------------------------------------


def test_a_theme_is_offered_once_a_published_initiative_carries_it_and_no_longer_once_none_does(client):
    initiative = InitiativeFactory(tags=["groen"])
    assert offered(client, "thema") == ["groen"]

    initiative.tags.add("spelen")
    assert offered(client, "thema") == ["groen", "spelen"]

    hide(initiative, None)
    assert offered(client, "thema") == []


def test_a_renamed_theme_is_offered_by_its_new_name(client):
    initiative = InitiativeFactory(tags=["groen"])
    assert client.get(INDEX).context["form"].fields["thema"].choices[1] == ("groen", "groen")

    tag = initiative.tags.get()
    tag.name = "Groen en blauw"
    tag.save()

    assert client.get(INDEX).context["form"].fields["thema"].choices[1] == ("groen", "Groen en blauw")


def test_a_village_made_inactive_is_no_longer_offered_nor_a_page(client, areas):
    gaanderen, _wehl = areas
    assert "gaanderen" in offered(client, "gebied")

    gaanderen.is_active = False
    gaanderen.save()

    assert "gaanderen" not in offered(client, "gebied")
    assert client.get(INDEX, {"gebied": "gaanderen"}).status_code == 404


def test_a_retired_concept_is_no_longer_offered(client):
    concept = Concept.objects.get(slug="draagvlak")
    assert concept.slug in offered(client, "begrip")

    concept.is_active = False
    concept.save()

    assert concept.slug not in offered(client, "begrip")


def test_the_options_are_kept_per_language(client, settings):
    def concept_label():
        choices = client.get(INDEX).context["form"].fields["begrip"].choices
        return dict(flatten_choices(choices))["draagvlak"]

    label_nl = concept_label()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    label_en = concept_label()

    assert label_nl != label_en
    assert label_en.startswith(Concept.objects.get(slug="draagvlak").label_en)


# --- The filter form as drawn -------------------------------------------------------------------------


def drawn_options(client, name, **params):
    """(values offered, value chosen) of the select `name` in the page's HTML."""
    select = by_id(parse(client.get(INDEX, params)), f"id_{name}")
    options = elements(select, "option")
    chosen = [option["value"] for option in options if option.has_attr("selected")]
    return [option["value"] for option in options if option["value"]], chosen


def test_the_drawn_filter_form_shows_each_set_of_filters_and_a_new_theme_after_a_write(client):
    InitiativeFactory(tags=["groen"])
    InitiativeFactory(tags=["spelen"])
    assert drawn_options(client, "thema") == (["groen", "spelen"], [""])
    assert drawn_options(client, "thema", thema="spelen") == (["groen", "spelen"], ["spelen"])
    assert drawn_options(client, "thema", thema="groen") == (["groen", "spelen"], ["groen"])

    InitiativeFactory(tags=["bomen"])

    assert drawn_options(client, "thema", thema="groen") == (["bomen", "groen", "spelen"], ["groen"])


def test_the_drawn_filter_form_keeps_the_search_text_of_each_visitor(client):
    InitiativeFactory(title="Moestuin")
    InitiativeFactory(title="Speeltuin")

    for text in ["moestuin", "speeltuin"]:
        box = by_id(parse(client.get(INDEX, {"zoek": text})), "id_zoek")
        assert box["value"] == text
