"""The photos' address, /media/<name> (loket.views.media, with SERVE_MEDIA): read through the storage, so
the same view sends them from the disk and from an S3 bucket (core/storage.py)."""

import boto3
import pytest
from django.core.exceptions import SuspiciousFileOperation, SuspiciousOperation
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404
from django.test import RequestFactory
from moto import mock_aws

from loket.views import media
from tests.loket.test_settings import run_python

JPEG = b"\xff\xd8\xff\xe0 not really a photo, but named like one"


def get(path):
    response = media(RequestFactory().get(f"/media/{path}"), path)
    return response, b"".join(response.streaming_content)


@pytest.fixture
def on_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return storages["default"]


@pytest.fixture
def in_a_bucket(settings):
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="loket-test")
        bucket = {
            "bucket_name": "loket-test",
            "region_name": "us-east-1",
            "access_key": "k",
            "secret_key": "s",
            "default_acl": "private",
            "file_overwrite": False,
        }
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "core.storage.MediaS3Storage", "OPTIONS": {**bucket, "location": "media"}},
        }
        yield storages["default"]


@pytest.fixture(params=["on_disk", "in_a_bucket"])
def storage(request):
    return request.getfixturevalue(request.param)


def test_a_photo_is_sent_with_its_type_and_a_short_cache_life(storage):
    name = storage.save("initiatives/covers/2026/12/foto.jpg", ContentFile(JPEG))

    response, body = get(name)

    assert response.status_code == 200
    assert body == JPEG
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "max-age=3600"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert storage.url(name) == f"/media/{name}"


def test_a_missing_photo_is_not_found(storage):
    with pytest.raises(Http404):
        get("initiatives/covers/2026/12/weg.jpg")


def test_a_folder_is_not_found(on_disk):
    on_disk.save("initiatives/covers/foto.jpg", ContentFile(JPEG))

    with pytest.raises(Http404):
        get("initiatives/covers")


def test_a_name_that_climbs_out_of_the_photos_is_refused(storage):
    with pytest.raises((SuspiciousFileOperation, SuspiciousOperation)):
        get("../documents/articles/draaiboek.pdf")


def test_make_run_serves_the_photos_from_the_disk_through_this_view():
    code = (
        "import django; django.setup(); from django.urls import resolve;"
        "from django.core.files.storage import storages;"
        "match = resolve('/media/initiatives/covers/2026/12/foto.jpg');"
        "print(match.func.__module__, match.func.__name__, match.kwargs['path'], type(storages['default']).__name__)"
    )
    result = run_python(["-c", code], DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "loket.views",
        "media",
        "initiatives/covers/2026/12/foto.jpg",
        "FileSystemStorage",
    ]
