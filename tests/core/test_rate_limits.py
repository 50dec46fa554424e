"""Refusing a form past its rate limit (core.ratelimit.too_many): the one way views do it, bound or not."""

from django import forms

from core.ratelimit import TOO_MANY_MESSAGE, too_many


class CommentLikeForm(forms.Form):
    body = forms.CharField()


def test_a_bound_form_keeps_what_was_typed_and_gets_the_message():
    form = CommentLikeForm({"body": "Mooi plan"})

    too_many(form)

    assert not form.is_valid()
    assert form.non_field_errors() == [str(TOO_MANY_MESSAGE)]
    assert form["body"].value() == "Mooi plan"


def test_an_unbound_form_from_an_empty_post_gets_the_message_instead_of_an_error():
    # A POST with an empty body makes `Form(request.POST or None)` unbound.
    form = CommentLikeForm(None)

    too_many(form)

    assert form.is_bound
    assert not form.is_valid()
    assert str(TOO_MANY_MESSAGE) in form.non_field_errors()
    assert str(TOO_MANY_MESSAGE) in form.render()
