"""The scale data set (`manage.py loket_scale`): a city's worth of realistic Dutch content, made fast.

plan.py says how much of everything (issue 16's ratios), vocabulary.py and sentences.py what it says,
people.py, initiatives.py, knowledge.py and lab.py make the rows, bulk.py writes them (COPY on
PostgreSQL) and search.py fills the search documents and vectors as the app does.
"""

import time
from random import Random

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from accounts.models import User
from accounts.roles import Role, sync_role_groups
from dashboard.monthly import rebuild as monthly_rebuild
from flywheels.models import Concept
from flywheels.reference_data import load_concept_questions, load_flywheels
from initiatives.models import Initiative
from knowledgebase.models import Article, CaseAnalysis
from knowledgebase.reference_data import load_pages
from places.models import Area
from places.reference_data import load_areas

from .bulk import BulkWriter
from .initiatives import InitiativeMaker, initiatives_plan
from .knowledge import analyses_create, articles_create
from .lab import lab_create
from .people import EMAIL_DOMAIN, Timeline, people_create
from .plan import Plan
from .search import search_vectors_update
from .sentences import Prose
from .vocabulary import THEMES

__all__ = ["EMAIL_DOMAIN", "Plan", "has_content", "is_scale_data", "scale_fill", "scale_flush"]


def has_content() -> bool:
    """Whether anyone or anything was added beyond what the migrations load."""
    return User.objects.exists() or Initiative.objects.exists() or Article.objects.exists()


def is_scale_data() -> bool:
    """Whether the content there is this command's: everyone's address is in its domain."""
    return not User.objects.exclude(email__endswith=f"@{EMAIL_DOMAIN}").exists()


def scale_flush() -> None:
    """Empty every table (Django's `flush`), then load the reference data the migrations load."""
    if connection.in_atomic_block:
        # PostgreSQL truncates no table with deferred checks pending in the same transaction (tests).
        connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()  # the content types came back with new ids
    with transaction.atomic():
        load_areas()
        load_flywheels()
        load_concept_questions()
        load_pages()
        sync_role_groups()


def scale_fill(*, initiatives: int, seed: int, say=print) -> dict:
    """Add the data set for `initiatives` initiatives; returns how many rows of each model were written."""
    began = time.monotonic()
    plan = Plan.for_initiatives(initiatives)
    rng = Random(seed)  # noqa: S311 - repeatable content, not security
    writer = BulkWriter()
    timeline = Timeline(timezone.now(), rng)
    areas = list(Area.objects.filter(is_active=True))
    if not areas or not Group.objects.filter(name__in=Role.values).exists():
        raise RuntimeError(
            "The reference data (villages and districts, role groups) is missing: migrate first."
        )
    concepts = {}
    for concept in Concept.objects.active().select_related("flywheel").order_by("flywheel__order", "order"):
        concepts.setdefault(concept.flywheel.slug, []).append((concept.id, concept.label_nl))
    tags = [(tag.id, tag.name) for tag in (_theme(name) for name in THEMES)]
    prose = Prose(rng, [area.name for area in areas])
    first_ids = {model: writer.next_id(model) for model in (Initiative, Article, CaseAnalysis)}

    def step(what):
        say(f"{what} ({time.monotonic() - began:.0f} s)")

    people = people_create(plan=plan, writer=writer, rng=rng, timeline=timeline, areas=areas)
    step(f"{plan.users} people")
    cases = initiatives_plan(plan=plan, rng=rng, timeline=timeline, people=people)
    maker = InitiativeMaker(
        plan=plan,
        rng=rng,
        writer=writer,
        prose=prose,
        timeline=timeline,
        people=people,
        areas=areas,
        concepts=concepts,
        tags=tags,
    )
    maker.make_all(cases, progress=lambda done: done % 10_000 == 0 and step(f"{done} initiatives"))
    step(f"{plan.initiatives} initiatives with their log, comments and supports")
    common = {
        "plan": plan,
        "rng": rng,
        "writer": writer,
        "prose": prose,
        "timeline": timeline,
        "people": people,
    }
    articles_create(**common, areas=areas, concepts=concepts, tags=tags, initiatives=maker.made)
    analyses_create(**common, concepts=concepts, initiatives=maker.made)
    lab_create(**common, initiatives=maker.made)
    step("knowledge base and samenwerkingslab")
    writer.analyze()
    with transaction.atomic():
        search_vectors_update(first_ids=first_ids)
        writer.reset_sequences()
    step("search vectors")
    monthly_rebuild()  # the rows came in past the models: the dashboard's counts anew, as at migrate
    step("the dashboard's monthly counts")
    return {model._meta.label: count for model, count in writer.written.items()}


def _theme(name: str) -> Tag:
    tag = Tag.objects.filter(name=name).first()
    return tag or Tag.objects.create(name=name, slug=slugify(name))
