"""Uploads in an S3 bucket (core/storage.py), against moto's S3 in this process: photos keep their address
on the site, documents have none, every object is private, and no name climbs out of its prefix."""

import boto3
import pytest
from django.core.exceptions import SuspiciousOperation
from django.core.files.base import ContentFile
from moto import mock_aws

from core.storage import DocumentS3Storage, MediaS3Storage

BUCKET = "loket-test"
OPTIONS = {
    "bucket_name": BUCKET,
    "region_name": "us-east-1",
    "access_key": "test-key",
    "secret_key": "test-secret",
    "default_acl": "private",
    "file_overwrite": False,
}


@pytest.fixture
def s3():
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def test_a_photo_is_stored_privately_under_media_and_keeps_its_address_on_the_site(s3):
    storage = MediaS3Storage(**OPTIONS, location="media")

    name = storage.save("initiatives/covers/2026/12/foto.jpg", ContentFile(b"jpeg bytes"))

    assert name == "initiatives/covers/2026/12/foto.jpg"
    assert s3.get_object(Bucket=BUCKET, Key=f"media/{name}")["Body"].read() == b"jpeg bytes"
    grants = s3.get_object_acl(Bucket=BUCKET, Key=f"media/{name}")["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner's only
    assert storage.url(name) == f"/media/{name}"
    with storage.open(name, "rb") as handle:
        assert handle.read() == b"jpeg bytes"


def test_a_second_upload_under_the_same_name_gets_a_name_of_its_own(s3):
    storage = MediaS3Storage(**OPTIONS, location="media")

    first = storage.save("initiatives/foto.jpg", ContentFile(b"one"))
    second = storage.save("initiatives/foto.jpg", ContentFile(b"two"))

    assert first != second
    assert storage.open(first).read() == b"one"


def test_a_deleted_photo_is_gone_from_the_bucket(s3):
    storage = MediaS3Storage(**OPTIONS, location="media")
    name = storage.save("initiatives/foto.jpg", ContentFile(b"jpeg"))

    storage.delete(name)

    assert not storage.exists(name)
    assert s3.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0


def test_a_missing_photo_is_file_not_found_as_on_disk(s3):
    with pytest.raises(FileNotFoundError):
        MediaS3Storage(**OPTIONS, location="media").open("initiatives/nothing.jpg")


def test_documents_have_no_address_and_the_photos_cannot_reach_them(s3):
    documents = DocumentS3Storage(**OPTIONS, location="documents")
    name = documents.save("articles/draaiboek.pdf", ContentFile(b"%PDF-1.4"))

    with pytest.raises(ValueError, match="download view"):
        documents.url(name)
    assert s3.head_object(Bucket=BUCKET, Key=f"documents/{name}")
    with pytest.raises(SuspiciousOperation):
        MediaS3Storage(**OPTIONS, location="media").open(f"../documents/{name}")
