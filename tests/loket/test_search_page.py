"""The site-wide search (/zoeken/?q=): published initiatives, articles and case analyses, each in its own
section with a count, and links to the full lists where there are more."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import urlencode

from flywheels.models import Concept
from loket.views import SEARCH_RESULTS_PER_KIND
from tests.html import elements, links, parse, text_of
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("site_search")
KINDS = ["initiatives", "articles", "analyses"]  # the order of the sections on the page


def search(client, text):
    response = client.get(SEARCH, {"q": text})
    assert response.status_code == 200
    return response


def sections(response) -> dict:
    """The page's sections by kind; each with its `count`, `results` and `more_url`."""
    found = response.context["sections"]
    assert len(found) == len(KINDS)
    return dict(zip(KINDS, found, strict=True))


def found(response) -> dict[str, set[str]]:
    """The titles each section shows."""
    return {kind: {item.title for item in section["results"]} for kind, section in sections(response).items()}


# --- What is found ------------------------------------------------------------------------------------


def test_visitor_finds_initiatives_articles_and_analyses_in_separate_sections_with_counts(client):
    initiative = InitiativeFactory(title="Speeltuin aan de Dichterenweg")
    article = ArticleFactory(title="Zo bouw je een speeltuin", summary="Met de hele buurt.")
    analysis = CaseAnalysisFactory(title="Analyse: de speeltuin in Wijnbergen")
    InitiativeFactory(title="Moestuin in Gaanderen")

    response = search(client, "speeltuin")

    by_kind = sections(response)
    assert by_kind["initiatives"]["results"] == [initiative]
    assert by_kind["articles"]["results"] == [article]
    assert by_kind["analyses"]["results"] == [analysis]
    assert [by_kind[kind]["count"] for kind in KINDS] == [1, 1, 1]
    assert response.context["total"] == 3
    regions = elements(parse(response), "section", "loket-section")
    assert len(regions) == 3
    for region, item in zip(regions, [initiative, article, analysis], strict=True):
        assert links(region) == [item.get_absolute_url()]
        assert text_of(elements(region, "span", "loket-count")[0]) == "(1)"


def test_a_section_counts_every_match_but_shows_the_first_few(client):
    InitiativeFactory.create_batch(SEARCH_RESULTS_PER_KIND + 2, title="Buurtbarbecue")

    by_kind = sections(search(client, "buurtbarbecue"))

    assert by_kind["initiatives"]["count"] == SEARCH_RESULTS_PER_KIND + 2
    assert len(by_kind["initiatives"]["results"]) == SEARCH_RESULTS_PER_KIND


def test_search_never_finds_unpublished_initiatives(client):
    for state in ["draft", "submitted", "rejected", "hidden"]:
        InitiativeFactory(title=f"Speeltuin {state}", **{state: True})

    response = search(client, "speeltuin")

    assert sections(response)["initiatives"]["count"] == 0
    assert response.context["total"] == 0
    for state in ["draft", "submitted", "rejected", "hidden"]:
        assert f"Speeltuin {state}" not in response.content.decode()


def test_search_never_finds_draft_or_scheduled_articles(client):
    ArticleFactory(title="Speeltuin concept", draft=True)
    ArticleFactory(title="Speeltuin volgende week", scheduled=True)

    response = search(client, "speeltuin")

    assert sections(response)["articles"]["count"] == 0
    assert "Speeltuin concept" not in response.content.decode()
    assert "Speeltuin volgende week" not in response.content.decode()


# Why the public may not read an analysis -> what to give CaseAnalysisFactory for that.
NOT_PUBLIC = {
    "draft": lambda: {"draft": True},
    "scheduled": lambda: {"published_at": timezone.now() + datetime.timedelta(days=5)},
    "initiative-draft": lambda: {"initiative": InitiativeFactory(title="Ergens", draft=True)},
    "initiative-submitted": lambda: {"initiative": InitiativeFactory(title="Ergens", submitted=True)},
    "initiative-rejected": lambda: {"initiative": InitiativeFactory(title="Ergens", rejected=True)},
    "initiative-hidden": lambda: {"initiative": InitiativeFactory(title="Ergens", hidden=True)},
}


@pytest.mark.parametrize("reason", list(NOT_PUBLIC))
def test_search_never_finds_analyses_the_public_cannot_read(client, reason):
    kwargs = NOT_PUBLIC[reason]()
    CaseAnalysisFactory(title="Geheime speeltuinanalyse", summary="Over de speeltuin.", **kwargs)

    response = search(client, "speeltuin")

    assert sections(response)["analyses"]["count"] == 0
    assert "Geheime speeltuinanalyse" not in response.content.decode()


def test_analysis_is_found_by_what_its_findings_say(client):
    analysis = CaseAnalysisFactory(
        findings={Concept.objects.get(slug="animo"): "Alles begon bij de jeu-de-boulesbaan."}
    )

    assert sections(search(client, "boulesbaan"))["analyses"]["results"] == [analysis]


@pytest.mark.parametrize("word", ["speeltuin", "Speeltuin", "SPEELTUIN"])
def test_speeltuin_finds_speeltuinen_on_every_database(client, word):
    initiative = InitiativeFactory(title="Nieuwe speeltuinen in De Huet")
    article = ArticleFactory(title="Drie speeltuinen opgeknapt")
    analysis = CaseAnalysisFactory(title="Wat de speeltuinen ons leerden")

    by_kind = sections(search(client, word))

    assert by_kind["initiatives"]["results"] == [initiative]
    assert by_kind["articles"]["results"] == [article]
    assert by_kind["analyses"]["results"] == [analysis]


