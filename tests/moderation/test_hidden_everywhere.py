"""Hidden content is gone from every public page, list, search result and count, however it was hidden
(by a moderator, by enough reports, by a hard block of its author), and it is kept: restoring brings all
of it back."""

import pytest
from django.urls import reverse

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.models import Comment, LogEntry
from initiatives.services.search import initiative_reindex
from knowledgebase.models import Article
from moderation.models import ReportReason
from moderation.services import item_hide, item_restore, report_create, user_block, user_unblock
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)

from .factories import SuggestedExampleFactory, author_of, is_hidden

pytestmark = pytest.mark.django_db

LOG_WORD = "fietsenstalling"
EXAMPLE_WORD = "kringloopwinkel"
INITIATIVE_WORD = "jeu-de-boulesbaan"


def _by_moderator(item, moderator):
    item_hide(item=item, by=moderator, reason="Dit is beledigend voor de buren.")


def _by_reports(item, moderator):
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=item, by=reporter, reason=ReportReason.OFFENSIVE)


def _by_blocking_the_author(item, moderator):
    user_block(user=author_of(item), by=moderator, hard=True, reason="Herhaaldelijk schelden.")


def _restore(item, moderator, how):
    if how is _by_blocking_the_author:
        user_unblock(user=author_of(item), by=moderator)
    else:
        item_restore(item=type(item).objects.get(pk=item.pk), by=moderator)


HOW = {"by a moderator": _by_moderator, "by reports": _by_reports, "by a hard block": _by_blocking_the_author}


@pytest.fixture(autouse=True)
def _threshold(threshold_of_two):
    pass


# --- A comment -----------------------------------------------------------------------------------------


def comments_on_page(client, initiative):
    response = client.get(initiative.get_absolute_url())
    whole_list = client.get(reverse("initiatives:comment_list", kwargs={"slug": initiative.slug}))
    assert response.status_code == whole_list.status_code == 200
    listed = {comment.body for comment in response.context["comments"]}
    listed |= {comment.body for comment in whole_list.context["page_obj"].object_list}
    return listed, response.content.decode() + whole_list.content.decode()


@pytest.mark.parametrize("how", HOW.values(), ids=HOW.keys())
def test_a_hidden_comment_is_not_on_the_initiative_page_and_comes_back_when_restored(client, moderator, how):
    initiative = InitiativeFactory()
    comment = CommentFactory(initiative=initiative, body="Jullie zijn allemaal sukkels.")
    CommentFactory(initiative=initiative, body="Wat een mooi plan, ik help mee.")
    listed, page = comments_on_page(client, initiative)
    assert "Jullie zijn allemaal sukkels." in listed
    assert "sukkels" in page

    how(comment, moderator)

    listed, page = comments_on_page(client, initiative)
    assert listed == {"Wat een mooi plan, ik help mee."}
    assert "sukkels" not in page
    assert Comment.objects.filter(pk=comment.pk, body="Jullie zijn allemaal sukkels.").exists()  # kept

    _restore(comment, moderator, how)

    listed, page = comments_on_page(client, initiative)
    assert "Jullie zijn allemaal sukkels." in listed
    assert "sukkels" in page


# --- A log entry ---------------------------------------------------------------------------------------


@pytest.fixture
def obstacle():
    co_initiator = VerifiedUserFactory()
    initiative = InitiativeFactory(title="Buurtschuur De Huet", team=[co_initiator])
    InitiativeFactory(title="Moestuin Gaanderen")
    entry = LogEntryFactory(
        initiative=initiative,
        kind=LogKind.OBSTACLE,
        obstacle_category=ObstacleCategory.RULES,
        title=f"Geen vergunning voor de {LOG_WORD}",
        text=f"De gemeente zegt nee tegen de {LOG_WORD} naast het dorpshuis.",
    )
    # By someone else: a hard block of the obstacle's author leaves it.
    LogEntryFactory(initiative=initiative, author=co_initiator, kind=LogKind.UPDATE, title="Eerste klusdag")
    initiative_reindex(initiative=initiative)
    return entry


