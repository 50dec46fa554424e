"""The list of initiatives (/initiatieven/) at city scale: how many initiatives its filters find, and the
options its filters offer, without reading every published initiative on each visit.

- The options (the active villages and districts, the active concepts, the themes published initiatives
  carry) are read once and kept until the next write that may change them (initiatives/cached.py), per
  language (concepts have a label in each).
- The number of initiatives a set of filters finds is counted once per set and kept likewise. The sets
  are few: every filter but the search text only takes a value the page offers (core/filters.py), so a
  visitor cannot make up new ones to fill the cache with.
- A search is not cached: its matches are counted up to a bound (core.search.matches_counted, "more than
  1,000"), which costs little at any size.
- The filter form as HTML, per set of filters and language, likewise: a hundred options, each drawn by
  a template, cost more than the page's queries. Not while searching (the text is the visitor's own).
"""

from django.utils.translation import get_language

from core.filters import theme_choices
from core.search import matches_counted
from flywheels.models import concept_choices
from places.models import area_choices

from .cached import cached
from .models import Initiative

UNCOUNTED = ("sorteer", "zoek")  # an order changes no count; a search is counted up to a bound


def list_options():
    """{"areas": [(slug, name)], "concepts": [(flywheel, [(slug, label)])], "themes": [(slug, name)]}: the
    options of the list's filters, from the cache if it has them (three queries if not)."""

    def read():
        return {
            "areas": area_choices(),
            "concepts": [(str(group), options) for group, options in concept_choices()],
            "themes": theme_choices(Initiative.objects.published()),
        }

    return cached(f"list-options:{get_language()}", read)


def _filters_key(filterset, leave_out=()):
    """The valid filters in use, as text: the same set in any order gives the same key."""
    data = filterset.form.cleaned_data
    used = sorted((name, value) for name, value in data.items() if value and name not in leave_out)
    return "&".join(f"{name}={value}" for name, value in used)


def filters_html(filterset, render) -> str:
    """The list's filter form for the valid `filterset` as `render()` draws it, from the cache if this set
    of filters was drawn since the last write in this language."""
    if filterset.searching:
        return render()
    return cached(f"list-filters:{get_language()}:{_filters_key(filterset)}", render)


def initiatives_found(filterset) -> int:
    """How many initiatives the valid InitiativeFilter `filterset` lists: counted up to a bound while
    searching, otherwise from the cache if this set of filters was counted since the last write."""
    if filterset.searching:
        return matches_counted(filterset.qs)
    return cached(f"list-count:{_filters_key(filterset, UNCOUNTED)}", filterset.qs.count)
