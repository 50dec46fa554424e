from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "lab"
    verbose_name = _("Samenwerkingslab")

    def ready(self):
        from accounts.permissions import register_rules
        from accounts.privacy import register_privacy

        from . import permissions, privacy

        register_rules(self.label, permissions)
        register_privacy(privacy)
