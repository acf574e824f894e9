"""A small world of test data with one object of every kind a page shows, for the URL inventory, the security
matrix and the every-page browser check.

Two companies at the Kassel hub: A (member `a`) and B (member `b`); a third company C (member `c`) is A's
partner, so that B is an outsider to everything A does. Staff: `staff_k` of Kassel (the hub of A, B and C),
`staff_x` of Aachen (no company of the world), and a center admin. Company U of Kassel has no members and
publishes its contact: it has an unused claim link and a claim waiting for the Kassel staff (by a person who
is none of the roles). A's invitation to C that C has yet to answer is one A may withdraw. At the meeting day
C is checked in, E did not come, and the published plan told A and C their meeting.

Every text a person can type is stored with `mark(...)`, which (with `xss=True`) carries script payloads that
every page must show escaped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core import signing
from django.core.files.base import ContentFile
from django.utils import timezone

from itkoop.accounts import services as accounts_services
from itkoop.accounts.models import User
from itkoop.claims import services as claim_services
from itkoop.claims.models import Claim, ClaimInvitation
from itkoop.conversations import services as conversation_services
from itkoop.cooperation import services as cooperation_services
from itkoop.cooperation.contracts import seed_contract_templates
from itkoop.cooperation.models import (
    ContractTemplate,
    Cooperation,
    CooperationParticipant,
    CooperationProfile,
    ExpressionOfInterest,
)
from itkoop.core.models import LegalText
from itkoop.documents.models import Document
from itkoop.events import checkin, meeting_changes, meetings
from itkoop.events.models import Event, Meeting, MeetingRequest, ParticipantProfile, Registration
from itkoop.events.services import calendar_token_for
from itkoop.knowledge import services as knowledge_services
from itkoop.knowledge.models import Article, SelfCheckResult
from itkoop.labels import services as label_services
from itkoop.labels.models import Application as LabelApplication
from itkoop.labels.models import Certificate as LabelCertificate
from itkoop.labels.models import Evidence as LabelEvidence
from itkoop.notifications.models import Notification
from itkoop.registry.models import Company, Solution

from .events.factories import confirmed, meeting_day
from .factories import CompanyFactory, SolutionFactory, UserFactory, center_admin, hub_staff, member_of
from .knowledge.helpers import ArticleFactory, answers

# Stored in every text field when the world is built with xss=True; no page may show either part raw.
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTRIBUTE = '"><img src=x onerror=alert(1)>'
XSS_PAYLOADS = (XSS_SCRIPT, XSS_ATTRIBUTE)
# A cell that a spreadsheet would run as a formula, unless the export neutralises it.
FORMULA = '=HYPERLINK("http://example.org/x","Klick")'

ROLES = ("anonymous", "a", "b", "staff_k", "staff_x", "admin")


@dataclass
class World:
    users: dict[str, User | None]
    company_a: Company
    company_b: Company
    company_c: Company
    company_u: Company
    solution_a: Solution
    solution_c: Solution
    cooperation: Cooperation
    cooperation_invited: Cooperation
    participant_a: CooperationParticipant
    template: ContractTemplate
    profile_pending: CooperationProfile
    profile_published: CooperationProfile
    interest: ExpressionOfInterest
    interest_pending: ExpressionOfInterest
    event: Event
    registration_a: Registration
    checkin_code: str
    request_to_a: MeetingRequest
    request_from_a: MeetingRequest
    unasked_participant: User
    meeting_request: MeetingRequest
    calendar_token: str
    conversation_id: int
    notification: Notification
    document: Document
    selfcheck: SelfCheckResult
    article: Article
    claim_token: str
    claim: Claim
    api_token_id: int
    # Labels: A's granted label (renewable), A's application waiting for review (with a file), and A's
    # application the center asked to complete.
    label_certificate: LabelCertificate
    label_application: LabelApplication
    label_application_changes: LabelApplication
    label_evidence: LabelEvidence


def build_world(*, xss: bool = False) -> World:
    def mark(text: str) -> str:
        return f"{text} {XSS_SCRIPT} {XSS_ATTRIBUTE}" if xss else text

    def company(label: str) -> Company:
        return CompanyFactory(
            name=mark(f"Firma {label} GmbH"),
            description=mark(f"Wir entwickeln Software in Kassel ({label})."),
            description_en=mark(f"We build software in Kassel ({label})."),
            street=mark("Musterstraße 1"),
            # one long word: the fact list must wrap it on a phone
            website="https://www.beispiel-software-und-beratung-nordhessen.example.org/produkte/warenwirtschaft",
            hub_id="kassel",
            verified=True,
            keywords=[mark("Onlineshop")],
            contact_name=mark(f"Kontakt {label}"),
            contact_email=f"kontakt-{label.lower()}@beispiel-software.example.org",
            contact_phone="+49 561 123456",
            publish_contact=True,
        )

    company_a, company_b, company_c = company("A"), company("B"), company("C")
    a, b, c = member_of(company_a), member_of(company_b), member_of(company_c)
    users = {
        "anonymous": None,
        "a": a,
        "b": b,
        "staff_k": hub_staff("kassel"),
        "staff_x": hub_staff("aachen"),
        "admin": center_admin(),
    }
    for label, user in users.items():
        if user is not None:
            user.first_name, user.last_name = mark("Erika"), mark(f"Muster-{label}")
            user.save()
    solution_a = SolutionFactory(
        company=company_a, name=mark("Shop-Lösung"), description=mark("Ein Onlineshop.")
    )
    SolutionFactory(company=company_b, name=mark("ERP-Lösung"), description=mark("Eine Warenwirtschaft."))
    solution_c = SolutionFactory(
        company=company_c, name=mark("Hosting"), description=mark("Server in Kassel.")
    )

    # A takes part in what A invites to, so A accepts the code of conduct with the invitation
    cooperation = cooperation_services.cooperation_invite(
        actor=a,
        companies=[company_a, company_c],
        title=mark("Shop mit Warenwirtschaft"),
        need_text=mark("Bedarf"),
        accept_code_of_conduct=True,
    )
    cooperation_services.participant_respond(
        actor=c,
        participant=cooperation.participants.get(company=company_c),
        accept=True,
        accept_code_of_conduct=True,
    )
    cooperation.refresh_from_db()
    # C invites A to a second one, which A has yet to answer
    invitation = cooperation_services.cooperation_invite(
        actor=c,
        companies=[company_c, company_a],
        title=mark("Gemeinsames Angebot"),
        accept_code_of_conduct=True,
    )
    participant_a = invitation.participants.get(company=company_a)
    # A invites C to a third one, which C has yet to answer: A may still withdraw it
    cooperation_invited = cooperation_services.cooperation_invite(
        actor=a,
        companies=[company_a, company_c],
        title=mark("Wartende Einladung"),
        message=mark("Hätten Sie Zeit?"),
        accept_code_of_conduct=True,
    )
    if not ContractTemplate.objects.exists():  # a migration seeds them; a flush empties them
        seed_contract_templates(ContractTemplate)
    template = ContractTemplate.objects.order_by("pk").first()

    profile_pending = cooperation_services.profile_create(
        actor=a,
        company=company_a,
        kind="business_request",
        title=mark("Wir suchen Partner"),
        body=mark("Beschreibung"),
    )
    profile_published = cooperation_services.profile_create(
        actor=a,
        company=company_a,
        kind="business_offer",
        title=mark("Wir bieten Hosting"),
        body=mark("Beschreibung"),
    )
    cooperation_services.profile_moderate(actor=users["staff_k"], profile=profile_published, publish=True)
    interest = cooperation_services.interest_submit(
        actor=c,
        profile=profile_published,
        company=company_c,
        cooperation_sought=mark("Gemeinsames Angebot"),
        about=mark("Wir sind C"),
        questions=mark("Preis?"),
    )
    cooperation_services.interest_answer(actor=a, interest=interest, accept=True)

    event = meeting_day(
        hub_id="kassel",
        title=f"{FORMULA} {mark('Kooperationsbörse')}",
        description=mark("Treffen Sie Partner."),
        location=mark("Kassel, Science Park"),
        start=timezone.now() + timedelta(days=10),
        created_by=users["staff_k"],
        # The venue with its map and notes, so every page check and the escaping check see them.
        venue_name=mark("Science Park"),
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city="Kassel",
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.498"),
        arrival_notes=mark("Fünf Minuten vom Hauptbahnhof."),
        accessibility_notes=mark("Stufenloser Zugang, Aufzug."),
    )
    registration_a = confirmed(event, a)
    registration_c = confirmed(event, c)
    # D asks A, A asks E; F is one A has not asked yet
    d = member_of(CompanyFactory(name=mark("Firma D GmbH"), hub_id="kassel"))
    e, f = UserFactory(), UserFactory()
    registration_e = None
    for person in (d, e, f):
        registration = confirmed(event, person)
        registration_e = registration if person == e else registration_e
    for person, label in ((a, "A"), (c, "C"), (d, "D")):
        ParticipantProfile.objects.create(
            event=event, user=person, company_name=mark(label), offers=mark("Shops"), seeks=mark("Partner")
        )
    interest_pending = cooperation_services.interest_submit(
        actor=d,
        profile=profile_published,
        company=d.memberships.get().company,
        cooperation_sought=mark("Hosting gesucht"),
        about=mark("Wir sind D"),
    )
    meeting_request = meetings.request_send(
        actor=a, event=event, recipient_id=c.pk, reason=mark("Shop"), priority=2
    )
    meetings.request_answer(actor=c, request=meeting_request, accept=True)
    Meeting.objects.create(event=event, request=meeting_request, slot=0, table=0)
    meeting_changes.publish(event=event, people=[a.pk, c.pk])
    request_to_a = meetings.request_send(
        actor=d, event=event, recipient_id=a.pk, reason=mark("ERP"), priority=2
    )
    request_from_a = meetings.request_send(
        actor=a, event=event, recipient_id=e.pk, reason=mark("Hosting"), priority=1
    )

    # at the entrance: C is checked in by the code of C's QR code, E is marked as not come
    checkin.check_in_by_code(actor=users["staff_k"], event=event, token=checkin.token_for(registration_c))
    checkin.mark_no_show(actor=users["staff_k"], event=event, registration=registration_e)

    company_u, claim_token, claim = _unclaimed_company(mark, users["staff_k"])
    label_certificate, label_application, label_application_changes = _labels(
        mark, a, users["admin"], solution_a, SolutionFactory(company=company_a, name=mark("Archiv"))
    )

    conversation = conversation_services.conversation_for(
        actor=a, kind="cooperation", object_id=cooperation.pk
    )
    conversation_services.message_send(actor=a, conversation_id=conversation.pk, body=mark("Hallo C"))

    notification = Notification.objects.filter(recipient=a).order_by("pk").first()
    if notification is None:  # cooperation_invite told A's members; kept explicit should that change
        notification = Notification.objects.create(recipient=a, kind="cooperation.invited", params={})
    document = Document.objects.create(
        owner=a,
        kind="cooperation.contract",
        params={"cooperation": cooperation.pk, "kind": "nda", "language": "de"},
        status=Document.Status.DONE,
        filename="vertrag.pdf",
        finished=timezone.now(),
    )
    document.file.save("vertrag.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    selfcheck = knowledge_services.selfcheck_save(actor=a, company=company_a, answers=answers())
    article = ArticleFactory(
        title_de=mark("Artikel"),
        title_en=mark("Article"),
        summary_de=mark("Kurz"),
        summary_en=mark("Short"),
        body_de=mark("Text"),
        body_en=mark("Text"),
    )
    api_token, _key = accounts_services.api_token_create(actor=a, name=mark("Skript"))
    if xss:
        for legal in LegalText.objects.all():
            legal.body_de, legal.body_en = mark(legal.body_de), mark(legal.body_en)
            legal.save()
    return World(
        users=users,
        company_a=company_a,
        company_b=company_b,
        company_c=company_c,
        company_u=company_u,
        solution_a=solution_a,
        solution_c=solution_c,
        cooperation=cooperation,
        cooperation_invited=cooperation_invited,
        participant_a=participant_a,
        template=template,
        profile_pending=profile_pending,
        profile_published=profile_published,
        interest=interest,
        interest_pending=interest_pending,
        event=event,
        registration_a=registration_a,
        checkin_code=checkin.token_for(registration_a),
        api_token_id=api_token.pk,
        request_to_a=request_to_a,
        request_from_a=request_from_a,
        unasked_participant=f,
        meeting_request=meeting_request,
        calendar_token=calendar_token_for(a).token,
        conversation_id=conversation.pk,
        notification=notification,
        document=document,
        selfcheck=selfcheck,
        article=article,
        claim_token=claim_token,
        claim=claim,
        label_certificate=label_certificate,
        label_application=label_application,
        label_application_changes=label_application_changes,
        label_evidence=label_application.evidence.get(),
    )


def label_declarations(application_or_scheme, mark=str) -> dict:
    """A confirmed declaration for every criterion of the scheme's current version (or the application's)."""
    from itkoop.labels import selectors as label_selectors

    version = (
        application_or_scheme.version
        if isinstance(application_or_scheme, LabelApplication)
        else label_selectors.current_version(application_or_scheme)
    )
    return {
        c.pk: label_services.DeclarationInput(confirmed=True, explanation=mark("Seit 1998 in Kassel."))
        for c in version.criteria.all()
    }


def _labels(mark, member, admin, solution, archive):
    """A's shop holds "Software Made in Germany" and waits for "Software Hosted in Germany" (with a PDF);
    A's archive was asked for more on "Software Made in Germany"."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from itkoop.labels import selectors as label_selectors

    label_services.ensure_schemes()
    made, hosted = (
        label_selectors.schemes().get(slug="software-made-in-germany"),
        label_selectors.schemes().get(slug="software-hosted-in-germany"),
    )
    granted = label_services.application_submit(
        actor=member,
        solution_id=solution.pk,
        scheme_slug=made.slug,
        declarations=label_declarations(made, mark),
    )
    label_services.application_decide(actor=admin, application_id=granted.pk, decision="approve")
    waiting = label_services.application_submit(
        actor=member,
        solution_id=solution.pk,
        scheme_slug=hosted.slug,
        declarations=label_declarations(hosted, mark),
        uploads=[(None, SimpleUploadedFile("rechenzentrum.pdf", b"%PDF-1.4 Vertrag", "application/pdf"))],
    )
    changes = label_services.application_submit(
        actor=member,
        solution_id=archive.pk,
        scheme_slug=made.slug,
        declarations=label_declarations(made, mark),
    )
    label_services.application_decide(
        actor=admin, application_id=changes.pk, decision="changes", note=mark("Bitte Nachweis ergänzen.")
    )
    return LabelCertificate.objects.get(application=granted), waiting, changes


