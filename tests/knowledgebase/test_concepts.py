"""A concept's page (/kennisbank/begrippen/<slug>/): its meaning and guiding questions, the articles about it,
what published case analyses found for it and the lessons they drew, and the way around the wheel. Also the
reference data the migrations load: the guiding questions and the site's pages."""

import datetime

import pytest
import yaml
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from flywheels.models import Concept, Status
from flywheels.reference_data import QUESTIONS_FILE, load_concept_questions
from knowledgebase.models import Page
from knowledgebase.reference_data import PAGES_DIR, load_pages, read_page_file
from knowledgebase.views.concepts import ARTICLES_SHOWN
from tests.flywheels.factories import ConceptFactory
from tests.html import elements, parse, text_of
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db


def concept_url(slug) -> str:
    return reverse("knowledgebase:concept_detail", kwargs={"slug": slug})


def page_of(client, slug):
    response = client.get(concept_url(slug))
    assert response.status_code == 200
    return response


def choose_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.fixture
def animo():
    return Concept.objects.get(slug="animo")


# --- Meaning and guiding questions --------------------------------------------------------------------


def test_visitor_sees_the_concepts_name_as_heading_and_its_meaning(client, animo):
    Concept.objects.filter(pk=animo.pk).update(description_nl="Zin hebben in iets & er samen voor gaan.")

    response = page_of(client, "animo")

    document = parse(response)
    [heading] = elements(document, "h1")
    assert text_of(heading) == "Animo en idee"
    assert escape("Zin hebben in iets & er samen voor gaan.") in response.content.decode()
    assert response.context["concept"] == animo


def test_visitor_sees_each_guiding_question_once_and_no_blank_ones(client, animo):
    Concept.objects.filter(pk=animo.pk).update(
        questions_nl="Wie doet er mee?\n\n   \n  Waar haal je energie uit?  \n", questions_en="Who joins?"
    )

    document = parse(page_of(client, "animo"))

    [questions] = elements(document, "ul", "loket-questions")
    assert [text_of(item) for item in elements(questions, "li")] == [
        "Wie doet er mee?",
        "Waar haal je energie uit?",
    ]


def test_visitor_who_chose_english_sees_the_english_meaning_and_questions(client, animo):
    Concept.objects.filter(pk=animo.pk).update(
        questions_nl="Wie doet er mee?", questions_en="Who joins?\nWhere does your energy come from?"
    )
    choose_english(client)

    response = page_of(client, "animo")

    [questions] = elements(parse(response), "ul", "loket-questions")
    assert [text_of(item) for item in elements(questions, "li")] == [
        "Who joins?",
        "Where does your energy come from?",
    ]
    assert escape(animo.description_en) in response.content.decode()
    assert "Wie doet er mee?" not in response.content.decode()


def test_english_visitor_gets_the_dutch_questions_when_there_are_no_english_ones(client, animo):
    Concept.objects.filter(pk=animo.pk).update(questions_nl="Wie doet er mee?", questions_en="")
    choose_english(client)

    [questions] = elements(parse(page_of(client, "animo")), "ul", "loket-questions")

    assert [text_of(item) for item in elements(questions, "li")] == ["Wie doet er mee?"]


def test_concept_without_questions_has_no_question_list(client):
    ConceptFactory(slug="zonder-vragen", questions_nl="", questions_en="")

    assert elements(parse(page_of(client, "zonder-vragen")), "ul", "loket-questions") == []


def test_questions_property_splits_lines_per_language(animo):
    animo.questions_nl = "Een?\n\nTwee?"
    animo.questions_en = "One?"

    assert animo.questions == ["Een?", "Twee?"]


@pytest.mark.parametrize(("status", "badged"), [(Status.PROPOSED, True), (Status.CONFIRMED, False)])
def test_proposed_concept_says_so_and_a_confirmed_one_does_not(client, status, badged):
    ConceptFactory(slug="het-begrip", status=status)

    response = page_of(client, "het-begrip")

    [header] = elements(parse(response), "div", "loket-page-header")
    assert bool(elements(header, "span", "utrecht-status-badge")) is badged
    assert response.context["concept"].is_proposed is badged


