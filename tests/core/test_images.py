"""Uploaded photos (core/images.py): decoded to prove they are images, limited in size and pixels, and
re-encoded without metadata."""

import io

import pytest
from django import forms
from django.utils import translation
from PIL import Image

from core import images
from tests.initiatives.authoring_helpers import (
    GPS_IFD,
    jpeg_bytes,
    jpeg_with_gps,
    png_with_alpha_bytes,
    upload,
)

NOT_A_PHOTO = (
    "Dit bestand is geen foto die we kunnen gebruiken. Kies een afbeelding in JPEG, PNG, WebP of GIF."
)


def opened(cleaned) -> Image.Image:
    cleaned.seek(0)
    image = Image.open(io.BytesIO(cleaned.read()))
    image.load()
    return image


def rejection(content: bytes, name="foto.jpg") -> forms.ValidationError:
    with pytest.raises(forms.ValidationError) as caught, translation.override("en"):
        images.clean_photo(upload(content, name=name))
    return caught.value


def test_phone_photo_loses_its_exif_and_gps_position():
    cleaned = images.clean_photo(upload(jpeg_with_gps()))

    image = opened(cleaned)
    exif = image.getexif()
    assert image.format == "JPEG"
    assert len(exif) == 0
    assert exif.get_ifd(GPS_IFD) == {}
    assert "exif" not in image.info
    cleaned.seek(0)
    raw = cleaned.read()
    assert b"Telefoonmerk" not in raw
    assert b"Exif" not in raw


def test_camera_orientation_is_applied_before_the_metadata_goes():
    # The phone stored 80x40 pixels with "rotate 90°": people expect to see it standing, 40x80.
    image = opened(images.clean_photo(upload(jpeg_with_gps())))

    assert image.size == (40, 80)


def test_png_with_transparency_stays_a_png_with_alpha():
    cleaned = images.clean_photo(upload(png_with_alpha_bytes(), name="logo.png", content_type="image/png"))

    image = opened(cleaned)
    assert cleaned.name.endswith(".png")
    assert cleaned.content_type == "image/png"
    assert image.format == "PNG"
    assert image.mode == "RGBA"


def test_saved_name_is_random_not_the_uploaded_name():
    cleaned = images.clean_photo(upload(jpeg_bytes(), name="mijn adres 12 Doetinchem.jpg"))

    assert "adres" not in cleaned.name
    assert cleaned.name.endswith(".jpg")


def test_large_photo_is_scaled_down_to_the_maximum_side(monkeypatch):
    monkeypatch.setattr(images, "MAX_SIDE", 50)

    image = opened(images.clean_photo(upload(jpeg_bytes(size=(200, 100)))))

    assert max(image.size) == 50


def test_text_file_named_jpg_is_rejected():
    error = rejection(b"Dit is gewoon tekst, geen foto.\n" * 20, name="vakantie.jpg")

    assert error.code == "invalid"
    assert error.messages == [NOT_A_PHOTO]


def test_html_file_named_jpg_is_rejected():
    error = rejection(b"<html><script>alert(1)</script></html>", name="foto.jpg")

    assert error.messages == [NOT_A_PHOTO]


def test_truncated_jpeg_is_rejected():
    whole = jpeg_bytes(size=(400, 300))

    error = rejection(whole[: len(whole) // 2])

    assert error.messages == [NOT_A_PHOTO]


def test_image_format_we_do_not_accept_is_rejected():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")

    error = rejection(buffer.getvalue(), name="foto.bmp")

    assert error.code == "format"


def test_too_large_file_is_rejected(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 100)

    error = rejection(jpeg_bytes())

    assert error.code == "too_large"
    assert "too large" in error.messages[0]


def test_photo_with_too_many_pixels_is_rejected(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100 * 100)

    error = rejection(jpeg_bytes(size=(101, 100)))

    assert error.code == "too_many_pixels"


def test_empty_file_is_rejected():
    field = images.PhotoField(required=False)

    with pytest.raises(forms.ValidationError):
        field.clean(upload(b"", name="leeg.jpg"))


def test_thumbnail_is_small_and_a_jpeg(monkeypatch):
    monkeypatch.setattr(images, "THUMBNAIL_SIDE", 20)
    cleaned = images.clean_photo(upload(jpeg_bytes(size=(100, 50))))

    thumbnail = images.make_thumbnail(cleaned)

    image = opened(thumbnail)
    assert image.size == (20, 10)
    assert thumbnail.name.endswith("-thumb.jpg")


def test_photo_field_hands_the_form_a_cleaned_copy():
    field = images.PhotoField(required=False)

    cleaned = field.clean(upload(jpeg_with_gps(), name="IMG_0001.JPG"))

    assert cleaned.name != "IMG_0001.JPG"
    assert opened(cleaned).getexif().get_ifd(GPS_IFD) == {}
