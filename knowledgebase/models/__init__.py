from .analyses import CaseAnalysis, ConceptFinding
from .articles import Article, ArticleKind, PublicationState, can_read_drafts
from .flywheels import Concept, Flywheel, Status, TranslatedLabelMixin
from .pages import PAGES, Page

__all__ = [
    "PAGES",
    "Article",
    "ArticleKind",
    "CaseAnalysis",
    "Concept",
    "ConceptFinding",
    "Flywheel",
    "Page",
    "PublicationState",
    "Status",
    "TranslatedLabelMixin",
    "can_read_drafts",
]
