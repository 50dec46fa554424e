"""What the knowledge base keeps about a person: the examples they suggested (accounts/privacy.py;
registered in apps.py)."""

from .services.suggestions import suggestions_withdraw


def _suggested_examples(user) -> list:
    """The examples they suggested, published or not."""
    return [
        {
            "title": article.title,
            "text": article.body,
            "state": article.state,
            "created": article.created_at.isoformat(),
        }
        for article in user.articles_suggested.order_by("created_at")
    ]


EXPORT_SECTIONS = {"suggested_examples": _suggested_examples}


def erase(user) -> None:
    """Examples they suggested that were never published go; published ones stay, without their name."""
    suggestions_withdraw(by=user)
