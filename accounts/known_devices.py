"""Devices a person logged in with before: a signed cookie the login throttle trusts a little more.

After a full login (password, and the code when the account has an app) the browser gets a cookie naming
a random device id and the accounts that logged in on it. The accounts are a keyed hash of their email
address, not the address itself. Wrong passwords for such an account from such a device count apart from
everyone else's (accounts/login_throttle.py), so someone guessing from elsewhere cannot lock the owner
out of their own laptop. The cookie proves nothing on its own: the password (and the code) still must be
right; it is a security cookie, needed for the login, and holds nothing about the person.
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

COOKIE_NAME = "loket_device"
MAX_AGE = datetime.timedelta(days=180)
MAX_ACCOUNTS = 5  # a shared computer at home: a few people, most recent first
_SALT = "accounts.known_devices"


def account_tag(login: str) -> str:
    return salted_hmac(_SALT, login.strip().lower()).hexdigest()[:24]


def _read(request) -> dict | None:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("device"), str):
        return None
    if not isinstance(data.get("accounts"), list):
        return None
    return data


def device_for(request, login: str) -> str | None:
    """The id of this browser when the account `login` (an email address) logged in on it before."""
    data = _read(request)
    if data is None or account_tag(login) not in data["accounts"]:
        return None
    return data["device"]


def remember(request, response, user) -> None:
    """Note on `response` that `user` logged in on this browser (called after a full login)."""
    data = _read(request) or {"device": secrets.token_urlsafe(16), "accounts": []}
    tag = account_tag(user.email)
    accounts = [tag, *(other for other in data["accounts"] if other != tag)][:MAX_ACCOUNTS]
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps({"device": data["device"], "accounts": accounts}, salt=_SALT),
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
