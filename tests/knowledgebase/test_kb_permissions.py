"""Who may do what in the knowledge base: every check in knowledgebase/permissions.py, for every kind of
person and every publication state, against an explicit table. The views ask these same checks, and the
querysets' `visible_to` must agree with them, so this table is the knowledge base's access policy."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from knowledgebase import permissions
from knowledgebase.models import Article, CaseAnalysis
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "resident",  # signed in, email confirmed
    "unverified",  # signed in, email not confirmed
    "editor",  # staff in the editors group: writes the knowledge base
    "moderator",  # civil servant in the moderators group: takes part in analysis groups
    "council",  # council member: staff, read-only
    "ombuds",  # staff in the ombuds group: the samenwerkingslab
    "superuser",
]

EVERYONE = frozenset(ACTORS)
NOBODY = frozenset()
# Who works on the knowledge base reads what is not published, on the site and in the management site.
# The council's role views articles and analyses in the management site: only what everyone may read.
WHO_WORK_ON_IT = frozenset({"editor", "moderator", "superuser"})
MODERATORS = frozenset({"moderator", "superuser"})
EDITORS = frozenset({"editor", "superuser"})
CONFIRMED = frozenset({"resident", "editor", "moderator", "council", "ombuds", "superuser"})


def _hidden_by_moderation():
    return {"hidden_at": timezone.now(), "suggested_by": VerifiedUserFactory()}


ARTICLE_STATES = {
    "published": lambda: {},
    "draft": lambda: {"draft": True},
    "scheduled": lambda: {"scheduled": True},
    "suggested": lambda: {"draft": True, "suggested_by": VerifiedUserFactory()},
    "hidden": _hidden_by_moderation,
}
ANALYSIS_STATES = {
    "published": lambda: {},
    "draft": lambda: {"draft": True},
    **{
        f"initiative_{state}": (lambda state=state: {"initiative": InitiativeFactory(**{state: True})})
        for state in ("draft", "submitted", "rejected", "hidden")
    },
}

# check -> state -> who may.
ARTICLE_MATRIX = {
    "can_view_article": {
        "published": EVERYONE,
        "draft": WHO_WORK_ON_IT,
        "scheduled": WHO_WORK_ON_IT,
        "suggested": WHO_WORK_ON_IT,
        "hidden": MODERATORS,
    },
    "can_edit_article": dict.fromkeys(ARTICLE_STATES, EDITORS),
}
ANALYSIS_MATRIX = {
    # An analysis tells about its initiative: not public, only for who may see the initiative too.
    "can_view_analysis": {
        "published": EVERYONE,
        "draft": WHO_WORK_ON_IT,
        "initiative_draft": MODERATORS,
        "initiative_submitted": MODERATORS,
        "initiative_rejected": MODERATORS,
        "initiative_hidden": MODERATORS,
    },
}
# Checks about a person, not about an article or analysis.
USER_MATRIX = {
    "can_suggest_example": CONFIRMED,
    "can_read_hidden_articles": MODERATORS,
}
# can_read_drafts(user, model): the preview, per model.
READ_DRAFTS_MATRIX = {
    Article: WHO_WORK_ON_IT,
    CaseAnalysis: WHO_WORK_ON_IT,
}


# Checks tested apart from the tables above, and where.
OTHER_CHECKS = {
    "can_read_drafts": "READ_DRAFTS_MATRIX, below",
}


def test_the_tables_cover_every_check_in_the_permissions_module():
    public = {
        name
        for name, function in vars(permissions).items()
        if name.startswith(("can_", "is_", "has_"))
        and callable(function)
        and function.__module__ == permissions.__name__
    }
    covered = set(ARTICLE_MATRIX) | set(ANALYSIS_MATRIX) | set(USER_MATRIX) | set(OTHER_CHECKS)
    assert public == covered


def test_every_table_names_every_state():
    for table in ARTICLE_MATRIX.values():
        assert set(table) == set(ARTICLE_STATES)
    for table in ANALYSIS_MATRIX.values():
        assert set(table) == set(ANALYSIS_STATES)


@pytest.fixture
def actors():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    return {
        "anonymous": AnonymousUser(),
        "resident": VerifiedUserFactory(),
        "unverified": UserFactory(),
        "editor": staff_in_role("editors"),
        "moderator": staff_in_role("moderators"),
        "council": staff_in_role("council"),
        "ombuds": staff_in_role("ombuds"),
        "superuser": User.objects.get(pk=superuser.pk),
    }


def who_may(check, actors, *args):
    return {name for name, actor in actors.items() if check(actor, *args)}


@pytest.mark.parametrize(
    ("check", "state"),
    [(check, state) for check in ARTICLE_MATRIX for state in ARTICLE_STATES],
    ids=[f"{check}-{state}" for check in ARTICLE_MATRIX for state in ARTICLE_STATES],
)
def test_who_may_do_what_with_an_article(actors, check, state):
    article = ArticleFactory(**ARTICLE_STATES[state]())

    assert who_may(getattr(permissions, check), actors, article) == ARTICLE_MATRIX[check][state]


@pytest.mark.parametrize(
    ("check", "state"),
    [(check, state) for check in ANALYSIS_MATRIX for state in ANALYSIS_STATES],
    ids=[f"{check}-{state}" for check in ANALYSIS_MATRIX for state in ANALYSIS_STATES],
)
def test_who_may_do_what_with_an_analysis(actors, check, state):
    analysis = CaseAnalysisFactory(**ANALYSIS_STATES[state]())

    assert who_may(getattr(permissions, check), actors, analysis) == ANALYSIS_MATRIX[check][state]


@pytest.mark.parametrize("check", list(USER_MATRIX))
def test_who_may_do_what_as_a_person(actors, check):
    assert who_may(getattr(permissions, check), actors) == USER_MATRIX[check]


@pytest.mark.parametrize("model", list(READ_DRAFTS_MATRIX), ids=lambda model: model.__name__)
def test_who_reads_drafts(actors, model):
    assert who_may(permissions.can_read_drafts, actors, model) == READ_DRAFTS_MATRIX[model]


def test_can_edit_article_without_an_article_answers_for_articles_in_general(actors):
    assert who_may(permissions.can_edit_article, actors) == EDITORS


@pytest.mark.parametrize("state", list(ARTICLE_STATES))
def test_the_article_visible_to_queryset_agrees_with_can_view_article(actors, state):
    article = ArticleFactory(**ARTICLE_STATES[state]())

    for name, actor in actors.items():
        listed = Article.objects.visible_to(actor).filter(pk=article.pk).exists()
        assert listed == permissions.can_view_article(actor, article), name


@pytest.mark.parametrize("state", list(ANALYSIS_STATES))
def test_the_analysis_visible_to_queryset_agrees_with_can_view_analysis(actors, state):
    analysis = CaseAnalysisFactory(**ANALYSIS_STATES[state]())

    for name, actor in actors.items():
        listed = CaseAnalysis.objects.visible_to(actor).filter(pk=analysis.pk).exists()
        assert listed == permissions.can_view_analysis(actor, analysis), name


def test_an_inactive_editor_may_neither_edit_nor_read_drafts():
    editor = staff_in_role("editors")
    editor.is_active = False
    editor.save()
    draft = ArticleFactory(draft=True)

    assert permissions.can_edit_article(editor, draft) is False
    assert permissions.can_view_article(editor, draft) is False
    assert not Article.objects.visible_to(editor).filter(pk=draft.pk).exists()


def test_staff_without_a_role_read_only_what_is_published():
    staff = VerifiedUserFactory(is_staff=True)
    draft = ArticleFactory(draft=True)
    analysis = CaseAnalysisFactory(draft=True)

    assert permissions.can_view_article(staff, draft) is False
    assert permissions.can_view_analysis(staff, analysis) is False
    assert permissions.can_edit_article(staff, draft) is False


def test_an_article_becomes_visible_to_everyone_once_its_date_has_come():
    article = ArticleFactory(published_at=timezone.now() + datetime.timedelta(minutes=5))
    anonymous = AnonymousUser()
    assert permissions.can_view_article(anonymous, article) is False

    article.published_at = timezone.now() - datetime.timedelta(seconds=1)
    article.save()

    assert permissions.can_view_article(anonymous, article) is True
    assert Article.objects.visible_to(anonymous).filter(pk=article.pk).exists()


# --- get_visible_or_404 -------------------------------------------------------------------------------


def test_anonymous_visitor_gets_not_found_for_a_draft_article():
    article = ArticleFactory(draft=True)

    with pytest.raises(Http404):
        permissions.get_visible_or_404(
            AnonymousUser(), Article.objects.all(), permissions.can_view_article, slug=article.slug
        )


def test_editor_gets_the_draft_article():
    article = ArticleFactory(draft=True)

    found = permissions.get_visible_or_404(
        staff_in_role("editors"), Article.objects.all(), permissions.can_view_article, slug=article.slug
    )

    assert found == article


def test_unknown_slug_is_not_found_even_for_a_superuser():
    superuser = UserFactory(is_staff=True, is_superuser=True)

    with pytest.raises(Http404):
        permissions.get_visible_or_404(
            superuser, CaseAnalysis.objects.all(), permissions.can_view_analysis, slug="bestaat-niet"
        )
