"""Moderation on demo content (data/moderation.yaml): what happened to a few comments and log entries,
step by step, through the moderation services themselves (reports, hiding, showing again, an appeal), and
then back-dated. Idempotent per item: an item that was reported or moderated before is left alone."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from initiatives.models import Comment, LogEntry
from moderation.models import ActionKind, ModerationAction, Report, ReportReason
from moderation.services import appeal_create, item_hide, item_restore, report_create

from .dates import Clock, backdate
from .files import read, text

OFFICE_HOURS = datetime.time(11, 0)


def _item(data: dict, people: dict):
    """The comment (by its author) or log entry (by its title) of an initiative the data names."""
    if "comment_by" in data:
        items = Comment.objects.filter(author=people[data["comment_by"]])
    else:
        items = LogEntry.objects.filter(title=data["log_entry"])
    return items.filter(initiative__slug=data["initiative"]).order_by("pk").first()


def _already_moderated(item) -> bool:
    about = {"content_type": ContentType.objects.get_for_model(type(item)), "object_id": item.pk}
    return Report.objects.filter(**about).exists() or ModerationAction.objects.filter(**about).exists()


def _decided_at(item, moment: datetime.datetime):
    """After a hide or restore: the item, the reports it closed and the decision date from `moment`."""
    about = {"content_type": ContentType.objects.get_for_model(type(item)), "object_id": item.pk}
    Report.objects.filter(**about, closed_at__gt=moment).update(closed_at=moment)
    type(item).objects.filter(pk=item.pk, hidden_at__gt=moment).update(hidden_at=moment)


def _step(step: dict, item, *, people: dict, clock: Clock, decisions: list):
    moment = clock.at(step["at"], OFFICE_HOURS)
    if step["do"] == "report":
        report, _created = report_create(
            item=item, by=people[step["by"]], reason=ReportReason(step["reason"]), text=text(step["text"])
        )
        backdate(report, created_at=moment)
    elif step["do"] in ("hide", "restore"):
        decide = item_hide if step["do"] == "hide" else item_restore
        decision = decide(item=item, by=people[step["by"]], reason=text(step["reason"]))
        backdate(decision, created_at=moment)
        _decided_at(item, moment)
        decisions.append(decision)
    elif step["do"] == "appeal":
        appeal = appeal_create(action=decisions[-1], by=item.author, message=text(step["message"]))
        backdate(appeal, created_at=moment)
        recorded = ModerationAction.objects.filter(
            kind=ActionKind.APPEAL, content_type=appeal.content_type, object_id=appeal.object_id
        ).latest("pk")
        backdate(recorded, created_at=moment)
    else:
        raise ValueError(f"unknown moderation step {step['do']!r}")


@transaction.atomic
def load_moderation(*, people: dict, clock: Clock) -> int:
    """Play the moderation history of every item not moderated yet; returns how many items."""
    played = 0
    for case in read("moderation")["items"]:
        item = _item(case["item"], people)
        if item is None or _already_moderated(item):
            continue
        decisions = []
        for step in case["steps"]:
            _step(step, item, people=people, clock=clock, decisions=decisions)
            item.refresh_from_db()
        played += 1
    return played
