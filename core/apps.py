from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every other app builds on: base models, search, slugs, paging, rate limits, mail, Markdown,
    photos, documents, the form renderer, the language middleware and the shared template tags. It imports
    none of the other apps."""

    name = "core"
    # In the management site core shows only its dead letters (core.FailedTask), under this heading.
    verbose_name = _("Background tasks")

    def ready(self):
        from . import content_version

        content_version.connect()
