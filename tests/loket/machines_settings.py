"""The production settings for the app servers of tests/loket/test_several_machines.py, with one change:
static files by their plain names, so the servers answer without `collectstatic` first (the hashed names
of the production storage need its manifest)."""

from loket.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
