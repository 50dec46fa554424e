"""Every page is valid HTML, as the Nu Html Checker (vnu, the W3C's checker; npm's `vnu-jar` on Java) reads it.

The pages are the accessibility checks' own: every public page as its visitor sees it (test_accessibility.py)
and every management page of every staff role (management.py), in one world, rendered by Django's test
client: the checker reads what the server sends, before any script runs. A page the accessibility check
fills in (a form sent empty) is sent empty here too, and so is every add form of the management site. All
are saved and checked in one run of the checker: one Java start for the whole site.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from .helpers import log_in_client
from .management import STAFF, add_management_work, management_pages
from .test_accessibility import PAGES
from .world import World

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class Site:
    """Renders pages as one person or another and saves each under a name the checker's report uses."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.clients = {}
        self.described = {}  # file name: what page it is

    def client_of(self, person):
        key = person.pk if person else None
        if key not in self.clients:
            self.clients[key] = client = Client()
            if person:
                log_in_client(client, person)
        return self.clients[key]

    def save(self, what, response, *, status=200):
        assert response.status_code == status, f"{what} answered {response.status_code}"
        name = f"{len(self.described):03d}.html"
        (self.folder / name).write_bytes(response.content)
        self.described[name] = what

    def get(self, path, person=None, *, language=settings.LANGUAGE_CODE, status=200):
        client = self.client_of(person)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        self.save(f"GET {path} as {person or 'a visitor'} ({language})", client.get(path), status=status)

    def post_empty(self, path, person):
        """The form at `path` sent without input: the page with its errors."""
        response = self.client_of(person).post(path, {})
        if response.status_code == 200:  # a form that needs no input was simply saved
            self.save(f"POST {path} empty as {person}", response)


def check_with_vnu(folder: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(
            "Java or node_modules/vnu-jar is missing: run `make test`, which installs both.", pytrace=False
        )
    run = subprocess.run(  # noqa: S603 - the checker from node_modules, on our own folder
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--errors-only",
            "--stdout",
            "--exit-zero-always",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(run.stdout)["messages"]


def test_every_public_and_management_page_is_valid_html(user, tmp_path):
    world = add_management_work(World.build(user))
    site = Site(tmp_path)

    for param in PAGES:
        visit = param.values[0]
        person = world.people[visit.logged_in] if isinstance(visit.logged_in, str) else None
        person = user if visit.logged_in is True else person
        path = visit.path.format(**world.paths)
        site.get(path, person, language=visit.language, status=visit.status)
        if visit.then:  # the accessibility check sends the form empty
            site.post_empty(path, person)
    for role in STAFF:
        person = world.people[role]
        for path in management_pages(world, person):
            site.get(path, person)
            if path.endswith("/add/"):
                site.post_empty(path, person)

    messages = check_with_vnu(tmp_path)

    assert len(site.described) > 150
    errors = [
        f"{site.described.get(Path(message.get('url', '')).name, 'vnu')}, line {message.get('lastLine')}: "
        f"{message['message']}\n      {message.get('extract', '').strip()}"
        for message in messages
    ]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
