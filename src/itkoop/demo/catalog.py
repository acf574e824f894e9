"""The demo database behind `itkoop demo`: realistic, clearly fictional IT providers, customers and users.

Everything is drawn from one `random.Random(seed)`, so the same seed gives the same catalog. Word lists and
domain knowledge (which capabilities go together, which way a standard flows) live in demo_data.json; the
taxonomy comes from the registry. Rows are written in bulk, so a full build takes seconds, not minutes."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connections, transaction

from itkoop.accounts.models import Membership, User
from itkoop.core.models import Hub
from itkoop.registry.models import Capability, Company, Label, PastCooperation, Solution, Standard
from itkoop.registry.services import company_search_document, solution_search_document

Progress = Callable[[int, int], None]

DATA_FILE = Path(__file__).with_name("demo_data.json")
DEMO_PASSWORD = "demo-passwort-2026"  # noqa: S105 - published on purpose: the one login of every demo user
DEMO_DOMAIN = "demo.itkoop.de"
PROVIDERS = 330
CUSTOMERS = 40
MIN_SOLUTIONS = 860
PAST_COOPERATIONS = 150
VERIFIED_SHARE = 0.4
# Fixed, so that verification dates do not depend on the day the demo is built.
VERIFIED_SINCE = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
COMPANY_FIELDS = (
    "kind", "name", "description", "description_en", "website", "street", "postal_code", "city", "lat", "lon",
    "employees", "founded", "languages", "export_markets", "industries", "keywords", "verified",
)  # fmt: skip
CUSTOMER_DEFAULTS = {
    "description_en": "",
    "languages": ["de"],
    "export_markets": [],
    "labels": [],
    "solutions": [],
}
SOLUTION_FIELDS = ("name", "description", "deployment", "hosting_country", "price_eur_month", "languages")


@dataclass(frozen=True)
class DemoUser:
    email: str
    role: str


@dataclass(frozen=True)
class DemoSummary:
    """What was built; `lines()` is what the command line prints."""

    seed: int
    providers: int
    customers: int
    solutions: int
    past_cooperations: int
    verified: int
    providers_per_hub: tuple[tuple[str, int], ...]
    users: tuple[DemoUser, ...]
    password: str = DEMO_PASSWORD

    def lines(self) -> list[str]:
        hubs = ", ".join(f"{name} {count}" for name, count in self.providers_per_hub)
        return [
            f"Demo-Datenbank (Seed {self.seed}): {self.providers} IT-Anbieter, "
            f"{self.customers} Anwenderunternehmen, {self.solutions} Lösungen, "
            f"{self.past_cooperations} frühere Kooperationen, {self.verified} geprüfte Profile.",
            f"IT-Anbieter je Stützpunkt: {hubs}.",
            f"Anmeldung mit dem Passwort {self.password}:",
            *(f"  {user.email:<32} {user.role}" for user in self.users),
        ]


@cache
def demo_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def reset_database(using: str = "default") -> None:
    """An empty, migrated database: SQLite's file is deleted and made anew, PostgreSQL is flushed.

    Both paths end in post_migrate, which loads hubs, centers and the taxonomy again."""
    config = settings.DATABASES[using]
    if config["ENGINE"].endswith("sqlite3"):
        connections.close_all()
        name = str(config["NAME"])
        if name and name != ":memory:" and not name.startswith("file:"):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(name + suffix).unlink(missing_ok=True)
        call_command("migrate", interactive=False, verbosity=0, database=using)
    else:
        call_command("migrate", interactive=False, verbosity=0, database=using)
        call_command("flush", interactive=False, verbosity=0, database=using)


def build_demo_database(
    *, seed: int = 2026, progress: Progress | None = None, fresh: bool = True
) -> DemoSummary:
    """Build the demo catalog and demo users. `fresh=False` skips making a new database and expects one
    without companies and users (tests flush their own test database)."""
    if fresh:
        reset_database()
    with transaction.atomic():
        return _DemoBuilder(seed, progress).build()


def _slug(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _pick(rng: random.Random, weighted: list | dict):
    """One item of [[item, weight], ...] (or {item: weight})."""
    pairs = list(weighted.items()) if isinstance(weighted, dict) else weighted
    return rng.choices([item for item, _ in pairs], [weight for _, weight in pairs])[0]


def _and(items: list[str], word: str = "und") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


class _DemoBuilder:
    """One build: generates plain rows in memory first, then writes them in bulk."""

    def __init__(self, seed: int, progress: Progress | None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.progress = progress or (lambda done, total: None)
        self.data = demo_data()
        self.hubs = {hub.slug: hub for hub in Hub.objects.order_by("slug")}
        self.capabilities = {c.id: c for c in Capability.objects.order_by("id")}
        self.standards = {s.id: s for s in Standard.objects.order_by("id")}
        self.used_by: dict[str, set[str]] = {s: set() for s in self.standards}
        for std, cap in Standard.used_by.through.objects.values_list("standard_id", "capability_id"):
            self.used_by[std].add(cap)
        self.exchanges: dict[str, list[str]] = {c: [] for c in self.capabilities}
        pairs = Capability.exchanges_with.through.objects.values_list(
            "from_capability_id", "to_capability_id"
        )
        for src, dst in sorted(pairs):
            self.exchanges[src].append(dst)
        self.profiles = {k: v for k, v in self.data["profiles"].items() if k in self.capabilities}
        self.brands: set[str] = set()
        self.done = self.total = 0

    def build(self) -> DemoSummary:
        providers = [self._provider(hub) for hub in self._hub_sequence(PROVIDERS)]
        while sum(len(p["solutions"]) for p in providers) < MIN_SOLUTIONS:
            company = self.rng.choice([p for p in providers if len(p["solutions"]) < 6])
            self._add_solution(company)
        customers = [self._customer(hub) for hub in self._hub_sequence(CUSTOMERS)]
        self.total = len(providers) + len(customers) + sum(len(p["solutions"]) for p in providers)
        self.password_hash = make_password(DEMO_PASSWORD)
        admin = self._user("zentrum", User.Role.CENTER_ADMIN, "Zentrum")
        staff = {
            slug: self._user(f"team-{slug}", User.Role.HUB_STAFF, hub.city, hub)
            for slug, hub in self.hubs.items()
        }
        users = [DemoUser(admin.email, "Zentrumsleitung")]
        users += [DemoUser(u.email, f"Stützpunkt-Team {self.hubs[slug].city}") for slug, u in staff.items()]
        companies = self._write_companies(providers + customers, staff)
        solutions = self._write_solutions(providers, companies)
        cooperations = self._write_cooperations(providers, companies)
        provider = next(p for p in providers if p["verified"] and len(p["solutions"]) >= 3)
        kinds = (("anbieter", provider, "IT-Anbieter"), ("kunde", customers[0], "Anwenderunternehmen"))
        for local, row, kind in kinds:
            user = self._user(local, User.Role.MEMBER, local.capitalize())
            Membership.objects.create(user=user, company=companies[row["id"]], role=Membership.Role.OWNER)
            users.append(DemoUser(user.email, f"Verantwortlich für {row['name']} ({kind})"))
        return DemoSummary(
            seed=self.seed,
            providers=len(providers),
            customers=len(customers),
            solutions=len(solutions),
            past_cooperations=cooperations,
            verified=sum(1 for c in companies.values() if c.verified),
            providers_per_hub=tuple(
                (hub.city, sum(1 for p in providers if p["hub"] == slug)) for slug, hub in self.hubs.items()
            ),
            users=tuple(users),
        )

    # --- generation: plain dicts, all randomness from self.rng, never from set order -------------------

    def _hub_sequence(self, count: int) -> list[str]:
        """Hubs in fixed shares (so every hub gets its part), in a seeded order."""
        shares = {slug: w for slug, w in sorted(self.data["hub_shares"].items()) if slug in self.hubs}
        sequence = [slug for slug, w in shares.items() for _ in range(count * w // sum(shares.values()))]
        sequence += [max(shares, key=shares.get)] * (count - len(sequence))
        self.rng.shuffle(sequence)
        return sequence

    def _brand(self, *, compound_only: bool = False) -> str:
        """An invented compound ("Kontorfeld Software", "Nordlicht Datenwerk"), never used twice."""
        rng, words = self.rng, self.data
        while True:
            compound = (rng.choice(words["name_first"]) + rng.choice(words["name_second"])).capitalize()
            roll = rng.random()
            if compound_only or roll < 0.15:
                brand = compound
            elif roll < 0.3:
                brand = f"{rng.choice(words['name_first'])} {rng.choice(words['business_compounds'])}"
            else:
                brand = f"{compound} {rng.choice(words['business_words'])}"
            if brand not in self.brands:
                self.brands.add(brand)
                return brand

    def _location(self, hub: str) -> dict:
        """A real postcode and city of the hub's region, a plausible street, coordinates near the city."""
        rng = self.rng
        postal_code, city, lat, lon, _ = _pick(rng, [(c, c[4]) for c in self.data["cities"][hub]])
        street = f"{rng.choice(self.data['streets'])} {rng.randint(1, 140)}"
        return {
            "postal_code": postal_code,
            "city": city,
            "lat": round(lat + rng.uniform(-0.025, 0.025), 5),
            "lon": round(lon + rng.uniform(-0.035, 0.035), 5),
            "street": street + (rng.choice("abc") if rng.random() < 0.1 else ""),
        }

    def _provider(self, hub: str) -> dict:
        rng, data = self.rng, self.data
        brand = self._brand()
        company = {"id": _slug(brand), "kind": "provider", "hub": hub, "brand": brand, **self._location(hub)}
        company["name"] = f"{brand} {_pick(rng, data['legal_forms'])}"
        company["website"] = f"https://www.{_slug(brand)}.example"
        company["employees"] = rng.randint(*_pick(rng, data["employee_ranges"]))
        company["founded"] = max(1985, min(2024, round(2024 - rng.triangular(0, 39, 10))))
        company["languages"] = ["de"] + (["en"] if rng.random() < 0.75 else [])
        if rng.random() < 0.2:
            company["languages"].append(rng.choice(data["extra_languages"][hub]))
        markets = data["export_markets"][hub]
        company["export_markets"] = rng.sample(markets, rng.randint(1, 3)) if rng.random() < 0.4 else []
        company["solutions"] = []
        for _ in range(_pick(rng, data["solutions_per_company"])):
            self._add_solution(company)
        self._describe_provider(company)
        company["labels"] = self._labels(company)
        company["verified"] = rng.random() < VERIFIED_SHARE
        return company

    def _add_solution(self, company: dict) -> None:
        """A solution whose main capability is, more often than not, near the company's previous one."""
        rng, previous = self.rng, company["solutions"][-1]["caps"][0] if company["solutions"] else None
        primary = None
        if previous and rng.random() < 0.65:
            near = sorted(set(self.profiles[previous].get("extras", [])) | set(self.exchanges[previous]))
            near = [c for c in near if c in self.profiles]
            primary = rng.choice(near) if near else None
        primary = primary or _pick(rng, {cap: profile["w"] for cap, profile in self.profiles.items()})
        profile = self.profiles[primary]
        extras = [c for c in profile.get("extras", []) if c in self.profiles]
        caps = [primary, *rng.sample(extras, min(len(extras), _pick(rng, {0: 45, 1: 40, 2: 15})))]
        provides, consumes = self._standards(caps)
        deployment = ["service"] if profile.get("service") else list(_pick(rng, self.data["deployments"]))
        hosted = bool({"saas", "hybrid"} & set(deployment)) or primary in self.data["priced_services"]
        taken = {s["name"] for s in company["solutions"]}
        name = next(n for n in iter(lambda: self._solution_name(company, profile), None) if n not in taken)
        price = None
        if rng.random() < 0.7 and (not profile.get("service") or primary in self.data["priced_services"]):
            price = float(rng.choice(self.data["monthly_prices"]))
        company["solutions"].append(
            {
                "id": f"{company['id']}-s{len(company['solutions']) + 1}",
                "name": name,
                "caps": caps,
                "provides": provides,
                "consumes": consumes,
                "deployment": deployment,
                "price_eur_month": price,
                "languages": ["de"] + [lang for lang in company["languages"][1:] if rng.random() < 0.7],
                "hosting_country": "" if not hosted else self._hosting_country(),
                "description": self._solution_text(name, caps, provides, consumes, deployment),
            }
        )

    def _solution_name(self, company: dict, profile: dict) -> str:
        rng = self.rng
        base = company["brand"].split()[0] if rng.random() < 0.6 else rng.choice(self.data["product_words"])
        edition = f" {rng.choice(self.data['editions'])}" if rng.random() < 0.35 else ""
        return f"{base} {rng.choice(profile['stems'])}{edition}"

    def _hosting_country(self) -> str:
        return "DE" if self.rng.random() < 0.85 else self.rng.choice(self.data["foreign_hosting"])

    def _standards(self, caps: list[str]) -> tuple[list[str], list[str]]:
        """Standards the solution's capabilities really use (the standard's used_by names one of them): their
        key standards, a few specific ones and generic APIs, each in the direction it flows for them."""
        rng, generic, capset = self.rng, self.data["generic_standards"], set(caps)
        candidates = sorted(s for s, used in self.used_by.items() if used & capset)
        chosen: list[str] = []
        for standard in (s for cap in caps for s in self.profiles[cap].get("key", [])):
            if standard in candidates and standard not in chosen and rng.random() < 0.75:
                chosen.append(standard)
        specific = [s for s in candidates if s not in generic and s not in chosen]
        chosen += rng.sample(specific, min(len(specific), _pick(rng, {0: 40, 1: 40, 2: 20})))
        chosen += [s for s, p in generic.items() if s in candidates and s not in chosen and rng.random() < p]
        provides, consumes = [], []
        for standard in chosen:
            ways = self._directions(standard, capset)
            way = _pick(rng, {"provide": 45, "consume": 40, "both": 15}) if len(ways) == 2 else ways.pop()
            if way in ("provide", "both"):
                provides.append(standard)
            if way in ("consume", "both"):
                consumes.append(standard)
        return sorted(provides), sorted(consumes)

    def _directions(self, standard: str, caps: set[str]) -> set[str]:
        """Whether these capabilities provide or consume it: an ERP reads BMEcat, a PIM writes it."""
        roles = self.data["standard_roles"].get(standard, {})
        default = roles.get("default", "both")
        ways = set()
        for cap in self.used_by[standard] & caps:
            listed = {way for way in ("provide", "consume") if cap in roles.get(way, ())}
            ways |= listed or ({"provide", "consume"} if default == "both" else {default})
        return ways

    def _solution_text(self, name: str, caps: list, provides: list, consumes: list, deployment: list) -> str:
        parts = [f"{name}: {self.profiles[caps[0]]['de']}."]
        if len(caps) > 1:
            parts.append("Dazu: " + "; ".join(self.profiles[c]["de"] for c in caps[1:]) + ".")
        modes = [self.data["deployment_text"][d] for d in deployment]
        parts.append(f"Erhältlich {_and(modes, 'oder')}.")
        if provides:
            parts.append("Stellt bereit: " + ", ".join(self.standards[s].label for s in provides) + ".")
        if consumes:
            parts.append("Liest und nutzt: " + ", ".join(self.standards[s].label for s in consumes) + ".")
        return " ".join(parts)

    def _describe_provider(self, company: dict) -> None:
        rng, data = self.rng, self.data
        caps = list(dict.fromkeys(c for s in company["solutions"] for c in s["caps"]))
        pool = sorted({i for c in caps for i in self.profiles[c].get("ind", [])}) or ["dienstleistung"]
        industries = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
        company["industries"] = [data["industries"][i][0] for i in industries]
        size_de, size_en = next((de, en) for top, de, en in data["size_words"] if company["employees"] < top)
        fields = {"name": company["name"], "city": company["city"], "founded": company["founded"]}
        german = fields | {
            "size": size_de,
            "focus": _and([self.capabilities[c].label_de for c in caps[:2]]),
            "industries": _and(company["industries"]),
        }
        intro = rng.choice(data["company_intros"]).format(**german)
        company["description"] = " ".join([intro, *rng.sample(data["company_outros"], 2)])
        company["description_en"] = ""
        if rng.random() < 0.35:
            english = fields | {
                "size": size_en,
                "focus": _and([self.profiles[c]["en"] for c in caps[:2]], "and"),
                "industries": _and([data["industries"][i][1] for i in industries], "and"),
            }
            company["description_en"] = data["company_en"].format(**english)
        synonyms = sorted({w for c in caps for w in self.capabilities[c].synonyms_de})
        company["keywords"] = rng.sample(synonyms, min(len(synonyms), rng.randint(2, 4)))
        if any("saas" in s["deployment"] for s in company["solutions"]):
            company["keywords"].append("Cloud")

    def _labels(self, company: dict) -> list[str]:
        """Labels on a share, where they fit: hosting labels for hosted software, TISAX for automotive."""
        caps = {c for s in company["solutions"] for c in s["caps"]}
        facts = {
            "software": any(s["deployment"] != ["service"] for s in company["solutions"]),
            "hosted_de": any(s["hosting_country"] == "DE" for s in company["solutions"]),
            "automotive": self.data["industries"]["automotive"][0] in company["industries"],
        }
        labels = []
        for label, rule in self.data["label_rules"].items():
            chance = rule["boost"] if caps & set(rule.get("caps", ())) else rule["p"]
            if facts.get(rule.get("needs"), True) and self.rng.random() < chance:
                labels.append(label)
        return labels

    def _customer(self, hub: str) -> dict:
        """A craft business, retailer or manufacturer that wants to digitalise, with its need in its words."""
        rng = self.rng
        kind = rng.choice(self.data["customers"])
        brand = self._brand(compound_only=True)
        return {
            "id": "kunde-" + _slug(f"{kind['type']} {brand}"),
            "kind": "customer",
            "hub": hub,
            "name": f"{kind['type']} {brand} {rng.choice(self.data['customer_legal_forms'])}",
            **self._location(hub),
            "website": f"https://www.{_slug(brand)}.example",
            "employees": rng.randint(4, 250),
            "founded": rng.randint(1950, 2020),
            "description": kind["need"],
            "industries": [self.data["industries"][kind["ind"]][0]],
            "keywords": [self.capabilities[c].label_de for c in kind["caps"] if c in self.capabilities],
            "verified": rng.random() < 0.3,
            **CUSTOMER_DEFAULTS,
        }

    # --- writing ----------------------------------------------------------------------------------------

    def _step(self, count: int) -> None:
        self.done += count
        self.progress(self.done, self.total)

    def _user(self, local: str, role: str, first_name: str, hub: Hub | None = None) -> User:
        email = f"{local}@{DEMO_DOMAIN}"
        user = User(email=email, role=role, hub=hub, first_name=first_name, last_name="(Demo)")
        user.password = self.password_hash  # hashed once: hashing is slow on purpose
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    def _write_companies(self, rows: list[dict], staff: dict[str, User]) -> dict[str, Company]:
        for slug, names in self.data["labels"].items():
            name, name_en = (names, "") if isinstance(names, str) else names  # [German, English]
            Label.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en})
        objects = []
        for row in rows:
            company = Company(external_id=row["id"], hub_id=row["hub"], **{k: row[k] for k in COMPANY_FIELDS})
            company.search_document = self._company_document(row)
            self._step(1)
            if company.verified:
                company.verified_by = staff.get(row["hub"])
                company.verified_at = VERIFIED_SINCE + timedelta(days=self.rng.randint(0, 600))
            objects.append(company)
        Company.objects.bulk_create(objects, batch_size=500)
        companies = {c.external_id: c for c in objects}
        through = Company.labels.through
        links = [
            through(company_id=companies[r["id"]].pk, label_id=slug) for r in rows for slug in r["labels"]
        ]
        through.objects.bulk_create(links, batch_size=1000)
        return companies

    def _write_solutions(self, providers: list[dict], companies: dict[str, Company]) -> dict[str, Solution]:
        rows = [(p, s) for p in providers for s in p["solutions"]]
        objects = []
        for p, s in rows:
            solution = Solution(
                external_id=s["id"], company=companies[p["id"]], **{k: s[k] for k in SOLUTION_FIELDS}
            )
            solution.search_document = self._solution_document(s, p["name"])
            objects.append(solution)
            self._step(1)
        Solution.objects.bulk_create(objects, batch_size=500)
        solutions = {s.external_id: s for s in objects}
        for relation, key, column in (
            ("capabilities", "caps", "capability_id"),
            ("provides", "provides", "standard_id"),
            ("consumes", "consumes", "standard_id"),
        ):
            through = getattr(Solution, relation).through
            links = [
                through(solution_id=solutions[s["id"]].pk, **{column: ref}) for _, s in rows for ref in s[key]
            ]
            through.objects.bulk_create(links, batch_size=1000)
        return solutions

    def _write_cooperations(self, providers: list[dict], companies: dict[str, Company]) -> int:
        """Past cooperations between providers whose capabilities exchange data, mostly within one hub."""
        rng, data = self.rng, self.data
        offering: dict[str, list[dict]] = {}
        for p in providers:
            for cap in dict.fromkeys(c for s in p["solutions"] for c in s["caps"]):
                offering.setdefault(cap, []).append(p)
        seen: set[tuple] = set()
        records = []
        for _ in range(PAST_COOPERATIONS * 50):
            a = rng.choice(providers)
            cap_a = rng.choice(rng.choice(a["solutions"])["caps"])
            cap_b = rng.choice(self.exchanges[cap_a] or [cap_a])
            partners = [p for p in offering.get(cap_b, []) if p is not a]
            local = [p for p in partners if p["hub"] == a["hub"]]
            if not partners:
                continue
            b = rng.choice(local if local and rng.random() < 0.7 else partners)
            year = rng.randint(max(a["founded"], b["founded"], 2012), 2025)
            names = {"cap_a": self.capabilities[cap_a].label_de, "cap_b": self.capabilities[cap_b].label_de}
            names |= {"ind": rng.choice(a["industries"]), "city": a["city"]}
            title = rng.choice(data["cooperation_titles"]).format(a=names["cap_a"], b=names["cap_b"], **names)
            if {(a["id"], b["id"]), (b["id"], a["id"]), (a["id"], year, title)} & seen:
                continue
            seen |= {(a["id"], b["id"]), (a["id"], year, title)}
            text = data["cooperation_text"].format(a=a["name"], b=b["name"], **names)
            pair = {"company": companies[a["id"]], "partner": companies[b["id"]]}
            records.append(PastCooperation(**pair, year=year, title=title, description=text))
            if len(records) == PAST_COOPERATIONS:
                break
        PastCooperation.objects.bulk_create(records, batch_size=500)
        return len(records)

    # Search documents through the same functions as registry.services.refresh_*_search, in the same order.

    def _sorted_caps(self, row: dict) -> list[Capability]:
        return sorted((self.capabilities[c] for c in row["caps"]), key=lambda c: c.label_de)

    def _solution_document(self, row: dict, company_name: str) -> str:
        return solution_search_document(
            name=row["name"],
            description=row["description"],
            company_name=company_name,
            capabilities=self._sorted_caps(row),
            provides=sorted(self.standards[s].search_label for s in row["provides"]),
            consumes=sorted(self.standards[s].search_label for s in row["consumes"]),
        )

    def _company_document(self, row: dict) -> str:
        own = sorted(row["solutions"], key=lambda s: s["name"])
        return company_search_document(
            name=row["name"],
            description=row["description"],
            description_en=row["description_en"],
            city=row["city"],
            keywords=row["keywords"],
            industries=row["industries"],
            solutions=[(s["name"], s["description"], self._sorted_caps(s)) for s in own],
        )


