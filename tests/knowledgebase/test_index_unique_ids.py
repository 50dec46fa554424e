"""An article can be on the knowledge base's page twice, featured and among the latest: each card keeps
ids of its own, so its heading still names it and the page stays valid HTML."""

from collections import Counter

import pytest
from django.urls import reverse

from tests.html import by_id, elements, parse
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_article_both_featured_and_latest_has_no_id_twice(client):
    article = ArticleFactory(title="Tips voor een buurtavond", is_featured=True)

    page = parse(client.get(reverse("knowledgebase:index")))

    cards = [
        card for card in elements(page, "article", cls="loket-article-card") if article.title in card.text
    ]
    assert len(cards) == 2
    ids = Counter(element["id"] for element in elements(page, id=True))
    assert [identifier for identifier, count in ids.items() if count > 1] == []
    for card in cards:  # each card is named by its own heading
        assert by_id(page, card["aria-labelledby"]).get_text(strip=True) == article.title
