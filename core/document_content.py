"""What a document editors offer for download may not contain: anything that runs by itself or fetches
something from elsewhere when a resident opens it.

- DOCX: macros (a VBA project, whatever its part is called), ActiveX controls, embedded objects and files,
  an attached template, and any relationship that points outside the file except a plain web or mail link
  (a "remote template" is an external attachedTemplate relationship in word/_rels/settings.xml.rels; an
  external image or frame does the same trick).
- ODT: macros (Basic/ and Scripts/).
- PDF: JavaScript, actions that run on opening a page or the document (/AA, an /OpenAction that is more
  than "open at this page"), /Launch, embedded files, and the like; names are read after undoing the #xx
  escapes a PDF may use, and compressed object streams are unpacked, since dictionaries can hide there.

Each check answers with a short description of what it found, for the form's error message, or None.
"""

import re
import zipfile
import zlib
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _

MACROS = _("macros")
EMBEDDED = _("embedded files or objects")
REMOTE = _("a link to a template, image or other part that is fetched from elsewhere")
SCRIPT = _("JavaScript or actions that run by themselves")

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # unpacked object streams of one PDF: more is a bomb, not a document
MAX_XML_PART_BYTES = 5 * 1024 * 1024  # [Content_Types].xml and the .rels files are small in any real document

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: VBA projects and OLE objects
# Words in a content type that mean code or an embedded program.
ACTIVE_CONTENT_TYPES = ("macroenabled", "vbaproject", "vbadata", "activex", "oleobject")
# Relationship types (the last part of their URI) a plain document never needs.
REFUSED_RELATIONSHIPS = {
    "vbaproject": MACROS,
    "wordvbadata": MACROS,
    "keymapcustomizations": MACROS,
    "attachedtemplate": REMOTE,
    "subdocument": REMOTE,
    "oleobject": EMBEDDED,
    "package": EMBEDDED,
    "control": EMBEDDED,
    "activexcontrolbinary": EMBEDDED,
    "afchunk": EMBEDDED,
}
LINK_SCHEMES = ("http://", "https://", "mailto:")


class _Refused(Exception):
    def __init__(self, finding):
        self.finding = finding


def _xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> ElementTree.Element:
    if info.file_size > MAX_XML_PART_BYTES:
        raise _Refused(EMBEDDED)
    data = archive.read(info)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # OOXML parts never declare any; refuse, never expand
        raise _Refused(EMBEDDED)
    try:
        # Python's expat refuses entity expansion bombs and never fetches external entities; the check
        # above keeps declarations out altogether.
        return ElementTree.fromstring(data)  # noqa: S314
    except ElementTree.ParseError as error:
        raise _Refused(EMBEDDED) from error


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _check_content_types(archive, info):
    main_type = default_xml = None
    for element in _xml_part(archive, info).iter():
        content_type = element.get("ContentType", "").strip().lower()
        if any(word in content_type for word in ACTIVE_CONTENT_TYPES):
            raise _Refused(MACROS if "macro" in content_type or "vba" in content_type else EMBEDDED)
        if _local(element.tag) == "Override" and element.get("PartName", "").lower() == "/word/document.xml":
            main_type = content_type
        elif _local(element.tag) == "Default" and element.get("Extension", "").lower() == "xml":
            default_xml = content_type
    if (main_type or default_xml) != DOCX_MAIN:  # a .docm, a template, or something else called a document
        raise _Refused(MACROS)


def _check_relationships(archive, info):
    for element in _xml_part(archive, info).iter():
        if _local(element.tag) != "Relationship":
            continue
        kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1].lower()
        if kind in REFUSED_RELATIONSHIPS:
            raise _Refused(REFUSED_RELATIONSHIPS[kind])
        if element.get("TargetMode", "").strip().lower() == "external":
            target = element.get("Target", "").strip().lower()
            if kind != "hyperlink" or not target.startswith(LINK_SCHEMES):
                raise _Refused(REMOTE)


