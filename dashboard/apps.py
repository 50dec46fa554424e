from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"
    verbose_name = _("Council dashboard")

    def ready(self):
        from accounts.permissions import register_rules

        from . import cache, monthly, permissions

        register_rules(self.label, permissions)
        monthly.connect()
        cache.connect()
