"""Factories and small helpers for moderation: a report, a suggested example, and one public item of each
kind that can be moderated (by its slug in web addresses: initiatief, logboek, reactie, voorbeeld)."""

import factory
from django.urls import reverse
from factory.django import DjangoModelFactory

from moderation.models import Report, ReportReason
from moderation.registry import kind_of
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import ArticleFactory

KINDS = ["initiatief", "logboek", "reactie", "voorbeeld"]

# The moderators' pages in the management site that are not about one item or account.
QUEUE = reverse("admin:moderation_queue")
AUDIT_LOG = reverse("admin:moderation_moderationaction_changelist")


class SuggestedExampleFactory(ArticleFactory):
    """An example a resident suggested, published by the editors (`draft=True`: still waiting)."""

    title = factory.Sequence(lambda n: f"Voorgesteld voorbeeld {n}")
    slug = factory.Sequence(lambda n: f"voorgesteld-voorbeeld-{n}")
    suggested_by = factory.SubFactory(VerifiedUserFactory)


class ReportFactory(DjangoModelFactory):
    """An open report about a comment (`item=` for anything else)."""

    class Meta:
        model = Report

    item = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(VerifiedUserFactory)
    reason = ReportReason.OFFENSIVE
    text = "Dit gaat over de schreef."


def public_item(kind: str, **kwargs):
    """A public item of `kind`, written by a resident with a confirmed address."""
    factories = {
        "initiatief": InitiativeFactory,
        "logboek": LogEntryFactory,
        "reactie": CommentFactory,
        "voorbeeld": SuggestedExampleFactory,
    }
    return factories[kind](**kwargs)


def author_of(item):
    """The (first) person a decision about `item` is sent to."""
    return kind_of(item).authors(item)[0]


def fresh(item):
    return type(item).objects.get(pk=item.pk)


def is_hidden(item) -> bool:
    item = fresh(item)
    return kind_of(item).is_hidden(item)


def is_public(item) -> bool:
    item = fresh(item)
    return kind_of(item).is_public(item)


def report_url(item) -> str:
    return reverse("moderation:report_create", kwargs={"kind": kind_of(item).slug, "pk": item.pk})


def appeal_url(action) -> str:
    return reverse("moderation:appeal_create", args=[action.pk])


def item_page(item) -> str:
    """The item's page in the management site."""
    return reverse("admin:moderation_item", kwargs={"kind": kind_of(item).slug, "pk": item.pk})


def account_page(user) -> str:
    return reverse("admin:moderation_account", args=[user.pk])
