"""Compression (issue 16): the site's own answers gzipped for a browser that accepts it, streamed exports
still streamed; static files with Brotli and gzip copies written by collectstatic and served by WhiteNoise."""

import gzip
import zlib

import brotli
import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from whitenoise.middleware import WhiteNoiseMiddleware

from tests.initiatives.factories import InitiativeFactory
from tests.streams import body

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    initiative = InitiativeFactory()
    plain = client.get(initiative.get_absolute_url())
    packed = client.get(initiative.get_absolute_url(), **GZIP)

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)
    assert initiative.title.encode() in html
    assert len(packed.content) < len(html) / 2


def test_a_streamed_export_stays_streamed_when_gzipped(client):
    InitiativeFactory.create_batch(3)
    address = reverse("opendata:dataset_download", kwargs={"what": "initiatieven", "fmt": "csv"})
    plain = client.get(address)
    packed = client.get(address, **GZIP)

    assert packed.streaming, "compressed piece by piece, not gathered first"
    assert packed["Content-Encoding"] == "gzip"
    chunks = list(packed.streaming_content)
    assert chunks[0], "the first piece (gzip's header) comes before the rows are all read"
    assert zlib.decompress(b"".join(chunks), wbits=31) == body(plain)


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic with the production storage into a fresh STATIC_ROOT, from a small source folder."""
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text(".loket { color: #0a0a0a; }\n" * 200)
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_writes_brotli_and_gzip_copies(collected):
    names = {path.name for path in (collected / "css").iterdir()}
    hashed = next(name for name in names if name.startswith("site.") and name.endswith(".css"))
    assert {f"{hashed}.br", f"{hashed}.gz"} <= names
    original = (collected / "css" / hashed).read_bytes()
    assert brotli.decompress((collected / "css" / f"{hashed}.br").read_bytes()) == original


@pytest.mark.parametrize(("accepts", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("", None)])
def test_whitenoise_sends_the_copy_the_browser_accepts(collected, settings, accepts, encoding):
    hashed = next(p.name for p in (collected / "css").iterdir() if p.suffix == ".css" and p.stem != "site")
    serve = WhiteNoiseMiddleware(lambda request: None)
    request = RequestFactory().get(f"{settings.STATIC_URL}css/{hashed}", HTTP_ACCEPT_ENCODING=accepts)

    response = serve(request)

    assert response.status_code == 200
    assert response.get("Content-Encoding") == encoding
    sent = b"".join(response.streaming_content)
    response.close()
    unpacked = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](sent)
    assert unpacked == (collected / "css" / hashed).read_bytes()


def test_files_that_are_no_text_are_sent_as_they_are():
    from django.http import FileResponse

    from core.middleware import CompressionMiddleware

    photo = FileResponse(iter([b"\xff\xd8\xff" + b"\x00" * 5000]), content_type="image/jpeg")
    request = RequestFactory().get("/media/foto.jpg", **GZIP)
    response = CompressionMiddleware(lambda request: photo)(request)
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")
