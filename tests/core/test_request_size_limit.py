"""A request larger than any form needs is refused before its body is read (core.middleware.
RequestSizeLimitMiddleware), with a page in plain Dutch; an ordinary upload still gets through."""

import sys

import pytest
from django.test.client import ClientHandler
from django.urls import reverse

from core import middleware as middleware_module
from core.middleware import MAX_REQUEST_BYTES, RequestSizeLimitMiddleware
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

BOUNDARY = "loketgrens"
MEGABYTE = 1024 * 1024


class CountingBody:
    """A multipart body of `size` bytes, made up as it is read, that counts how much was read."""

    def __init__(self, size: int):
        self.head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="cover_image"; filename="groot.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        self.size = size
        self.read_bytes = 0

    def _take(self, wanted: int) -> bytes:
        start = self.read_bytes
        count = max(0, min(wanted, self.size - start))
        self.read_bytes += count
        head = self.head[start : start + count]
        return head + bytes(count - len(head))

    def read(self, size=-1):
        return self._take(self.size if size is None or size < 0 else size)

    def readline(self, size=-1):
        return self.read(size)


def post_through_the_whole_site(path: str, body: CountingBody, *, cookie="") -> tuple[int, bytes]:
    """What the web server hands Django: the body as a stream and its length, nothing read in advance.
    Django's own test handler, with CSRF checks on, as on the live site."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(body.size),
        "HTTP_COOKIE": cookie,
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    response = ClientHandler(enforce_csrf_checks=True)(environ)
    return response.status_code, response.content


def test_a_50_mb_upload_is_refused_before_it_is_read(client_logged_in):
    body = CountingBody(50 * MEGABYTE)
    # Anyone gets a CSRF cookie from any page; with one, CSRF protection reads the form to find the token.
    cookies = {name: morsel.value for name, morsel in client_logged_in.cookies.items()}
    cookie = "; ".join(f"{name}={value}" for name, value in {**cookies, "csrftoken": "a" * 32}.items())

    status, content = post_through_the_whole_site(
        reverse("initiatives:initiative_create"), body, cookie=cookie
    )

    assert body.read_bytes == 0
    assert status == 413
    page = parse(content)
    assert "Bestand te groot" in text_of(page.find("h1"))
    assert "21,0 MB" in text_of(page.find("main"))


def test_the_api_answers_a_too_large_request_in_json():
    body = CountingBody(MAX_REQUEST_BYTES + 1)

    status, content = post_through_the_whole_site("/api/initiatieven/", body, cookie="csrftoken=" + "a" * 32)

    assert status == 413
    assert body.read_bytes == 0
    assert content.startswith(b'{"detail":')


def test_a_request_of_the_limit_is_let_through(rf):
    seen = []
    middleware = RequestSizeLimitMiddleware(lambda request: seen.append(request) or "answered")
    at_limit = rf.post("/", data=b"", content_type="application/octet-stream")
    at_limit.META["CONTENT_LENGTH"] = str(MAX_REQUEST_BYTES)
    nonsense = rf.post("/", data=b"", content_type="application/octet-stream")
    nonsense.META["CONTENT_LENGTH"] = "veel"

    assert middleware(at_limit) == "answered"
    assert middleware(nonsense) == "answered"
    assert len(seen) == 2


def test_the_limit_fits_the_largest_form_a_photo_a_document_and_text():
    assert MAX_REQUEST_BYTES == 21 * MEGABYTE


def test_the_body_stays_unread_when_the_page_cannot_be_shown(rf, monkeypatch, caplog):
    """Were the page to fail, Django's error report would read the whole form to show it."""

    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(middleware_module, "render", broken)
    body = CountingBody(50 * MEGABYTE)
    request = rf.post("/initiatieven/nieuw/", data=b"", content_type="application/octet-stream")
    request.META.update({"CONTENT_LENGTH": str(body.size), "wsgi.input": body})

    response = RequestSizeLimitMiddleware(lambda request: pytest.fail("the view was reached"))(request)

    assert response.status_code == 413
    assert body.read_bytes == 0
    assert "too large" in caplog.text
