"""A resident's suggested examples are theirs (AVG/GDPR): in their data export, and gone with their account
unless the editors published them."""

import json

import pytest
from django.urls import reverse

from accounts.services import user_delete
from knowledgebase.models import Article
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_export_lists_the_examples_the_person_suggested(client_logged_in, user, other_user):
    ArticleFactory(draft=True, suggested_by=user, title="Buurtkamer in de bieb", body="Het begon met koffie.")
    ArticleFactory(draft=True, suggested_by=other_user, title="Van iemand anders")

    data = json.loads(client_logged_in.get(reverse("accounts:data_export")).content)

    assert [(row["title"], row["text"], row["state"]) for row in data["suggested_examples"]] == [
        ("Buurtkamer in de bieb", "Het begon met koffie.", "draft")
    ]


def test_deleting_the_account_withdraws_unpublished_suggestions_and_keeps_published_ones(user):
    unpublished = ArticleFactory(draft=True, suggested_by=user)
    published = ArticleFactory(suggested_by=user)
    someone_elses = ArticleFactory(draft=True)

    user_delete(user=user)

    assert not Article.objects.filter(pk=unpublished.pk).exists()
    published.refresh_from_db()
    assert published.suggested_by is None
    assert Article.objects.filter(pk=someone_elses.pk).exists()
