"""The initiative's page shows the newest of its log, comments and named supporters, with a link to a page
of each list; those pages read the same list, in pages, with the same rules (issue 16)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.views.detail import (
    COMMENTS_PER_PAGE,
    COMMENTS_SHOWN,
    LOG_ENTRIES_PER_PAGE,
    LOG_ENTRIES_SHOWN,
    SUPPORTERS_PER_PAGE,
    SUPPORTERS_SHOWN,
)
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    SupportFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, initiative, page=None):
    url = reverse(f"initiatives:{name}", kwargs={"slug": initiative.slug})
    return f"{url}?pagina={page}" if page else url


def _log(initiative, count):
    """`count` entries, one a day back from today: entry 0 is the newest."""
    today = timezone.localdate()
    return [
        LogEntryFactory(
            initiative=initiative, title=f"Bericht {n}", happened_on=today - datetime.timedelta(n)
        )
        for n in range(count)
    ]


def test_the_page_shows_the_newest_log_entries_and_links_to_the_whole_log(client):
    initiative = InitiativeFactory()
    entries = _log(initiative, LOG_ENTRIES_SHOWN + 3)

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert all(f'id="logboek-{entry.pk}"' in html for entry in entries[:LOG_ENTRIES_SHOWN])
    assert not any(f'id="logboek-{entry.pk}"' in html for entry in entries[LOG_ENTRIES_SHOWN:])
    assert _url("initiative_log_entry_list", initiative) in html
    assert f"alle {LOG_ENTRIES_SHOWN + 3} berichten" in html


def test_a_short_log_has_no_link_to_more(client):
    initiative = InitiativeFactory()
    _log(initiative, 2)
    assert (
        _url("initiative_log_entry_list", initiative)
        not in client.get(initiative.get_absolute_url()).content.decode()
    )


def test_the_log_page_reads_the_whole_log_in_pages_without_hidden_entries(client):
    initiative = InitiativeFactory()
    entries = _log(initiative, LOG_ENTRIES_PER_PAGE + 5)
    hidden = entries[LOG_ENTRIES_PER_PAGE + 1]  # would be on page 2
    hidden.hidden_at = timezone.now()
    hidden.save()
    shown = [entry for entry in entries if entry != hidden]

    first = client.get(_url("initiative_log_entry_list", initiative)).content.decode()
    second = client.get(_url("initiative_log_entry_list", initiative, 2)).content.decode()

    assert [f'id="logboek-{entry.pk}"' in first for entry in shown].count(True) == LOG_ENTRIES_PER_PAGE
    assert all(f'id="logboek-{entry.pk}"' in second for entry in shown[LOG_ENTRIES_PER_PAGE:])
    assert f'id="logboek-{hidden.pk}"' not in first + second
    assert f"{len(shown)} berichten" in first
    assert initiative.get_absolute_url() in first  # the way back
    assert client.get(_url("initiative_log_entry_list", initiative, 3)).status_code == 404


def test_comments_show_the_newest_on_the_page_and_the_rest_on_the_comments_page(client):
    initiative = InitiativeFactory()
    comments = CommentFactory.create_batch(COMMENTS_PER_PAGE + 4, initiative=initiative)
    newest_first = comments[::-1]
    hidden = newest_first[COMMENTS_PER_PAGE + 2]  # would be on page 2 of the comments
    hidden.hidden_at = timezone.now()
    hidden.save()
    visible = [comment for comment in newest_first if comment != hidden]

    page = client.get(initiative.get_absolute_url()).content.decode()
    first = client.get(_url("comment_list", initiative)).content.decode()
    second = client.get(_url("comment_list", initiative, 2)).content.decode()

    assert all(f'id="reactie-{comment.pk}"' in page for comment in visible[:COMMENTS_SHOWN])
    assert f'id="reactie-{visible[COMMENTS_SHOWN].pk}"' not in page
    assert f"Alle {len(visible)} reacties" in page
    assert all(f'id="reactie-{comment.pk}"' in first for comment in visible[:COMMENTS_PER_PAGE])
    assert all(f'id="reactie-{comment.pk}"' in second for comment in visible[COMMENTS_PER_PAGE:])
    assert f'id="reactie-{hidden.pk}"' not in page + first + second


def test_named_supporters_are_listed_newest_first_and_anonymous_ones_never(client):
    initiative = InitiativeFactory()
    named = [
        SupportFactory(
            initiative=initiative, is_named=True, user=VerifiedUserFactory(display_name=f"Steun {n:03}")
        )
        for n in range(SUPPORTERS_PER_PAGE + 2)
    ]
    SupportFactory(initiative=initiative, user=VerifiedUserFactory(display_name="Zonder Naam"))

    page = client.get(initiative.get_absolute_url()).content.decode()
    first = client.get(_url("supporter_list", initiative)).content.decode()
    second = client.get(_url("supporter_list", initiative, 2)).content.decode()

    newest = named[::-1]
    assert all(support.user.display_name in page for support in newest[:SUPPORTERS_SHOWN])
    assert newest[SUPPORTERS_SHOWN].user.display_name not in page
    assert f"Alle {len(named)} namen" in page
    assert newest[SUPPORTERS_PER_PAGE - 1].user.display_name in first
    assert all(support.user.display_name in second for support in newest[SUPPORTERS_PER_PAGE:])
    assert "Zonder Naam" not in page + first + second


@pytest.mark.parametrize("name", ["initiative_log_entry_list", "comment_list", "supporter_list"])
def test_the_list_pages_of_a_draft_are_for_its_team_only(client, name):
    draft = InitiativeFactory(draft=True)
    assert client.get(_url(name, draft)).status_code == 404
    client.force_login(VerifiedUserFactory())
    assert client.get(_url(name, draft)).status_code == 404
    client.force_login(draft.created_by)
    assert client.get(_url(name, draft)).status_code == 200


def _initiative_with(rows):
    initiative = InitiativeFactory()
    LogEntryFactory.create_batch(rows, initiative=initiative)
    CommentFactory.create_batch(rows, initiative=initiative)
    SupportFactory.create_batch(rows, initiative=initiative, is_named=True)
    return initiative


@pytest.mark.parametrize("name", ["initiative_log_entry_list", "comment_list", "supporter_list"])
def test_the_list_pages_queries_do_not_grow_with_the_data(client, count_queries, name):
    small, large = _initiative_with(3), _initiative_with(130)

    small_count = count_queries(lambda: client.get(_url(name, small)))
    large_count = count_queries(lambda: client.get(_url(name, large, 2)))

    assert small_count == large_count, f"{small_count} queries with little data, {large_count} with much"
    assert small_count <= 6


# --- After writing: back to where the entry or comment is listed -------------------------------------


def test_a_log_entry_dated_back_leads_to_the_page_of_the_log_that_shows_it(client):
    from tests.initiatives.log_help_helpers import create_url, entry_data

    initiative = InitiativeFactory()
    _log(initiative, LOG_ENTRIES_PER_PAGE + 5)
    client.force_login(initiative.created_by)
    long_ago = (timezone.localdate() - datetime.timedelta(days=400)).isoformat()

    response = client.post(create_url(initiative), entry_data(happened_on=long_ago, title="Lang geleden"))

    entry = initiative.log_entries.get(title="Lang geleden")
    expected = f"{_url('initiative_log_entry_list', initiative, 2)}#logboek-{entry.pk}"
    assert response.status_code == 302 and response["Location"] == expected
    assert f'id="logboek-{entry.pk}"' in client.get(expected.split("#")[0]).content.decode()


def test_a_new_log_entry_of_today_leads_to_the_initiatives_page(client):
    from tests.initiatives.log_help_helpers import create_url, entry_data

    initiative = InitiativeFactory()
    _log(initiative, LOG_ENTRIES_PER_PAGE + 5)
    client.force_login(initiative.created_by)

    response = client.post(create_url(initiative), entry_data(title="Vandaag"))

    entry = initiative.log_entries.get(title="Vandaag")
    assert response["Location"] == f"{initiative.get_absolute_url()}#logboek-{entry.pk}"


def test_changing_an_older_comment_leads_to_the_comments_page_that_shows_it(client):
    initiative = InitiativeFactory()
    author = VerifiedUserFactory()
    old = CommentFactory(initiative=initiative, author=author)
    CommentFactory.create_batch(COMMENTS_SHOWN, initiative=initiative)
    client.force_login(author)
    edit = reverse("initiatives:comment_edit", kwargs={"slug": initiative.slug, "pk": old.pk})

    response = client.post(edit, {"body": "Aangepast"})

    assert response["Location"] == f"{_url('comment_list', initiative)}#reactie-{old.pk}"


def test_a_busy_initiatives_page_stays_under_100_kb(client):
    """The issue's limit: with 150 long log entries, comments and named supporters the page shows a few."""
    initiative = InitiativeFactory()
    text = "Een lange alinea over wat er gebeurde, wat hielp en wat tegenzat. " * 30
    LogEntryFactory.create_batch(150, initiative=initiative, text=text)
    CommentFactory.create_batch(150, initiative=initiative, body=text[:2900])
    SupportFactory.create_batch(150, initiative=initiative, is_named=True)

    size = len(client.get(initiative.get_absolute_url()).content)

    assert size < 100_000, f"{size} bytes"
