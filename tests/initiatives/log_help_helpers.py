"""Shared bits for the log, help request and offer tests: hostile input, photos, people in roles, and the
log's pages with a valid entry to post on them."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import User
from accounts.roles import Role
from initiatives.choices import LogKind
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory

# What people (or bots) may type into any text field. None of it may cause a server error, and none of
# it may come back on a page as working HTML.
HOSTILE_STRINGS = [
    "",
    "   ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[klik](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "' OR 1=1; DROP TABLE initiatives_logentry; --",
    "{{ 7|add:7 }} {% debug %}",
    "nul\x00teken",
    "\u202eomgekeerd \u200b onzichtbaar",
    "😀" * 300,
    "a" * 10_001,
    "Onderwerp\r\nBcc: spam@example.org",
    "../../../etc/passwd",
]

SCRIPT_MARKERS = ["<script>alert(1)", "<img src=x", 'href="javascript:', "href='javascript:"]

STATES = {
    "draft": {"draft": True},
    "submitted": {"submitted": True},
    "published": {},
    "rejected": {"rejected": True},
    "hidden": {"hidden": True},
}


def initiative_in(state: str, **kwargs):
    return InitiativeFactory(**STATES[state], **kwargs)


def team_member_of(initiative) -> User:
    """The initiator the factory made: verified and in the team."""
    return initiative.created_by


def staff_member(*, with_role: bool) -> User:
    """A civil servant: a moderator (who may read every initiative) or staff without any role."""
    member = VerifiedUserFactory(is_staff=True)
    if with_role:
        member.groups.add(Group.objects.get(name=Role.MODERATOR))
    return User.objects.get(pk=member.pk)


def jpeg_with_exif(name="foto.jpg", size=(60, 40)) -> SimpleUploadedFile:
    """A small JPEG carrying a camera make and a GPS position in its EXIF data."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "GeheimeCamera"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 57.0, 54.0), 3: "E", 4: (6.0, 17.0, 24.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


TODAY = timezone.localdate


def create_url(initiative):
    return reverse("initiatives:log_entry_create", kwargs={"slug": initiative.slug})


def edit_url(entry):
    return reverse("initiatives:log_entry_edit", kwargs={"slug": entry.initiative.slug, "pk": entry.pk})


def delete_url(entry):
    return reverse("initiatives:log_entry_delete", kwargs={"slug": entry.initiative.slug, "pk": entry.pk})


def entry_data(**overrides):
    data = {
        "kind": LogKind.UPDATE,
        "obstacle_category": "",
        "happened_on": TODAY().isoformat(),
        "title": "Eerste plantdag",
        "text": "We hebben **twintig** bomen geplant met de buurt.",
        "image_alt": "",
        "website": "",
    }
    data.update(overrides)
    return data
