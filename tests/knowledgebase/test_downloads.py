"""Files to download with an article (/kennisbank/artikelen/<slug>/bestand/), and what core.documents lets
in: a PDF, ODT or DOCX recognised by its content, stored where no web server serves it."""

import io
import re
import zipfile

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import Role
from core import documents
from core.documents import CONTENT_TYPES, DocumentField, DocumentStorage, sniff_document
from knowledgebase.models import Article
from tests.accounts.factories import staff_in_role
from tests.knowledgebase.document_helpers import (
    DOCX_CONTENT_TYPES,
    PDF,
    docx,
    odt,
    with_header_patched,
    zip_bytes,
)
from tests.knowledgebase.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stored_files_in_tmp")]

RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|odt|docx)$")


def upload(content: bytes, name: str, content_type="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def download_url(article):
    return reverse("knowledgebase:article_download", kwargs={"slug": article.slug})


def with_attachment(content=PDF, kind="pdf", **kwargs) -> Article:
    article = ArticleFactory(**kwargs)
    article.attachment.save(f"0123456789abcdef0123456789abcdef.{kind}", ContentFile(content), save=True)
    return article


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


# --- The download --------------------------------------------------------------------------------------


def test_visitor_downloads_the_file_of_a_published_article(client):
    article = with_attachment(slug="draaiboek-buurtfeest")

    response = client.get(download_url(article))

    assert response.status_code == 200
    assert body_of(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="draaiboek-buurtfeest.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(("kind", "content"), [("odt", odt()), ("docx", docx())], ids=["odt", "docx"])
def test_download_of_odt_and_docx_has_their_type_and_extension(client, kind, content):
    article = with_attachment(content, kind, slug="werkvorm")

    response = client.get(download_url(article))

    assert response.status_code == 200
    assert body_of(response) == content
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    assert response["Content-Disposition"] == f'attachment; filename="werkvorm.{kind}"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_article_page_links_to_the_download_view_not_to_the_file(client):
    article = with_attachment(slug="draaiboek")

    content = client.get(article.get_absolute_url()).content.decode()

    assert f'href="{download_url(article)}"' in content
    assert article.attachment.name not in content


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_file_of_an_unpublished_article_is_404_for_the_public(client, user, trait):
    article = with_attachment(**{trait: True})

    assert client.get(download_url(article)).status_code == 404
    client.force_login(user)
    assert client.get(download_url(article)).status_code == 404


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR])
def test_staff_who_preview_drafts_download_the_file_of_a_draft_never_cached(client, role):
    article = with_attachment(draft=True, slug="nog-niet-klaar")
    client.force_login(staff_in_role(role))

    response = client.get(download_url(article))

    assert response.status_code == 200
    assert body_of(response) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="nog-niet-klaar.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_article_without_a_file_has_no_download(client):
    article = ArticleFactory()

    assert client.get(download_url(article)).status_code == 404


def test_unknown_article_has_no_download(client):
    assert (
        client.get(reverse("knowledgebase:article_download", kwargs={"slug": "bestaat-niet"})).status_code
        == 404
    )


def test_file_missing_on_disk_is_404(client):
    article = with_attachment()
    article.attachment.storage.delete(article.attachment.name)

    assert client.get(download_url(article)).status_code == 404


def test_download_only_answers_get_and_head(client):
    article = with_attachment()

    assert client.head(download_url(article)).status_code == 200
    assert client.post(download_url(article)).status_code == 405


# --- Where documents live ------------------------------------------------------------------------------


def test_documents_are_stored_under_documents_root_not_under_media_root(settings):
    article = with_attachment()

    path = settings.DOCUMENTS_ROOT / article.attachment.name
    assert path.read_bytes() == PDF
    assert not (settings.MEDIA_ROOT / article.attachment.name).exists()


def test_documents_have_no_public_address():
    with pytest.raises(ValueError):
        DocumentStorage().url("articles/draaiboek.pdf")


def test_a_stored_attachment_has_the_download_page_as_its_address():
    """Not a file address: the download page, which checks publication (the admin links there too)."""
    article = with_attachment()

    assert article.attachment.url == reverse("knowledgebase:article_download", kwargs={"slug": article.slug})


# --- What DocumentField lets in ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [
        (PDF, "draaiboek.pdf", "pdf"),
        (odt(), "draaiboek.odt", "odt"),
        (docx(), "draaiboek.docx", "docx"),
        (PDF, "draaiboek.docx", "pdf"),  # the name does not matter, the content does
        (docx(), "draaiboek", "docx"),
        (odt(), "draaiboek.pdf", "odt"),
    ],
    ids=["pdf", "odt", "docx", "pdf-called-docx", "docx-without-extension", "odt-called-pdf"],
)
def test_document_is_recognised_by_its_content(content, name, kind):
    assert sniff_document(upload(content, name)) == kind

    cleaned = DocumentField().clean(upload(content, name, content_type="text/plain"))

    assert RANDOM_NAME.match(cleaned.name), cleaned.name
    assert cleaned.name.endswith(f".{kind}")
    assert cleaned.content_type == CONTENT_TYPES[kind]
    cleaned.seek(0)
    assert cleaned.read() == content