# --- Articles -----------------------------------------------------------------------------------------


def test_visitor_sees_published_articles_tagged_with_the_concept_newest_first(client, animo):
    now = timezone.now()
    older = ArticleFactory(
        title="Ouder voorbeeld", concepts=[animo], published_at=now - datetime.timedelta(days=9)
    )
    newer = ArticleFactory(
        title="Nieuwer voorbeeld", concepts=[animo], published_at=now - datetime.timedelta(days=1)
    )

    response = page_of(client, "animo")

    assert response.context["articles"] == [newer, older]
    assert response.context["article_count"] == 2
    content = response.content.decode()
    assert newer.get_absolute_url() in content
    assert older.get_absolute_url() in content


def test_drafts_scheduled_articles_and_articles_about_other_concepts_are_not_shown(client, animo):
    shown = ArticleFactory(title="Wel te zien", concepts=[animo])
    ArticleFactory(title="Concepttekst", concepts=[animo], draft=True)
    ArticleFactory(title="Pas volgende week", concepts=[animo], scheduled=True)
    ArticleFactory(title="Over draagvlak", concepts=[Concept.objects.get(slug="draagvlak")])
    ArticleFactory(title="Over niets")

    response = page_of(client, "animo")

    assert response.context["articles"] == [shown]
    assert response.context["article_count"] == 1
    content = response.content.decode()
    for title in ["Concepttekst", "Pas volgende week", "Over draagvlak", "Over niets"]:
        assert title not in content


def test_article_about_two_concepts_shows_on_both_pages_once(client, animo):
    both = ArticleFactory(concepts=[animo, Concept.objects.get(slug="draagvlak")])

    assert page_of(client, "animo").context["articles"] == [both]
    assert page_of(client, "draagvlak").context["articles"] == [both]


def test_with_many_articles_the_page_shows_the_first_few_and_links_to_all_of_them(client, animo):
    ArticleFactory.create_batch(ARTICLES_SHOWN + 1, concepts=[animo])

    response = page_of(client, "animo")

    assert len(response.context["articles"]) == ARTICLES_SHOWN
    assert response.context["article_count"] == ARTICLES_SHOWN + 1
    assert f'href="{reverse("knowledgebase:article_list")}?begrip=animo"' in response.content.decode()


# --- Findings and lessons from case analyses ----------------------------------------------------------


def test_visitor_sees_what_published_analyses_found_for_the_concept(client, animo):
    analysis = CaseAnalysisFactory(
        initiative=InitiativeFactory(title="Speeltuin De Huet"),
        findings={animo: "De buurt kwam zelf met het plan."},
    )

    response = page_of(client, "animo")

    assert [finding.analysis for finding in response.context["findings"]] == [analysis]
    content = response.content.decode()
    assert "De buurt kwam zelf met het plan." in content
    assert analysis.get_absolute_url() in content
    assert analysis.initiative.get_absolute_url() in content


# Why the public cannot read an analysis -> what to give CaseAnalysisFactory for that.
NOT_PUBLIC = {
    "draft_analysis": lambda: {"draft": True},
    "scheduled_analysis": lambda: {"published_at": timezone.now() + datetime.timedelta(days=3)},
    "draft_initiative": lambda: {"initiative": InitiativeFactory(draft=True)},
    "submitted_initiative": lambda: {"initiative": InitiativeFactory(submitted=True)},
    "hidden_initiative": lambda: {"initiative": InitiativeFactory(hidden=True)},
}


