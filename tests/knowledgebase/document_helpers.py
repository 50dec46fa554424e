"""Documents made in memory for the tests of downloads and of the article admin: a minimal PDF, a DOCX and
an ODT built as zips, and a zip with a header patched the way a damaged or encrypted file has it."""

import io
import struct
import zipfile

from demo.loader.knowledgebase import odt_document

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
    b"trailer << /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
)
DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
DOCX_BODY = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Draaiboek buurtfeest</w:t></w:r></w:p></w:body></w:document>"
)


def zip_bytes(entries: dict[str, bytes | str], *, stored=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED if name in stored else None)
    return buffer.getvalue()


def docx(**extra) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": DOCX_BODY,
            **extra,
        }
    )


def odt() -> bytes:
    return odt_document("Draaiboek buurtfeest", ["Stap 1: vraag een vergunning aan.", "Stap 2: vier feest."])


def with_header_patched(data: bytes, *, flags=None, method=None) -> bytes:
    """The zip with the first entry's flag bits or compression method changed in both its headers."""
    patched = bytearray(data)
    local, central = patched.find(b"PK\x03\x04"), patched.find(b"PK\x01\x02")
    if flags is not None:
        patched[local + 6 : local + 8] = patched[central + 8 : central + 10] = struct.pack("<H", flags)
    if method is not None:
        patched[local + 8 : local + 10] = patched[central + 10 : central + 12] = struct.pack("<H", method)
    return bytes(patched)
