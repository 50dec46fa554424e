"""The cover photo of a new initiative (/initiatieven/nieuw/): saved without its metadata and with a
thumbnail, only with a description, and refused, keeping the rest of the form, when it is no photo."""

import io

import pytest
from PIL import Image

from initiatives.models import Initiative
from tests.initiatives.authoring_helpers import (
    create_errors,
    initiative_data,
    jpeg_bytes,
    jpeg_with_gps,
    photo_upload,
    post_create,
    upload,
)

pytestmark = pytest.mark.django_db


# Photo -------------------------------------------------------------------------------------------------


def test_cover_photo_is_saved_without_metadata_with_a_thumbnail(client_logged_in, area, media_root):
    files = {"cover_image": upload(jpeg_with_gps(), name="IMG_1234.jpg")}

    response = post_create(
        client_logged_in, initiative_data(area, cover_alt="Kinderen bouwen een hut"), files
    )

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.cover_image.name.startswith("initiatives/covers/")
    assert initiative.cover_thumbnail.name.startswith("initiatives/thumbnails/")
    assert "IMG_1234" not in initiative.cover_image.name
    with Image.open(initiative.cover_image.path) as image:
        assert image.getexif().get_ifd(0x8825) == {}
    with Image.open(initiative.cover_thumbnail.path) as thumbnail:
        assert max(thumbnail.size) <= 640
    assert (media_root / initiative.cover_image.name).exists()


def test_photo_needs_a_description(client_logged_in, area, media_root):
    errors = create_errors(client_logged_in, initiative_data(area), {"cover_image": photo_upload()})

    assert "cover_alt" in errors
    assert "cover_image" not in errors


def test_description_without_photo_is_fine(client_logged_in, area, media_root):
    response = post_create(client_logged_in, initiative_data(area, cover_alt="Een veld"))

    assert response.status_code == 302
    assert not Initiative.objects.get().cover_image


def test_bad_photo_keeps_the_rest_of_the_form(client_logged_in, area, media_root):
    data = initiative_data(area, title="Mijn eigen titel", cover_alt="Een speelveld", links="https://a.nl")
    files = {"cover_image": upload(b"geen foto maar tekst", name="foto.jpg")}

    response = post_create(client_logged_in, data, files)

    assert response.status_code == 200
    form = response.context["form"]
    assert "cover_image" in form.errors
    assert form.errors["cover_image"][0]  # "not a photo we can use"
    html = response.content.decode()
    assert 'value="Mijn eigen titel"' in html
    assert 'value="Een speelveld"' in html
    assert "https://a.nl" in html
    assert not Initiative.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_good_photo_with_another_mistake_asks_to_choose_the_photo_again(client_logged_in, area, media_root):
    data = initiative_data(area, title="", cover_alt="Een speelveld")

    response = post_create(client_logged_in, data, {"cover_image": photo_upload()})

    assert response.status_code == 200
    assert response.context["form"].photo_needs_choosing_again


def test_truncated_photo_is_refused_through_the_form(client_logged_in, area, media_root):
    whole = jpeg_bytes(size=(300, 300))
    files = {"cover_image": upload(whole[: len(whole) // 3])}

    errors = create_errors(client_logged_in, initiative_data(area, cover_alt="Iets"), files)

    assert "cover_image" in errors


def test_png_photo_stays_png(client_logged_in, area, media_root):
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(buffer, format="PNG")
    files = {"cover_image": upload(buffer.getvalue(), name="logo.png", content_type="image/png")}

    post_create(client_logged_in, initiative_data(area, cover_alt="Logo van de buurt"), files)

    assert Initiative.objects.get().cover_image.name.endswith(".png")
