"""Initiatives (cases) and everything around them, a module per concern: the initiative, its team, its
log, help requests and offers, taking part (support, follows, comments) and the municipality's responses.
Reads live in the querysets, writes in `services/`."""

from .help import HelpOffer, HelpRequest
from .initiative import Initiative, InitiativeQuerySet
from .log import LogEntry, LogEntryQuerySet
from .municipality import MunicipalResponse
from .participation import (
    BURGERINITIATIEF_THRESHOLDS,
    Comment,
    CommentQuerySet,
    Follow,
    Notification,
    Support,
    burgerinitiatief_progress,
)
from .team import TeamInvitation, TeamMembership

__all__ = [
    "BURGERINITIATIEF_THRESHOLDS",
    "Comment",
    "CommentQuerySet",
    "Follow",
    "HelpOffer",
    "HelpRequest",
    "Initiative",
    "InitiativeQuerySet",
    "LogEntry",
    "LogEntryQuerySet",
    "MunicipalResponse",
    "Notification",
    "Support",
    "TeamInvitation",
    "TeamMembership",
    "burgerinitiatief_progress",
]
