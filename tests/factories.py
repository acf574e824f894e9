"""Factories for test data, in one place."""

import factory

from itkoop.accounts.models import Membership, User
from itkoop.registry.models import Company, Solution


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    external_id = factory.Sequence(lambda n: f"co{n}")
    name = factory.Sequence(lambda n: f"Beispiel Software {n} GmbH")
    city = "Kassel"
    postal_code = "34117"
    hub_id = "kassel"


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution

    external_id = factory.Sequence(lambda n: f"so{n}")
    name = factory.Sequence(lambda n: f"Lösung {n}")
    company = factory.SubFactory(CompanyFactory)


def member_of(company: Company, role: str = Membership.Role.OWNER) -> User:
    user = UserFactory()
    Membership.objects.create(user=user, company=company, role=role)
    return user


def hub_staff(hub: str) -> User:
    return UserFactory(role=User.Role.HUB_STAFF, hub_id=hub)


def center_admin() -> User:
    return UserFactory(role=User.Role.CENTER_ADMIN)
