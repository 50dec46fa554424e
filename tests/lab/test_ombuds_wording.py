"""One word for the samenwerkingslab's ombuds throughout the site: "ombudsman" in Dutch, "ombuds" in the
English source strings.

Why "ombudsman": it is the word Dutch readers know (de Nationale ombudsman, de Kinderombudsman) and the one
the site already used most; Dutch uses it for a woman too (the Kinderombudsman was a woman). The seed's
"ombudsfunctie" names a task, not the person you write to ("Naar de ombudsfunctie sturen"),
"ombudspersoon" is rare, and "vertrouwenspersoon" means someone else at work (integrity, harassment).
"""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from knowledgebase.models import Page
from tests.test_translations import CATALOGUE, read_po

BASE = Path(settings.BASE_DIR)
THE_WORD = "ombudsman"
# Any word for the role: ombuds..., or one of the words people use for someone like it.
ROLE_WORD = re.compile(r"\b(\w*ombuds\w*|\w*vertrouwenspersoo?n\w*)\b", re.IGNORECASE)
# The Dutch sources of the site's texts besides the catalogue: its pages of prose.
DUTCH_SOURCES = [
    *sorted((BASE / "knowledgebase" / "data" / "pages").glob("*.nl.md")),
    *sorted((BASE / "templates" / "pages" / "nl").rglob("*")),
]
OTHER_WORDS = re.compile(
    r"ombudsfunctie|ombudsrol|ombudspersoon|ombudsvrouw|ombudsperson|ombudswoman|vertrouwenspersoon",
    re.IGNORECASE,
)


def role_words(text: str) -> set[str]:
    return {word.lower() for word in ROLE_WORD.findall(text)}


def test_the_dutch_catalogue_calls_the_ombuds_only_ombudsman():
    words = {
        msgid: role_words(" ".join(msgstrs))
        for msgid, msgstrs, _flags, _context in read_po(CATALOGUE / "django.po")
        if role_words(" ".join(msgstrs))
    }

    assert len(words) > 10
    assert {msgid: found for msgid, found in words.items() if found != {THE_WORD}} == {}


def test_the_english_source_calls_the_ombuds_only_ombuds():
    found = set().union(*(role_words(msgid) for msgid, *_rest in read_po(CATALOGUE / "django.po")))

    assert found == {"ombuds"}


def test_dutch_pages_call_the_ombuds_only_ombudsman():
    words = {
        path.name: role_words(path.read_text(encoding="utf-8")) for path in DUTCH_SOURCES if path.is_file()
    }

    assert words["samenwerkingslab.nl.md"] == {THE_WORD}
    # The Nationale ombudsman (toegankelijkheid) is the same word.
    assert {name: found for name, found in words.items() if found - {THE_WORD}} == {}


def test_no_text_of_the_site_uses_another_word_for_the_ombuds():
    sources = [
        path
        for folder in ("templates", "knowledgebase/data", "demo/data", "flywheels/data")
        for path in (BASE / folder).rglob("*")
        if path.is_file() and path.suffix in {".html", ".txt", ".md", ".yaml"}
    ]

    assert len(sources) > 100
    assert [str(path) for path in sources if OTHER_WORDS.search(path.read_text(encoding="utf-8"))] == []


@pytest.mark.django_db
def test_pages_loaded_before_get_the_one_word_and_edited_sentences_stay():
    migration = importlib.import_module("knowledgebase.migrations.0009_ombudsman_in_pages")
    privacy = Page.objects.get(slug="privacy")
    lab = Page.objects.get(slug="samenwerkingslab")
    Page.objects.filter(pk=privacy.pk).update(
        body_nl="Een signaal: alleen jij en de ombudsfunctie lezen het. Verder niets."
    )
    Page.objects.filter(pk=lab.pk).update(
        body_nl="Het lab heeft een ombudsrol, schreef de redacteur zelf.", body_en="Unchanged by us."
    )

    migration.reword(apps, None)

    privacy.refresh_from_db()
    lab.refresh_from_db()
    assert privacy.body_nl == "Een signaal: alleen jij en de ombudsman lezen het. Verder niets."
    assert (lab.body_nl, lab.body_en) == (
        "Het lab heeft een ombudsrol, schreef de redacteur zelf.",
        "Unchanged by us.",
    )
