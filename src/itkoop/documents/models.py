"""Documents rendered by the task queue for one person: what was asked (a kind with parameters), how far it
is, and the file. Files live under MEDIA_ROOT/private/, which no URL serves: only the download view hands a
file out, and only to its owner."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_path(document: Document, _filename: str) -> str:
    """A random name per file: the name reveals neither the owner's documents nor their content."""
    return f"private/documents/{uuid.uuid4().hex}.pdf"


class Document(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("wird erstellt")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("Art"), max_length=80)
    params = models.JSONField(_("Angaben"), default=dict, blank=True)
    # The language of the page it was asked from; the document is rendered in it.
    language = models.CharField(max_length=8, default="de")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to=private_path, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    finished = models.DateTimeField(null=True, blank=True)
    # What the person reads when rendering failed (in their language); the cause is in the log.
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} ({self.status})"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


@receiver(post_delete, sender=Document)
def _delete_file(sender, instance: Document, **kwargs) -> None:
    """The file goes with its row (also when the owner's account is erased), once that is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
