from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import SingleLineField


class Area(models.Model):
    """A district of the town of Doetinchem, a village or hamlet, or the rural area around them."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("district")
        VILLAGE = "village", _("village")
        HAMLET = "hamlet", _("hamlet")
        RURAL = "rural", _("rural area")

    name = SingleLineField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in web addresses."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive areas stay on existing content but cannot be chosen."),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("village or district")
        verbose_name_plural = _("villages and districts")

    def __str__(self):
        return self.name


def area_choices():
    """The villages and districts that can be chosen, as (slug, name): the options of a filter on place."""
    return [(area.slug, area.name) for area in Area.objects.filter(is_active=True)]
