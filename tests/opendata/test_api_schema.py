"""The API keeps its own promises: schemathesis reads the OpenAPI schema and throws generated requests at
every operation. No answer may be a server error, and every answer must match the schema (status code,
content type, body)."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from flywheels.models import Concept
from loket.wsgi import application
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory
from tests.knowledgebase.factories import ArticleFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def connection_kept():
    """schemathesis calls the WSGI application directly, and Django closes the database connection when a
    request starts and finishes: the test's transaction with it. Django's test client keeps it open so."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def content(db, connection_kept):
    concept = Concept.objects.get(slug="draagvlak")
    initiative = InitiativeFactory(slug="speeltuin", tags=["spelen"])
    initiative.concepts.add(concept)
    LogEntryFactory(initiative=initiative)
    ArticleFactory(slug="keukentafel", concepts=[concept], tags=["groen"])
    InitiativeFactory(draft=True, slug="geheim")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case, content):
    cache.clear()  # the rate limit counts per address, and every generated request comes from one
    # All of schemathesis's checks but one: an empty filter (?fase=) means "no filter", like the forms on
    # the site, though the schema's list of choices does not include "".
    # Its WSGI client asks for gzip but does not unpack the answer (the site gzips JSON: core.middleware).
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=[negative_data_rejection])
