"""Whole pages for visitors who are not signed in, from the cache (issue 16).

A page is kept under the version of the public content (core/content_version.py), which every write to a
public row replaces: nothing stale is shown, however long the entry would still live. The entry's own
lifetime (PAGE_CACHE_SECONDS, ten minutes) is a safety net for what no write announces (the date changes;
a write that sends no signal). The key is the host, the full path with its query string and the language
(chosen with the language cookie only, core.middleware.ChosenLanguageMiddleware). The cache is read and
filled only for a request that:

- is a GET, with no session cookie and no messages cookie: nobody signed in, no flow of allauth under
  way, no message waiting to be shown. A signed-in person always has a session cookie, so they are never
  served a stored page, nor is their page stored (staff, previews, the dashboard included);
- is not one of allauth's pages (logging in, signing up, confirming an address, a new password);
- gets a 200 HTML answer that is not streamed, says nothing against storing (Cache-Control private,
  no-cache or no-store), sets no cookie, and left the session and the messages untouched.

Every page carries a form with a CSRF token (the language switch), and a token belongs to one visitor:
it is their secret, masked. While such a request is answered, the token in the templates is a placeholder
(`csrf_placeholder`, a context processor); the stored page has only the placeholder, and each visitor's
copy, stored or freshly made, gets their own token in its place, the CSRF cookie with it (Django's
CsrfViewMiddleware sets the cookie further out). A view that asked for a token in another way
(`get_token()` in Python) is answered but not stored.

A stored page is kept gzipped as well, in pieces between the tokens (`_answer`): a browser that accepts
gzip gets it without the page being compressed again, which for a large page costs more than all the
rest of a hit. Django's GZipMiddleware, further out, leaves such an answer alone.

Each answer says `X-Page-Cache: hit` or `miss` (or nothing when the cache was not asked), for the
benchmark and whoever wonders why a page came back in a millisecond. The Cache-Control the site sends is
unchanged: browsers and proxies cache nothing more than before.

Reading costs one round trip to the cache (the version and the page together). The middleware sits after
the authentication, messages and second-step middleware, so those see every request first, and before
any view; everything further out (CSRF cookie, language, CSP, compression) works on a stored page as on a
fresh one.
"""

import functools
import hashlib
import re
import secrets
import struct
import zlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import content_version

HEADER = "X-Page-Cache"
# The layout of a stored entry is part of the key: after a release that changes it, no worker reads an
# entry of the other layout. (A release's `migrate` replaces the content version as well, so pages made
# with the old templates are not shown after it either: content_version's post_migrate.)
PAGE_KEY = "core:page:2:{digest}"
# Stands in for the CSRF token in a page while it may be stored; never sent to anyone.
PLACEHOLDER = "loket-csrf-token-placeholder-0a8c1f"
_PLACEHOLDER = PLACEHOLDER.encode()
_FLAG = "_page_cache_candidate"
# Headers of the view's answer kept with the page; the rest is the business of the middleware further out.
_NOT_STORED = {"set-cookie", "content-length", "content-encoding", HEADER.lower()}
# allauth's pages (URL names account_…, mfa_…) are never stored: they belong to someone's way in, some
# with a key in the address (confirming an address, a new password), and allauth's own models are private
# to the content version, so a stored one would not go stale when the key is used.
_NEVER_STORED_URL_NAMES = ("account_", "mfa_")
# Addresses that are never pages: the health and liveness checks, asked many times a minute by the
# load balancer, answer without the cache (one round trip to Redis would double what they cost).
_NEVER_PAGES = ("health_check", "liveness_check")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# As Django's GZipMiddleware: up to this many random bytes in the gzip header, so sizes say less (BREACH).
_MAX_RANDOM_BYTES = 100
_LEVEL = 6


def csrf_placeholder(request):
    """Context processor, after Django's own `csrf`: in a page that may be stored, the placeholder."""
    if getattr(request, _FLAG, False):
        return {"csrf_token": PLACEHOLDER}
    return {}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        setattr(request, _FLAG, True)
        key = PAGE_KEY.format(digest=_digest(request))
        found = cache.get_many([content_version.VERSION_KEY, key])
        version = found.get(content_version.VERSION_KEY) or content_version.version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            response = _answer(request, stored)
            response.headers[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            stored = _stored(version, response)
            cache.set(key, stored, seconds)
            response = _answer(request, stored)
            response.headers[HEADER] = "miss"
            return response
        if not response.streaming and _PLACEHOLDER in response.content:
            response.content = response.content.replace(_PLACEHOLDER, get_token(request).encode())
        response.headers[HEADER] = "not stored"
        return response


def _stored(version, response) -> tuple:
    """What the cache keeps of a page: its status and headers, its text in the parts between the places
    of the CSRF token, and each part compressed on its own (raw deflate, `_packed`)."""
    parts = tuple(response.content.split(_PLACEHOLDER))
    headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]
    return (version, response.status_code, headers, parts, tuple(_packed(part) for part in parts))


def _answer(request, stored) -> HttpResponse:
    """The stored page with this visitor's CSRF token, gzipped when the browser accepts it.

    Compressing a large page takes longer than everything else a stored page costs, so it is done once,
    when the page is stored: each part between the tokens is a run of deflate blocks of its own, ended
    by a full flush (byte-aligned, and no later block refers back into it). Here only the token is
    compressed, and the pieces are laid end to end in one gzip member, whose check sum and length cover
    the whole text. The token is compressed apart from the page, so no text of the page (a search term
    shown back, say) can be used to guess it from the size of the answer (BREACH)."""
    _version, status, headers, parts, packed = stored
    token = get_token(request).encode() if len(parts) > 1 else b""
    gzipped = _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    content = _gzip(parts, packed, token) if gzipped else token.join(parts)
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    patch_vary_headers(response, ["Accept-Encoding"])
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    return response


def _packed(data: bytes) -> bytes:
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def _gzip(parts, packed, token: bytes) -> bytes:
    # The gzip header (RFC 1952) with a name of random length, as Django's GZipMiddleware writes it.
    name = b"a" * secrets.randbelow(_MAX_RANDOM_BYTES) + b"\0"
    pieces = [b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff", name, packed[0]]
    checksum, length = zlib.crc32(parts[0]), len(parts[0])
    token_packed = _packed(token)
    for part, part_packed in zip(parts[1:], packed[1:], strict=True):
        pieces += [token_packed, part_packed]
        checksum = zlib.crc32(part, zlib.crc32(token, checksum))
        length += len(token) + len(part)
    end = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    pieces += [end.flush(zlib.Z_FINISH), struct.pack("<II", checksum & 0xFFFFFFFF, length & 0xFFFFFFFF)]
    return b"".join(pieces)


@functools.cache
def _never_pages() -> frozenset:
    return frozenset(reverse(name) for name in _NEVER_PAGES)


def _cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and request.path_info not in _never_pages()
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _digest(request) -> str:
    what = "\n".join([request.get_host(), request.get_full_path(), get_language() or ""])
    return hashlib.sha256(what.encode()).hexdigest()


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    match = request.resolver_match
    if match is None or (match.url_name or "").startswith(_NEVER_STORED_URL_NAMES):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the view asked for a token itself: the page may carry it
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False  # signed in within this request (no such GET today; never stored if there were)
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and (storage.added_new or len(storage)))
