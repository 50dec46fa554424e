"""Taking part in an initiative: supporting it, following it and commenting on it."""

from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from initiatives.choices import FollowFrequency
from initiatives.models import Comment, Follow, Initiative, Support


@transaction.atomic
def support_add(*, initiative: Initiative, user, is_named: bool = False) -> tuple[Support, bool]:
    """Support `initiative`, or change whether the name is shown when `user` supports it already.

    Returns the support and whether it is new. The unique constraint `support_once_per_person` is the
    last guard against a double click racing itself: the loser of that race updates the winner's row.
    """
    support = Support.objects.filter(initiative=initiative, user=user).first()
    if support is None:
        try:
            with transaction.atomic():
                support = Support.objects.create(initiative=initiative, user=user, is_named=is_named)
        except IntegrityError:
            support = Support.objects.get(initiative=initiative, user=user)
        else:
            support_count_change(initiative_ids=[initiative.pk], by=1)
            return support, True
    if support.is_named != is_named:
        support.is_named = is_named
        support.save(update_fields=["is_named"])
    return support, False


@transaction.atomic
def support_withdraw(*, initiative: Initiative, user) -> bool:
    """Withdraw the support of `user`. Returns whether there was one."""
    deleted, _by_model = Support.objects.filter(initiative=initiative, user=user).delete()
    if deleted:
        support_count_change(initiative_ids=[initiative.pk], by=-deleted)
    return bool(deleted)


def support_count_change(*, initiative_ids, by: int) -> None:
    """Add `by` to the stored number of supporters of each initiative, in the database (`F()`): two
    supports at the same moment each add their own one, where a count read and written back would lose
    one. Call it in the transaction that adds or deletes the Support rows."""
    Initiative.objects.filter(pk__in=initiative_ids).update(support_count=F("support_count") + by)


def support_count_recount(*, initiative_ids) -> None:
    """Set the stored number of supporters of each initiative to its Support rows, in one statement."""
    rows = Support.objects.filter(initiative=OuterRef("pk")).order_by().values("initiative")
    Initiative.objects.filter(pk__in=initiative_ids).update(
        support_count=Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)
    )


@transaction.atomic
def support_toggle(*, initiative: Initiative, user, is_named: bool = False) -> Support | None:
    """Support when `user` does not yet, withdraw when they do. Returns the new support or None.

    Forms should say what they mean (`support_add` / `support_withdraw`): a double-clicked toggle undoes
    itself.
    """
    if support_withdraw(initiative=initiative, user=user):
        return None
    support, _created = support_add(initiative=initiative, user=user, is_named=is_named)
    return support


@transaction.atomic
def follow_set(*, initiative: Initiative, user, frequency: str) -> Follow:
    """Follow `initiative`, or change how often an existing follower gets email."""
    follow = Follow.objects.filter(initiative=initiative, user=user).first()
    if follow is None:
        follow = Follow(initiative=initiative, user=user, frequency=frequency)
        follow.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                follow.save()
            return follow
        except IntegrityError:  # the same person followed in another request a moment ago
            follow = Follow.objects.get(initiative=initiative, user=user)
    if follow.frequency != frequency:
        follow.frequency = frequency
        follow.full_clean(validate_unique=False, validate_constraints=False)
        follow.save(update_fields=["frequency"])
    return follow


@transaction.atomic
def follow_stop_email(*, follow: Follow) -> Follow:
    """Keep following without email (the unsubscribe link in every email does this)."""
    return follow_set(initiative=follow.initiative, user=follow.user, frequency=FollowFrequency.NEVER)


@transaction.atomic
def follow_remove(*, initiative: Initiative, user) -> bool:
    """Stop following. Pending notifications go with the follow. Returns whether there was a follow."""
    deleted, _by_model = Follow.objects.filter(initiative=initiative, user=user).delete()
    return bool(deleted)


@transaction.atomic
def comment_create(*, initiative: Initiative, author, body: str) -> Comment:
    comment = Comment(initiative=initiative, author=author, body=body)
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_update(*, comment: Comment, body: str) -> Comment:
    comment.body = body
    comment.full_clean()
    comment.save(update_fields=["body", "updated_at"])
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    comment.delete()
