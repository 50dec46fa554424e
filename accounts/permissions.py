"""Who may do what: the words every app's permission module is written in, and the one place templates
ask through.

Each app keeps its own rules in `<app>/permissions.py` as plain functions named `can_<action>`, built from
the predicates here ("staff with permission X", "in role Y", "may post"). Views, services and tests call
those functions directly; templates ask the same functions by name with `{% may %}`
(accounts/templatetags/permissions.py), e.g. `{% may "initiatives.edit_initiative" user initiative as
can_edit %}`. An app makes its rules askable by name with `register_rules` in its AppConfig.ready(), so
this module, low in the layers, knows no app above it.
"""

from types import ModuleType

from allauth.account.models import EmailAddress

from .roles import Role


def is_signed_in(user) -> bool:
    return user.is_authenticated and user.is_active


def is_staff_with(user, permission: str) -> bool:
    """An active staff member who has `permission` ("app_label.codename"), through a role group or as a
    superuser. The one way every app asks "may staff do X"."""
    return is_signed_in(user) and user.is_staff and user.has_perm(permission)


def in_role(user, role: Role) -> bool:
    """Membership of the role's group itself, not a permission: a superuser has every permission but is
    not, say, an ombuds or a council member. The signed-in person comes with their roles loaded
    (accounts/backends.py); for anyone else the groups are read once and kept on the user object."""
    if not is_signed_in(user):
        return False
    loaded = getattr(user, f"_in_role_{role.value}", None)  # see accounts/backends.py
    if loaded is not None:
        return loaded
    if not hasattr(user, "_loket_roles"):
        user._loket_roles = set(user.groups.values_list("name", flat=True))
    return role.value in user._loket_roles


def can_post(user) -> bool:
    """Posting (and supporting, following, offering, reporting, signing up) needs a confirmed address and
    an account that a moderator has not blocked. The address check is cached on the user object."""
    if not is_signed_in(user) or user.blocked_at is not None:
        return False
    if not hasattr(user, "_loket_verified"):
        user._loket_verified = EmailAddress.objects.filter(user=user, verified=True).exists()
    return user._loket_verified


def can_use_management_site(user) -> bool:
    """Django's admin lets in active staff (it checks the same); the account menu links there for them."""
    return is_signed_in(user) and user.is_staff


# --- asking a rule by name (templates) -----------------------------------------------------------------

_RULES: dict[str, object] = {}


def register_rules(app_label: str, module: ModuleType) -> None:
    """Make every `can_<action>` function of an app's permission module askable as "<app_label>.<action>"."""
    for name, value in vars(module).items():
        if (
            name.startswith("can_")
            and callable(value)
            and getattr(value, "__module__", "") == module.__name__
        ):
            _RULES[f"{app_label}.{name.removeprefix('can_')}"] = value


def rule(name: str):
    """The rule called `name` ("initiatives.edit_initiative"); an unknown name is a programming error."""
    try:
        return _RULES[name]
    except KeyError:
        raise LookupError(
            f"No permission rule called {name!r}; is it registered in its app's ready()?"
        ) from None


def ask(name: str, user, obj=None) -> bool:
    check = rule(name)
    return bool(check(user) if obj is None else check(user, obj))


def rule_names() -> list[str]:
    return sorted(_RULES)
