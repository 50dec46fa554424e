"""Settings for loket: one module, configured through environment variables.

Defaults are safe for production. `DEBUG=true` (set by `make run`) turns on the conveniences of local
development; without it a strong SECRET_KEY and ALLOWED_HOSTS are required and HTTPS is assumed.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; refuse anything that is not clearly yes or no."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Django's admin as the management site, with no login of its own (accounts/management_site.py).
    "accounts.apps.ManagementSiteConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "taggit",
    # The project's apps, from the bottom layer up (see the README's Development section).
    "core",
    "places",
    "flywheels",
    "accounts",
    "moderation",
    "initiatives",
    "knowledgebase",
    "lab",
    "dashboard",
    "opendata",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "loket",
    "demo",  # demo content (`manage.py loket_demo`): the top floor, imported by nothing else
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzips the text the site makes (HTML, JSON, CSV, streamed or not); after WhiteNoise, which sends its
    # own compressed copies of the static files. On BREACH: the README's "Compression".
    "core.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    # Anonymous pages from the cache (core/page_cache.py): after everything that decides who is asking.
    "core.page_cache.PageCacheMiddleware",
    # Last, so the others wrap its answer (CSP, language), yet before any view or CSRF reads the body.
    "core.middleware.RequestSizeLimitMiddleware",
]

ROOT_URLCONF = "loket.urls"
WSGI_APPLICATION = "loket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                # After Django's csrf (built in, always first): a placeholder in a page that may be cached.
                "core.page_cache.csrf_placeholder",
            ],
        },
    },
]

# Database: an SQLite file unless DATABASE_URL points elsewhere (postgres://user@host:port/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared between workers, so rate limits hold), else local memory.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (loket/celery.py): Celery with Redis as broker. Without a broker (`make run`, the tests)
# every task runs in-process at once, as part of the request or command that queued it.
_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "").strip() or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not _BROKER_URL
# In-process, Celery still passes a task's arguments through the JSON serializer (so what works here works
# on a worker); its in-memory transport serves that without any network.
CELERY_BROKER_URL = _BROKER_URL or "memory://localhost/"
# In-process, a failing task is recorded as a dead letter (core.tasks) like on a worker, not raised into
# the request that queued it.
CELERY_TASK_EAGER_PROPAGATES = False
# Messages carry plain data (JSON), never pickled objects: an email travels as its rendered text.
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Nobody waits for a task's return value; failures are kept as dead letters (core.FailedTask).
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = None  # no result backend, so no daily clean-up task of Celery's own
# A task is acknowledged when done, so a worker that dies halfway leaves it for the next one (a rare email
# twice rather than one lost); each worker process takes one task at a time.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = "Europe/Amsterdam"
# How often an email is tried before it becomes a dead letter, and the first wait between tries (doubled
# each time: 1, 2, 4 and 8 minutes by default).
EMAIL_SEND_TRIES = env_int("EMAIL_SEND_TRIES", 5)
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 60)
# Without a broker an email is tried once, in the request that caused it, and kept as a dead letter when it
# fails: retrying there would hold the request while the mail server does not answer. (The tests turn it on.)
EMAIL_RETRY_IN_PROCESS = False
# Dead letters are kept this many days, then deleted (they may hold an email's text).
FAILED_TASK_RETENTION_DAYS = env_int("FAILED_TASK_RETENTION_DAYS", 30)
# Check-ins: a published initiative that is under way and wrote nothing in its log for this many weeks
# gets one friendly email (at most once per that many weeks).
CHECK_IN_AFTER_WEEKS = env_int("CHECK_IN_AFTER_WEEKS", 8)
# The schedule, run by `celery -A loket beat` (Celery's own scheduler; the times are Dutch time).
# `manage.py send_digests daily|weekly` still sends a digest by hand.
CELERY_BEAT_SCHEDULE = {
    "daily-digests": {
        "task": "initiatives.send_digests",
        "schedule": crontab(minute=0, hour=7),
        "args": ["daily"],
    },
    "weekly-digests": {
        "task": "initiatives.send_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
        "args": ["weekly"],
    },
    "check-ins": {
        "task": "initiatives.send_check_ins",
        "schedule": crontab(minute=0, hour=10, day_of_week="tue"),
    },
    "council-monthly-mail": {
        "task": "dashboard.send_council_monthly_mail",
        "schedule": crontab(minute=0, hour=8, day_of_month=1),
    },
    "prune-failed-tasks": {
        "task": "core.prune_failed_tasks",
        "schedule": crontab(minute=30, hour=3),
    },
}

# Sessions in the database (Django's default, said here because it is a choice): every app server reads
# the same table, so a login holds wherever the proxy sends the next request. Not "cached_db" with Redis:
# a session costs one lookup by primary key, only for visitors with a session cookie (signed-in pages are
# never cached anyway); Redis stays a cache that may be emptied or lost without signing anybody out; and
# the data export and erasure read the sessions in the database (accounts/personal_data.py).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
# One backend: allauth's (email and password; it builds on Django's ModelBackend for permissions), which
# also loads the signed-in person's roles with their row (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile_edit"

# Anonymous pages cached this many seconds at most (core/page_cache.py; every write makes them stale at
# once, this is a safety net). 0 turns the cache off: the default with DEBUG (templates edited show at
# once) and without REDIS_URL (each worker's local memory would keep its own version of the content, so a
# write through one worker would leave the other's pages stale).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL and not DEBUG else 0)

# django-allauth: email is the login; confirming it is mandatory.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Tell people by email when their password, email address or two-step verification changes (a
# takeover shows itself to the owner); the emails carry no link (templates/account/email/).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samenwerken in Doetinchem] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Rate limits, tuned for a municipal site: a resident who mistypes a password a few times is fine;
# password guessing and mass sign-ups from one address are not. Counted in the cache above.
# Wrong passwords are counted per account *and* address (accounts/login_throttle.py): five in five minutes
# lock out that address for that account, not the owner elsewhere; all unknown devices together get 30 an
# hour per account; a device the owner logged in with before has its own five (the "key" of login_failed).
ACCOUNT_RATE_LIMITS = {
    "login": "20/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "30/h/key",
    "signup": "5/m/ip,20/h/ip",
    "reset_password": "10/m/ip,3/m/key",
    "confirm_email": "1/3m/key",
}
# Every password check (login, reauthentication, deleting the account, changing the password) goes through
# the adapter's throttle; a successful login remembers the device (accounts/known_devices.py).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"change_password": "accounts.auth_forms.ChangePasswordForm"}
# Two-step verification (allauth.mfa): an authenticator app (TOTP) with recovery codes. Anyone may turn it
# on; staff must (accounts/second_factor.py) and cannot turn it off. No "trust this browser": staff give a
# code at every login.
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_FORMS = {"activate_totp": "accounts.auth_forms.ActivateTOTPForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samenwerken in Doetinchem"
MFA_TRUST_ENABLED = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# NL Design System's CSS comes from npm (package.json); `make` installs it into node_modules.
for prefix, package_dir in [
    ("nlds/components", "node_modules/@utrecht/component-library-css/dist"),
    ("nlds/tokens", "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
]:
    if (BASE_DIR / package_dir).is_dir():
        STATICFILES_DIRS.append((prefix, BASE_DIR / package_dir))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Documents attached to knowledge-base articles: outside MEDIA_ROOT, sent only by the download view, which
# checks that the article is published (core.documents).
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "documents"))
# Uploads on several app servers: an S3-compatible bucket (django-storages, core/storage.py) when
# STORAGE_S3_BUCKET is set, photos under the prefix "media/" and documents under "documents/". The bucket
# stays private: photos keep their address on the site (/media/...) and the app reads them from the bucket;
# documents go out only through the download view, as from the disk.
STORAGE_S3_BUCKET = os.environ.get("STORAGE_S3_BUCKET", "").strip()
# Uploaded photos. Without a bucket a web server in front may serve MEDIA_ROOT; Django serves them itself
# when SERVE_MEDIA is on (the default with DEBUG, with a bucket, and for a small single-server set-up).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG or bool(STORAGE_S3_BUCKET))
if STORAGE_S3_BUCKET and not SERVE_MEDIA:
    raise ImproperlyConfigured("SERVE_MEDIA cannot be off with STORAGE_S3_BUCKET: the app serves the photos.")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Initiatives: how many days the municipality promises for a first response to a published initiative,
# and where the formal citizens' initiative (burgerinitiatief) route is explained (the municipality's own
# page; until it is set, the site's contact page is linked).
MUNICIPAL_RESPONSE_PROMISE_DAYS = env_int("MUNICIPAL_RESPONSE_PROMISE_DAYS", 14)
# Moderation: an item this many people reported is hidden until a moderator looks at it.
MODERATION_REPORT_THRESHOLD = env_int("MODERATION_REPORT_THRESHOLD", 3)
BURGERINITIATIEF_URL = os.environ.get("BURGERINITIATIEF_URL", "").strip()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {"BACKEND": "core.documents.DocumentStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if STORAGE_S3_BUCKET:
    _bucket = {
        "bucket_name": STORAGE_S3_BUCKET,
        # Empty: Amazon S3 itself; else the address of another S3-compatible store (MinIO, Ceph, a cloud's).
        "endpoint_url": os.environ.get("STORAGE_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": os.environ.get("STORAGE_S3_REGION", "").strip() or None,
        # Empty keys: boto3 finds credentials itself (its environment variables, an instance role).
        "access_key": os.environ.get("STORAGE_S3_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": os.environ.get("STORAGE_S3_SECRET_ACCESS_KEY", "").strip() or None,
        # Every object private; a bucket that refuses ACLs (Amazon's "bucket owner enforced") takes "".
        "default_acl": os.environ.get("STORAGE_S3_ACL", "private").strip() or None,
        "addressing_style": os.environ.get("STORAGE_S3_ADDRESSING_STYLE", "").strip() or None,
        "file_overwrite": False,  # a new upload never replaces a file under the same name
    }
    STORAGES["default"] = {
        "BACKEND": "core.storage.MediaS3Storage",
        "OPTIONS": {**_bucket, "location": "media"},
    }
    STORAGES["documents"] = {
        "BACKEND": "core.storage.DocumentS3Storage",
        "OPTIONS": {**_bucket, "location": "documents"},
    }

# Email: printed to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samenwerken in Doetinchem <loket@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Beheer", address) for address in env_list("ADMINS", [])]

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=true.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: only the site's own files; the templates have no inline scripts or styles.
# (data: images: NL Design System draws checkbox marks as inline SVG in its CSS.)
# The read-only open data API (opendata/api.py): public, JSON only, no login (so no CSRF to think
# about), rate limited per address for anonymous clients.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "opendata.pagination.Pages",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samenwerken in Doetinchem: open data",
    "DESCRIPTION": "Published initiatives, log entries and knowledge-base articles of the loket. Read-only.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "AreaKindEnum": "places.models.Area.Kind",
        "ArticleKindEnum": "knowledgebase.models.ArticleKind",
        "LogKindEnum": "initiatives.choices.LogKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "opendata.api.document_errors",
    ],
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits count per client address. Behind proxies every request comes from the proxy, so say how
# many proxies append to X-Forwarded-For; otherwise the whole town would share one limit.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The posting limits (django-ratelimit, core/ratelimit.py) find the visitor behind those proxies alike.
RATELIMIT_IP_META_KEY = "core.ratelimit.client_address"
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", [])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The dashboard's covering index (INCLUDE) is PostgreSQL's; SQLite makes a plain one, as intended.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "models.W040"]

# Every line is printed once, by the root's handler. Django's own set-up gives its "django" logger a console
# handler of its own (in DEBUG), which printed each of its lines a second time; here that logger keeps only
# the email of errors to ADMINS (without DEBUG) and passes the rest up. The development server's request
# lines keep their own handler and format, as Django has them.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}
CSRF_FAILURE_VIEW = "loket.errors.csrf_failure"
FORM_RENDERER = "core.forms.LoketFormRenderer"
# Themes typed as "groen, spelen" lose invisible and direction-changing characters, like titles (core.text).
TAGGIT_TAGS_FROM_STRING = "core.text.tags_from_string"
