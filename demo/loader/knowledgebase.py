"""Demo knowledge base: about twenty articles and five case analyses of demo initiatives, written for this
demo in the spirit of the seeds (data/knowledgebase.yaml). Loading is idempotent: an article whose slug
exists, or an analysis of an initiative that has one, is left as it is."""

import datetime
import io
import uuid
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from core.documents import ODT_MIMETYPE
from flywheels.models import Concept
from initiatives.models import Initiative
from knowledgebase.models import Article, CaseAnalysis, ConceptFinding, PublicationState
from knowledgebase.services.articles import analysis_reindex, article_reindex
from places.models import Area

from .dates import Clock
from .files import read, text

PUBLISHED = datetime.time(9, 0)


def odt_document(title: str, paragraphs: list[str]) -> bytes:
    """A small OpenDocument text: a heading and paragraphs, enough for any word processor to open."""
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h>' + "".join(
        f"<text:p>{escape(paragraph)}</text:p>" for paragraph in paragraphs
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE.decode()}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype comes first and uncompressed: that is how ODF readers recognise the file.
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _add_article(entry: dict, *, areas, concepts, editor, clock: Clock) -> Article:
    initiative = Initiative.objects.published().filter(slug=entry.get("initiative") or "").first()
    article = Article(
        kind=entry["kind"],
        title=entry["title"],
        slug=entry["slug"],
        summary=text(entry["summary"]),
        body=text(entry["body"]),
        area=areas.get(entry.get("area") or ""),
        place=entry.get("place") or "",
        initiative=initiative,
        state=PublicationState.PUBLISHED,
        published_at=clock.at(entry["published"], PUBLISHED),
        is_featured=bool(entry.get("featured")),
        written_by=editor,
    )
    attachment = entry.get("attachment")
    if attachment:
        document = odt_document(attachment["title"], attachment["paragraphs"])
        article.attachment.save(f"{uuid.uuid4().hex}.odt", ContentFile(document), save=False)
    article.full_clean()
    article.save()
    article.tags.set(entry.get("tags") or [])
    article.concepts.set([concepts[slug] for slug in entry["concepts"]])
    article_reindex(article=article)
    return article


def _add_analysis(entry: dict, *, concepts, analyst, clock: Clock) -> CaseAnalysis | None:
    initiative = Initiative.objects.published().filter(slug=entry["initiative"]).first()
    if initiative is None:
        return None
    analysis = CaseAnalysis(
        initiative=initiative,
        title=entry["title"],
        slug=slugify(entry["title"])[:170],
        summary=text(entry["summary"]),
        lessons=text(entry.get("lessons")),
        working_elements=text(entry.get("working_elements")),
        other_contributors="\n".join(entry.get("contributors", [])),
        state=PublicationState.PUBLISHED,
        published_at=clock.at(entry["published"], PUBLISHED),
        written_by=analyst,
    )
    analysis.full_clean()
    analysis.save()
    ConceptFinding.objects.bulk_create(
        ConceptFinding(
            analysis=analysis,
            concept=concepts[finding["concept"]],
            happened=finding.get("happened", ""),
            helped=finding.get("helped", ""),
            hindered=finding.get("hindered", ""),
            lessons=finding.get("lessons", ""),
        )
        for finding in entry["findings"]
    )
    analysis_reindex(analysis=analysis)
    return analysis


@transaction.atomic
def load_knowledgebase(*, people: dict, clock: Clock) -> tuple[int, int]:
    """Add the demo articles and analyses that are missing; returns how many of each were added. The demo
    editor writes the articles, the demo civil servant the analyses."""
    data = read("knowledgebase")
    editor, analyst = people["rik"], people["anne"]
    areas = {area.slug: area for area in Area.objects.all()}
    concepts = {concept.slug: concept for concept in Concept.objects.all()}
    existing = set(Article.objects.values_list("slug", flat=True))
    articles = [
        _add_article(entry, areas=areas, concepts=concepts, editor=editor, clock=clock)
        for entry in data["articles"]
        if entry["slug"] not in existing
    ]
    analysed = set(CaseAnalysis.objects.values_list("initiative__slug", flat=True))
    analyses = [
        _add_analysis(entry, concepts=concepts, analyst=analyst, clock=clock)
        for entry in data["analyses"]
        if entry["initiative"] not in analysed
    ]
    return len(articles), sum(1 for analysis in analyses if analysis is not None)
