"""Users (login by e-mail), their roles and their memberships in companies."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def normalize_email_address(email: str | None) -> str:
    """The one spelling of an address under which an account is stored and looked up: trimmed, lower case.

    Mail systems treat the whole address case-insensitively in practice, and allauth looks addresses up in
    lower case; an address stored with capitals could never log in, and its lower-case twin could sign up a
    second account."""
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # Django's ModelBackend looks the login up exactly as typed.
        return self.get(**{self.model.USERNAME_FIELD: normalize_email_address(username)})

    def by_email(self, email: str):
        """The account of this mailbox, however the address is spelled (invitations, claims, imports)."""
        return self.filter(email=normalize_email_address(email))

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email_address(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=User.Role.CENTER_ADMIN)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. What they may do follows from `role`, their hub (for hub staff) and their memberships."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Mitglied eines Unternehmens")
        HUB_STAFF = "hub_staff", _("Stützpunkt-Team")
        CENTER_ADMIN = "center_admin", _("Zentrumsleitung")

    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    hub = models.ForeignKey(
        "core.Hub",
        verbose_name=_("Stützpunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Nur für das Stützpunkt-Team: der Stützpunkt, den die Person betreut."),
    )
    # The language of everything sent to the person (e-mails, digests); set at signup from the page.
    language = models.CharField(
        _("Sprache"), max_length=8, choices=[("de", "Deutsch"), ("en", "English")], default="de"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="hub_staff") | models.Q(hub__isnull=False),
                name="hub_staff_has_hub",
            ),
            # One account per mailbox, whatever the spelling: the database holds the rule, too (save() and
            # clean() store lower case; this catches any write that bypasses them).
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message=_("Für diese E-Mail-Adresse gibt es schon ein Konto."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        # Before the form's uniqueness check, so the admin refuses "Erika@..." when "erika@..." exists.
        self.email = normalize_email_address(self.email)

    def save(self, *args, **kwargs):
        self.email = normalize_email_address(self.email)
        # The Django admin is the hub staff's tool; staff rights follow from the role, never set by hand.
        self.is_staff = self.role in (self.Role.HUB_STAFF, self.Role.CENTER_ADMIN) or self.is_superuser
        super().save(*args, **kwargs)

    @property
    def is_hub_staff(self) -> bool:
        return self.role == self.Role.HUB_STAFF and self.hub_id is not None

    @property
    def is_center_admin(self) -> bool:
        return self.role == self.Role.CENTER_ADMIN or self.is_superuser


class Membership(models.Model):
    """A user belongs to a company; owners may also manage the company's members."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Verantwortlich")
        MEMBER = "member", _("Mitglied")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    company = models.ForeignKey("registry.Company", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [models.UniqueConstraint(fields=["user", "company"], name="one_membership_per_company")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company}"


class ConsentRecord(models.Model):
    """What a person agreed to or took note of, when, and which version of which legal text they saw.

    Kept after the account is deleted (the proof of consent), but then without the person: the user link is
    cleared and the e-mail address replaced."""

    class Purpose(models.TextChoices):
        SIGNUP_PRIVACY = "signup_privacy", _("Kenntnisnahme der Datenschutzerklärung bei der Registrierung")

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="consent_records"
    )
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    purpose = models.CharField(_("Zweck"), max_length=40, choices=Purpose.choices)
    text_kind = models.CharField(_("Rechtstext"), max_length=20)
    text_version = models.PositiveIntegerField(_("Version"), null=True, blank=True)
    given_at = models.DateTimeField(_("erteilt am"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")

    def __str__(self) -> str:
        return f"{self.purpose} v{self.text_version} ({timezone.localdate(self.given_at):%Y-%m-%d})"


class ApiToken(models.Model):
    """A person's key for the API: it acts with the person's rights. Only a SHA-256 hash of the key is stored
    (the key is 256 random bits, so a slow password hash would add nothing); the key itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("Bezeichnung"), max_length=100)
    # The key's first characters, so the person can tell their keys apart; not enough to guess the rest.
    prefix = models.CharField(_("Anfang des Schlüssels"), max_length=16)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    last_used = models.DateTimeField(_("zuletzt benutzt"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API-Schlüssel")
        verbose_name_plural = _("API-Schlüssel")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
