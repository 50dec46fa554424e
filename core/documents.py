"""Documents editors attach (formats, templates, work forms): PDF, ODT and DOCX only, recognised by their
content, not by their name. They are stored apart from the photos (outside MEDIA_ROOT, or under their own
prefix in an S3 bucket: the settings' STORAGES["documents"], core.storage) and only reach people through a
view that checks publication and sends them as a download."""

import uuid
import zipfile
import zlib

from django import forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .document_content import pdf_finding, zip_finding

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a zip that unpacks to more is a zip bomb, not a document
MAX_ZIP_ENTRIES = 2000

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": ODT_MIMETYPE.decode(),
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class DocumentStorage(FileSystemStorage):
    """Files under DOCUMENTS_ROOT, which no web server serves: there is no base URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.DOCUMENTS_ROOT

    @property
    def location(self):
        return str(settings.DOCUMENTS_ROOT)

    def url(self, name):
        raise ValueError("Documents have no public address; link to the download view instead.")


def document_storage():
    """The storage of the settings' STORAGES["documents"]: DocumentStorage, or a private bucket."""
    return storages["documents"]


# What zipfile raises on a damaged, encrypted or oddly packed archive, besides BadZipFile.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
    EOFError,
    ValueError,
)


def sniff_document(upload) -> str | None:
    """The kind of document ("pdf", "odt", "docx") the content shows, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        upload.seek(max(0, upload.size - 1024))
        tail = upload.read()
        upload.seek(0)
        return "pdf" if b"%%EOF" in tail else None
    if not zipfile.is_zipfile(upload):
        return None
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                return None
            names = {entry.filename for entry in entries}
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            # A .docm (macros) has word/vbaProject.bin: refused, it is not a plain document.
            if {"[Content_Types].xml", "word/document.xml"} <= names and "word/vbaProject.bin" not in names:
                return "docx"
    except ZIP_ERRORS:
        # Damaged, encrypted or oddly packed: whatever it is, it is not a document we can vouch for.
        return None
    finally:
        upload.seek(0)
    return None


def active_content(upload, kind: str):
    """What the document `upload` of `kind` has that runs by itself, is embedded or is fetched from
    elsewhere (core.document_content), or None. A zip that cannot be read through raises one of
    ZIP_ERRORS."""
    upload.seek(0)
    try:
        if kind == "pdf":
            return pdf_finding(upload.read())
        with zipfile.ZipFile(upload) as archive:
            return zip_finding(archive, kind)
    finally:
        upload.seek(0)


def _not_a_document():
    return forms.ValidationError(
        _("This file is not a document we can offer. Choose a PDF, ODT or DOCX file."), code="invalid"
    )


class DocumentField(forms.FileField):
    """Accepts a PDF, ODT or DOCX of at most 10 MB, whatever it is called, and gives it a random name
    with the right extension."""

    widget = forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx," + ",".join(CONTENT_TYPES.values())})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s). Choose a file of at most %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_DOCUMENT_BYTES)},
                code="too_large",
            )
        kind = sniff_document(upload)
        if kind is None:
            raise _not_a_document()
        try:
            finding = active_content(upload, kind)
        except ZIP_ERRORS as error:
            raise _not_a_document() from error
        if finding is not None:
            raise forms.ValidationError(
                _(
                    "This document contains %(what)s. We only offer plain documents for download. "
                    "Remove it from the document, or make a new PDF of it (for example with Print to PDF), "
                    "and choose that file."
                )
                % {"what": finding},
                code="active_content",
            )
        upload.name = f"{uuid.uuid4().hex}.{kind}"
        upload.content_type = CONTENT_TYPES[kind]
        return upload


def document_kind(name: str) -> str:
    """The kind of a stored document, from the extension DocumentField gave it."""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""
