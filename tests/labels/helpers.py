"""Test data of labels: the seeded schemes, a member's application, a granted label."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from itkoop.labels import selectors, services
from itkoop.labels.models import Application, Certificate, LabelScheme

from ..factories import CompanyFactory, SolutionFactory, center_admin, member_of

MADE = "software-made-in-germany"
HOSTED = "software-hosted-in-germany"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def scheme(slug: str = MADE) -> LabelScheme:
    services.ensure_schemes()
    return selectors.all_schemes().get(slug=slug)


def declarations(slug: str = MADE, explanation: str = "Seit 1998 in Kassel.") -> dict:
    version = selectors.current_version(scheme(slug))
    return {
        c.pk: services.DeclarationInput(confirmed=True, explanation=explanation)
        for c in version.criteria.all()
    }


def upload(name: str = "nachweis.pdf", content: bytes = PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type)


def provider(hub: str = "kassel"):
    """A company with one solution and a member: (member, solution)."""
    company = CompanyFactory(hub_id=hub)
    return member_of(company), SolutionFactory(company=company)


def apply(member, solution, slug: str = MADE, **kwargs) -> Application:
    return services.application_submit(
        actor=member, solution_id=solution.pk, scheme_slug=slug, declarations=declarations(slug), **kwargs
    )


def grant(member, solution, slug: str = MADE, admin=None) -> Certificate:
    application = apply(member, solution, slug)
    services.application_decide(
        actor=admin or center_admin(), application_id=application.pk, decision="approve"
    )
    return Certificate.objects.get(application=application)
