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

ALLAUTH = [
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
]
