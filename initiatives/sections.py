"""What apps built on initiatives add to an initiative's page (the knowledge base: its case analyses),
registered from their AppConfig.ready(): initiatives never import them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch


@dataclass(frozen=True)
class PageSection:
    """A part of the initiative's page: what to prefetch with the initiative (so the page keeps its fixed
    number of queries; made per request, as "published" moves with the clock), and the template that
    shows it, with `initiative` in its context."""

    prefetch: Callable[[], Prefetch]
    template: str


_sections: list[PageSection] = []


def register_page_section(section: PageSection) -> None:
    if all(known.template != section.template for known in _sections):
        _sections.append(section)


def page_sections() -> list[PageSection]:
    return list(_sections)
