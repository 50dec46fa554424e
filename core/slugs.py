"""Web addresses made from titles."""

from django.core.validators import slug_re
from django.utils.text import slugify


def is_slug(value: str) -> bool:
    """Whether `value` could be a slug at all: a query parameter that is not need not reach the database
    (which, on PostgreSQL, refuses a NUL character with an error)."""
    return bool(slug_re.fullmatch(value))


def unique_slug(model, title: str, *, fallback: str, reserved=frozenset(), exclude_pk=None) -> str:
    """A slug from `title` that no other row of `model` and no reserved word uses: "title", "title-2", ..."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(title)[: max_length - 10].strip("-") or fallback
    taken = model.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True)) | set(reserved)
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
