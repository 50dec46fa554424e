"""Text people type loses the characters that change how it looks without being seen (core/text.py), in
every model field that stores such text (core/fields.py) and in the forms' own fields (core/forms.py)."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.forms import LongTextFormField, SingleLineFormField
from core.text import clean_line, clean_text, tags_from_string

RLO, LRO, PDF, RLI, PDI, LRM, RLM = "\u202e", "\u202d", "\u202c", "\u2067", "\u2069", "\u200e", "\u200f"
ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"
FARMER = "\U0001f469\u200d\U0001f33e"  # woman farmer: woman, zero-width joiner, sheaf of rice
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (f"Speeltuin{RLO}gnp.exe", "Speeltuingnp.exe"),
        (f"{LRO}Buurtfeest{PDF}", "Buurtfeest"),
        (f"Moes{RLI}tuin{PDI}", "Moestuin"),
        (f"Bea{LRM}{RLM}", "Bea"),
        (f"Ge{ZWSP}meente", "Gemeente"),
        (f"Ge{ZWNJ}meen{ZWJ}te{WJ}", "Gemeente"),
        (f"{BOM}Titel", "Titel"),
        ("zacht\u00adje", "zachtje"),
        ("\u3164", ""),  # a Hangul filler: a name that looks empty
        ("Bea\nde\tVries", "Bea de Vries"),
        ("Bea\u2028Vries\u00a0B.", "Bea Vries B."),
        ("nul\x00\x1bteken", "nulteken"),
        ("Ünïcode en émoji 😀", "Ünïcode en émoji 😀"),
        (SCOTLAND, SCOTLAND),
        ("مرحبا Doetinchem", "مرحبا Doetinchem"),
    ],
)
def test_a_single_line_loses_direction_controls_invisible_characters_and_line_breaks(typed, kept):
    assert clean_line(typed) == kept


def test_long_text_loses_only_the_controls_that_reorder_it():
    typed = f"Regel één {RLO}draai{PDF}\n\nEen {RLI}isolaat{PDI}, een {LRM}markering, boer {FARMER}, {ZWSP}."

    assert clean_text(typed) == f"Regel één draai\n\nEen isolaat, een {LRM}markering, boer {FARMER}, {ZWSP}."


def test_themes_are_read_without_hidden_characters():
    assert tags_from_string(f"groen{ZWSP}, {RLO}spelen, {ZWJ}, \u3164, groen") == ["groen", "spelen"]
    assert tags_from_string('"buiten spelen", groen') == ["buiten spelen", "groen"]
    assert tags_from_string("") == []


def test_form_fields_clean_before_required_and_max_length_are_checked():
    line = SingleLineFormField(max_length=5)
    assert line.clean(f"{ZWSP}Bea{ZWSP}{ZWSP}{ZWSP}") == "Bea"
    with pytest.raises(ValidationError) as refused:
        line.clean(f"{ZWSP}{RLO} {BOM}")
    assert refused.value.code == "required"
    assert SingleLineFormField(required=False).clean(ZWSP) == ""

    assert LongTextFormField().clean(f"  Verhaal{RLO}\nmet regels ") == "Verhaal\nmet regels"


# Text fields that need no cleaning: nobody types them, or their form refuses anything but ASCII.
NOT_TYPED = {
    ("initiatives", "TeamInvitation", "token_hash"),
    ("initiatives", "Notification", "title"),  # made from a title that was cleaned
    ("initiatives", "Notification", "path"),
    ("initiatives", "Initiative", "search_document"),
    ("knowledgebase", "Article", "search_document"),
    ("knowledgebase", "CaseAnalysis", "search_document"),
    ("accounts", "User", "password"),
}
PROJECT_APPS = {
    "core",
    "places",
    "flywheels",
    "accounts",
    "moderation",
    "initiatives",
    "knowledgebase",
    "lab",
}


def typed_text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.CharField | models.TextField)
                and not isinstance(
                    field, models.SlugField | models.EmailField | models.URLField | MarkdownHTMLField
                )
                and not field.choices
                and (model._meta.app_label, model.__name__, field.name) not in NOT_TYPED
            ):
                yield model, field


def test_every_text_field_people_type_in_is_cleaned():
    """A new title or text field made with models.CharField or TextField would let the characters in."""
    fields = list(typed_text_fields())
    assert len(fields) > 40

    plain = [
        f"{model._meta.label}.{field.name}"
        for model, field in fields
        if not isinstance(field, SingleLineField | LongTextField)
    ]
    assert plain == []
    for _model, field in fields:
        expected = SingleLineFormField if isinstance(field, SingleLineField) else LongTextFormField
        assert isinstance(field.formfield(), expected)


def test_the_fields_are_plain_char_and_text_fields_to_migrations():
    field = SingleLineField(max_length=10)
    field.set_attributes_from_name("title")
    assert field.deconstruct()[1] == "django.db.models.CharField"
    text = LongTextField()
    text.set_attributes_from_name("story")
    assert text.deconstruct()[1] == "django.db.models.TextField"


def test_slugs_refuse_hidden_characters_with_a_form_error():
    """Web addresses are ASCII: Django's slug check already refuses what is invisible in them."""
    slugs = [
        field
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.concrete_fields
        if isinstance(field, models.SlugField)
    ]
    assert slugs
    for field in slugs:
        assert not field.allow_unicode, field
        with pytest.raises(ValidationError):
            field.formfield().clean(f"moes{ZWSP}tuin")
