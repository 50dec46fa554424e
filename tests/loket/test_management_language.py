"""The management site's scripts speak Dutch too: every sentence Django's admin scripts can show (the filter
widget's "Choose all %s", the calendar, the actions) is in the catalogue that /beheer/jsi18n/ serves, from
Django's own Dutch or, where that has none yet, from loket's (locale/nl/LC_MESSAGES/djangojs.po)."""

import json
import re
from pathlib import Path

import django.contrib.admin
import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.accounts.factories import staff_in_role

pytestmark = pytest.mark.django_db

SCRIPTS = Path(django.contrib.admin.__file__).parent / "static" / "admin" / "js"
# gettext("…"), gettext_noop('…'), ngettext("one", "more", n), pgettext("context", "…")
QUOTED = r"""(['"])((?:\\.|(?!\{n}).)*)\{n}"""
CALL = re.compile(
    rf"\b(gettext|gettext_noop|ngettext|pgettext)\(\s*{QUOTED.format(n=2)}(?:\s*,\s*{QUOTED.format(n=4)})?"
)
CATALOGUE = re.compile(r"const newcatalog = (\{.*?\});", re.DOTALL)


def _unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def sentences_of_the_admin_scripts():
    """The keys the scripts look up, as Django's catalogue stores them (a context before \x04)."""
    keys = set()
    for script in SCRIPTS.rglob("*.js"):
        if "vendor" in script.parts:
            continue
        for function, _quote, first, _quote2, second in CALL.findall(script.read_text(encoding="utf-8")):
            if function == "pgettext":
                keys.add(f"{_unescape(first)}\x04{_unescape(second)}")
            else:
                keys.add(_unescape(first))
    return keys


def served_catalogue(client):
    client.force_login(staff_in_role(Role.MODERATOR))
    response = client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    return json.loads(CATALOGUE.search(response.content.decode()).group(1))


def test_every_sentence_of_the_admin_scripts_is_served_in_dutch(client):
    sentences = sentences_of_the_admin_scripts()
    catalogue = served_catalogue(client)

    assert "Choose all %s" in sentences and len(sentences) > 50
    assert sorted(sentences - catalogue.keys()) == []


def test_the_filter_widget_says_choose_all_in_dutch(client):
    catalogue = served_catalogue(client)

    assert catalogue["Choose all %s"] == "Kies alle %s"
    assert catalogue["Remove all %s"] == "Verwijder alle %s"
