"""Page links and filter links for every list on the site: `?pagina=` and a "remove this filter" address."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property

PAGE_PARAM = "pagina"


class _CountedPaginator(Paginator):
    """A paginator told how many items there are, for a list whose count is known without a COUNT(*)."""

    def __init__(self, items, per_page, count):
        super().__init__(items, per_page)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


def get_page(request, items, per_page, count=None):
    """The page `?pagina=` asks for; a page that is not a number or does not exist is a 404. Pass `count`
    when the number of items is already known (e.g. from cached counts): it saves counting a long list."""
    paginator = Paginator(items, per_page) if count is None else _CountedPaginator(items, per_page, count)
    try:
        page = paginator.page(request.GET.get(PAGE_PARAM) or 1)
    except InvalidPage:
        raise Http404 from None
    # For includes/pagination.html: the first and last pages and those around this one, "…" between.
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


def url_without(request, *names):
    """This page's address without the given parameters (and back on the first page)."""
    query = request.GET.copy()
    for name in (*names, PAGE_PARAM):
        query.pop(name, None)
    return f"{request.path}?{query.urlencode()}" if query else request.path
