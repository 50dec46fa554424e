"""Strings from Django and allauth that our Dutch catalogue words differently.

Django's Dutch addresses people formally ("uw wachtwoord") and allauth's says "aanmelden" for signing in;
the loket uses "je" and "inloggen" throughout. Naming the strings here keeps them in locale/nl, where our
translation takes precedence over the packages' own. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# The curly apostrophes are Django's own: the msgids must match exactly.
# ruff: noqa: RUF001

PASSWORD_HELP = [
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]

PASSWORD_ERRORS = [
    # Django 5.2 changed this msgid (now with %d) and its Dutch catalogue has no translation yet.
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    gettext_noop("This password is too common."),
]

# allauth's own words on its forms and in its errors, in plain Dutch (B1) like our account pages
# (templates/account/): "bevestigen", not "verifiëren"; "hoofdadres", not "primair"; no "en/of".
ALLAUTH = [
    gettext_noop("Remember Me"),
    gettext_noop("Password (again)"),
    gettext_noop("New Password (again)"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect password."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
]
