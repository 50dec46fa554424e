from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, SingleLineField


class UserManager(DjangoUserManager):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user_object(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.password = ""
        if password is not None:
            user.set_password(password)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self._create_user_object(email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self.create_user(email, password, **extra_fields)


class BlockKind(models.TextChoices):
    """How a moderator blocked an account (moderation.services.user_block)."""

    SOFT = "soft", _("soft: earlier posts stay visible")
    HARD = "hard", _("hard: earlier posts are hidden")


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = SingleLineField(
        _("display name"),
        max_length=80,
        help_text=_("The name others see next to what you share. A first name is fine."),
    )
    area = models.ForeignKey(
        "places.Area",
        verbose_name=_("village or district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Where you live or are active."),
    )

    public_role = SingleLineField(
        _("role at the municipality"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only for civil servants: shown with your name when you speak for the municipality, "
            'for example "wijkregisseur De Huet".'
        ),
    )
    # Set by moderation (moderation.services.user_block): a blocked person can log in, read, export
    # and delete their data and appeal, but not post. A hard block also hides what they posted.
    blocked_at = models.DateTimeField(_("blocked"), null=True, blank=True, editable=False)
    block_kind = models.CharField(
        _("kind of block"),
        max_length=10,
        blank=True,
        editable=False,
        choices=BlockKind.choices,
    )
    block_reason = LongTextField(_("reason for the block"), blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name
