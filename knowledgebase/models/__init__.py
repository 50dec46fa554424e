from .analyses import CaseAnalysis, ConceptFinding
from .articles import Article, ArticleKind, PublicationState, can_read_drafts
from .pages import PAGES, Page

__all__ = [
    "PAGES",
    "Article",
    "ArticleKind",
    "CaseAnalysis",
    "ConceptFinding",
    "Page",
    "PublicationState",
    "can_read_drafts",
]
