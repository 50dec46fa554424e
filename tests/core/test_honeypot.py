"""The honeypot field (core.forms.HoneypotFormMixin): invisible to people, filled in by simple bots."""

from django import forms
from django.utils import translation

from core.forms import HoneypotFormMixin
from tests.html import ancestor, elements, parse


class ContactForm(HoneypotFormMixin, forms.Form):
    message = forms.CharField()


class CheckedForm(HoneypotFormMixin, forms.Form):
    """A form with its own clean(): the honeypot check must still run."""

    message = forms.CharField()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("message") == "verboden":
            raise forms.ValidationError("eigen fout")
        return cleaned


def test_form_with_empty_honeypot_is_valid():
    form = ContactForm({"message": "Hallo", "website": ""})

    assert form.is_valid()


def test_form_without_honeypot_in_the_data_is_valid():
    form = ContactForm({"message": "Hallo"})

    assert form.is_valid()


def test_filled_in_honeypot_makes_the_form_invalid():
    form = ContactForm({"message": "Hallo", "website": "https://spam.example"})

    assert not form.is_valid()
    assert form.has_error("__all__", code="honeypot")


def test_honeypot_error_tells_what_to_do():
    with translation.override("en"):
        form = ContactForm({"message": "Hallo", "website": "spam"})
        errors = form.non_field_errors()

    assert "Laat het laatste veld leeg" in errors[0]


def test_honeypot_is_the_last_field_labelled_to_leave_empty():
    form = ContactForm()

    assert list(form.fields)[-1] == "website"
    with translation.override("en"):
        assert str(form.fields["website"].label) == "Leave this field empty"
    assert form.fields["website"].widget.attrs["tabindex"] == "-1"
    assert form.fields["website"].required is False


def test_honeypot_is_rendered_inside_the_hidden_wrapper():
    form = parse(str(ContactForm()))

    [honeypot] = elements(form, "input", name="website")
    [message] = elements(form, name="message")
    assert ancestor(honeypot, cls="loket-honeypot") is not None
    assert ancestor(message, cls="loket-honeypot") is None


def test_honeypot_check_runs_alongside_the_forms_own_clean():
    form = CheckedForm({"message": "Hallo", "website": "spam"})

    assert not form.is_valid()
    assert form.has_error("__all__", code="honeypot")
