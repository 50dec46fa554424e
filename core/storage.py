"""Uploads in an S3-compatible bucket (django-storages), for a site on more than one app server.

The settings choose these backends when `STORAGE_S3_BUCKET` is set (loket/settings.py); otherwise uploads
stay on this server's disk (FileSystemStorage, and core.documents.DocumentStorage for documents).

The bucket stays private (no object is readable without the keys) and nobody is sent to it:

- photos keep their address on the site, `/media/<name>` (`MediaS3Storage.url`), and the app reads them
  from the bucket (loket.views.media). So pages hold the same stable addresses as with files on disk (the
  browser and a page cache can keep them; a signed address would change at every page view and expire),
  the Content-Security-Policy stays "only this site", and a photo can be found exactly as it could before:
  by its random name, from a page that shows it;
- documents have no address at all (`DocumentS3Storage.url` refuses, as DocumentStorage does): they reach
  people only through the download view, which checks publication first (knowledgebase.views.articles).

Photos and documents live under their own prefix ("media/", "documents/"); django-storages refuses a name
that climbs out of its prefix, so the photo view cannot be made to send a document.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """Photos in the bucket, at their address under MEDIA_URL, like FileSystemStorage's."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))


class DocumentS3Storage(S3Storage):
    """Documents in the bucket; no address of their own (core.documents)."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Documents have no public address; link to the download view instead.")
