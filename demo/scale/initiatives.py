"""Initiatives and everything around them: team, themes, concepts, log, comments, supports, follows,
help requests and offers, and the municipality's responses, with the dates that follow from them.

The counts are planned first for all initiatives (the issue's ratios, with a long tail: most initiatives
have a few log entries, some have hundreds); the rows are then made and written a chunk of initiatives at a
time, each chunk in its own transaction, so memory stays flat at any size.
"""

import datetime
from dataclasses import dataclass, field
from random import Random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import TaggedItem

from accounts.roles import Role
from core.models import HiddenCause
from initiatives.choices import (
    FollowFrequency,
    GovernmentRole,
    HelpKind,
    LogKind,
    ObstacleCategory,
    Origin,
    ParticipationStep,
    PublicationState,
    Stage,
    TeamRole,
)
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
)

from .plan import BUSY, apportion, heavy_tailed
from .search import initiative_parts, search_document

CHUNK = 2000

STATES = {
    PublicationState.PUBLISHED: 0.90,
    PublicationState.DRAFT: 0.04,
    PublicationState.SUBMITTED: 0.02,
    PublicationState.REJECTED: 0.02,
    PublicationState.HIDDEN: 0.02,
}
STAGES = {Stage.IDEA: 0.2, Stage.PREPARING: 0.2, Stage.RUNNING: 0.3, Stage.COMPLETED: 0.2, Stage.STOPPED: 0.1}
LOG_KINDS = {
    LogKind.UPDATE: 0.35,
    LogKind.DILEMMA: 0.12,
    LogKind.OBSTACLE: 0.18,
    LogKind.WORKING_ELEMENT: 0.12,
    LogKind.REFLECTION: 0.10,
    LogKind.MILESTONE: 0.13,
}
FREQUENCIES = {
    FollowFrequency.IMMEDIATELY: 0.5,
    FollowFrequency.DAILY: 0.2,
    FollowFrequency.WEEKLY: 0.2,
    FollowFrequency.NEVER: 0.1,
}
ACTIVE = {PublicationState.PUBLISHED, PublicationState.HIDDEN}  # was public, so people took part
HIDDEN_SHARE = 0.005  # of log entries and comments, hidden by moderation


def _pick(rng: Random, shares: dict):
    return rng.choices(list(shares), weights=list(shares.values()))[0]


@dataclass
class Case:
    """One initiative's plan, before its rows are made."""

    state: PublicationState
    created: datetime.datetime
    counts: dict = field(default_factory=dict)


