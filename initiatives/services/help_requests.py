"""Help requests, the offers people make in answer, and the team's reply to an offer.

Offers are private between the person who offers and the team: they reach the team by email and on the
team's own offers page, never the public page. Nobody's email address is passed on to the other side.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.mail import send_templated_mail, site_url
from initiatives.choices import NotificationKind
from initiatives.models import HelpOffer, HelpRequest, Initiative
from initiatives.services.notifications import followers_notify
from initiatives.services.search import initiative_touch

HELP_REQUEST_FIELDS = {"kind", "title", "description"}


def _notify_followers(help_request: HelpRequest, title: str) -> None:
    initiative = help_request.initiative
    if initiative.is_published:
        followers_notify(
            initiative=initiative,
            kind=NotificationKind.HELP_REQUEST,
            title=title,
            path=help_request.get_absolute_url(),
        )


@transaction.atomic
def help_request_create(*, initiative: Initiative, kind: str, title: str, description: str) -> HelpRequest:
    help_request = HelpRequest(initiative=initiative, kind=kind, title=title, description=description)
    help_request.full_clean()
    help_request.save()
    initiative_touch(initiative=initiative)
    _notify_followers(help_request, help_request.title)
    return help_request


@transaction.atomic
def help_request_update(*, help_request: HelpRequest, **fields) -> HelpRequest:
    """Correct a help request. Followers are not emailed about rewording; they are about new requests
    and about a request being fulfilled or opened again."""
    unknown = set(fields) - HELP_REQUEST_FIELDS
    if unknown:
        raise TypeError(f"Unknown help request fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(help_request, name, value)
    help_request.full_clean()
    help_request.save()
    initiative_touch(initiative=help_request.initiative)
    return help_request


@transaction.atomic
def help_request_set_fulfilled(*, help_request: HelpRequest, fulfilled: bool) -> HelpRequest:
    """Mark a request fulfilled (or open again). Nothing happens when it already is in that state."""
    if help_request.is_fulfilled == fulfilled:
        return help_request
    help_request.is_fulfilled = fulfilled
    help_request.fulfilled_at = timezone.now() if fulfilled else None
    help_request.save(update_fields=["is_fulfilled", "fulfilled_at", "updated_at"])
    initiative_touch(initiative=help_request.initiative)
    # The title is stored and emailed, and emails go out in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        if fulfilled:
            title = gettext("Help request fulfilled: %(title)s") % {"title": help_request.title}
        else:
            title = gettext("Help wanted again: %(title)s") % {"title": help_request.title}
    _notify_followers(help_request, title)
    return help_request


@transaction.atomic
def help_offer_create(*, help_request: HelpRequest, offered_by, message: str) -> HelpOffer:
    """Record an offer and email every team member about it. The email names the person who offers but
    leaves out their email address: the team answers through the site."""
    offer = HelpOffer(help_request=help_request, offered_by=offered_by, message=message)
    offer.full_clean()
    offer.save()
    initiative = help_request.initiative
    offers_url = site_url(reverse("initiatives:help_offer_list", kwargs={"slug": initiative.slug}))
    team = [
        m.user for m in initiative.memberships.select_related("user") if m.user.is_active and m.user.email
    ]
    for member in team:
        send_templated_mail(
            to=[member.email],
            template="initiatives/email/offer_received",
            context={
                "member": member,
                "offer": offer,
                "offered_by_name": offered_by.display_name,
                "help_request": help_request,
                "initiative": initiative,
                "offers_url": offers_url,
                "reply_url": site_url(
                    reverse("initiatives:help_offer_reply", kwargs={"slug": initiative.slug, "pk": offer.pk})
                ),
            },
        )
    return offer


@transaction.atomic
def help_offer_reply(*, offer: HelpOffer, by, reply: str) -> HelpOffer:
    """Save the team's answer and email it to the person who offered, with a link to the initiative.

    The email carries the answering team member's display name but no email address of the team: a
    team that wants to be contacted directly writes how in the answer itself, so sharing contact
    details is always their own, visible choice.
    """
    offer.reply = reply
    offer.replied_at = timezone.now()
    offer.replied_by = by
    offer.full_clean()
    offer.save(update_fields=["reply", "replied_at", "replied_by", "updated_at"])
    help_request = offer.help_request
    initiative = help_request.initiative
    person = offer.offered_by
    if person.is_active and person.email:
        send_templated_mail(
            to=[person.email],
            template="initiatives/email/offer_reply",
            context={
                "offer": offer,
                "person": person,
                "replied_by_name": by.display_name,
                "help_request": help_request,
                "initiative": initiative,
                "initiative_url": site_url(initiative.get_absolute_url()),
            },
        )
    return offer


def help_offers_close(*, initiative: Initiative) -> int:
    """The last member of the team has left the site: nobody is left to answer. The initiative takes no
    more offers (`permissions.can_offer_help` asks for a team), and everyone whose offer still waits for
    an answer is told that none will come. How many were told."""
    waiting = HelpOffer.objects.filter(help_request__initiative=initiative, reply="").select_related(
        "offered_by", "help_request"
    )
    told = 0
    for offer in waiting:
        person = offer.offered_by
        if not (person.is_active and person.email):
            continue
        send_templated_mail(
            to=[person.email],
            template="initiatives/email/offer_unanswered",
            context={
                "person": person,
                "offer": offer,
                "help_request": offer.help_request,
                "initiative": initiative,
            },
        )
        told += 1
    return told
