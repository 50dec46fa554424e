"""The log of all initiatives together (/initiatieven/logboek/): every kind or one, newest first."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.views.browse import LOG_ENTRIES_PER_PAGE
from places.models import Area
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory

pytestmark = pytest.mark.django_db

LOG = reverse("initiatives:log_entry_list")


def shown(client, params=None):
    response = client.get(LOG, params or {})
    assert response.status_code == 200
    return [entry.title for entry in response.context["page_obj"].object_list]


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_visitor_sees_entries_of_published_initiatives_only(client):
    LogEntryFactory(title="Openbaar")
    for state in ["draft", "submitted", "rejected", "hidden"]:
        LogEntryFactory(title=f"Niet {state}", initiative=InitiativeFactory(**{state: True}))

    assert shown(client) == ["Openbaar"]


def test_newest_entry_first(client):
    LogEntryFactory(title="Vorige maand", happened_on=days_ago(30))
    LogEntryFactory(title="Gisteren", happened_on=days_ago(1))
    LogEntryFactory(title="Vorige week", happened_on=days_ago(7))

    assert shown(client) == ["Gisteren", "Vorige week", "Vorige maand"]


def test_entry_shows_kind_date_title_text_and_its_initiative_with_a_link(client):
    area = Area.objects.get(slug="wehl")
    initiative = InitiativeFactory(title="Dorpsplan Wehl", area=area)
    entry = LogEntryFactory(
        initiative=initiative,
        kind=LogKind.WORKING_ELEMENT,
        title="Koffie als begin",
        text="Een **kop koffie** bij de buren werkte beter dan een brief.",
        happened_on=datetime.date(2025, 3, 14),
    )

    content = client.get(LOG).content.decode()

    assert f'href="{entry.get_absolute_url()}"' in content
    assert "Koffie als begin" in content
    assert "<strong>kop koffie</strong>" in content
    assert "Dorpsplan Wehl" in content
    assert "Wehl" in content
    assert 'datetime="2025-03-14"' in content
    assert str(LogKind.WORKING_ELEMENT.label).capitalize() in content


def test_obstacle_shows_its_category(client):
    LogEntryFactory(kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.LEAD_TIME)

    content = client.get(LOG).content.decode()

    assert str(ObstacleCategory.LEAD_TIME.label).capitalize() in content


def test_text_is_sanitised(client):
    LogEntryFactory(
        text='<script>alert("x")</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>'
    )

    content = client.get(LOG).content.decode()

    assert "<script>alert" not in content
    assert 'href="javascript:' not in content
    assert "<img src=x" not in content


def test_long_text_is_shortened_and_the_title_leads_to_the_whole_entry(client):
    entry = LogEntryFactory(text="**Begin** " + "woord " * 300 + "EINDE")

    content = client.get(LOG).content.decode()

    assert "<strong>Begin</strong>" in content
    assert "EINDE" not in content
    assert f'href="{entry.get_absolute_url()}"' in content


@pytest.mark.parametrize("kind", LogKind.values)
def test_filter_on_kind(client, kind):
    for other in LogKind.values:
        LogEntryFactory(kind=other, title=f"Bericht {other}")

    assert shown(client, {"soort": kind}) == [f"Bericht {kind}"]


def test_kind_navigation_counts_entries_per_kind_of_published_initiatives(client):
    LogEntryFactory.create_batch(3, kind=LogKind.DILEMMA)
    LogEntryFactory.create_batch(2, kind=LogKind.OBSTACLE)
    LogEntryFactory(kind=LogKind.DILEMMA, initiative=InitiativeFactory(draft=True))

    response = client.get(LOG, {"soort": LogKind.DILEMMA})

    counts = {item["value"]: item["count"] for item in response.context["kinds"]}
    assert counts[LogKind.DILEMMA] == 3
    assert counts[LogKind.OBSTACLE] == 2
    assert counts[LogKind.MILESTONE] == 0
    assert response.context["total"] == 5
    current = [item["value"] for item in response.context["kinds"] if item["current"]]
    assert current == [LogKind.DILEMMA]
    content = response.content.decode()
    assert f'href="{LOG}?soort=dilemma" aria-current="page"' in content


def test_page_explains_this_is_where_the_learning_happens_and_links_to_obstacles(client):
    content = client.get(LOG).content.decode()

    assert f'href="{reverse("initiatives:obstacle_list")}"' in content
    assert f'href="{LOG}?soort={LogKind.WORKING_ELEMENT}"' in content


def test_filter_on_obstacle_category(client):
    LogEntryFactory(title="Regels", kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.RULES)
    LogEntryFactory(title="Geld", kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.MONEY)

    assert shown(client, {"categorie": ObstacleCategory.MONEY}) == ["Geld"]
    assert shown(client, {"soort": LogKind.OBSTACLE, "categorie": ObstacleCategory.RULES}) == ["Regels"]


def test_empty_kind_shows_a_helpful_empty_state(client):
    LogEntryFactory(kind=LogKind.UPDATE)

    response = client.get(LOG, {"soort": LogKind.REFLECTION})

    assert response.status_code == 200
    assert "loket-empty" in response.content.decode()


def test_empty_log_shows_an_empty_state(client):
    response = client.get(LOG)

    assert response.status_code == 200
    assert "loket-empty" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "ruzie"},
        {"soort": "<script>"},
        {"soort": "Dilemma"},
        {"soort": "x" * 5000},
        {"categorie": "weer"},
        {"soort": LogKind.DILEMMA, "categorie": ObstacleCategory.MONEY},
        {"pagina": "2"},
        {"pagina": "0"},
        {"pagina": "twee"},
    ],
)
def test_unknown_kind_category_or_page_is_404(client, params):
    LogEntryFactory()

    assert client.get(LOG, params).status_code == 404


def test_twenty_per_page_and_links_keep_the_kind(client):
    LogEntryFactory.create_batch(LOG_ENTRIES_PER_PAGE + 1, kind=LogKind.DILEMMA)

    response = client.get(LOG, {"soort": LogKind.DILEMMA})

    assert len(response.context["page_obj"].object_list) == LOG_ENTRIES_PER_PAGE
    assert 'href="?soort=dilemma&amp;pagina=2"' in response.content.decode()
    assert len(shown(client, {"soort": LogKind.DILEMMA, "pagina": 2})) == 1


def test_post_is_not_allowed(client):
    assert client.post(LOG).status_code == 405


def add_entries(initiatives, per_kind):
    for initiative in initiatives:
        for kind in LogKind.values:
            LogEntryFactory.create_batch(per_kind, initiative=initiative, kind=kind)


@pytest.mark.parametrize(
    "params",
    [{}, {"soort": LogKind.DILEMMA}, {"soort": LogKind.OBSTACLE, "categorie": ObstacleCategory.RULES}],
)
def test_log_queries_stay_constant_with_few_and_many_entries(client, params, count_queries):
    initiatives = InitiativeFactory.create_batch(3)
    add_entries(initiatives[:1], per_kind=1)
    few = count_queries(lambda: client.get(LOG, params))

    add_entries(initiatives + InitiativeFactory.create_batch(10), per_kind=5)
    many = count_queries(lambda: client.get(LOG, params))

    assert few == many
    assert many <= 4, f"the log page ran {many} queries"
