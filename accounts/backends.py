"""How the site signs people in and loads the signed-in person on each request: allauth's backend (email
and password, with its rate limits), which loads the account together with its roles.

Every page asks a role of the signed-in person (the account menu offers the dashboard to the council
group, the samenwerkingslab's pages ask for the ombuds): answered from the row Django loads anyway, not
by a query of its own per page (see `accounts.permissions.in_role`).
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .roles import Role


def with_roles(users):
    """`users` annotated with one flag per role: whether each is in that role's group."""
    return users.annotate(
        **{
            f"_in_role_{role.value}": Exists(Group.objects.filter(name=role.value, user=OuterRef("pk")))
            for role in Role
        }
    )


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        user = with_roles(get_user_model()._default_manager.filter(pk=user_id)).first()
        return user if user is not None and self.user_can_authenticate(user) else None
