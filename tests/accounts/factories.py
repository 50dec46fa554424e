import base64
import secrets
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from accounts.models import User

PASSWORD = "een-lang-wachtwoord-42"


class UserFactory(DjangoModelFactory):
    """A person with an account. The email address is not confirmed: use `verify_email` for that.

    Staff come with an authenticator app (and recovery codes), as the management site requires; pass
    `authenticator_app=False` for staff who have not set it up yet, True for a resident who has."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def authenticator_app(obj, create, extracted, **kwargs):
        if create and (obj.is_staff if extracted is None else extracted):
            give_authenticator_app(obj)


def verify_email(user: User) -> EmailAddress:
    """Give `user` a confirmed primary address, as allauth records it after the link was followed."""
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return address


def staff_in_role(role: str, **kwargs) -> User:
    """A staff member in the role group `role` (a `accounts.roles.Role` value), with the app set up."""
    member = UserFactory(is_staff=True, **kwargs)
    member.groups.add(Group.objects.get(name=role))
    verify_email(member)
    return User.objects.get(pk=member.pk)  # fresh: no cached permissions


def give_authenticator_app(user: User, secret: str | None = None) -> Authenticator:
    """`user`'s authenticator app (a new secret unless given) and recovery codes, as allauth stores them
    after the app was set up. A second call gives the app a new secret (so a new code)."""
    secret = secret or base64.b32encode(secrets.token_bytes(20)).decode()
    app, _created = Authenticator.objects.update_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": secret}}
    )
    RecoveryCodes.activate(user)
    return app


def app_code(user: User, *, margin: float = 3) -> str:
    """The code `user`'s authenticator app shows now; at the very end of a period (`margin` seconds) it
    waits for the next one, so the code is still good when the form arrives."""
    period = 30
    left = period - time.time() % period
    if left < margin:
        time.sleep(left + 0.05)
    secret = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def recovery_codes(user: User) -> list[str]:
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return codes.wrap().get_unused_codes()
