"""The scale data set, made once for a test module (like tests/demo/conftest.py's demo)."""

import io

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.conftest import FAST_PASSWORD_HASHERS

SIZE = 200


def scale_loaded(django_db_blocker, size=SIZE, seed=16):
    """A generator for a module-scoped fixture: the data set in a transaction rolled back at the end."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS),
        transaction.atomic(),
    ):
        call_command("loket_scale", initiatives=size, seed=seed, force=True, stdout=io.StringIO())
        yield size
        transaction.set_rollback(True)
