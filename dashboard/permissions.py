from accounts.roles import Role


def can_view_dashboard(user) -> bool:
    """Council and college members (the council group) and staff."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_staff or user.groups.filter(name=Role.COUNCIL).exists()
