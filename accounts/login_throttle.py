"""How many wrong passwords an account takes, and from where (settings.ACCOUNT_RATE_LIMITS).

allauth counts wrong passwords per account: five from anywhere lock the account for everyone, its owner
too. Here they are counted per account *and* where they come from:

- from a device the owner logged in with before (accounts/known_devices.py): that device's own budget
  (`login_failed`'s key: five in five minutes), whatever happens elsewhere;
- from anywhere else: per account and address (the same five in five minutes), and all unknown devices
  together per account (`login_failed_account`, 30 an hour), so many addresses cannot guess freely.

Either way a single address stays under `login_failed`'s per-address limit for all accounts together.
An attempt is counted before the password is checked (so parallel guesses cannot slip through) and taken
back when it was right. The trade-off is in the README: someone with many addresses can still keep the
owner from logging in on a *new* device for the hour; never on a known one.
"""

import ipaddress

from allauth.core.internal import ratelimit  # its usages can be rolled back; pinned with allauth

from . import known_devices

_APP = "allauth.account"


class Attempt:
    """The counts one password attempt took; `give_back()` when the password was right."""

    def __init__(self, usages):
        self.usages = usages

    def give_back(self) -> None:
        for usage in self.usages:
            usage.rollback()


def _address(request, adapter) -> str:
    """The visitor's address as allauth sees it (trusted proxies included); an IPv6 visitor has a whole
    /64 to choose from, so that network counts as one address."""
    address = adapter.get_client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def _counters(request, login: str, adapter) -> list[tuple[str, str]]:
    device = known_devices.device_for(request, login)
    if device is not None:
        return [("login_failed", f"{login}|device:{device}")]
    return [
        ("login_failed", f"{login}|address:{_address(request, adapter)}"),
        ("login_failed_account", login),
    ]


def attempt_start(request, *, login: str, adapter) -> Attempt | None:
    """Count one password attempt for the account `login`; None when one of its limits is reached."""
    login = login.strip().lower()
    taken = []
    for action, key in _counters(request, login, adapter):
        usage = ratelimit.consume(request, app=_APP, action=action, key=key)
        if usage is None:
            Attempt(taken).give_back()
            return None
        taken.append(usage)
    return Attempt(taken)
