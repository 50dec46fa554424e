"""The README's paragraph about the demo content says in figures what `manage.py loket_demo` loads; this
reads the figures from the README and counts them in the loaded demo, so neither can drift."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from demo.loader.initiatives import initiative_slugs
from initiatives.choices import PublicationState
from initiatives.models import Initiative
from knowledgebase.models import Article, CaseAnalysis

pytestmark = pytest.mark.django_db

CIVIL_SERVANT, INITIATOR = "ambtenaar@loket.example", "initiatiefnemer@loket.example"
_ONES = (  # noqa: SIM905 - one line of words reads better than twenty lines of one word
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}


def number(word: str) -> int:
    """An English number word as the README writes it: "eight", "twenty-two"."""
    tens, _dash, ones = word.lower().partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_ONES.index(ones) if ones else 0)
    return _ONES.index(tens)


def demo_paragraph() -> str:
    text = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    start = text.index("The demo content (")
    return " ".join(text[start : text.index("\n\n", start)].split())


def figure(pattern: str) -> tuple[int, ...]:
    """The number words the README's demo paragraph has where `pattern` has `(N)`."""
    found = re.search(pattern.replace("(N)", r"([a-z]+(?:-[a-z]+)?)"), demo_paragraph())
    assert found, f"the README's demo paragraph does not say {pattern!r}"
    return tuple(number(word) for word in found.groups())


@pytest.fixture
def initiatives(demo):
    """The demo's initiatives of today (data/initiatives.yaml), without the earlier cases."""
    return Initiative.objects.filter(slug__in=initiative_slugs("initiatives"))


def test_the_readme_number_words_are_read_as_numbers():
    assert [number(word) for word in ["eight", "sixteen", "twenty", "twenty-two", "thirty-six"]] == [
        8,
        16,
        20,
        22,
        36,
    ]


def test_the_readme_counts_the_initiatives_and_the_published_ones(initiatives):
    (total,) = figure(r"(N) initiatives in Doetinchem")
    (published,) = figure(r"(N) of them published")

    assert initiatives.count() == total
    assert initiatives.filter(publication_state=PublicationState.PUBLISHED).count() == published


def test_the_readme_counts_the_earlier_cases(demo):
    (earlier,) = figure(r"(N) earlier cases")

    assert Initiative.objects.filter(slug__in=initiative_slugs("history")).count() == earlier


def test_the_demo_initiator_has_a_draft_and_a_submitted_initiative(initiatives):
    figure(r"The demo initiator has a draft and a submitted initiative")
    states = list(
        initiatives.filter(memberships__user__email=INITIATOR)
        .exclude(publication_state=PublicationState.PUBLISHED)
        .values_list("publication_state", flat=True)
    )

    assert sorted(states) == sorted([PublicationState.DRAFT, PublicationState.SUBMITTED])


def test_the_civil_servant_is_the_contact_of_some_and_finds_the_others_in_the_response_queue(initiatives):
    contact_of, others = figure(
        r"named contact of (N) of the published ones and finds the other (N) in the response queue"
    )
    published = initiatives.filter(publication_state=PublicationState.PUBLISHED)

    assert published.filter(contact_person__email=CIVIL_SERVANT).count() == contact_of
    rest = published.exclude(contact_person__email=CIVIL_SERVANT)
    assert rest.count() == others
    queue = Initiative.objects.waiting_for_first_response()
    assert set(rest.values_list("pk", flat=True)) <= set(queue.values_list("pk", flat=True))


def test_the_readme_counts_the_articles_and_case_analyses(demo):
    articles, analyses = figure(r"knowledge base has (N) articles \(.*?\) and (N) case analyses")

    assert Article.objects.published().count() == articles
    assert CaseAnalysis.objects.published().count() == analyses
