import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.conftest import FAST_PASSWORD_HASHERS


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for a module: in a transaction rolled back when the module ends, with
    each test in its own savepoint inside it (pytest-django's `db`), so tests still cannot see each other's
    changes. A module that uses it keeps tests of the command itself, which need an empty database, apart."""
    files = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=files / "media",
            DOCUMENTS_ROOT=files / "documents",
            # tests/conftest.py's function-scoped fixture is not in place yet at module scope.
            PASSWORD_HASHERS=FAST_PASSWORD_HASHERS,
        ),
        transaction.atomic(),
    ):
        call_command("loket_demo", force=True, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
