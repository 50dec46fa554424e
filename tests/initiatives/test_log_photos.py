"""A photo in the log: stored without its metadata, refused without a description or when it is no photo,
removed with its entry or when replaced, and shown on the initiative's page with its description."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from initiatives.models import LogEntry
from tests.initiatives.log_help_helpers import create_url, delete_url, edit_url, entry_data, jpeg_with_exif

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


# --- Photos ------------------------------------------------------------------------------------------


def test_photo_is_stored_without_its_metadata(team_client, initiative):
    response = team_client.post(
        create_url(initiative),
        {**entry_data(image_alt="Kinderen planten een boom"), "image": jpeg_with_exif()},
    )

    assert response.status_code == 302
    entry = LogEntry.objects.get()
    stored = entry.image.read()
    assert b"GeheimeCamera" not in stored
    with Image.open(entry.image.path) as image:
        assert not image.getexif()
    assert entry.image_alt == "Kinderen planten een boom"


def test_photo_without_description_is_refused_and_the_text_is_kept(team_client, initiative):
    response = team_client.post(
        create_url(initiative), {**entry_data(title="Met foto"), "image": jpeg_with_exif()}
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("image_alt", "required")
    assert 'value="Met foto"' in response.content.decode()
    assert not LogEntry.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused(team_client, initiative):
    fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'hallo'; ?>", content_type="image/jpeg")

    response = team_client.post(create_url(initiative), {**entry_data(image_alt="iets"), "image": fake})

    assert response.status_code == 200
    assert response.context["form"].has_error("image")


def test_deleting_an_entry_removes_its_photo(team_client, initiative, django_capture_on_commit_callbacks):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Een boom"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    storage, name = entry.image.storage, entry.image.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(delete_url(entry))

    assert not storage.exists(name)


def test_replacing_or_removing_a_photo_removes_the_old_file(
    team_client, initiative, django_capture_on_commit_callbacks
):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Eerste"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    storage, first = entry.image.storage, entry.image.name

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(
            edit_url(entry), {**entry_data(image_alt="Tweede"), "image": jpeg_with_exif("b.jpg")}
        )
    entry.refresh_from_db()
    second = entry.image.name
    assert second != first
    assert not storage.exists(first)
    assert storage.exists(second)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(edit_url(entry), {**entry_data(image_alt="Tweede"), "image-clear": "on"})
    entry.refresh_from_db()
    assert not entry.image
    assert not storage.exists(second)


def test_editing_the_text_keeps_the_photo(team_client, initiative):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Een boom"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    name = entry.image.name

    response = team_client.post(edit_url(entry), entry_data(title="Andere titel", image_alt="Een boom"))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.image.name) == ("Andere titel", name)
    assert entry.image.storage.exists(name)


def test_photo_in_the_log_has_its_description(team_client, initiative):
    team_client.post(
        create_url(initiative), {**entry_data(image_alt="Kinderen bij de boom"), "image": jpeg_with_exif()}
    )

    page = team_client.get(initiative.get_absolute_url()).content.decode()

    assert 'alt="Kinderen bij de boom"' in page
    assert LogEntry.objects.get().image.url in page
