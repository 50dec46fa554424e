"""Two app servers behind one address, as the README's deployment has them: what one of them saw, the
other knows. Two gunicorn processes on their own ports share one PostgreSQL database (the test's), one
Redis and one S3 bucket (moto's server, so django-storages talks real S3 over HTTP), and this test is the
visitor going from one to the other, as a load balancer would send it:

- a login made through A is signed in on B (the session is in the database, the cookie is the same);
- wrong passwords typed through A lock that visitor out on B too (the counts are in Redis), while the
  owner from another address still logs in (the address comes from X-Forwarded-For, as behind a proxy);
- a photo uploaded through A is shown and served by B, from the bucket; a document put in the bucket is
  downloaded through B's download view, and not through the photos' address.

It needs PostgreSQL (the servers read committed data from the test's database) and runs in CI's
PostgreSQL round (.ci/run); Redis at REDIS_URL's place for these tests, `LOKET_MACHINES_REDIS_URL`
(default db 2 of the local Redis). The servers take a few seconds to start; the whole test about 15."""

import io
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import boto3
import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from moto.server import ThreadedMotoServer
from PIL import Image

from demo.bench.server import database_url, free_port
from initiatives.models import Initiative
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.concurrency import load_reference_data
from tests.initiatives.authoring_helpers import initiative_data, jpeg_bytes
from tests.knowledgebase.document_helpers import PDF
from tests.knowledgebase.factories import ArticleFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("LOKET_MACHINES_REDIS_URL", "redis://127.0.0.1:6379/2")
BUCKET = "loket-uploads"
KEYS = {"STORAGE_S3_ACCESS_KEY_ID": "test-key", "STORAGE_S3_SECRET_ACCESS_KEY": "test-secret"}
TOO_MANY_ATTEMPTS = "Te veel inlogpogingen"
GUESSER = "203.0.113.66"
OWNER = "198.51.100.7"


@pytest.fixture
def postgresql():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("two app servers share a PostgreSQL database; CI's PostgreSQL round runs this")


