import re
from urllib.parse import urlsplit

from django.core.mail import EmailMessage

LINK = re.compile(r"https?://\S+")


def link_path_in(message: EmailMessage) -> str:
    """The path of the (single) link in an email's body, ready for the test client."""
    links = LINK.findall(message.body)
    assert len(links) == 1, f"expected one link, found {links!r} in {message.body!r}"
    return urlsplit(links[0]).path


def logged_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")
