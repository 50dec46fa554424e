"""Initiatives from the data: the sixteen demo initiatives (data/initiatives.yaml) and the twenty months of
earlier ones (data/history.yaml), each with its team, log, help requests and offers, supporters,
followers, comments and responses of the municipality. Both files share one shape, described at the top
of data/initiatives.yaml.

Rows are made directly with the ORM (no services, so no email and no notifications) and then back-dated.
Loading is idempotent per initiative: one whose slug exists is left as it is, whatever people changed in
it; delete it to get it back fresh. Where the data gives a number of supporters rather than their names,
or leaves out who offered help, the people are drawn by a generator seeded with the initiative's slug:
the same people on every run, and never someone from the initiative's own team.

The cover images in static/img/demo/ are simple illustrations drawn with Pillow for this demo.
"""

import datetime
import functools
from pathlib import Path
from random import Random

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from core.images import clean_photo, make_thumbnail
from flywheels.models import Concept
from initiatives.choices import Origin, PublicationState, Stage, TeamRole
from initiatives.models import Follow, Initiative, Support, TeamMembership
from initiatives.services.participation import support_count_change
from initiatives.services.search import initiative_reindex
from places.models import Area

from .dates import Clock, backdate, spread
from .files import read, text
from .initiative_parts import add_comments, add_help, add_log, add_responses
from .people import residents

COVER_DIR = Path(settings.BASE_DIR) / "static" / "img" / "demo"

# Believable times of day, for moments that the data gives without one.
REGISTERED = datetime.time(20, 0)
SUBMITTED = datetime.time(21, 0)
PUBLISHED = datetime.time(9, 0)
STAGE_CHANGED = datetime.time(20, 30)


@functools.cache
def _cleaned_cover(file_name: str) -> tuple[bytes, bytes]:
    """A cover image from static/img/demo/, cleaned like an upload, and its thumbnail (once per process)."""
    with (COVER_DIR / file_name).open("rb") as source:
        photo = clean_photo(File(source, name=file_name))
    small = make_thumbnail(photo)
    photo.seek(0)
    return photo.read(), small.read()


def _cover_files(slug: str, file_name: str) -> tuple[str, str]:
    """Storage names of the cleaned cover and its thumbnail; written once, reused by later runs."""
    cover = f"initiatives/covers/demo/{slug}.jpg"
    thumbnail = f"initiatives/thumbnails/demo/{slug}.jpg"
    if not (default_storage.exists(cover) and default_storage.exists(thumbnail)):
        photo_bytes, small_bytes = _cleaned_cover(file_name)
        for name, data in ((cover, photo_bytes), (thumbnail, small_bytes)):
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(data))
    return cover, thumbnail


