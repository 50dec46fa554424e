"""loket/settings.py reads its configuration from the environment, and refuses what would be unsafe.

Settings are read once per process, so every test that needs another environment starts a fresh Python.
"""

import json
import os
import secrets
import string
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from loket import settings as project_settings

BASE_DIR = project_settings.BASE_DIR
STRONG_SECRET_KEY = "".join(
    secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(60)
)


def run_python(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Python in the project directory with only `env` (and PATH) set: nothing leaks in from pytest."""
    clean_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DJANGO_SETTINGS_MODULE": "loket.settings"}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def settings_with(**env: str) -> dict:
    """The settings that matter here, as a production environment `env` (DEBUG off) produces them."""
    code = (
        "import json; from loket import settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'], 'db_name': s.DATABASES['default']['NAME'],"
        "'cache': s.CACHES['default']['BACKEND'], 'cache_location': s.CACHES['default'].get('LOCATION'),"
        "'email': s.EMAIL_BACKEND, 'email_port': getattr(s, 'EMAIL_PORT', None),"
        "'allowed_hosts': s.ALLOWED_HOSTS, 'debug': s.DEBUG,"
        "'trusted_proxies': s.ALLAUTH_TRUSTED_PROXY_COUNT}))"
    )
    production = {"DEBUG": "false", "SECRET_KEY": STRONG_SECRET_KEY, "ALLOWED_HOSTS": "loket.example"}
    result = run_python(["-c", code], **{**production, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("raw", ["maybe", "2", "ja"])
def test_env_bool_refuses_a_value_that_is_not_clearly_yes_or_no(monkeypatch, raw):
    monkeypatch.setenv("LOKET_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="LOKET_TEST_FLAG"):
        project_settings.env_bool("LOKET_TEST_FLAG", False)


@pytest.mark.parametrize(("raw", "expected"), [("true", True), (" Yes ", True), ("0", False), ("off", False)])
def test_env_bool_reads_yes_and_no_in_their_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("LOKET_TEST_FLAG", raw)
    assert project_settings.env_bool("LOKET_TEST_FLAG", not expected) is expected


def test_env_bool_falls_back_to_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("LOKET_TEST_FLAG", raising=False)
    assert project_settings.env_bool("LOKET_TEST_FLAG", True) is True


@pytest.mark.parametrize("raw", ["ten", "1.5", "60s"])
def test_env_int_refuses_a_value_that_is_not_a_whole_number(monkeypatch, raw):
    monkeypatch.setenv("LOKET_TEST_NUMBER", raw)
    with pytest.raises(ImproperlyConfigured, match="LOKET_TEST_NUMBER"):
        project_settings.env_int("LOKET_TEST_NUMBER", 1)


def test_env_int_reads_a_number_and_defaults_when_empty(monkeypatch):
    monkeypatch.setenv("LOKET_TEST_NUMBER", " 42 ")
    assert project_settings.env_int("LOKET_TEST_NUMBER", 1) == 42
    monkeypatch.setenv("LOKET_TEST_NUMBER", "")
    assert project_settings.env_int("LOKET_TEST_NUMBER", 7) == 7


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("LOKET_TEST_LIST", " a.example , ,b.example,")
    assert project_settings.env_list("LOKET_TEST_LIST", ["default"]) == ["a.example", "b.example"]
    monkeypatch.delenv("LOKET_TEST_LIST")
    assert project_settings.env_list("LOKET_TEST_LIST", ["default"]) == ["default"]


def test_production_configuration_passes_the_deploy_checks_without_warnings():
    result = run_python(
        ["manage.py", "check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=STRONG_SECRET_KEY,
        ALLOWED_HOSTS="loket.example",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output
    assert "WARNINGS" not in output


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off():
    result = run_python(["-c", "import loket.settings"], DEBUG="false", ALLOWED_HOSTS="loket.example")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_settings_refuse_to_load_without_allowed_hosts_when_debug_is_off():
    result = run_python(["-c", "import loket.settings"], DEBUG="false", SECRET_KEY=STRONG_SECRET_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_settings_refuse_a_debug_value_that_is_not_yes_or_no():
    result = run_python(["-c", "import loket.settings"], DEBUG="perhaps", SECRET_KEY=STRONG_SECRET_KEY)
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_debug_mode_runs_without_secret_key_for_local_development():
    result = run_python(
        ["-c", "from loket import settings as s; print(s.DEBUG, bool(s.SECRET_KEY))"], DEBUG="true"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_default_configuration_uses_sqlite_locmem_cache_and_console_email():
    configured = settings_with()
    assert configured["engine"] == "django.db.backends.sqlite3"
    assert configured["db_name"].endswith("db.sqlite3")
    assert configured["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert configured["email"] == "django.core.mail.backends.console.EmailBackend"
    assert configured["allowed_hosts"] == ["loket.example"]
    assert configured["debug"] is False


def test_database_url_switches_to_postgresql():
    configured = settings_with(DATABASE_URL="postgres://loket:geheim@db.example:5432/loket")
    assert configured["engine"] == "django.db.backends.postgresql"
    assert configured["db_name"] == "loket"


def test_redis_url_switches_the_cache_to_redis():
    configured = settings_with(REDIS_URL="redis://cache.example:6379/1")
    assert configured["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert configured["cache_location"] == "redis://cache.example:6379/1"


def test_email_host_switches_to_smtp_with_submission_port():
    configured = settings_with(EMAIL_HOST="smtp.example")
    assert configured["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert configured["email_port"] == 587


def test_trusted_proxy_count_is_read_for_the_rate_limits():
    assert settings_with()["trusted_proxies"] == 0
    assert settings_with(TRUSTED_PROXY_COUNT="1")["trusted_proxies"] == 1


def test_static_files_are_stored_with_hashed_compressed_names():
    # Tests swap in plain storage (conftest); the project's own setting is what production uses.
    backend = project_settings.STORAGES["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert settings.STORAGES["staticfiles"]["BACKEND"] != backend  # the conftest override is in place


def test_collectstatic_builds_a_manifest_with_the_nl_design_system_css(settings, tmp_path):
    from django.core.management import call_command

    settings.STORAGES = project_settings.STORAGES
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)

    manifest = json.loads((tmp_path / "staticfiles.json").read_text(encoding="utf-8"))
    assert "nlds/components/index.css" in manifest["paths"]
    hashed = manifest["paths"]["nlds/components/index.css"]
    assert (tmp_path / hashed).is_file()
    assert (tmp_path / f"{hashed}.gz").is_file()


S3 = {
    "STORAGE_S3_BUCKET": "loket-uploads",
    "STORAGE_S3_ENDPOINT_URL": "https://s3.example.nl",
    "STORAGE_S3_REGION": "eu-west-1",
    "STORAGE_S3_ACCESS_KEY_ID": "key-id",
    "STORAGE_S3_SECRET_ACCESS_KEY": "secret",
}


def storages_with(**env: str) -> dict:
    code = (
        "import json; from loket import settings as s;"
        "print(json.dumps({'storages': s.STORAGES, 'serve_media': s.SERVE_MEDIA}))"
    )
    production = {"DEBUG": "false", "SECRET_KEY": STRONG_SECRET_KEY, "ALLOWED_HOSTS": "loket.example"}
    result = run_python(["-c", code], **{**production, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_uploads_stay_on_the_disk_without_a_bucket():
    chosen = storages_with()

    assert chosen["storages"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert chosen["storages"]["documents"] == {"BACKEND": "core.documents.DocumentStorage"}
    assert chosen["serve_media"] is False


def test_a_bucket_takes_photos_and_documents_under_their_own_prefixes_privately():
    chosen = storages_with(**S3)

    photos, documents = chosen["storages"]["default"], chosen["storages"]["documents"]
    assert photos["BACKEND"] == "core.storage.MediaS3Storage"
    assert documents["BACKEND"] == "core.storage.DocumentS3Storage"
    assert photos["OPTIONS"]["location"] == "media"
    assert documents["OPTIONS"]["location"] == "documents"
    for options in (photos["OPTIONS"], documents["OPTIONS"]):
        assert options["bucket_name"] == "loket-uploads"
        assert options["endpoint_url"] == "https://s3.example.nl"
        assert options["region_name"] == "eu-west-1"
        assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
        assert options["default_acl"] == "private"
        assert options["file_overwrite"] is False
    assert chosen["serve_media"] is True  # the app sends the photos: nobody is sent to the bucket


def test_a_bucket_without_keys_leaves_the_credentials_to_boto3_and_may_send_no_acl():
    options = storages_with(STORAGE_S3_BUCKET="loket-uploads", STORAGE_S3_ACL="")["storages"]["default"][
        "OPTIONS"
    ]

    assert options["access_key"] is None
    assert options["secret_key"] is None
    assert options["endpoint_url"] is None
    assert options["default_acl"] is None


def test_a_bucket_with_serve_media_off_is_refused():
    result = run_python(
        ["-c", "import loket.settings"],
        DEBUG="false",
        SECRET_KEY=STRONG_SECRET_KEY,
        ALLOWED_HOSTS="loket.example",
        SERVE_MEDIA="false",
        **S3,
    )
    assert result.returncode != 0
    assert "SERVE_MEDIA" in result.stderr


def test_production_with_a_bucket_passes_the_deploy_checks_without_warnings():
    result = run_python(
        ["manage.py", "check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=STRONG_SECRET_KEY,
        ALLOWED_HOSTS="loket.example",
        REDIS_URL="redis://127.0.0.1:6379/2",
        TRUSTED_PROXY_COUNT="1",
        SECURE_PROXY_SSL_HEADER="true",
        **S3,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output
    assert "WARNINGS" not in output