def _unclaimed_company(mark, staff) -> tuple[Company, str, Claim]:
    """Company U of Kassel without members, its published contact, a claim link as the e-mail carries it
    (made here: the service sends its token only in the mail, after the commit the matrix never makes), a
    claim from its page that waits for the Kassel staff and one they rejected."""
    company_u = CompanyFactory(
        name=mark("Firma U GmbH"),
        description=mark("Wir betreuen Netzwerke."),
        hub_id="kassel",
        website="https://www.firma-u-netzwerke.de",
        contact_name=mark("Uta Umsicht"),
        contact_email="kontakt@firma-u-netzwerke.de",
        contact_phone="0561 1234567",
        publish_contact=True,
    )
    token = signing.dumps({"c": company_u.pk, "n": "welt"}, salt=claim_services.TOKEN_SALT)
    ClaimInvitation.objects.create(
        company=company_u,
        email=company_u.contact_email,
        token_digest=hashlib.sha256(token.encode()).hexdigest(),
        reason=mark("Gemeinsames Angebot"),
        expires_at=timezone.now() + claim_services.link_max_age(),
    )
    rejected = claim_services.claim_start(
        actor=UserFactory(), company_id=company_u.pk, note=mark("Praktikant")
    )
    claim_services.claim_decide(actor=staff, claim_id=rejected.pk, approve=False, note=mark("Unbekannt"))
    claimant = UserFactory(first_name=mark("Uwe"), last_name=mark("Anspruch"))
    claim = claim_services.claim_start(actor=claimant, company_id=company_u.pk, note=mark("Geschäftsführer"))
    return company_u, token, claim
