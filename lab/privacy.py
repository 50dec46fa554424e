"""What the samenwerkingslab keeps about a person: the sessions they signed up for (or hosted) and their
signals with the conversation (accounts/privacy.py; registered in apps.py). Sign-ups and signals go with
the account (they cascade); a hosted session stays without its host."""


def _lab_sessions(user) -> list:
    """The sessions they signed up for."""
    return [
        {
            "topic": registration.session.topic,
            "starts": registration.session.starts_at.isoformat(),
            "status": registration.status,
        }
        for registration in user.lab_registrations.select_related("session").order_by("requested_at")
    ]


def _signals(user) -> list:
    """Their signals, with the whole conversation (two queries)."""
    return [
        {
            "title": signal.title,
            "text": signal.description,
            "status": signal.status,
            "created": signal.created_at.isoformat(),
            "messages": [
                {
                    "from_ombuds": message.from_ombuds,
                    "text": message.body,
                    "sent": message.created_at.isoformat(),
                }
                for message in signal.messages.all()
            ],
        }
        for signal in user.signals.prefetch_related("messages").order_by("created_at")
    ]


def _sessions_hosted(user) -> list:
    """For the ombuds: the sessions they are named host of."""
    return [
        {"topic": session.topic, "starts": session.starts_at.isoformat()}
        for session in user.lab_sessions_hosted.order_by("starts_at")
    ]


EXPORT_SECTIONS = {
    "lab_sessions": _lab_sessions,
    "signals": _signals,
    "lab_sessions_hosted": _sessions_hosted,
}
