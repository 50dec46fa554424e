"""What moderation keeps about a person: their reports and appeals (accounts/privacy.py; registered in
apps.py)."""


def _reports(user) -> list:
    """What they reported, and why."""
    return [
        {
            "reason": report.reason,
            "text": report.text,
            "status": report.status,
            "created": report.created_at.isoformat(),
        }
        for report in user.reports.order_by("created_at")
    ]


def _appeals(user) -> list:
    """Their appeals against decisions about what they posted."""
    return [
        {"message": appeal.message, "status": appeal.status, "created": appeal.created_at.isoformat()}
        for appeal in user.appeals.order_by("created_at")
    ]


EXPORT_SECTIONS = {"reports": _reports, "appeals": _appeals}