def initiatives_plan(*, plan, rng: Random, timeline, people) -> list[Case]:
    cases = [Case(state=_pick(rng, STATES), created=moment) for moment in timeline.growing(plan.initiatives)]
    # The first and the last always published: every page has something, also at a handful of initiatives.
    cases[0].state = cases[-1].state = PublicationState.PUBLISHED
    active = [case for case in cases if case.state in ACTIVE]
    busy = rng.sample(active, min(plan.busy, len(active)))
    chosen = {id(case) for case in busy}
    others = [case for case in active if id(case) not in chosen]
    for name in ("log_entries", "comments", "supports", "follows"):
        total = getattr(plan, name)
        cap = people.residents if name in ("supports", "follows") else None
        each = min(BUSY, total // (2 * len(busy)), cap or BUSY)
        for case in busy:
            case.counts[name] = each
        rest = total - each * len(busy)
        for case, count in zip(others, apportion(rest, heavy_tailed(rng, len(others)), cap), strict=True):
            case.counts[name] = count
    answered = [case for case in active if rng.random() < 0.7] or active[:1]
    for case, count in zip(
        answered, apportion(plan.municipal_responses, [rng.uniform(0.5, 1.5) for _ in answered]), strict=True
    ):
        case.counts["municipal_responses"] = count
    for case, count in zip(
        active, apportion(plan.help_requests, heavy_tailed(rng, len(active))), strict=True
    ):
        case.counts["help_requests"] = count
    return cases


class InitiativeMaker:
    def __init__(self, *, plan, rng, writer, prose, timeline, people, areas, concepts, tags):
        self.plan = plan
        self.rng = rng
        self.writer = writer
        self.prose = prose
        self.timeline = timeline
        self.people = people
        self.area_ids = [area.id for area in areas]
        self.concepts = concepts  # flywheel slug -> [(id, label_nl)] in the wheel's order
        self.tags = tags  # [(id, name)]
        self.content_type = ContentType.objects.get_for_model(Initiative).id
        self.civil_servants = people.staff[Role.MODERATOR]
        offers = apportion(plan.help_offers, heavy_tailed(rng, plan.help_requests))
        self.offers = iter(offers)
        # The published ones as (id, origin, title, published_at), for case analyses and articles.
        self.made: list[tuple] = []

    def make_all(self, cases: list[Case], progress=None) -> None:
        for start in range(0, len(cases), CHUNK):
            with transaction.atomic():
                for case in cases[start : start + CHUNK]:
                    self.make(case)
                self.writer.flush()
            if progress:
                progress(min(start + CHUNK, len(cases)))

    def make(self, case: Case) -> None:
        rng, tl, writer = self.rng, self.timeline, self.writer
        state = case.state
        initiative_id = writer.new_id(Initiative)
        origin = Origin.MUNICIPALITY if rng.random() < 0.2 else Origin.SOCIETY
        created = case.created
        submitted = published = None
        if state != PublicationState.DRAFT:
            submitted = tl.after(created, rng.uniform(0, 10))
        if state in ACTIVE:
            published = tl.after(submitted, rng.uniform(0.2, 14))
        since = published or created
        stage = _pick(rng, STAGES) if published else rng.choice([Stage.IDEA, Stage.PREPARING])
        title = self.prose.title()
        initiative = Initiative(
            id=initiative_id,
            title=title,
            slug=f"{slugify(title)[:120]}-{initiative_id}",
            summary=self.prose.summary(),
            story=self.prose.story(),
            origin=origin,
            stage=stage,
            stage_changed_at=since if stage == Stage.IDEA else tl.between(since),
            publication_state=state,
            area_id=rng.choice(self.area_ids),
            submitted_at=submitted,
            published_at=published,
            created_at=created,
        )
        self.roles(initiative, origin)
        if state == PublicationState.REJECTED:
            initiative.rejection_reason = self.prose.reason()
        if state == PublicationState.HIDDEN:
            initiative.hidden_cause = HiddenCause.MODERATOR
            initiative.hidden_reason = self.prose.reason()
        if published and rng.random() < 0.7:
            initiative.contact_person_id = rng.choice(self.civil_servants)

        team = self.team(initiative_id, created)
        initiative.created_by_id = self.people.user_id(team[0])
        tags = self.themes(initiative_id)
        self.concepts_of(initiative_id, origin)
        moments = [since]
        entries = self.log(initiative_id, team, since, case.counts.get("log_entries", 0))
        moments += [entry.created_at for entry in entries]
        moments += self.help(initiative_id, team[0], since, case.counts.get("help_requests", 0))
        responses = self.responses(initiative_id, since, case.counts.get("municipal_responses", 0))
        self.comments(initiative_id, since, case.counts.get("comments", 0))
        initiative.support_count = self.supports(initiative_id, since, case.counts.get("supports", 0))
        self.follows(initiative_id, since, case.counts.get("follows", 0))

        last_activity = max(moments + responses)
        initiative.last_activity_at = last_activity
        initiative.first_response_at = min(responses, default=None)
        initiative.updated_at = max(last_activity, initiative.stage_changed_at, submitted or created)
        visible = sorted(
            (e for e in entries if e.hidden_at is None),
            key=lambda e: (e.happened_on, e.created_at),
            reverse=True,
        )
        initiative.search_document = search_document(initiative_parts(initiative, tags, visible))
        writer.add(initiative)
        for entry in entries:
            writer.add(entry)
        if state == PublicationState.PUBLISHED:
            self.made.append((initiative_id, origin, title, published))

    def roles(self, initiative, origin):
        """The municipality's role (society) or the residents' step (municipality); sometimes not set."""
        if self.rng.random() < 0.15:
            return
        if origin == Origin.SOCIETY:
            initiative.government_role = self.rng.choice(GovernmentRole.values)
        else:
            initiative.participation_step = self.rng.choice(ParticipationStep.values)

    def team(self, initiative_id: int, created) -> list[int]:
        """The initiator and up to three co-initiators, all residents by the time it was registered."""
        rng = self.rng
        joined = self.people.joined_by(created)
        size = min(joined, rng.choices([1, 2, 3, 4], weights=[4, 3, 2, 1])[0])
        team = rng.sample(range(joined), size)
        for offset, index in enumerate(team):
            self.writer.add(
                TeamMembership(
                    id=self.writer.new_id(TeamMembership),
                    initiative_id=initiative_id,
                    user_id=self.people.user_id(index),
                    role=TeamRole.INITIATOR if offset == 0 else TeamRole.CO_INITIATOR,
                    created_at=self.timeline.after(created, offset),
                )
            )
        return team

    def themes(self, initiative_id: int) -> list[str]:
        chosen = sorted(self.rng.sample(self.tags, self.rng.randint(1, 4)))
        for tag_id, _name in chosen:
            self.writer.add(
                TaggedItem(
                    id=self.writer.new_id(TaggedItem),
                    tag_id=tag_id,
                    content_type_id=self.content_type,
                    object_id=initiative_id,
                )
            )
        return [name for _tag_id, name in chosen]

    def concepts_of(self, initiative_id: int, origin: Origin) -> None:
        through = Initiative.concepts.through
        wheel = [concept_id for concept_id, _label in self.concepts[origin.flywheel_slug]]
        for concept_id in self.rng.sample(wheel, min(len(wheel), self.rng.randint(0, 4))):
            self.writer.add(
                through(id=self.writer.new_id(through), initiative_id=initiative_id, concept_id=concept_id)
            )

    def log(self, initiative_id: int, team: list[int], since, count: int) -> list[LogEntry]:
        rng, tl = self.rng, self.timeline
        entries = []
        for moment in sorted(tl.between(since) for _ in range(count)):
            kind = _pick(rng, LOG_KINDS)
            category = rng.choice(ObstacleCategory.values) if kind == LogKind.OBSTACLE else ""
            hidden = rng.random() < HIDDEN_SHARE
            entries.append(
                LogEntry(
                    id=self.writer.new_id(LogEntry),
                    initiative_id=initiative_id,
                    author_id=self.people.user_id(rng.choice(team)),
                    kind=kind,
                    obstacle_category=category,
                    happened_on=timezone.localtime(moment).date(),
                    title=self.prose.log_title(kind),
                    text=self.prose.log_text(category),
                    created_at=moment,
                    updated_at=moment,
                    hidden_at=tl.between(moment) if hidden else None,
                    hidden_cause=HiddenCause.MODERATOR if hidden else "",
                    hidden_reason=self.prose.reason() if hidden else "",
                )
            )
        return entries

    def resident_after(self, since):
        """A resident and a moment after both `since` and the day they joined."""
        index = self.rng.randrange(self.people.residents)
        return index, self.timeline.between(max(since, self.people.joined(index)))

    def comments(self, initiative_id: int, since, count: int) -> None:
        for _ in range(count):
            index, moment = self.resident_after(since)
            hidden = self.rng.random() < HIDDEN_SHARE
            self.writer.add(
                Comment(
                    id=self.writer.new_id(Comment),
                    initiative_id=initiative_id,
                    author_id=self.people.user_id(index),
                    body=self.prose.comment(),
                    created_at=moment,
                    updated_at=moment,
                    hidden_at=self.timeline.between(moment) if hidden else None,
                    hidden_cause=HiddenCause.MODERATOR if hidden else "",
                    hidden_reason=self.prose.reason() if hidden else "",
                )
            )

    def supporters(self, count: int) -> list[int]:
        return self.rng.sample(range(self.people.residents), min(count, self.people.residents))

    def supports(self, initiative_id: int, since, count: int) -> int:
        """Writes the supports; returns how many, the initiative's stored count."""
        supporters = self.supporters(count)
        for index in supporters:
            self.writer.add(
                Support(
                    id=self.writer.new_id(Support),
                    initiative_id=initiative_id,
                    user_id=self.people.user_id(index),
                    is_named=self.rng.random() < 0.4,
                    created_at=self.timeline.between(max(since, self.people.joined(index))),
                )
            )
        return len(supporters)

    def follows(self, initiative_id: int, since, count: int) -> None:
        for index in self.supporters(count):
            self.writer.add(
                Follow(
                    id=self.writer.new_id(Follow),
                    initiative_id=initiative_id,
                    user_id=self.people.user_id(index),
                    frequency=_pick(self.rng, FREQUENCIES),
                    created_at=self.timeline.between(max(since, self.people.joined(index))),
                )
            )

    def responses(self, initiative_id: int, since, count: int) -> list:
        """The first about a week or two after publication (some late), the others any time after."""
        if not count:
            return []
        first = self.timeline.after(since, self.rng.lognormvariate(2.1, 0.8))
        moments = [first, *sorted(self.timeline.between(first) for _ in range(count - 1))]
        for moment in moments:
            self.writer.add(
                MunicipalResponse(
                    id=self.writer.new_id(MunicipalResponse),
                    initiative_id=initiative_id,
                    author_id=self.rng.choice(self.civil_servants),
                    body=self.prose.response(),
                    created_at=moment,
                    updated_at=moment,
                )
            )
        return moments

    def help(self, initiative_id: int, initiator: int, since, count: int) -> list:
        rng, tl = self.rng, self.timeline
        moments = []
        for _ in range(count):
            asked = tl.between(since)
            fulfilled = tl.between(asked) if rng.random() < 0.4 else None
            request_id = self.writer.new_id(HelpRequest)
            self.writer.add(
                HelpRequest(
                    id=request_id,
                    initiative_id=initiative_id,
                    kind=rng.choice(HelpKind.values),
                    title=self.prose.help_title(),
                    description=self.prose.paragraph(),
                    is_fulfilled=fulfilled is not None,
                    fulfilled_at=fulfilled,
                    created_at=asked,
                    updated_at=fulfilled or asked,
                )
            )
            moments.append(asked)
            for _ in range(next(self.offers, 0)):
                index, offered = self.resident_after(asked)
                replied = tl.between(offered) if rng.random() < 0.5 else None
                self.writer.add(
                    HelpOffer(
                        id=self.writer.new_id(HelpOffer),
                        help_request_id=request_id,
                        offered_by_id=self.people.user_id(index),
                        message=self.prose.comment(),
                        reply=self.prose.comment() if replied else "",
                        replied_at=replied,
                        replied_by_id=self.people.user_id(initiator) if replied else None,
                        created_at=offered,
                        updated_at=replied or offered,
                    )
                )
        return moments