@pytest.fixture
def bucket(postgresql):
    """moto's S3 server on a free port, with an empty bucket; its address and a client."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["STORAGE_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["STORAGE_S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


class AppServer:
    """One app server: gunicorn with production settings (DEBUG off) from the environment only."""

    def __init__(self, name: str, env: dict):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.gettempdir()) / f"loket-machines-{name}-{self.port}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "loket.wsgi",
                    f"--bind=127.0.0.1:{self.port}",
                    "--workers=1",
                    "--timeout=60",
                    "--log-level=warning",
                ],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=log,
            )

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"server {self.name} stopped:\n{self.log.read_text()}"
            try:
                if requests.get(f"{self.base}/livez", timeout=5).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.2)
        raise AssertionError(f"server {self.name} did not answer:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def servers(bucket):
    """Two app servers, A and B, on one database, one Redis and one bucket, behind one (pretend) proxy."""
    endpoint, _client = bucket
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "tests.loket.machines_settings",
        "DEBUG": "false",
        "SECRET_KEY": f"machines-test-{uuid.uuid4().hex}-{uuid.uuid4().hex}",  # one key for both
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "TRUSTED_PROXY_COUNT": "1",
        "STORAGE_S3_BUCKET": BUCKET,
        "STORAGE_S3_ENDPOINT_URL": endpoint,
        "STORAGE_S3_REGION": "us-east-1",
        "STORAGE_S3_ADDRESSING_STYLE": "path",
        # Anything on this machine's disk would be a mistake: point the disk's places somewhere empty.
        "MEDIA_ROOT": str(Path(tempfile.mkdtemp()) / "media-unused"),
        "DOCUMENTS_ROOT": str(Path(tempfile.mkdtemp()) / "documents-unused"),
        **KEYS,
    }
    both = [AppServer("A", env), AppServer("B", env)]
    try:
        for server in both:
            server.wait_until_up()
        yield both
    finally:
        for server in both:
            server.stop()
    assert not Path(env["MEDIA_ROOT"]).exists(), "an upload went to the disk instead of the bucket"


class Visitor:
    """A browser: its cookies, sent to whichever server (the session cookie is Secure, as in production,
    so it is carried by hand over these plain-HTTP connections), from one address behind the proxy."""

    def __init__(self, address: str):
        self.cookies = {}
        self.headers = {"X-Forwarded-For": address}

    def get(self, server, path):
        return self._keep(requests.get(server.base + path, **self._with(), allow_redirects=False, timeout=30))

    def post(self, server, path, data, files=None):
        form = self.get(server, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        response = requests.post(
            server.base + path,
            data={**data, "csrfmiddlewaretoken": token},
            files=files,
            **self._with(),
            allow_redirects=False,
            timeout=30,
        )
        return self._keep(response)

    def log_in(self, server, email, password=PASSWORD):
        return self.post(server, "/account/login/", {"login": email, "password": password})

    def _with(self):
        return {"cookies": dict(self.cookies), "headers": self.headers}

    def _keep(self, response):
        self.cookies.update(response.cookies.get_dict())
        return response


def resident():
    """A resident with a confirmed address. The servers know only the standard password hashers (the
    tests' fast one is not among them): a PBKDF2 hash with few rounds, which they update at the login."""
    person = UserFactory()
    verify_email(person)
    hasher = PBKDF2PasswordHasher()
    person.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    person.save(update_fields=["password"])
    return person


def test_a_login_a_rate_limit_and_uploads_made_through_one_server_hold_on_the_other(servers, bucket):
    a, b = servers
    _endpoint, s3 = bucket
    load_reference_data()  # a transactional test before this one may have emptied the villages and districts
    person = resident()
    area = AreaFactory()

    # A login through A is a login on B: the same cookie, the session in the shared database.
    browser = Visitor(OWNER)
    assert b.process.poll() is None
    assert browser.get(b, "/account/profiel/").status_code == 302  # not yet signed in
    assert browser.log_in(a, person.email).status_code == 302
    profile = browser.get(b, "/account/profiel/")
    assert profile.status_code == 200
    assert person.email in profile.text

    # A photo uploaded through A: in the bucket, not on a disk; B shows it and sends it.
    created = browser.post(
        a,
        "/initiatieven/nieuw/",
        initiative_data(area, title="Speeltuin aan de Slingelaan", cover_alt="Een grasveld"),
        files={"cover_image": ("veld.jpg", jpeg_bytes(size=(120, 80)), "image/jpeg")},
    )
    assert created.status_code == 302, created.text[:2000]
    initiative = Initiative.objects.get(title="Speeltuin aan de Slingelaan")
    stored = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert f"media/{initiative.cover_image.name}" in stored
    assert f"media/{initiative.cover_thumbnail.name}" in stored
    acl = s3.get_object_acl(Bucket=BUCKET, Key=f"media/{initiative.cover_image.name}")
    assert all(grant["Grantee"].get("URI") is None for grant in acl["Grants"])  # no public grant

    page = browser.get(b, initiative.get_absolute_url())
    assert page.status_code == 200
    photo_address = f"/media/{initiative.cover_image.name}"
    assert f'src="{photo_address}"' in page.text
    photo = Visitor(GUESSER).get(b, photo_address)
    assert photo.status_code == 200
    assert photo.headers["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(photo.content)) as image:
        assert image.size == (120, 80)
    # The draft's page itself stays the team's: a stranger gets nothing there.
    assert Visitor(GUESSER).get(b, initiative.get_absolute_url()).status_code == 404

    # A document in the bucket, as an editor's upload puts it: B's download view sends it; the photos'
    # address cannot reach outside the photos.
    s3.put_object(Bucket=BUCKET, Key="documents/articles/draaiboek.pdf", Body=PDF, ACL="private")
    article = ArticleFactory(attachment="articles/draaiboek.pdf")
    download = Visitor(GUESSER).get(b, f"/kennisbank/artikelen/{article.slug}/bestand/")
    assert download.status_code == 200
    assert download.content == PDF
    assert Visitor(GUESSER).get(b, "/media/%2E%2E/documents/articles/draaiboek.pdf").status_code == 400

    # Five wrong passwords through A from one address: B refuses that address even the right one...
    target = resident()
    guesser = Visitor(GUESSER)
    for attempt in range(5):
        wrong = guesser.log_in(a, target.email, password=f"gok-{attempt}")
        assert wrong.status_code == 200
        assert TOO_MANY_ATTEMPTS not in wrong.text
    refused = guesser.log_in(b, target.email)
    assert refused.status_code == 200
    assert TOO_MANY_ATTEMPTS in refused.text
    # ...while the owner, at another address behind the same proxy, logs in on B.
    assert Visitor(OWNER).log_in(b, target.email).status_code == 302
