from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlywheelsConfig(AppConfig):
    """The two flywheels and their concepts: reference data, like the places, that initiatives and the
    knowledge base are both tagged with."""

    name = "flywheels"
    verbose_name = _("Flywheels")
