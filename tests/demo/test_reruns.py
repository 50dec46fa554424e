"""Running `manage.py loket_demo` again adds nothing and leaves what people changed alone, and loading it
stays cheap. These tests start from an empty database, unlike the other demo tests, which share one load."""

import io
import time

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.models import User
from demo.loader.initiatives import initiative_slugs
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
)
from knowledgebase.models import Article, CaseAnalysis
from lab.models import LabSession, Registration, Signal, SignalMessage
from moderation.models import Appeal, ModerationAction, Report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"


def load_demo():
    call_command("loket_demo", force=True, stdout=io.StringIO())


def counts():
    models = (
        User,
        EmailAddress,
        Initiative,
        TeamMembership,
        LogEntry,
        HelpRequest,
        HelpOffer,
        Support,
        Follow,
        Comment,
        MunicipalResponse,
        Article,
        CaseAnalysis,
        Report,
        ModerationAction,
        Appeal,
        LabSession,
        Registration,
        Signal,
        SignalMessage,
    )
    return {
        **{model.__name__: model.objects.count() for model in models},
        "tags": Initiative.tags.through.objects.count(),
        "concepts": Initiative.concepts.through.objects.count(),
    }


def test_running_the_demo_twice_duplicates_nothing():
    load_demo()
    before = counts()

    load_demo()

    assert counts() == before
    # The demo's own initiatives, and the earlier ones that give the council's dashboard its history.
    demo, history = initiative_slugs("initiatives"), initiative_slugs("history")
    assert set(Initiative.objects.values_list("slug", flat=True)) == {*demo, *history}
    assert len(history) >= 30


def test_a_second_run_leaves_existing_initiatives_alone_and_restores_deleted_ones():
    load_demo()
    earlier = initiative_slugs("history")[0]
    Initiative.objects.filter(slug__in=["dorpsplan-wehl", earlier]).update(title="Door iemand aangepast")
    Initiative.objects.filter(slug="buurtfeest-schoneveld").delete()
    entries = Initiative.objects.get(slug=initiative_slugs("history")[1]).log_entries.count()
    Initiative.objects.filter(slug=initiative_slugs("history")[1]).delete()

    load_demo()

    assert Initiative.objects.get(slug="dorpsplan-wehl").title == "Door iemand aangepast"
    assert Initiative.objects.get(slug=earlier).title == "Door iemand aangepast"
    assert Initiative.objects.get(slug="buurtfeest-schoneveld").log_entries.count() == 5
    assert Initiative.objects.get(slug=initiative_slugs("history")[1]).log_entries.count() == entries


# Measured: 5,002 queries, 2.3 s on SQLite and 3.8 s on PostgreSQL (the same demo, every kind of content);
# 6,042 on SQLite since the dashboard's monthly counts follow each write and are rebuilt once at the end.
# The budget catches a loader that starts querying per row; the time only a loader gone badly wrong, since
# the seconds depend on the machine.
DEMO_QUERIES_AT_MOST = 7000


def test_loading_the_demo_is_quick(count_queries):
    started = time.perf_counter()

    queries = count_queries(load_demo)

    assert queries <= DEMO_QUERIES_AT_MOST
    assert time.perf_counter() - started < 30