class _Loader:
    def __init__(self, *, people: dict, clock: Clock):
        self.people = people
        self.clock = clock
        self.areas = Area.objects.in_bulk(field_name="slug")
        self.concepts = {
            (concept.flywheel.slug, concept.slug): concept
            for concept in Concept.objects.select_related("flywheel")
        }
        # Who may support an initiative or offer help when the data does not name them.
        self.helpers = [person.key for person in residents()] + ["bewoner", "ivo"]

    def concepts_of(self, case: dict, origin: Origin) -> list:
        try:
            return [self.concepts[origin.flywheel_slug, slug] for slug in case["concepts"]]
        except KeyError as error:
            raise ValueError(f"{case['slug']}: no concept {error} in the flywheel of its origin") from None

    def create(self, case: dict) -> Initiative:
        at = self.clock.at
        rng = Random(case["slug"])  # noqa: S311 - the same demo on every run, not security
        origin = Origin(case.get("origin", Origin.SOCIETY))
        created = at(case["created"], REGISTERED)
        submitted = at(case.get("submitted"), SUBMITTED)
        published = at(case.get("published"), PUBLISHED)
        stage_changed = at(case.get("stage_changed"), STAGE_CHANGED) or published or created
        initiative = Initiative(
            slug=case["slug"],
            title=text(case["title"]),
            summary=text(case["summary"]),
            story=text(case["story"]),
            origin=origin,
            stage=Stage(case.get("stage", Stage.IDEA)),
            stage_changed_at=stage_changed,
            publication_state=PublicationState(case.get("state", PublicationState.PUBLISHED)),
            area=self.areas[case["area"]],
            links="\n".join(case.get("links", [])),
            government_role=case.get("government_role", ""),
            participation_step=case.get("participation_step", ""),
            contact_person=self.people[case["contact"]] if case.get("contact") else None,
            created_by=self.people[case["initiator"]],
            submitted_at=submitted,
            published_at=published,
            rejection_reason=text(case.get("rejection_reason")),
        )
        if case.get("cover"):
            cover = case["cover"]
            initiative.cover_image.name, initiative.cover_thumbnail.name = _cover_files(
                case["slug"], cover["file"]
            )
            initiative.cover_alt = text(cover["alt"])
        initiative.full_clean()
        initiative.save()
        initiative.tags.set(case["tags"])
        initiative.concepts.set(self.concepts_of(case, origin))

        team = [case["initiator"], *case.get("team", [])]
        self.add_team(initiative, team, created)
        outsiders = [key for key in self.helpers if key not in team]
        moments = [published or created]
        moments += add_log(initiative, case.get("log", []), people=self.people, clock=self.clock)
        moments += add_help(
            initiative,
            case.get("help", []),
            people=self.people,
            clock=self.clock,
            replier=case["initiator"],
            choose=lambda: rng.choice(outsiders),
        )
        add_comments(initiative, case.get("comments", []), people=self.people, clock=self.clock)
        responses = add_responses(
            initiative,
            case.get("responses", []),
            author=case.get("contact"),
            people=self.people,
            clock=self.clock,
        )
        since = published or created
        self.add_supporters(initiative, case.get("supporters", {}), outsiders, rng, since)
        self.add_followers(initiative, case.get("followers", []), since)

        last_activity = max(moments + responses)
        backdate(
            initiative,
            created_at=created,
            updated_at=max(last_activity, stage_changed, submitted or created),
            last_activity_at=last_activity,
            first_response_at=min(responses, default=None),
        )
        initiative_reindex(initiative=initiative)
        return initiative

    def add_team(self, initiative, team: list[str], created: datetime.datetime):
        """The initiator registered it; each co-initiator joined a day later than the one before."""
        for offset, key in enumerate(team):
            role = TeamRole.INITIATOR if offset == 0 else TeamRole.CO_INITIATOR
            membership = TeamMembership.objects.create(
                initiative=initiative, user=self.people[key], role=role
            )
            backdate(membership, created_at=min(created + datetime.timedelta(days=offset), self.clock.now))

    def add_supporters(self, initiative, spec: dict, outsiders: list[str], rng: Random, since):
        """Named or anonymous supporters as the data lists them, or `count` drawn from the residents of
        whom the first `named` give their name; they come in evenly between publication and now."""
        if "count" in spec:
            drawn = rng.sample(outsiders, spec["count"])
            named, anonymous = drawn[: spec.get("named", 0)], drawn[spec.get("named", 0) :]
        else:
            named, anonymous = spec.get("named", []), spec.get("anonymous", [])
        supporters = [(key, True) for key in named] + [(key, False) for key in anonymous]
        supports = Support.objects.bulk_create(
            Support(initiative=initiative, user=self.people[key], is_named=is_named)
            for key, is_named in supporters
        )
        self.bulk_backdate(Support, supports, spread(since, self.clock.now, len(supports)))
        support_count_change(initiative_ids=[initiative.pk], by=len(supports))

    def add_followers(self, initiative, keys: list[str], since):
        follows = Follow.objects.bulk_create(
            Follow(initiative=initiative, user=self.people[key]) for key in keys
        )
        self.bulk_backdate(Follow, follows, spread(since, self.clock.now, len(follows)))

    @staticmethod
    def bulk_backdate(model, rows: list, moments: list[datetime.datetime]):
        if not rows:
            return
        for row, moment in zip(rows, moments, strict=True):
            row.created_at = moment  # after the insert: auto_now_add sets it on the way in
        model.objects.bulk_update(rows, ["created_at"])


@transaction.atomic
def load_initiatives(name: str, *, people: dict, clock: Clock) -> int:
    """Add the initiatives of data/<name>.yaml whose slug does not exist yet; returns how many."""
    cases = read(name)["initiatives"]
    existing = set(
        Initiative.objects.filter(slug__in=[case["slug"] for case in cases]).values_list("slug", flat=True)
    )
    loader = _Loader(people=people, clock=clock)
    return len([loader.create(case) for case in cases if case["slug"] not in existing])


def initiative_slugs(name: str) -> list[str]:
    """The slugs of the initiatives in data/<name>.yaml."""
    return [case["slug"] for case in read(name)["initiatives"]]