@pytest.mark.parametrize("reason", list(NOT_PUBLIC))
def test_findings_of_analyses_the_public_cannot_read_are_not_shown(client, animo, reason):
    kwargs = NOT_PUBLIC[reason]()
    CaseAnalysisFactory(findings={animo: "Geheime bevinding uit de werkgroep."}, **kwargs)

    response = page_of(client, "animo")

    assert response.context["findings"] == []
    assert response.context["lessons"] == []
    content = response.content.decode()
    assert "Geheime bevinding uit de werkgroep." not in content
    assert f"Les over {animo.label_nl}" not in content


def test_empty_findings_are_not_shown(client, animo):
    analysis = CaseAnalysisFactory(findings={animo: ""})
    analysis.findings.update(lessons="")

    response = page_of(client, "animo")

    assert response.context["findings"] == []
    assert response.context["lessons"] == []
    assert analysis.get_absolute_url() not in response.content.decode()


def test_findings_about_other_concepts_are_not_shown(client, animo):
    CaseAnalysisFactory(findings={Concept.objects.get(slug="draagvlak"): "Over draagvlak, niet over animo."})

    response = page_of(client, "animo")

    assert response.context["findings"] == []
    assert "Over draagvlak, niet over animo." not in response.content.decode()


def test_visitor_sees_the_lessons_harvested_from_published_findings(client, animo):
    analysis = CaseAnalysisFactory(findings={animo: "Het begon met een koffieochtend."})
    analysis.findings.update(lessons="Begin met koffie & een goed gesprek.")
    CaseAnalysisFactory(findings={animo: "Nog niet klaar."}, draft=True)

    response = page_of(client, "animo")

    assert [finding.lessons for finding in response.context["lessons"]] == [
        "Begin met koffie & een goed gesprek."
    ]
    content = response.content.decode()
    assert escape("Begin met koffie & een goed gesprek.") in content
    assert content.count(f"Les over {animo.label_nl}") == 0


def test_a_finding_with_only_a_lesson_counts_as_a_lesson(client, animo):
    analysis = CaseAnalysisFactory(findings={animo: ""})
    analysis.findings.update(lessons="Vraag hulp op tijd.")

    response = page_of(client, "animo")

    assert [finding.lessons for finding in response.context["lessons"]] == ["Vraag hulp op tijd."]
    assert "Vraag hulp op tijd." in response.content.decode()


# --- Around the wheel ---------------------------------------------------------------------------------


def neighbours(client, slug):
    response = page_of(client, slug)
    previous, following = response.context["previous"], response.context["next"]
    return (previous.slug if previous else None, following.slug if following else None)


def test_middle_concept_links_to_the_concepts_before_and_after_it(client):
    assert neighbours(client, "draagvlak") == ("eigenaarschap", "netwerk")

    content = page_of(client, "draagvlak").content.decode()
    [previous] = elements(parse(content), "a", rel="prev")
    [following] = elements(parse(content), "a", rel="next")
    assert previous["href"] == concept_url("eigenaarschap")
    assert following["href"] == concept_url("netwerk")


def test_the_wheel_turns_the_last_concepts_next_is_the_first(client):
    assert neighbours(client, "delen-en-waarderen") == ("borging", "animo")
    assert neighbours(client, "terugkoppelen-en-leren") == ("inbedding", "van-buiten-naar-binnen")


def test_the_first_concepts_previous_is_the_last(client):
    assert neighbours(client, "animo") == ("delen-en-waarderen", "eigenaarschap")


def test_the_wheel_skips_retired_concepts_when_turning(client):
    Concept.objects.filter(slug__in=["delen-en-waarderen", "netwerk"]).update(is_active=False)

    assert neighbours(client, "borging") == ("uitvoering", "animo")
    assert neighbours(client, "animo") == ("borging", "eigenaarschap")
    assert neighbours(client, "draagvlak") == ("eigenaarschap", "toerusting")


def test_retired_concept_still_has_its_page(client):
    Concept.objects.filter(slug="borging").update(is_active=False)

    response = client.get(concept_url("borging"))

    assert response.status_code == 200
    [heading] = elements(parse(response), "h1")
    assert text_of(heading) == "Borging en continuïteit"


