"""What `make run` sets up for local development: every log line printed once, and links in emails that
lead to the address the development server really listens on.

Settings and logging are set up once per process, so these tests start a fresh Python (or ask make what
it would run)."""

import logging
import shutil
import subprocess

import pytest
from django.utils.log import AdminEmailHandler

from tests.loket.test_settings import BASE_DIR, STRONG_SECRET_KEY, run_python

LOG_SOME_LINES = (
    "import django, logging; django.setup();"
    "logging.getLogger('django.request').warning('Not Found: /bestaat-niet/');"
    "logging.getLogger('initiatives').warning('a line of our own');"
    "logging.getLogger('django.server').info('\"GET / HTTP/1.1\" 200');"
)
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": STRONG_SECRET_KEY, "ALLOWED_HOSTS": "loket.example"}


@pytest.mark.parametrize("env", [{"DEBUG": "true"}, PRODUCTION], ids=["development", "production"])
def test_every_log_line_is_printed_once(env):
    result = run_python(["-c", LOG_SOME_LINES], **env)

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Not Found: /bestaat-niet/") == 1
    assert result.stderr.count("a line of our own") == 1
    assert result.stderr.count('"GET / HTTP/1.1" 200') == 1


def test_errors_still_reach_the_admins_by_email():
    handlers = [handler for handler in logging.getLogger("django").handlers if handler.level <= logging.ERROR]

    assert any(isinstance(handler, AdminEmailHandler) for handler in handlers)


def make_run_commands(*args: str, **env: str) -> list[str]:
    """The commands `make run` would run (make -n prints them without running any), its own lines only."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    result = subprocess.run(  # noqa: S603 - make from PATH, our own arguments
        [make, "--dry-run", "--always-make", "run", *args],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if "manage.py" in line]


@pytest.mark.parametrize(
    ("args", "site_url", "listens_on"),
    [
        ((), "http://127.0.0.1:8000", "127.0.0.1:8000"),
        (("PORT=8123",), "http://127.0.0.1:8123", "127.0.0.1:8123"),
        (("HOST=localhost", "PORT=9000"), "http://localhost:9000", "localhost:9000"),
        # Listening on every address: the browser on the same machine reaches it at 127.0.0.1.
        (("HOST=0.0.0.0", "PORT=8123"), "http://127.0.0.1:8123", "0.0.0.0:8123"),
    ],
)
def test_make_run_gives_emails_the_address_its_server_listens_on(args, site_url, listens_on):
    commands = make_run_commands(*args)

    assert [command.split("manage.py ")[1].split()[0] for command in commands] == [
        "migrate",
        "loket_demo",
        "runserver",
    ]
    assert all(f"DEBUG=true SITE_URL={site_url} " in command for command in commands)
    assert commands[-1].endswith(f"runserver {listens_on}")


def test_a_site_url_of_ones_own_wins_over_the_derived_one():
    commands = make_run_commands("PORT=8123", SITE_URL="https://loket.test")

    assert all("SITE_URL=https://loket.test " in command for command in commands)


def test_emails_link_to_the_site_url_the_environment_gives():
    code = "import django; django.setup(); from core.mail import site_url; print(site_url('/initiatieven/'))"

    result = run_python(["-c", code], DEBUG="true", SITE_URL="http://127.0.0.1:8123/")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "http://127.0.0.1:8123/initiatieven/"
