"""Who sees what, asked the way each person meets it: on the site, in the management site and through the
open data. The visibility matrices (tests/<app>/test_visibility.py) make one item per state, ask these for
every role and compare with their tables, which README "Roles" says in words.

A person "sees" an item in the management site when its list shows it and its page opens; the two must
agree, or one of them leaks."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from tests import streams
from tests.accounts.factories import UserFactory, staff_in_role, verify_email

# Everyone the site knows. "team" is a member of the team of the initiative the item belongs to (a plain
# resident where an item has no initiative).
ROLES = ("anonymous", "resident", "team", "moderator", "editor", "council", "ombuds", "superuser")
EVERYONE = frozenset(ROLES)
NOBODY = frozenset()


def _resident():
    person = UserFactory()
    verify_email(person)
    return User.objects.get(pk=person.pk)


def people() -> dict:
    """One person per role; the anonymous visitor is None."""
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    return {
        "anonymous": None,
        "resident": _resident(),
        "team": _resident(),
        "moderator": staff_in_role(Role.MODERATOR),
        "editor": staff_in_role(Role.EDITOR),
        "council": staff_in_role(Role.COUNCIL),
        "ombuds": staff_in_role(Role.OMBUDS),
        "superuser": User.objects.get(pk=superuser.pk),
    }


def as_user(person):
    """The person as a permission function gets them: the anonymous visitor is AnonymousUser."""
    return AnonymousUser() if person is None else person


def who(client, everyone: dict, sees) -> set[str]:
    """The roles for whom `sees(client)` is true, each asked signed in as that person."""
    seen = set()
    for role, person in everyone.items():
        client.logout()
        if person is not None:
            client.force_login(person)
        if sees(client):
            seen.add(role)
    client.logout()
    return seen


def page_opens(client, url) -> bool:
    """The page is there (200) or, for this person, does not exist (404); nothing in between."""
    status = client.get(url).status_code
    assert status in (200, 404), f"{url}: {status}"
    return status == 200


def page_shows(client, url, text) -> bool:
    """The page opens and has `text` on it (a 404 shows nothing)."""
    response = client.get(url)
    assert response.status_code in (200, 404), f"{url}: {response.status_code}"
    return response.status_code == 200 and text in streams.text(response)


def admin_change_url(item) -> str:
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def admin_shows(client, item) -> bool:
    """The management site lists `item` among its kind and opens its page. Someone without the role gets
    neither (sent to log in, or refused); someone who may not see this one item does not find it listed,
    and its page answers as for an item that does not exist."""
    opts = item._meta
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    listed = listing.status_code == 200 and f'href="{admin_change_url(item)}"' in listing.content.decode()
    opens = client.get(admin_change_url(item)).status_code == 200
    assert listed == opens, f"{item!r}: listed {listed}, page opens {opens}"
    return opens


def autocomplete_offers(client, item, *, source: str, field: str, term: str) -> bool:
    """Whether the management site's autocomplete of `source`'s `field` ("knowledgebase.article",
    "initiative") offers `item` when `term` is typed."""
    app_label, model_name = source.split(".")
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field, "term": term},
    )
    if response.status_code != 200:
        return False
    return str(item.pk) in {result["id"] for result in response.json()["results"]}
