"""Every state and kind an initiative and its parts can have. Views and templates use these, never bare strings."""

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Origin(models.TextChoices):
    """Where an initiative comes from; this decides which flywheel analyses it."""

    SOCIETY = "society", _("from society")
    MUNICIPALITY = "municipality", _("from the municipality")

    @property
    def flywheel_slug(self):
        """The slug of the flywheel (flywheels/data/flywheels.yaml) that analyses initiatives of this origin."""
        return {Origin.SOCIETY: "samenleving", Origin.MUNICIPALITY: "gemeente"}[self]


class Stage(models.TextChoices):
    IDEA = "idea", _("idea")
    PREPARING = "preparing", _("preparing")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")
    STOPPED = "stopped", _("stopped")


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    HIDDEN = "hidden", _("hidden")

    @classmethod
    def submittable(cls):
        """States from which the team may (again) submit the initiative for review."""
        return [cls.DRAFT, cls.REJECTED]


class GovernmentRole(models.TextChoices):
    """The step on the overheidsparticipatietrap (Rob, 2012): the municipality's role in a society initiative."""

    REGULATE = "regulate", _("regulate")
    DIRECT = "direct", _("direct")
    STIMULATE = "stimulate", _("stimulate")
    FACILITATE = "facilitate", _("facilitate")
    LET_GO = "let_go", _("let go")


class ParticipationStep(models.TextChoices):
    """The step on the participatieladder: how far residents take part in a municipal initiative."""

    INFORM = "inform", _("inform")
    CONSULT = "consult", _("consult")
    ADVISE = "advise", _("advise")
    COPRODUCE = "coproduce", _("co-produce")
    CODECIDE = "codecide", _("co-decide")
    SELF_MANAGE = "self_manage", _("self-manage")


class TeamRole(models.TextChoices):
    INITIATOR = "initiator", _("initiator")
    CO_INITIATOR = "co_initiator", _("co-initiator")


class LogKind(models.TextChoices):
    UPDATE = "update", pgettext_lazy("log entry kind", "update")
    DILEMMA = "dilemma", _("dilemma")
    OBSTACLE = "obstacle", _("obstacle")
    WORKING_ELEMENT = "working_element", _("working element")
    REFLECTION = "reflection", _("reflection")
    MILESTONE = "milestone", _("milestone")


class ObstacleCategory(models.TextChoices):
    RULES = "rules", _("rules and permits")
    LEAD_TIME = "lead_time", _("lead time")
    UNCLEAR_CONTACT = "unclear_contact", _("unclear contact")
    MONEY = "money", _("money")
    INFORMATION = "information", _("information")
    OTHER = "other", _("other")


class HelpKind(models.TextChoices):
    VOLUNTEERS = "volunteers", _("volunteers")
    EXPERTISE = "expertise", _("expertise")
    MATERIALS = "materials", _("materials")
    PLACE = "place", _("a place")
    MONEY = "money", _("money")
    MUNICIPAL_CONTACT = "municipal_contact", _("a contact at the municipality")


class FollowFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("immediately")
    DAILY = "daily", _("daily digest")
    WEEKLY = "weekly", _("weekly digest")
    NEVER = "never", _("never (follow without email)")


class NotificationKind(models.TextChoices):
    LOG_ENTRY = "log_entry", _("new log entry")
    HELP_REQUEST = "help_request", _("help request")
    MUNICIPAL_RESPONSE = "municipal_response", _("response from the municipality")


class FixedPath(enum.StrEnum):
    """The fixed words of addresses under /initiatieven/: routed before `<slug>/` (initiatives/urls.py), so
    no initiative may take one as its slug (services.authoring.initiative_unique_slug)."""

    NEW = "nieuw"
    MINE = "mijn"
    FOLLOWING = "volgend"
    LOG = "logboek"
    OBSTACLES = "obstakels"
    QUEUE = "wachtrij"
    INVITATION = "uitnodiging"
    UNSUBSCRIBE = "afmelden"
