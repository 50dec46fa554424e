from accounts.permissions import in_role, is_signed_in
from accounts.roles import Role


def can_view_dashboard(user) -> bool:
    """Council and college members (the council group, civil servants or not) and staff."""
    return is_signed_in(user) and (user.is_staff or in_role(user, Role.COUNCIL))
