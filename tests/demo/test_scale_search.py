"""The scale data set is found as the app finds what people write: its search documents (both databases)
and weighted vectors (PostgreSQL) are the ones the app's reindex services make."""

import pytest
from django.db import connection

from initiatives.models import Initiative
from initiatives.services.search import initiative_reindex
from knowledgebase.models import Article, CaseAnalysis
from knowledgebase.services.articles import analysis_reindex, article_reindex
from tests.demo.scale_helpers import scale_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def scale(django_db_setup, django_db_blocker):
    yield from scale_loaded(django_db_blocker, size=60)


def assert_as_reindexed(queryset, reindex, keyword):
    rows = list(queryset.order_by("?")[:10])
    assert rows
    for row in rows:
        document, vector = row.search_document, row.search_vector
        reindex(**{keyword: row})
        row.refresh_from_db()
        assert document == row.search_document
        assert vector == row.search_vector
        if connection.vendor == "postgresql":
            assert vector


def test_initiatives_are_indexed_as_the_app_indexes_them():
    assert_as_reindexed(Initiative.objects.all(), initiative_reindex, "initiative")


def test_articles_are_indexed_as_the_app_indexes_them():
    assert_as_reindexed(Article.objects.all(), article_reindex, "article")


def test_case_analyses_are_indexed_as_the_app_indexes_them():
    assert_as_reindexed(CaseAnalysis.objects.all(), analysis_reindex, "analysis")
