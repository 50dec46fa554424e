"""Photos people upload: checked by decoding them, then re-encoded without any metadata.

Only what Pillow can decode as JPEG, PNG, WebP or GIF gets through, whatever the file is called. The
saved file is a fresh JPEG (or PNG when the photo has transparency) made from the pixels alone, so
EXIF data, GPS positions and anything hidden in the original never reach the disk.
"""

import io
import uuid
import warnings

from django import forms
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000
THUMBNAIL_SIDE = 640
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def _open_checked(upload) -> Image.Image:
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            _("The photo is too large (%(size)s). Choose a photo of at most %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise forms.ValidationError(
                    _("This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF image."),
                    code="format",
                )
            if image.width * image.height > MAX_PIXELS:
                raise forms.ValidationError(
                    _("The photo has too many pixels. Choose a smaller photo."), code="too_many_pixels"
                )
            image.load()  # decode every pixel: a truncated or disguised file fails here
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise forms.ValidationError(
            _("This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF image."),
            code="invalid",
        ) from error
    return image


def _encode(image: Image.Image, max_side: int, name: str) -> InMemoryUploadedFile:
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera recorded, then drop EXIF
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((max_side, max_side))
    clean = Image.new(image.mode, image.size)  # a new image carries only pixels, no info or EXIF
    clean.paste(image)
    buffer = io.BytesIO()
    if has_alpha:
        clean.save(buffer, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        clean.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        extension, content_type = "jpg", "image/jpeg"
    size = buffer.tell()
    buffer.seek(0)
    return InMemoryUploadedFile(buffer, None, f"{name}.{extension}", content_type, size, None)


def clean_photo(upload) -> InMemoryUploadedFile:
    """Validate an uploaded photo and return a re-encoded copy without metadata, at most MAX_SIDE wide."""
    image = _open_checked(upload)
    return _encode(image, MAX_SIDE, uuid.uuid4().hex)


def make_thumbnail(photo) -> InMemoryUploadedFile:
    """A small copy of an already cleaned photo, for lists."""
    photo.seek(0)
    with Image.open(photo) as image:
        image.load()
        return _encode(image, THUMBNAIL_SIDE, f"{uuid.uuid4().hex}-thumb")


class PhotoField(forms.FileField):
    """A file field that only accepts real photos and hands the form a cleaned copy.

    Django's ImageField only checks that Pillow recognises the file; this one decodes it fully,
    limits its size and pixels, and strips its metadata by re-encoding.
    """

    widget = forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_photo(upload)
