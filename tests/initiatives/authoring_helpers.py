"""Shared by the tests of registering, editing and uploading: photos made with Pillow, valid form data,
and hostile strings."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from initiatives.choices import Origin, Stage
from initiatives.models import Initiative

# What people (or scripts) may type into any text field. None of it may cause a 500, and none of it may
# come back as live HTML.
HOSTILE_STRINGS = [
    "",
    " ",
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "[klik](javascript:alert(1))",
    "'; DROP TABLE initiatives_initiative; --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "\x00nul",
    "\u202eRTL override",
    "😀 émoji en ünïcode",
    "a" * 10_001,
    "%s%s%s%n",
    "../../../etc/passwd",
]

GPS_IFD = 0x8825


def jpeg_bytes(size=(64, 48), color=(200, 30, 30), *, exif=None) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG", exif=exif if exif is not None else b"")
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    """A JPEG as a phone makes it: camera make, a position in Doetinchem, and an orientation."""
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 57.0, 54.0)
    gps[3] = "E"
    gps[4] = (6.0, 17.0, 24.0)
    return jpeg_bytes(size=(80, 40), exif=exif)


def png_with_alpha_bytes(size=(32, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (10, 120, 90, 128)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(content: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo_upload(name="foto.jpg") -> SimpleUploadedFile:
    return upload(jpeg_bytes(), name=name)


def initiative_data(area, /, **overrides) -> dict:
    """What a person fills in on the registration form: valid unless overridden."""
    data = {
        "title": "Natuurspeelplaats De Huet",
        "summary": "Buurtbewoners maken van een grasveld een plek waar kinderen buiten spelen.",
        "story": "## Hoe het begon\n\nWe zagen dat kinderen **binnen** bleven.",
        "origin": Origin.SOCIETY,
        "stage": Stage.IDEA,
        "area": str(area.pk),
        "tags": "groen, spelen",
        "government_role": "",
        "participation_step": "",
        "cover_alt": "",
        "links": "",
        "website": "",
    }
    data.update(overrides)
    return data


CREATE_URL = reverse("initiatives:initiative_create")


def post_create(client, data, files=None):
    """Send the registration form with `data` and the photos in `files`."""
    return client.post(CREATE_URL, {**data, **(files or {})})


def create_errors(client, data, files=None):
    """The errors of the registration form sent with `data`, which must have saved nothing."""
    response = post_create(client, data, files)
    assert response.status_code == 200, response.status_code
    assert not Initiative.objects.exists()
    return response.context["form"].errors
