"""The whole benchmark end to end (`manage.py loket_bench`) on a tiny data set, one second per page: it
needs PostgreSQL and wrk, writes the collected static files (as `make bench` does) and takes about a
minute; `make test` installs wrk, and CI runs it in the suite's PostgreSQL round.
In a module of its own: gunicorn reads committed data only, which a module-wide transaction would hide."""

import shutil

import pytest
from django.core.management import call_command

from tests.concurrency import load_reference_data

pytestmark = [
    pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make bench installs it)"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_afterwards(django_db_setup, django_db_blocker):
    # The transactional test empties every table when it ends, the villages and role groups the
    # migrations loaded included: they are loaded again for whatever runs next in this process.
    yield
    with django_db_blocker.unblock():
        load_reference_data()


def test_the_benchmark_end_to_end_on_a_tiny_data_set(settings, tmp_path):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the benchmark runs on PostgreSQL")
    # gunicorn serves the collected, hashed static files, as in production.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    output = tmp_path / "benchmark.md"
    load_reference_data()  # an earlier transactional test in this process may have emptied it

    call_command("loket_bench", initiatives=20, seconds=1, connections=2, threads=1, output=output)

    text = output.read_text()
    assert "| bare Django view (/livez) `/livez` |" in text
    assert text.count("\n| ") >= 16 + 6  # the table's rows and the machine's
    assert "HTTP 500" not in text
