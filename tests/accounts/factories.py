import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from accounts.models import User

PASSWORD = "een-lang-wachtwoord-42"


class UserFactory(DjangoModelFactory):
    """A person with an account. The email address is not confirmed: use `verify_email` for that."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.django.Password(PASSWORD)


def verify_email(user: User) -> EmailAddress:
    """Give `user` a confirmed primary address, as allauth records it after the link was followed."""
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return address


def staff_in_role(role: str, **kwargs) -> User:
    """A staff member in the role group `role` (a `accounts.roles.Role` value)."""
    member = UserFactory(is_staff=True, **kwargs)
    member.groups.add(Group.objects.get(name=role))
    verify_email(member)
    return User.objects.get(pk=member.pk)  # fresh: no cached permissions