def where_the_entry_shows(client, entry) -> dict:
    """Every public place where a log entry (or its words) can show, with what it shows there."""
    detail = client.get(entry.initiative.get_absolute_url())
    whole_log = client.get(
        reverse("initiatives:initiative_log_entry_list", kwargs={"slug": entry.initiative.slug})
    )
    log = client.get(reverse("initiatives:log_entry_list"))
    obstacles_log = client.get(reverse("initiatives:log_entry_list"), {"soort": LogKind.OBSTACLE})
    obstacles = client.get(reverse("initiatives:obstacle_list"))
    listed = client.get(reverse("initiatives:initiative_list"), {"zoek": LOG_WORD})
    site = client.get(reverse("site_search"), {"q": LOG_WORD})
    for response in (detail, whole_log, log, obstacles_log, obstacles, listed, site):
        assert response.status_code == 200
    kind_counts = {row["value"]: row["count"] for row in log.context["kinds"]}
    rules = next(row for row in obstacles.context["categories"] if row["value"] == ObstacleCategory.RULES)
    return {
        "on the initiative page": entry.pk in {e.pk for e in detail.context["log_entries"]}
        or LOG_WORD in detail.content.decode()
        or entry.pk in {e.pk for e in whole_log.context["page_obj"].object_list}
        or LOG_WORD in whole_log.content.decode(),
        "in the log": entry.pk in {e.pk for e in log.context["page_obj"].object_list}
        or LOG_WORD in log.content.decode(),
        "log total": log.context["total"],
        "obstacles counted in the log": kind_counts[LogKind.OBSTACLE],
        "in the obstacles log": entry.pk in {e.pk for e in obstacles_log.context["page_obj"].object_list},
        "on the obstacles page": entry.pk in {e.pk for e in rules["latest"]}
        or LOG_WORD in obstacles.content.decode(),
        "obstacles counted": (rules["entries"], rules["initiatives"], obstacles.context["totals"]["entries"]),
        "initiative search": [i.title for i in listed.context["page_obj"].object_list],
        "site search": [i.title for i in site.context["sections"][0]["results"]],
        "site search count": site.context["sections"][0]["count"],
    }


VISIBLE = {
    "on the initiative page": True,
    "in the log": True,
    "log total": 2,
    "obstacles counted in the log": 1,
    "in the obstacles log": True,
    "on the obstacles page": True,
    "obstacles counted": (1, 1, 1),
    "initiative search": ["Buurtschuur De Huet"],
    "site search": ["Buurtschuur De Huet"],
    "site search count": 1,
}
GONE = {
    "on the initiative page": False,
    "in the log": False,
    "log total": 1,
    "obstacles counted in the log": 0,
    "in the obstacles log": False,
    "on the obstacles page": False,
    "obstacles counted": (0, 0, 0),
    "initiative search": [],
    "site search": [],
    "site search count": 0,
}


@pytest.mark.parametrize("how", HOW.values(), ids=HOW.keys())
def test_a_hidden_log_entry_is_gone_from_every_page_search_and_count_until_restored(
    client, moderator, obstacle, how
):
    assert where_the_entry_shows(client, obstacle) == VISIBLE

    how(obstacle, moderator)

    assert is_hidden(obstacle)
    assert where_the_entry_shows(client, obstacle) == GONE
    assert LogEntry.objects.filter(pk=obstacle.pk).exists()

    _restore(obstacle, moderator, how)

    assert where_the_entry_shows(client, obstacle) == VISIBLE


# --- A suggested example -------------------------------------------------------------------------------


@pytest.fixture
def example():
    return SuggestedExampleFactory(
        title=f"De {EXAMPLE_WORD} van Wijnbergen", body=f"Buren openden samen een {EXAMPLE_WORD}."
    )


def where_the_example_shows(client, example) -> dict:
    articles = client.get(reverse("knowledgebase:article_list"))
    searched = client.get(reverse("knowledgebase:article_list"), {"zoek": EXAMPLE_WORD})
    overview = client.get(reverse("knowledgebase:index"))
    site = client.get(reverse("site_search"), {"q": EXAMPLE_WORD})
    for response in (articles, searched, overview, site):
        assert response.status_code == 200
    return {
        "its page": client.get(example.get_absolute_url()).status_code,
        "article list": example.pk in {a.pk for a in articles.context["page_obj"].object_list},
        "article search": example.pk in {a.pk for a in searched.context["page_obj"].object_list},
        "knowledge base front page": example.pk in {a.pk for a in overview.context["latest"]},
        "site search": [a.title for a in site.context["sections"][1]["results"]],
        "site search count": site.context["sections"][1]["count"],
    }


