"""What the knowledge base keeps about a person (accounts/privacy.py; registered in apps.py): the examples
they suggested, the case analyses that name them, and, for editors, what they wrote."""

from .services.suggestions import suggestions_withdraw


def _moment(value):
    return value.isoformat() if value else None


def _suggested_examples(user) -> list:
    """The examples they suggested, published or not."""
    return [
        {
            "title": article.title,
            "text": article.body,
            "place": article.place,
            "link": article.source_url,
            "state": article.state,
            "hidden": article.is_hidden,
            "reason_for_hiding": article.hidden_reason,
            "created": _moment(article.created_at),
        }
        for article in user.articles_suggested.order_by("created_at")
    ]


def _case_analyses(user) -> list:
    """The case analyses that name them as a contributor."""
    return [
        {"title": analysis.title, "address": analysis.get_absolute_url(), "state": analysis.state}
        for analysis in user.case_analyses.order_by("created_at")
    ]


def _written(user) -> list:
    """For editors and civil servants: the articles and case analyses the site names them as writer of."""
    articles = [
        {"kind": article.kind, "title": article.title, "created": _moment(article.created_at)}
        for article in user.articles_written.order_by("created_at")
    ]
    analyses = [
        {"kind": "case_analysis", "title": analysis.title, "created": _moment(analysis.created_at)}
        for analysis in user.case_analyses_written.order_by("created_at")
    ]
    return articles + analyses


EXPORT_SECTIONS = {
    "suggested_examples": _suggested_examples,
    "case_analyses": _case_analyses,
    "knowledge_base_written": _written,
}


def erase(user) -> None:
    """Examples they suggested that were never published go; published ones stay, without their name.
    Case analyses and articles stay without their name (the link to the account goes with it)."""
    suggestions_withdraw(by=user)