def _docx_finding(archive: zipfile.ZipFile):
    for info in archive.infolist():
        name = info.filename.lower()
        if name.endswith(".bin") or "vbaproject" in name or "vbadata" in name:
            raise _Refused(MACROS if "vba" in name else EMBEDDED)
        if name.startswith(("word/embeddings/", "word/activex/")):
            raise _Refused(EMBEDDED)
        with archive.open(info) as entry:
            if entry.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE:  # a macro part renamed to look harmless
                raise _Refused(EMBEDDED)
        if name == "[content_types].xml":
            _check_content_types(archive, info)
        elif name.endswith(".rels"):
            _check_relationships(archive, info)


def _odt_finding(archive: zipfile.ZipFile):
    for info in archive.infolist():
        name = info.filename.lower()
        if name.startswith(("basic/", "scripts/")) and not info.is_dir():
            raise _Refused(MACROS)


def zip_finding(archive: zipfile.ZipFile, kind: str):
    """What the DOCX or ODT in `archive` has that a plain document does not, or None."""
    try:
        (_docx_finding if kind == "docx" else _odt_finding)(archive)
    except _Refused as refused:
        return refused.finding
    return None


# --- PDF -----------------------------------------------------------------------------------------------

# A name runs from "/" to the next white space or delimiter (PDF 32000-1, 7.2.2).
_PDF_NAME = re.compile(rb"/([^\x00\t\n\x0c\r /<>\[\]()%{}]*)")
_PDF_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb">>\s*stream\r?\n")
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_PDF_WHITE = b"\x00\t\n\x0c\r "
PDF_REFUSED_NAMES = {
    b"JavaScript": SCRIPT,
    b"JS": SCRIPT,
    b"AA": SCRIPT,  # additional actions: on opening a page, on a form field, on closing
    b"Launch": SCRIPT,
    b"SubmitForm": SCRIPT,
    b"ImportData": SCRIPT,
    b"XFA": SCRIPT,  # XML forms carry their own scripts
    b"RichMedia": EMBEDDED,
    b"EmbeddedFile": EMBEDDED,
    b"EmbeddedFiles": EMBEDDED,
    b"GoToE": EMBEDDED,
    b"GoToR": REMOTE,
}


def _pdf_names(data: bytes):
    for match in _PDF_NAME.finditer(data):
        yield _PDF_HEX.sub(lambda hexed: bytes([int(hexed[1], 16)]), match[1]), match.end()


def _inflate(raw: bytes, budget: int) -> bytes | None:
    try:
        inflated = zlib.decompressobj().decompress(raw, budget + 1)
    except zlib.error:
        return None
    return inflated if len(inflated) <= budget else None


def _pdf_parts(data: bytes):
    """The PDF with the contents of its streams blanked out (binary data that could look like a name by
    chance), then each compressed object stream unpacked. A stream that holds object headers is kept: no
    viewer reads objects from stream data, so that is something pretending to be a stream."""
    outside = bytearray(data)
    unpacked = []
    budget = MAX_UNPACKED_BYTES
    after = 0
    for match in _PDF_STREAM.finditer(data):
        if match.start() < after:
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        after = end
        dictionary = data[max(0, data.rfind(b"obj", 0, match.start())) : match.start()]
        names = {name for name, _end in _pdf_names(dictionary)}
        if b"ObjStm" in names:
            if names & {b"Filter"} and not names >= {b"Filter", b"FlateDecode"}:
                raise _Refused(SCRIPT)  # packed in a way we cannot unpack: we cannot vouch for it
            inflated = _inflate(data[start:end], budget) if b"FlateDecode" in names else data[start:end]
            if inflated is None:
                raise _Refused(SCRIPT)
            budget -= len(inflated)
            unpacked.append(inflated)
        elif not _PDF_OBJECT.search(data, start, end):
            outside[start:end] = bytes(end - start)
    return [bytes(outside), *unpacked]


def _check_pdf_part(part: bytes):
    for name, end in _pdf_names(part):
        if name in PDF_REFUSED_NAMES:
            raise _Refused(PDF_REFUSED_NAMES[name])
        # "/OpenAction [3 0 R /Fit]" only opens the document at a page; anything else is an action.
        if name == b"OpenAction" and part[end:].lstrip(_PDF_WHITE)[:1] != b"[":
            raise _Refused(SCRIPT)


def pdf_finding(data: bytes):
    """What the PDF `data` has that runs by itself or is embedded in it, or None."""
    try:
        for part in _pdf_parts(data):
            _check_pdf_part(part)
    except _Refused as refused:
        return refused.finding
    return None
