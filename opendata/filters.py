"""What only the API filters on. The lists' filters are shared with the site's pages (initiatives/filters.py,
knowledgebase/filters.py); how the API is more lenient than a page: core/filters.py."""

from core.filters import SlugFilter
from initiatives.filters import LogEntryFilter


class ApiLogEntryFilter(LogEntryFilter):
    """The log's filters, and two the log page does not offer: by village or district, by initiative."""

    gebied = SlugFilter(field_name="initiative__area__slug")
    initiatief = SlugFilter(field_name="initiative__slug")