def test_retired_concept_keeps_showing_its_published_findings(client):
    borging = Concept.objects.get(slug="borging")
    CaseAnalysisFactory(findings={borging: "Een vaste groep hield het vol."})
    Concept.objects.filter(pk=borging.pk).update(is_active=False)

    assert "Een vaste groep hield het vol." in page_of(client, "borging").content.decode()


def test_unknown_concept_is_not_found(client):
    assert client.get(concept_url("bestaat-niet")).status_code == 404


# --- Queries ------------------------------------------------------------------------------------------


def _articles_and_findings(concept, count):
    for _ in range(count):
        ArticleFactory(concepts=[concept], area=InitiativeFactory().area)
        CaseAnalysisFactory(findings={concept: "Zo ging het."})


def test_concept_page_runs_the_same_queries_with_few_and_many_articles_and_findings(
    client, animo, count_queries
):
    _articles_and_findings(animo, 2)
    few = count_queries(lambda: client.get(concept_url("animo")))

    _articles_and_findings(animo, 40)
    many = count_queries(lambda: client.get(concept_url("animo")))

    assert few == many, f"{few} queries with 2 articles and findings, {many} with 42"
    assert few <= 6, few


# --- Reference data: guiding questions and pages ------------------------------------------------------


def test_every_concept_has_guiding_questions_in_both_languages_after_the_migrations():
    concepts = list(Concept.objects.all())

    assert len(concepts) == 22
    for concept in concepts:
        assert concept.questions_nl.strip(), concept.slug
        assert concept.questions_en.strip(), concept.slug


def test_loading_the_questions_again_keeps_what_staff_edited_and_fills_what_is_empty():
    questions = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))["questions"]
    Concept.objects.filter(slug="animo").update(
        questions_nl="Onze eigen vraag?", questions_en="Our own question?"
    )
    Concept.objects.filter(slug="draagvlak").update(questions_nl="", questions_en="")

    load_concept_questions()

    animo = Concept.objects.get(slug="animo")
    assert (animo.questions_nl, animo.questions_en) == ("Onze eigen vraag?", "Our own question?")
    draagvlak = Concept.objects.get(slug="draagvlak")
    assert draagvlak.questions_nl.splitlines() == questions["draagvlak"]["nl"]
    assert draagvlak.questions_en.splitlines() == questions["draagvlak"]["en"]


def test_loading_the_questions_leaves_concepts_staff_added_alone():
    added = ConceptFactory(slug="eigen-begrip", questions_nl="")

    load_concept_questions()

    added.refresh_from_db()
    assert added.questions_nl == ""


def test_the_migrations_created_every_page_from_its_files():
    slugs = {path.name.removesuffix(".nl.md") for path in PAGES_DIR.glob("*.nl.md")}

    assert set(Page.objects.values_list("slug", flat=True)) == slugs
    assert len(slugs) == 8


def test_loading_the_pages_creates_a_missing_page_from_its_files():
    Page.objects.filter(slug="privacy").delete()
    front_nl, body_nl = read_page_file(PAGES_DIR / "privacy.nl.md")
    front_en, body_en = read_page_file(PAGES_DIR / "privacy.en.md")

    load_pages()

    privacy = Page.objects.get(slug="privacy")
    assert (privacy.title_nl, privacy.title_en) == (front_nl["title"], front_en["title"])
    assert (privacy.body_nl, privacy.body_en) == (body_nl, body_en)
    assert Page.objects.count() == 8


def test_loading_the_pages_never_overwrites_what_editors_changed():
    Page.objects.filter(slug="contact").update(
        title_nl="Bel of mail ons", body_nl="## Bellen\n\nBel 14 0314.", title_en="", body_en=""
    )

    load_pages()

    contact = Page.objects.get(slug="contact")
    assert (contact.title_nl, contact.body_nl) == ("Bel of mail ons", "## Bellen\n\nBel 14 0314.")
    assert (contact.title_en, contact.body_en) == ("", "")
    assert Page.objects.count() == 8
