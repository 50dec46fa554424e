from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """20 per page, `?pagina=` like the lists on the site. A page past the last is a 404."""

    page_size = 20
    page_query_param = "pagina"
