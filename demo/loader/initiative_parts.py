"""What the data tells about an initiative after it was registered: its log, its help requests with the
offers and the team's replies, comments, and the responses of the municipality. Each function makes the
rows, back-dates them, and returns the moments that count as activity on the initiative."""

import datetime

from django.utils import timezone

from initiatives.choices import HelpKind, LogKind
from initiatives.models import Comment, HelpOffer, HelpRequest, LogEntry, MunicipalResponse

from .dates import Clock, backdate
from .files import text

# Believable times of day, for moments that the data gives without one.
WRITTEN = datetime.time(20, 0)  # the team writes its log in the evening
ASKED = datetime.time(19, 0)
FULFILLED = datetime.time(18, 0)
OFFERED = datetime.time(19, 30)
REPLIED = datetime.time(21, 0)
COMMENTED = datetime.time(16, 0)
RESPONDED = datetime.time(14, 0)  # the municipality answers in office hours


def add_log(initiative, entries: list[dict], *, people: dict, clock: Clock) -> list[datetime.datetime]:
    """Log entries, by the initiator unless `by` names another member of the team."""
    moments = []
    for entry in entries:
        written = clock.at(entry["date"], WRITTEN)
        log_entry = LogEntry(
            initiative=initiative,
            author=people[entry["by"]] if entry.get("by") else initiative.created_by,
            kind=LogKind(entry["kind"]),
            obstacle_category=entry.get("category", ""),
            happened_on=timezone.localdate(written),
            title=text(entry["title"]),
            text=text(entry["text"]),
        )
        log_entry.full_clean(validate_constraints=False)  # the database checks them
        log_entry.save()
        backdate(log_entry, created_at=written, updated_at=written)
        moments.append(written)
    return moments


def add_help(
    initiative, needs: list[dict], *, people: dict, clock: Clock, replier: str, choose
) -> list[datetime.datetime]:
    """Help requests, some fulfilled, with offers; `choose()` names who offered where the data does not.
    The initiator (`replier`) answers an offer."""
    moments = []
    for need in needs:
        asked = clock.at(need["asked"], ASKED)
        fulfilled = clock.at(need.get("fulfilled"), FULFILLED)
        request = HelpRequest(
            initiative=initiative,
            kind=HelpKind(need["kind"]),
            title=text(need["title"]),
            description=text(need["description"]),
            is_fulfilled=fulfilled is not None,
            fulfilled_at=fulfilled,
        )
        request.full_clean(validate_constraints=False)
        request.save()
        backdate(request, created_at=asked, updated_at=fulfilled or asked)
        moments += [asked, fulfilled] if fulfilled else [asked]
        for offer in need.get("offers", []):
            offered = clock.at(offer["at"], OFFERED)
            replied = clock.at(offer["replied"], REPLIED) if offer.get("reply") else None
            help_offer = HelpOffer.objects.create(
                help_request=request,
                offered_by=people[offer.get("by") or choose()],
                message=text(offer["message"]),
                reply=text(offer.get("reply")),
                replied_at=replied,
                replied_by=people[replier] if replied else None,
            )
            backdate(help_offer, created_at=offered, updated_at=replied or offered)
    return moments


def add_comments(initiative, comments: list[dict], *, people: dict, clock: Clock) -> None:
    for said in comments:
        comment = Comment.objects.create(
            initiative=initiative, author=people[said["by"]], body=text(said["text"])
        )
        written = clock.at(said["at"], COMMENTED)
        backdate(comment, created_at=written, updated_at=written)


def add_responses(
    initiative, responses: list[dict], *, author: str | None, people: dict, clock: Clock
) -> list[datetime.datetime]:
    """Responses of the municipality, by `by` or else the initiative's contact person (`author`)."""
    moments = []
    for said in responses:
        response = MunicipalResponse.objects.create(
            initiative=initiative, author=people[said.get("by") or author], body=text(said["text"])
        )
        written = clock.at(said["at"], RESPONDED)
        backdate(response, created_at=written, updated_at=written)
        moments.append(written)
    return moments