def build_demo_extras(*, seed: int = 2026) -> list[str]:
    """Events with a meeting day, cooperations and marketplace profiles, and saved self-checks on top of the
    demo catalog, so every page of the flow has something to show. Returns summary lines."""
    from itkoop.demo.contacts import build_demo_contacts
    from itkoop.demo.cooperation import build_demo_cooperation_data
    from itkoop.demo.events import build_demo_events
    from itkoop.demo.knowledge import create_demo_selfcheck_results
    from itkoop.demo.labels import build_demo_labels

    events = build_demo_events(seed=seed)
    cooperation = build_demo_cooperation_data(seed=seed)
    selfchecks = create_demo_selfcheck_results(seed=seed)
    contacts = build_demo_contacts(seed=seed)  # last: who has members is known by now
    labels = build_demo_labels(seed=seed)
    return [
        f"Veranstaltungen: {events.events}, Anmeldungen: {events.registrations}, "
        f"Gesprächswünsche: {events.meeting_requests}, Termine: {events.meetings}.",
        "Kooperationen: {cooperations}, Marktplatz-Profile: {profiles}, Interessensbekundungen: {interests}, "
        "Anfragen: {inquiries}.".format(**cooperation),
        f"Gespeicherte Selbstchecks: {selfchecks}.",
        contacts.line(),
        labels.line(),
    ]
