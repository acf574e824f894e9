"""The notification kinds of claims: hub staff are asked to phone a company nobody can reach on the platform
and to review claims; the claimant hears the decision. Registered by ClaimsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from itkoop.notifications.services import Kind, register

CONTACT_BY_PHONE = "claims.contact_by_phone"
CLAIM_PENDING = "claims.pending"
CLAIM_APPROVED = "claims.approved"
CLAIM_REJECTED = "claims.rejected"

register(
    Kind(
        key=CONTACT_BY_PHONE,
        staff_only=True,
        label=_("Unternehmen ohne Konto und ohne E-Mail-Adresse, die telefonisch zu erreichen sind"),
        title=_(
            "Bitte rufen Sie %(company)s an (Telefon: %(phone)s): %(inviter)s hat das Unternehmen eingeladen "
            "– „%(reason)s“. Es hat kein Konto auf der Plattform und keine E-Mail-Adresse."
        ),
    ),
    Kind(
        key=CLAIM_PENDING,
        staff_only=True,
        label=_("Anfragen, ein Unternehmensprofil zu übernehmen"),
        title=_("%(person)s möchte das Profil von %(company)s übernehmen; bitte prüfen Sie die Anfrage."),
    ),
    Kind(
        key=CLAIM_APPROVED,
        label=_("Angenommene Profilübernahmen"),
        title=_("Sie sind jetzt Mitglied von %(company)s und können das Profil pflegen."),
    ),
    Kind(
        key=CLAIM_REJECTED,
        label=_("Abgelehnte Profilübernahmen"),
        title=_("Ihre Anfrage, das Profil von %(company)s zu übernehmen, wurde abgelehnt: %(note)s"),
    ),
)