@pytest.mark.parametrize("how", HOW.values(), ids=HOW.keys())
def test_a_hidden_suggested_example_is_gone_from_the_knowledge_base_and_search_until_restored(
    client, moderator, example, how
):
    visible = {
        "its page": 200,
        "article list": True,
        "article search": True,
        "knowledge base front page": True,
        "site search": [example.title],
        "site search count": 1,
    }
    assert where_the_example_shows(client, example) == visible

    how(example, moderator)

    assert where_the_example_shows(client, example) == {
        "its page": 404,
        "article list": False,
        "article search": False,
        "knowledge base front page": False,
        "site search": [],
        "site search count": 0,
    }
    assert Article.objects.filter(pk=example.pk).exists()

    _restore(example, moderator, how)

    assert where_the_example_shows(client, example) == visible


# --- An initiative -------------------------------------------------------------------------------------


INITIATIVE_HOW = {"by a moderator": _by_moderator, "by reports": _by_reports}


def where_the_initiative_shows(client, initiative) -> dict:
    listed = client.get(reverse("initiatives:initiative_list"))
    searched = client.get(reverse("initiatives:initiative_list"), {"zoek": INITIATIVE_WORD})
    site = client.get(reverse("site_search"), {"q": INITIATIVE_WORD})
    home = client.get(reverse("home"))
    log = client.get(reverse("initiatives:log_entry_list"))
    for response in (listed, searched, site, home, log):
        assert response.status_code == 200
    return {
        "its page": client.get(initiative.get_absolute_url()).status_code,
        "list": initiative.pk in {i.pk for i in listed.context["page_obj"].object_list},
        "list search": initiative.pk in {i.pk for i in searched.context["page_obj"].object_list},
        "site search count": site.context["sections"][0]["count"],
        "home": initiative.pk in {i.pk for i in home.context["latest_initiatives"]},
        "its log in the log": log.context["total"],
    }


@pytest.mark.parametrize("how", INITIATIVE_HOW.values(), ids=INITIATIVE_HOW.keys())
@pytest.mark.parametrize("visitor", ["anonymous", "resident"])
def test_a_hidden_initiative_is_not_found_and_out_of_every_list_until_restored(
    client, user, moderator, how, visitor
):
    initiative = InitiativeFactory(title=f"Een {INITIATIVE_WORD} voor het dorp")
    LogEntryFactory(initiative=initiative)
    if visitor == "resident":
        client.force_login(user)
    visible = {
        "its page": 200,
        "list": True,
        "list search": True,
        "site search count": 1,
        "home": True,
        "its log in the log": 1,
    }
    assert where_the_initiative_shows(client, initiative) == visible

    how(initiative, moderator)

    assert where_the_initiative_shows(client, initiative) == {
        "its page": 404,
        "list": False,
        "list search": False,
        "site search count": 0,
        "home": False,
        "its log in the log": 0,
    }

    _restore(initiative, moderator, how)

    assert where_the_initiative_shows(client, initiative) == visible


def test_the_team_still_sees_its_hidden_initiative(client, moderator):
    initiative = InitiativeFactory()
    item_hide(item=initiative, by=moderator, reason="Even offline.")
    client.force_login(initiative.created_by)

    assert client.get(initiative.get_absolute_url()).status_code == 200


# --- Kept: the author cannot remove what moderation hid ----------------------------------------------


def test_the_author_cannot_change_or_delete_a_hidden_comment(client, moderator):
    comment = CommentFactory(body="Oorspronkelijke tekst")
    item_hide(item=comment, by=moderator, reason="Beledigend.")
    client.force_login(comment.author)
    slug = comment.initiative.slug

    edit = client.post(reverse("initiatives:comment_edit", args=[slug, comment.pk]), {"body": "Weggepoetst"})
    delete = client.post(reverse("initiatives:comment_delete", args=[slug, comment.pk]))

    assert edit.status_code in (403, 404)
    assert delete.status_code in (403, 404)
    assert Comment.objects.get(pk=comment.pk).body == "Oorspronkelijke tekst"


def test_the_team_cannot_change_or_delete_a_hidden_log_entry(client, moderator):
    entry = LogEntryFactory(title="Oorspronkelijke titel")
    item_hide(item=entry, by=moderator, reason="Persoonsgegevens.")
    client.force_login(entry.initiative.created_by)
    slug = entry.initiative.slug

    edit = client.post(reverse("initiatives:log_entry_edit", args=[slug, entry.pk]), {"title": "Weggepoetst"})
    delete = client.post(reverse("initiatives:log_entry_delete", args=[slug, entry.pk]))

    assert edit.status_code == 404
    assert delete.status_code == 404
    assert LogEntry.objects.get(pk=entry.pk).title == "Oorspronkelijke titel"
