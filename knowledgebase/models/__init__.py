from .analyses import CaseAnalysis, ConceptFinding
from .articles import Article, ArticleKind, PublicationState
from .pages import PAGES, Page

__all__ = [
    "PAGES",
    "Article",
    "ArticleKind",
    "CaseAnalysis",
    "ConceptFinding",
    "Page",
    "PublicationState",
]
