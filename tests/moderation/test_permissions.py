"""Who may moderate and who may report what: moderation/permissions.py against explicit tables, for every
kind of person and every kind of item. And every moderation service refuses whoever is not a moderator."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from initiatives.choices import PublicationState
from initiatives.services import publication
from knowledgebase.services import suggestions
from moderation import permissions, services
from moderation.models import Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)

from .factories import KINDS, ReportFactory, SuggestedExampleFactory, fresh, is_hidden, is_public

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "resident",  # signed in, email confirmed
    "unverified",  # signed in, email not confirmed
    "inactive",  # email confirmed, account deactivated
    "blocked",  # email confirmed, blocked by a moderator
    "author",  # wrote the item (for an initiative: its initiator)
    "co_initiator",  # in the initiative's team
    "moderator",
    "council",
    "editor",
    "ombuds",
    "staff",  # staff without a role
    "superuser",
]

MODERATORS = frozenset({"moderator", "superuser"})
NOBODY = frozenset()
# Anyone who may post reports what others wrote; the team of an initiative counts as its authors.
MAY_REPORT = {
    "initiatief": frozenset({"resident", "moderator", "council", "editor", "ombuds", "staff", "superuser"}),
    "logboek": frozenset(
        {"resident", "co_initiator", "moderator", "council", "editor", "ombuds", "staff", "superuser"}
    ),
    "reactie": frozenset(
        {"resident", "co_initiator", "moderator", "council", "editor", "ombuds", "staff", "superuser"}
    ),
    "voorbeeld": frozenset(
        {"resident", "co_initiator", "moderator", "council", "editor", "ombuds", "staff", "superuser"}
    ),
}


def test_the_tables_cover_every_function_in_the_permissions_module():
    public = {
        name for name in dir(permissions) if name.startswith("can_") and callable(getattr(permissions, name))
    }
    # can_post is initiatives', imported; appeals have their own tests in test_appeals.py.
    assert public == {"can_moderate", "can_report", "can_post", "can_appeal", "can_decide_appeal"}


@pytest.fixture
def actors():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    blocked = VerifiedUserFactory(blocked_at=timezone.now(), block_kind="soft")
    return {
        "anonymous": AnonymousUser(),
        "resident": VerifiedUserFactory(),
        "unverified": UserFactory(),
        "inactive": VerifiedUserFactory(is_active=False),
        "blocked": blocked,
        "author": VerifiedUserFactory(),
        "co_initiator": VerifiedUserFactory(),
        "moderator": staff_in_role(Role.MODERATOR),
        "council": staff_in_role(Role.COUNCIL),
        "editor": staff_in_role(Role.EDITOR),
        "ombuds": staff_in_role(Role.OMBUDS),
        "staff": User.objects.get(pk=VerifiedUserFactory(is_staff=True).pk),
        "superuser": User.objects.get(pk=superuser.pk),
    }


def item_by(kind, actors, **kwargs):
    initiative = InitiativeFactory(created_by=actors["author"], team=[actors["co_initiator"]])
    if kind == "initiatief":
        return initiative
    if kind == "logboek":
        return LogEntryFactory(initiative=initiative, author=actors["author"], **kwargs)
    if kind == "reactie":
        return CommentFactory(author=actors["author"], **kwargs)
    return SuggestedExampleFactory(suggested_by=actors["author"], **kwargs)


def test_only_moderators_may_moderate(actors):
    assert {name for name, actor in actors.items() if permissions.can_moderate(actor)} == MODERATORS


def test_a_moderator_whose_account_is_deactivated_may_not_moderate():
    moderator = staff_in_role(Role.MODERATOR)
    moderator.is_active = False

    assert not permissions.can_moderate(moderator)


@pytest.mark.parametrize("kind", KINDS)
def test_who_may_report_a_public_item(actors, kind):
    item = item_by(kind, actors)

    assert {name for name, actor in actors.items() if permissions.can_report(actor, item)} == MAY_REPORT[kind]


NOT_PUBLIC = {
    "initiatief": lambda actors: InitiativeFactory(created_by=actors["author"], draft=True),
    "logboek": lambda actors: item_by("logboek", actors, hidden_at=timezone.now()),
    "reactie": lambda actors: item_by("reactie", actors, hidden_at=timezone.now()),
    "voorbeeld": lambda actors: item_by("voorbeeld", actors, draft=True),
}


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_may_report_what_is_not_public(actors, kind):
    item = NOT_PUBLIC[kind](actors)

    assert {name for name, actor in actors.items() if permissions.can_report(actor, item)} == NOBODY


# --- Every service refuses whoever is not a moderator -----------------------------------------------------


def _hidden_comment(moderator):
    comment = CommentFactory()
    services.item_hide(item=comment, by=moderator, reason="Weg.")
    return fresh(comment)


def _reported_comment(moderator):
    comment = CommentFactory()
    ReportFactory(item=comment)
    return comment


def _open_appeal(moderator):
    comment = CommentFactory()
    action = services.item_hide(item=comment, by=moderator, reason="Weg.")
    return services.appeal_create(action=action, by=comment.author, message="Kijk nog eens.")


def _blocked(moderator):
    person = VerifiedUserFactory()
    services.user_block(user=person, by=moderator, hard=True, reason="Spam.")
    return fresh(person)


# service -> (what it acts on, how it is called, whether nothing changed)
SERVICES = {
    "item_hide": (
        lambda moderator: CommentFactory(),
        lambda item, by: services.item_hide(item=item, by=by, reason="Weg ermee."),
        lambda item: is_public(item),
    ),
    "item_restore": (
        _hidden_comment,
        lambda item, by: services.item_restore(item=item, by=by, reason="Terug."),
        lambda item: is_hidden(item),
    ),
    "reports_dismiss": (
        _reported_comment,
        lambda item, by: services.reports_dismiss(item=item, by=by),
        lambda item: Report.objects.get().status == ReportStatus.OPEN,
    ),
    "initiative_publish": (
        lambda moderator: InitiativeFactory(submitted=True),
        lambda item, by: publication.initiative_publish(initiative=item, by=by),
        lambda item: fresh(item).publication_state == PublicationState.SUBMITTED,
    ),
    "initiative_reject": (
        lambda moderator: InitiativeFactory(submitted=True),
        lambda item, by: publication.initiative_reject(initiative=item, by=by, reason="Te vaag."),
        lambda item: fresh(item).publication_state == PublicationState.SUBMITTED,
    ),
    "suggestion_reject": (
        lambda moderator: SuggestedExampleFactory(draft=True),
        lambda item, by: suggestions.suggestion_reject(article=item, by=by, reason="Reclame."),
        lambda item: not is_hidden(item),
    ),
    "user_block": (
        lambda moderator: VerifiedUserFactory(),
        lambda person, by: services.user_block(user=person, by=by, hard=True, reason="Spam."),
        lambda person: fresh(person).blocked_at is None,
    ),
    "user_unblock": (
        _blocked,
        lambda person, by: services.user_unblock(user=person, by=by),
        lambda person: fresh(person).blocked_at is not None,
    ),
    "appeal_decide": (
        _open_appeal,
        lambda appeal, by: services.appeal_decide(appeal=appeal, by=by, grant=True, reason="Goed."),
        lambda appeal: (
            Appeal.objects.get(pk=appeal.pk).status == AppealStatus.OPEN and is_hidden(appeal.item)
        ),
    ),
}
# Decisions that belong to one kind of item, in the app that owns it, built on moderation's helpers.
OWN_DECISIONS = {"initiative_publish", "initiative_reject", "suggestion_reject"}
NOT_MODERATORS = {
    "resident": lambda: VerifiedUserFactory(),
    "council": lambda: staff_in_role(Role.COUNCIL),
    "editor": lambda: staff_in_role(Role.EDITOR),
    "ombuds": lambda: staff_in_role(Role.OMBUDS),
    "staff without role": lambda: User.objects.get(pk=VerifiedUserFactory(is_staff=True).pk),
}


def test_the_table_covers_every_moderation_service():
    writes = {
        name
        for name in dir(services)
        if callable(getattr(services, name))
        and getattr(getattr(services, name), "__module__", "") == services.__name__
        and not name.startswith("_")
    }
    # appeal_create and report_create are for everyone who may (see the permissions); the helpers every
    # decision is made of (also the apps' own) are tested through them; the rest is moderators'.
    helpers = {
        "moderator_check",
        "reason_clean",
        "action_record",
        "authors_tell",
        "appeal_url",
        "reports_close",
    }
    assert writes - {"appeal_create", "report_create"} - helpers == set(SERVICES) - set(OWN_DECISIONS)


@pytest.mark.parametrize("who", NOT_MODERATORS.keys())
@pytest.mark.parametrize("service", SERVICES.keys())
def test_every_moderation_service_refuses_someone_who_is_not_a_moderator(
    moderator, service, who, mailoutbox, django_capture_on_commit_callbacks
):
    prepare, call, unchanged = SERVICES[service]
    target = prepare(moderator)
    actions_before = ModerationAction.objects.count()
    person = NOT_MODERATORS[who]()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        call(target, person)

    assert unchanged(target)
    assert ModerationAction.objects.count() == actions_before
    assert mailoutbox == []


@pytest.mark.parametrize("service", SERVICES.keys())
def test_every_moderation_service_works_for_a_moderator(moderator, second_moderator, service):
    """The other side of the table above: the same calls succeed for a moderator (another one than the
    moderator who made the decision that an appeal is about)."""
    prepare, call, unchanged = SERVICES[service]
    target = prepare(moderator)

    call(target, second_moderator)

    assert not unchanged(target)
