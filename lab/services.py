"""Every write of the samenwerkingslab: signing up and cancelling (with the waiting list), a session's
report into the knowledge base, and signals with their conversation."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.mail import send_templated_mail, site_url
from core.slugs import unique_slug
from core.text import shorten
from knowledgebase.models import Article, ArticleKind, PublicationState
from knowledgebase.services.articles import article_reindex
from moderation import services as moderation
from moderation.models import ActionKind

from . import permissions
from .calendar import session_ics
from .models import (
    OPEN_SIGNAL_STATES,
    LabSession,
    Registration,
    RegistrationStatus,
    Signal,
    SignalMessage,
    SignalStatus,
)

# --- Sessions -----------------------------------------------------------------------------------------


def _tell_registration(registration: Registration) -> None:
    session = registration.session
    attachments = []
    if registration.status == RegistrationStatus.REGISTERED:
        attachments.append((f"{session.slug}.ics", session_ics(session), "text/calendar"))
    send_templated_mail(
        to=[registration.user.email],
        template="lab/email/registration",
        context={
            "registration": registration,
            "session": session,
            "url": site_url(session.get_absolute_url()),
        },
        attachments=attachments,
    )


@transaction.atomic
def registration_signup(*, session: LabSession, user) -> Registration:
    """A place if there is one, else the waiting list. The session's row is locked while places are
    counted, so two people signing up at once cannot both take the last place."""
    session = LabSession.objects.select_for_update().get(pk=session.pk)
    if not permissions.can_sign_up(user, session):
        raise PermissionDenied
    registration = Registration.objects.filter(session=session, user=user).first()
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return registration
    taken = session.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    status = RegistrationStatus.REGISTERED if taken < session.capacity else RegistrationStatus.WAITING
    if registration is None:
        registration = Registration(session=session, user=user)
    registration.status = status
    registration.requested_at = timezone.now()
    registration.save()
    _tell_registration(registration)
    return registration


@transaction.atomic
def registration_cancel(*, session: LabSession, user) -> Registration | None:
    """Give up a place (or leave the waiting list). A freed place goes to the first one waiting."""
    session = LabSession.objects.select_for_update().get(pk=session.pk)
    registration = (
        Registration.objects.filter(session=session, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        return None
    had_place = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    if had_place and not session.is_past:
        first_waiting = (
            session.registrations.filter(status=RegistrationStatus.WAITING).select_related("user").first()
        )
        if first_waiting is not None:
            first_waiting.status = RegistrationStatus.REGISTERED
            first_waiting.save(update_fields=["status"])
            _tell_registration(first_waiting)
    return registration


@transaction.atomic
def session_report_publish(*, session: LabSession, by) -> Article:
    """Put a session's report into the knowledge base as a background article."""
    session = LabSession.objects.select_for_update().get(pk=session.pk)
    if not session.report.strip():
        raise ValidationError(_("Write the report first."), code="no_report")
    if session.report_article_id:
        raise ValidationError(_("The report is already in the knowledge base."), code="published")
    title = _("Samenwerkingslab: %(topic)s") % {"topic": session.topic}
    article = Article(
        kind=ArticleKind.BACKGROUND,
        title=shorten(title, Article._meta.get_field("title").max_length),
        slug=unique_slug(Article, title, fallback="samenwerkingslab"),
        summary=shorten(session.report, 280),
        body=session.report,
        place=shorten(session.place, Article._meta.get_field("place").max_length),
        state=PublicationState.PUBLISHED,
        published_at=timezone.now(),
        written_by=by,
    )
    article.full_clean()
    article.save()
    article_reindex(article=article)
    session.report_article = article
    session.save(update_fields=["report_article", "updated_at"])
    return article


# --- Signals ------------------------------------------------------------------------------------------


def _ombuds_people():
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name=Role.OMBUDS)
        .exclude(email="")
        .distinct()
    )


def _notify(signal: Signal, *, to_ombuds: bool) -> None:
    """An email that something is new, without the content: it stays on the site, behind the login."""
    recipients = list(_ombuds_people()) if to_ombuds else [signal.reporter]
    for person in recipients:
        if not person.is_active or not person.email:
            continue
        send_templated_mail(
            to=[person.email],
            template="lab/email/signal_update",
            context={
                "person": person,
                "signal": signal,
                "url": site_url(reverse("lab:signal_detail", args=[signal.pk])),
            },
        )


@transaction.atomic
def signal_create(*, reporter, title: str, description: str, initiative=None) -> Signal:
    if not permissions.can_raise_signal(reporter):
        raise PermissionDenied
    signal = Signal(reporter=reporter, title=title, description=description, initiative=initiative)
    signal.full_clean()
    signal.save()
    _notify(signal, to_ombuds=True)
    return signal


@transaction.atomic
def signal_reply(*, signal: Signal, by, body: str) -> SignalMessage:
    """A message in the signal's conversation; the other side is told by email. The ombuds' first
    answer puts a new signal in progress."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if not permissions.can_view_signal(by, signal):
        raise PermissionDenied
    if not signal.is_open:
        raise ValidationError(_("This signal is closed; raise a new one if needed."), code="closed")
    from_ombuds = signal.reporter_id != by.pk
    message = SignalMessage(signal=signal, author=by, from_ombuds=from_ombuds, body=(body or "").strip())
    message.full_clean()
    message.save()
    if from_ombuds and signal.status == SignalStatus.NEW:
        signal.status = SignalStatus.IN_PROGRESS
    signal.save(update_fields=["status", "updated_at"])
    _notify(signal, to_ombuds=not from_ombuds)
    return message


@transaction.atomic
def signal_set_status(*, signal: Signal, by, status: str) -> Signal:
    """The ombuds moves a signal on: in progress, resolved or closed (and back, as an undo)."""
    if not permissions.is_ombuds(by):
        raise PermissionDenied
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status == SignalStatus.WITHDRAWN:
        raise ValidationError(_("The reporter has withdrawn this signal."), code="withdrawn")
    if status not in {SignalStatus.IN_PROGRESS, SignalStatus.RESOLVED, SignalStatus.CLOSED, SignalStatus.NEW}:
        raise ValidationError(_("Unknown status."), code="invalid")
    signal.status = status
    signal.closed_at = None if status in OPEN_SIGNAL_STATES else (signal.closed_at or timezone.now())
    signal.save(update_fields=["status", "closed_at", "updated_at"])
    _notify(signal, to_ombuds=False)
    return signal


@transaction.atomic
def signal_withdraw(*, signal: Signal, by) -> Signal:
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if not permissions.can_withdraw_signal(by, signal):
        raise PermissionDenied
    signal.status = SignalStatus.WITHDRAWN
    signal.closed_at = timezone.now()
    signal.save(update_fields=["status", "closed_at", "updated_at"])
    _notify(signal, to_ombuds=True)
    return signal


def signals_viewed_by_outsider(*, signal: Signal | None, by) -> None:
    """Someone outside the ombuds group (a superuser) opened the signals, or one signal, in the management
    site: a line in the audit log, without the signal's content or reporter (moderators read that log)."""
    if permissions.is_ombuds(by):
        return
    label = _("signal #%(number)s") % {"number": signal.pk} if signal else _("the list of signals")
    moderation.action_record(ActionKind.VIEW_SIGNAL, by=by, label=str(label))
