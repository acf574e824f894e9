"""Notifications rendered for a reader: the title and link in a language, and the e-mail (plain text and
HTML) in the recipient's language with absolute links from the declared site URL."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from . import kinds
from .models import Notification

logger = logging.getLogger(__name__)


def language_of(user) -> str:
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute_url(path: str) -> str:
    return settings.ITKOOP_SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Rendered:
    pk: int
    kind: str
    title: str
    url: str
    created: object
    read: bool


def link(notification: Notification) -> str:
    """The path the notification leads to, in the active language ('' when it has none or it is gone)."""
    if not notification.url_name:
        return ""
    try:
        path = reverse(notification.url_name, args=notification.url_args)
    except NoReverseMatch:
        logger.warning("notification %s links to unknown %s", notification.pk, notification.url_name)
        return ""
    return path + (f"#{notification.url_fragment}" if notification.url_fragment else "")


def render(notification: Notification) -> Rendered:
    """In the active language (the page's)."""
    return Rendered(
        pk=notification.pk,
        kind=notification.kind,
        title=kinds.format_title(kinds.get(notification.kind), notification.params),
        url=link(notification),
        created=notification.created,
        read=notification.read_at is not None,
    )


def _body(kind: kinds.Kind | None, notification: Notification, extension: str) -> str:
    if kind is None or not kind.body:
        return ""
    name = kind.body if extension == "txt" else kind.body.removesuffix(".txt") + ".html"
    context = {"params": notification.params, "notification": notification}
    if kind.context is not None:
        context.update(kind.context(notification))
    try:
        return render_to_string(name, context)
    except TemplateDoesNotExist:
        return ""


def email_for(notifications: list[Notification], *, digest: bool = False) -> EmailMultiAlternatives:
    """One e-mail to one recipient about one notification, or a digest of several, in their language."""
    recipient = notifications[0].recipient
    with translation.override(language_of(recipient)):
        items = []
        for n in notifications:
            kind = kinds.get(n.kind)
            path = link(n)
            items.append(
                {
                    "title": kinds.format_title(kind, n.params),
                    "url": absolute_url(path) if path else "",
                    "body_text": _body(kind, n, "txt"),
                    "body_html": _body(kind, n, "html"),
                }
            )
        context = {
            "recipient": recipient,
            "items": items,
            "digest": digest,
            "inbox_url": absolute_url(reverse("notifications:inbox")),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "site_url": settings.ITKOOP_SITE_URL,
        }
        subject = render_to_string("notifications/mail/subject.txt", context)
        text = render_to_string("notifications/mail/message.txt", context)
        html = render_to_string("notifications/mail/message.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200],
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )
    message.attach_alternative(html, "text/html")
    if not digest:
        kind = kinds.get(notifications[0].kind)
        if kind is not None and kind.attachments is not None:
            with translation.override(language_of(recipient)):
                for filename, content, mimetype in kind.attachments(notifications[0]):
                    message.attach(filename, content, mimetype)
    return message
