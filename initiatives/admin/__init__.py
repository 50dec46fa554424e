"""The management site for initiatives: the initiative itself (initiative.py), the moderators'
publication workflow on it (publication.py) and what is posted on it (content.py)."""

from . import content, initiative

__all__ = ["content", "initiative"]
