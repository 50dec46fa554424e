"""The number of queries a page makes, counted once in this process against the same database."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import second_factor

HOST = "127.0.0.1"  # in ALLOWED_HOSTS for the benchmark (the Makefile sets it)


def client_for(user=None) -> Client:
    client = Client(SERVER_NAME=HOST)
    if user is not None:
        client.force_login(user)
        # Staff (the council member is) reach no page before their second step: the benchmark's session
        # counts as having given it, as a session that set up the app does (accounts/second_factor.py).
        session = client.session
        session[second_factor.SESSION_KEY] = str(user.pk)
        session.save()
    return client


def count_queries(client: Client, path: str) -> tuple[int, int]:
    """(status, queries); a streamed answer is read to its end inside the count."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
    return response.status_code, len(queries)
