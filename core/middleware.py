import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .documents import MAX_DOCUMENT_BYTES
from .images import MAX_UPLOAD_BYTES

logger = logging.getLogger(__name__)

# The largest form there is: a knowledge-base article with a photo and a document, and its text.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + MAX_DOCUMENT_BYTES + 1024 * 1024


class ChosenLanguageMiddleware:
    """Dutch unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware also follows the browser's Accept-Language; for a Doetinchem site that would
    show English to every resident whose browser happens to be set up in English. The switch stores the
    choice in the language cookie (django.views.i18n.set_language), which is all we read.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than any form needs, before anything reads it.

    Django reads an upload in full (to memory or a temporary file) before a form can look at its size:
    CSRF protection already reads the form. A 50 MB upload would cost 50 MB of traffic and disk before
    PhotoField or DocumentField said it is too large. Django reads no more than CONTENT_LENGTH says, so
    checking that number here, first, is enough; the body is never touched. A web server in front should
    have the same limit (nginx: client_max_body_size), so such a request does not even reach gunicorn.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_REQUEST_BYTES:
            return self._too_large(request)
        return self.get_response(request)

    @staticmethod
    def _too_large(request):
        message = _("The request is too large.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=413)
        try:
            return render(request, "errors/413.html", {"max_size": MAX_REQUEST_BYTES}, status=413)
        except Exception:  # the page needs the session and the database
            # An error here would go to Django's error report, which reads the whole body to show the form.
            logger.exception("The page for a too large request could not be shown")
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


class CompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text only: HTML, JSON, CSV, XML, calendars. Photos and documents (PDF,
    office files) are compressed already or gain little, and gzipping a file sent in pieces costs CPU for
    nothing and drops its Content-Length. On BREACH: the README's "Compression"."""

    COMPRESSIBLE = {"application/json", "application/xml", "application/javascript", "image/svg+xml"}

    def process_response(self, request, response):
        kind = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not (kind.startswith("text/") or kind in self.COMPRESSIBLE or kind.endswith("+json")):
            return response
        return super().process_response(request, response)
