from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from accounts.permissions import register_rules
        from accounts.privacy import register_privacy
        from moderation import registry

        from . import cached, moderation, permissions, privacy

        register_rules(self.label, permissions)
        register_privacy(privacy)
        for kind in moderation.KINDS:
            registry.register(kind)
        registry.register_queue(moderation.SUBMISSIONS)
        cached.connect()
