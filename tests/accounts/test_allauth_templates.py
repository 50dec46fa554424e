"""Every page, message and email of allauth's account app that our settings can show is the project's own
template (templates/account/), in plain Dutch, and not allauth's (whose Dutch is stiff: "ter verificatie",
"a.u.b.", "zijn of haar account").

The test reads allauth's own template folders, so a new allauth version that ships a new template with words
in it fails here until we write ours; so does turning on a feature (login by code, a phone number) whose
pages we have not written.
"""

from pathlib import Path

import allauth
import pytest
from allauth.account import app_settings
from django.conf import settings
from django.template.loader import get_template

ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
OUR_TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The folders of allauth's account app and of its look (layouts, elements). The MFA app's templates
# (templates/mfa/) are written with two-factor login, not here.
FOLDERS = ["account", "allauth"]
TRANSLATED = ("{% trans ", "{% translate ", "{% blocktrans", "{% blocktranslate")


def _phone():
    return "phone" in app_settings.SIGNUP_FIELDS


def _code_pages():
    return (
        app_settings.LOGIN_BY_CODE_ENABLED
        or app_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED
        or app_settings.PASSWORD_RESET_BY_CODE_ENABLED
    )


# allauth's templates with words that our settings never show, each with the question whether they would.
NOT_SHOWN = {
    "account/phone_change.html": _phone,
    "account/confirm_phone_verification_code.html": _phone,
    "account/messages/phone_verification_sent.txt": _phone,
    "account/messages/phone_verified.txt": _phone,
    "account/email_change.html": lambda: app_settings.CHANGE_EMAIL,
    "account/signup_by_passkey.html": lambda: getattr(settings, "MFA_PASSKEY_SIGNUP_ENABLED", False),
    "account/base_confirm_code.html": _code_pages,
    "account/request_login_code.html": lambda: app_settings.LOGIN_BY_CODE_ENABLED,
    "account/confirm_login_code.html": lambda: app_settings.LOGIN_BY_CODE_ENABLED,
    "account/confirm_email_verification_code.html": lambda: app_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED,
    "account/confirm_password_reset_code.html": lambda: app_settings.PASSWORD_RESET_BY_CODE_ENABLED,
}


def allauth_templates():
    """Every template allauth ships in FOLDERS, as the name a view asks for ("account/login.html")."""
    return sorted(
        path.relative_to(ALLAUTH_TEMPLATES).as_posix()
        for folder in FOLDERS
        for path in (ALLAUTH_TEMPLATES / folder).rglob("*")
        if path.suffix in {".html", ".txt"}
    )


def has_words(name: str) -> bool:
    """Whether allauth's template says something to a person. Its emails and messages always do; a page
    only through a translation (the rest are layouts: `{% extends %}` and blocks)."""
    source = (ALLAUTH_TEMPLATES / name).read_text(encoding="utf-8")
    return name.endswith(".txt") or any(tag in source for tag in TRANSLATED)


def shown_with_our_settings(name: str) -> bool:
    feature_on = NOT_SHOWN.get(name)
    return has_words(name) and (feature_on is None or feature_on())


def is_ours(name: str) -> bool:
    return Path(get_template(name).origin.name).is_relative_to(OUR_TEMPLATES)


def test_allauth_still_ships_the_templates_this_test_knows():
    names = allauth_templates()

    assert len(names) > 80
    assert {"account/login.html", "account/email/password_reset_key_message.txt"} <= set(names)
    assert set(NOT_SHOWN) <= set(names), "a template allauth no longer ships: take it out of NOT_SHOWN"


def test_every_allauth_template_our_settings_can_show_is_our_own():
    shown = [name for name in allauth_templates() if shown_with_our_settings(name)]

    assert len(shown) > 50
    assert [name for name in shown if not is_ours(name)] == []


@pytest.mark.parametrize(
    "name", ["account/base_entrance.html", "account/base_manage.html", "allauth/elements/h1.html"]
)
def test_allauth_layouts_without_words_need_no_template_of_ours(name):
    assert not has_words(name)


def test_a_feature_turned_on_asks_for_its_pages(settings):
    assert not shown_with_our_settings("account/request_login_code.html")

    settings.ACCOUNT_LOGIN_BY_CODE_ENABLED = True

    assert shown_with_our_settings("account/request_login_code.html")
    assert shown_with_our_settings("account/base_confirm_code.html")
