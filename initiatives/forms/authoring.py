"""The forms the team uses to register and edit an initiative, and to invite people to its team."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from core.forms import HoneypotFormMixin, LongTextFormField, required_with_photo
from core.images import PhotoField
from flywheels.models import Concept
from places.models import Area

from ..choices import Origin
from ..models import Initiative

MAX_LINKS = 5
MAX_LINK_LENGTH = 300
MAX_TAGS = 10
MAX_TAG_LENGTH = 50


class ConceptChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label_with_hint


class PhotoInput(forms.ClearableFileInput):
    """The file input with words that say what happens to the photo already there."""

    initial_text = _("Current photo")
    input_text = _("Choose another photo")
    clear_checkbox_label = _("Remove the photo")


def _concepts_per_flywheel(concepts):
    """Checkbox choices grouped under their flywheel's name; validation still goes by the queryset."""
    groups = {}
    for concept in concepts:
        groups.setdefault(concept.flywheel, []).append((concept.pk, concept.label_with_hint))
    return [(flywheel.label, choices) for flywheel, choices in groups.items()]


class InitiativeForm(HoneypotFormMixin, forms.ModelForm):
    """Everything the team tells about its initiative. The view hands `service_data()` to the services."""

    tags = TagField(
        label=_("Themes"),
        required=False,
        help_text=_(
            "A few words that say what it is about, separated by commas, for example: "
            "green, playing, meeting neighbours."
        ),
    )
    concepts = ConceptChoiceField(
        label=_("Flywheel concepts"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which concepts of the flywheels fit your initiative? The knowledge base explains them."),
    )
    cover_image = PhotoField(
        label=_("Cover photo"),
        required=False,
        widget=PhotoInput(attrs={"accept": PhotoField.widget.attrs["accept"]}),
        help_text=_(
            "A JPEG, PNG, WebP or GIF photo of at most 10 MB. We remove hidden data from it, "
            "such as the place where it was taken. If the page shows an error after sending, choose the "
            "photo again: a browser does not keep a chosen file."
        ),
    )
    links = LongTextFormField(
        label=_("Links"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Web addresses of your own site or social media, starting with https://, one per line, at most 5."
        ),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "story",
            "origin",
            "government_role",
            "participation_step",
            "stage",
            "area",
            "tags",
            "concepts",
            "cover_image",
            "cover_alt",
            "links",
        ]
        labels = {
            "title": _("Name of your initiative"),
            "summary": _("In short"),
            "story": _("Your story"),
            "origin": _("Who started it?"),
            "stage": _("How far along is it?"),
            "area": _("Village or district"),
            "government_role": _("Role of the municipality"),
            "participation_step": _("How residents take part"),
            "cover_alt": _("What is in the photo?"),
        }
        help_texts = {
            "title": _("A short name that people recognise, for example: Natuurspeelplaats De Huet."),
            "summary": _("One or two sentences: what is the initiative about? This is shown in lists."),
            "story": _(
                "How it started, what you want to achieve and who is involved. You can use Markdown: "
                "**bold**, *italic*, a line starting with - for a list, ## for a heading and "
                "[text](https://example.org) for a link."
            ),
            "area": _("Where does the initiative take place?"),
            "government_role": _(
                "Only for an initiative from society: the role the municipality takes "
                "(the overheidsparticipatietrap)."
            ),
            "participation_step": _(
                "Only for an initiative from the municipality: how far residents take part "
                "(the participatieladder)."
            ),
            "cover_alt": _(
                "Needed with a photo: describe what can be seen, for people who cannot see it. "
                "For example: children build a hut of branches in the park."
            ),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "story": forms.Textarea(attrs={"rows": 14}),
            "origin": forms.RadioSelect,
            "stage": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance if self.instance.pk else None
        # Retired areas and concepts are not offered, but an initiative keeps the ones it already has.
        areas = Q(is_active=True)
        concepts = Q(is_active=True)
        if current is not None:
            areas |= Q(pk=current.area_id)
            concepts |= Q(pk__in=current.concepts.values("pk"))
        self.fields["area"].queryset = Area.objects.filter(areas)
        self.fields["area"].empty_label = _("(choose a village or district)")
        self.fields["concepts"].queryset = (
            Concept.objects.filter(concepts).select_related("flywheel").order_by("flywheel__order", "order")
        )
        self.fields["concepts"].choices = _concepts_per_flywheel(self.fields["concepts"].queryset)
        for name in ("government_role", "participation_step"):
            field = self.fields[name]
            field.choices = [("", _("(not chosen)")), *list(field.choices)[1:]]
        required_with_photo(self.fields["cover_alt"])

    def clean_tags(self):
        tags = self.cleaned_data.get("tags") or []
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Choose at most %(max)d themes."), code="too_many", params={"max": MAX_TAGS}
            )
        for tag in tags:
            if len(tag) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    _("A theme can be at most %(max)d characters long."),
                    code="too_long",
                    params={"max": MAX_TAG_LENGTH},
                )
            if not slugify(tag, allow_unicode=True):
                raise forms.ValidationError(
                    _("A theme needs at least one letter or number."), code="no_letters"
                )
        return tags

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(
                _("Give at most %(max)d links."), code="too_many", params={"max": MAX_LINKS}
            )
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                if len(line) > MAX_LINK_LENGTH:
                    raise forms.ValidationError("too long")
                validate(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(link)s” is not a web address we can use. Start it with https:// or http://."),
                    code="invalid_link",
                    params={"link": line[:80]},
                ) from None
        return "\n".join(lines)

    def clean(self):
        cleaned = super().clean()
        self._check_role_fits_origin(cleaned)
        self._check_photo_has_description(cleaned)
        return cleaned

    def _check_role_fits_origin(self, cleaned):
        """Each origin has its own ladder. A step left over from the other origin (the team switched the
        origin and kept the old step) is cleared; a step someone picks for the wrong origin is an error."""
        origin = cleaned.get("origin")
        wrong = {
            Origin.SOCIETY: (
                "participation_step",
                _(
                    "The participatieladder is for initiatives from the municipality. Leave this empty, "
                    "or choose “from the municipality” above."
                ),
            ),
            Origin.MUNICIPALITY: (
                "government_role",
                _(
                    "The overheidsparticipatietrap is for initiatives from society. Leave this empty, "
                    "or choose “from society” above."
                ),
            ),
        }.get(origin)
        if wrong is None:
            return
        name, message = wrong
        if not cleaned.get(name):
            return
        if name in self.changed_data:
            self.add_error(name, forms.ValidationError(message, code="role_does_not_fit_origin"))
        else:
            cleaned[name] = ""

    def _check_photo_has_description(self, cleaned):
        if "cover_image" not in cleaned or cleaned.get("cover_alt", "").strip():
            return  # a rejected photo has its own error; a described photo is fine
        photo = cleaned["cover_image"]
        keeps_photo = photo is not False and (photo or (self.instance.pk and self.instance.cover_image))
        if keeps_photo:
            self.add_error(
                "cover_alt",
                forms.ValidationError(
                    _("Describe what can be seen in the photo, or leave out the photo."), code="required"
                ),
            )

    @property
    def photo_needs_choosing_again(self):
        """A photo was sent with a form that has errors: the browser will not send it again by itself."""
        return self.is_bound and bool(self.errors) and bool(self.files.get("cover_image"))

    def service_data(self) -> dict:
        """The cleaned values as the services take them. `cover_image`: a new photo, False to remove the
        current one, or None to keep what there is."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        photo = data["cover_image"]
        if photo is not False and not isinstance(photo, UploadedFile):
            data["cover_image"] = None  # the stored photo (or none) stays as it is
        return data


class InvitationForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send an email with a link to join the team. The link works for 14 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, initiative, **kwargs):
        self.initiative = initiative
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self.initiative.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already in the team."), code="already_member")
        return email