def test_every_accepted_upload_gets_its_own_random_name():
    names = {DocumentField().clean(upload(PDF, "draaiboek.pdf")).name for _ in range(3)}

    assert len(names) == 3
    assert all(RANDOM_NAME.match(name) for name in names)
    assert not any("draaiboek" in name for name in names)


def test_empty_optional_document_field_is_none():
    assert DocumentField(required=False).clean(None) is None


def _zip_bomb() -> bytes:
    """A DOCX whose document unpacks to just over 100 MB of zeros, about 100 KB packed."""
    buffer = io.BytesIO()
    megabyte = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as entry:
            for _ in range(documents.MAX_UNPACKED_BYTES // len(megabyte) + 1):
                entry.write(megabyte)
    return buffer.getvalue()


def _too_many_entries() -> bytes:
    extra = {f"word/media/plaatje{number}.xml": "" for number in range(documents.MAX_ZIP_ENTRIES)}
    return docx(**extra)


REFUSED = {
    "docm-with-macros": (docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}), "draaiboek.docm"),
    "docm-called-docx": (docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}), "draaiboek.docx"),
    "text-called-pdf": (b"Dit is gewoon tekst, geen PDF.\n", "draaiboek.pdf"),
    "empty-file-called-pdf": (b"", "leeg.pdf"),
    "executable-called-pdf": (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 200 + b"PE\0\0", "setup.pdf"),
    "elf-called-docx": (b"\x7fELF\x02\x01\x01" + b"\0" * 200, "draaiboek.docx"),
    "shell-script-called-odt": (b"#!/bin/sh\nrm -rf /\n", "draaiboek.odt"),
    "html-called-pdf": (b"<html><script>alert(1)</script></html>", "draaiboek.pdf"),
    "truncated-pdf": (PDF[: len(PDF) // 2], "draaiboek.pdf"),
    "pdf-header-only": (b"%PDF-1.7\n", "draaiboek.pdf"),
    "jpeg-called-pdf": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\0" * 100 + b"\xff\xd9", "foto.pdf"),
    "plain-zip": (zip_bytes({"readme.txt": "hallo"}), "archief.docx"),
    "ods-spreadsheet": (
        zip_bytes(
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
            stored={"mimetype"},
        ),
        "begroting.odt",
    ),
    "docx-without-document": (zip_bytes({"[Content_Types].xml": DOCX_CONTENT_TYPES}), "leeg.docx"),
    "broken-zip": (b"PK\x03\x04" + b"\x14\x00" * 40, "kapot.docx"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_file_that_is_not_a_plain_pdf_odt_or_docx_is_refused(case):
    content, name = REFUSED[case]

    assert sniff_document(upload(content, name)) is None
    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(content, name))
    assert refused.value.code in {"invalid", "empty"}


def test_zip_bomb_is_refused():
    bomb = _zip_bomb()
    assert len(bomb) < 1024 * 1024  # small to upload, enormous to unpack

    assert sniff_document(upload(bomb, "draaiboek.docx")) is None
    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(bomb, "draaiboek.docx"))
    assert refused.value.code == "invalid"


def test_zip_that_claims_more_than_the_unpacked_limit_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 1000)
    content = docx(**{"word/styles.xml": "x" * 2000})

    assert sniff_document(upload(docx(), "klein.docx")) == "docx"
    assert sniff_document(upload(content, "groot.docx")) is None


def test_zip_with_too_many_entries_is_refused():
    assert sniff_document(upload(_too_many_entries(), "draaiboek.docx")) is None


def test_file_over_the_size_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", len(PDF) - 1)

    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(PDF, "draaiboek.pdf"))

    assert refused.value.code == "too_large"


def test_file_of_exactly_the_size_limit_is_accepted(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", len(PDF))

    assert DocumentField().clean(upload(PDF, "draaiboek.pdf")).name.endswith(".pdf")


def test_the_size_limit_is_ten_megabytes():
    assert documents.MAX_DOCUMENT_BYTES == 10 * 1024 * 1024
    assert documents.MAX_UNPACKED_BYTES == 100 * 1024 * 1024


@pytest.mark.parametrize(
    "damaged",
    [
        pytest.param(with_header_patched(odt(), flags=0x1), id="encrypted-entry"),
        pytest.param(with_header_patched(odt(), method=99), id="unknown-compression"),
    ],
)
def test_zip_the_sniffer_cannot_unpack_is_refused_not_a_crash(damaged):
    """An encrypted entry or an unknown compression method raise other errors than BadZipFile in
    zipfile; an upload like that must be a form error, never a 500 in the management site."""
    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(damaged, "draaiboek.odt"))

    assert refused.value.code == "invalid"


def test_zip_with_corrupt_packed_data_is_refused_not_a_crash():
    packed = bytearray(zip_bytes({"mimetype": documents.ODT_MIMETYPE * 3, "content.xml": "<x/>"}))
    start = packed.find(b"PK\x03\x04") + 30 + len("mimetype")
    packed[start : start + 10] = bytes(byte ^ 0xFF for byte in packed[start : start + 10])

    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(bytes(packed), "draaiboek.odt"))

    assert refused.value.code == "invalid"