# --- Links to the full lists --------------------------------------------------------------------------


def test_show_all_links_carry_the_search_text_to_the_full_lists(client):
    text = "groene speeltuin"
    InitiativeFactory.create_batch(SEARCH_RESULTS_PER_KIND + 1, title="Groene speeltuin")
    ArticleFactory.create_batch(SEARCH_RESULTS_PER_KIND + 1, title="Een groene speeltuin maken")

    response = search(client, text)

    by_kind = sections(response)
    initiatives_url = f"{reverse('initiatives:initiative_list')}?{urlencode({'zoek': text})}"
    articles_url = f"{reverse('knowledgebase:article_list')}?{urlencode({'zoek': text})}"
    assert by_kind["initiatives"]["more_url"] == initiatives_url
    assert by_kind["articles"]["more_url"] == articles_url
    assert {initiatives_url, articles_url} <= set(links(parse(response)))
    # Following the links shows every match there.
    assert client.get(initiatives_url).context["page_obj"].paginator.count == SEARCH_RESULTS_PER_KIND + 1
    assert client.get(articles_url).context["page_obj"].paginator.count == SEARCH_RESULTS_PER_KIND + 1


def test_no_show_all_link_when_every_match_is_shown(client):
    InitiativeFactory.create_batch(SEARCH_RESULTS_PER_KIND, title="Jeu de boules")

    response = search(client, "boules")

    more_url = sections(response)["initiatives"]["more_url"]
    assert f'href="{more_url}"' not in response.content.decode()


def test_show_all_link_encodes_characters_that_mean_something_in_an_address(client):
    text = "speeltuin & zo"
    InitiativeFactory.create_batch(SEARCH_RESULTS_PER_KIND + 1, title="Speeltuin & zo")

    more_url = sections(search(client, text))["initiatives"]["more_url"]

    assert more_url == f"{reverse('initiatives:initiative_list')}?zoek=speeltuin+%26+zo"


# --- The form -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "    "}], ids=["no-q", "empty", "spaces"])
def test_without_search_text_the_page_shows_the_form_and_no_results(client, params):
    InitiativeFactory(title="Speeltuin")

    response = client.get(SEARCH, params)

    assert response.status_code == 200
    assert response.context["searched"] is False
    assert response.context["sections"] == []
    document = parse(response)
    [form] = elements(document, "form", role="search")
    assert form["action"] == SEARCH
    assert elements(form, "input", name="q")
    assert elements(document, "section", "loket-section") == []


@pytest.mark.parametrize(("length", "valid"), [(200, True), (201, False), (250, False)])
def test_search_text_over_200_characters_is_a_form_error_not_a_server_error(client, length, valid):
    InitiativeFactory(title="Speeltuin")
    text = ("speeltuin " * 30)[: length - 1] + "x"

    response = client.get(SEARCH, {"q": text})

    assert len(text) == length
    assert response.status_code == 200
    assert ("q" in response.context["form"].errors) is not valid
    assert response.context["searched"] is valid


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_search_text_never_breaks_the_page_nor_comes_back_as_html(client, text):
    InitiativeFactory(title="Speeltuin")

    response = client.get(SEARCH, {"q": text})

    assert response.status_code == 200
    content = response.content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in content
    if "<" in text and len(text) <= 200:
        assert escape(text) in content  # shown back as text, in the search box
    if "{{" in text:
        assert "{{ 7|add:7 }}" in content  # text, not a template


def test_hostile_titles_in_the_results_are_escaped(client):
    InitiativeFactory(title='Speeltuin "><img src=x onerror=alert(1)>', summary="<script>alert(1)</script>")
    ArticleFactory(title="Speeltuin <script>alert(1)</script>")

    response = search(client, "speeltuin")

    assert sections(response)["initiatives"]["count"] == 1
    content = response.content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in content


# --- Queries ------------------------------------------------------------------------------------------


def _matches(count):
    for _ in range(count):
        InitiativeFactory(title="Speeltuin in de wijk")
        ArticleFactory(title="Speeltuin met de buren")
        CaseAnalysisFactory(title="Analyse van een speeltuin")


def test_search_runs_the_same_queries_with_few_and_many_matches(client, count_queries):
    _matches(1)
    few = count_queries(lambda: client.get(SEARCH, {"q": "speeltuin"}))

    _matches(12)
    many = count_queries(lambda: client.get(SEARCH, {"q": "speeltuin"}))

    assert few == many, f"{few} queries with 1 match per kind, {many} with 13"
    assert few <= 8, few


def test_a_kind_with_more_matches_than_the_bound_says_more_than(client, monkeypatch):
    """A search counts its matches up to a bound (core.search: 1,000 on the site, 6 here)."""
    monkeypatch.setattr("core.search.MATCHES_COUNTED", 6)
    InitiativeFactory.create_batch(8, title="Buurtbarbecue")
    ArticleFactory(title="De buurtbarbecue", summary="Met de hele buurt.")

    response = search(client, "buurtbarbecue")

    by_kind = sections(response)
    assert by_kind["initiatives"]["more_than_counted"]
    assert not by_kind["articles"]["more_than_counted"]
    assert len(by_kind["initiatives"]["results"]) == SEARCH_RESULTS_PER_KIND
    page = response.content.decode()
    assert "(meer dan 1.000)" in page
    assert "Toon meer dan 1.000 initiatieven" in page
    assert response.context["more_than_counted"]
    assert response.context["total"] == 7, "the bound, plus the article"
