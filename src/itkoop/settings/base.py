"""Settings shared by every environment; everything machine-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
import platformdirs
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def default_database_url() -> str:
    """An SQLite file in the user's data directory, unless DATABASE_URL says otherwise."""
    data_dir = Path(platformdirs.user_data_dir("itkoop"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'itkoop.sqlite3'}"


def database_from_env() -> dict:
    url = os.environ.get("DATABASE_URL") or default_database_url()
    config = dj_database_url.parse(url, conn_max_age=60)
    if config["ENGINE"].endswith("sqlite3"):
        # WAL and a busy timeout keep a hub laptop responsive with several users writing.
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        config["CONN_MAX_AGE"] = 0
    return config


# Signs sessions, tokens and links; production refuses to start without 50+ random characters.
SECRET_KEY = os.environ.get("ITKOOP_SECRET_KEY", "")
# Debug pages only in development (settings.dev, ITKOOP_DEBUG).
DEBUG = False
# Host names the site answers to, comma-separated.
ALLOWED_HOSTS = [h for h in os.environ.get("ITKOOP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rest_framework",
    "drf_spectacular",
    "itkoop.core",
    "itkoop.accounts",
    "itkoop.registry",
    "itkoop.matching",
    "itkoop.cooperation",
    "itkoop.events",
    "itkoop.knowledge",
    "itkoop.reporting",
    "itkoop.notifications",
    "itkoop.documents",
    "itkoop.conversations",
    "itkoop.claims",
    "itkoop.labels",
    "itkoop.dashboard",
    "itkoop.api",
    "itkoop.legal",
]

MIDDLEWARE = [
    # /healthz answers before anything else: no session, host check or HTTPS redirect (core/health.py).
    "itkoop.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "itkoop.core.middleware.RejectNulBytesMiddleware",  # 400, not a 500 from PostgreSQL
    "itkoop.core.middleware.NormalizeUnicodeMiddleware",  # pasted "u" + combining diaeresis becomes "ü"
    "itkoop.core.middleware.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "itkoop.api.middleware.ApiLanguageMiddleware",  # the API's language from Accept-Language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# Every asset is served by the site itself (npm packages through static files, no CDN, no map tiles), so the
# policy allows nothing but 'self': no inline <script>, no style="" attribute, no other origin, no framing.
# Inline JSON for scripts goes through json_script (type application/json is data, not script). Set in every
# settings module, not only production, so the browser tests show the pages work under it.
ITKOOP_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# No page uses the microphone, location or payment: switched off for the site and anything it embeds. The
# camera too, except on the check-in page, which scans QR codes (events.views_checkin allows it there).
ITKOOP_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "magnetometer",
        "gyroscope",
        "accelerometer",
        "display-capture",
    )
)

ROOT_URLCONF = "itkoop.urls"
# Failed CSRF checks get the site's own page (with a way back), in the page's language.
CSRF_FAILURE_VIEW = "itkoop.core.errors.csrf_failure"
WSGI_APPLICATION = "itkoop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Searched before the apps' own folders, so our overrides of django-allauth's templates (allauth/,
        # account/) win over the ones shipped in allauth, which comes earlier in INSTALLED_APPS.
        "DIRS": [PACKAGE_DIR / "accounts" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "itkoop.core.context_processors.site",
                "itkoop.notifications.context_processors.unread",
            ],
        },
    }
]

# From DATABASE_URL (sqlite:///path or postgres://...); without it an SQLite file in the user's data folder.
DATABASES = {"default": database_from_env()}
# PostgreSQL's full-text search (registry.selectors) wants django.contrib.postgres; the app imports the
# PostgreSQL driver as it loads, which an SQLite installation (every `itkoop` command on a hub laptop) would
# pay for at each start without using it.
if not DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.humanize"), "django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "itkoop.accounts.validators.MaximumLengthValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard:index"
# A URL name, reversed in the page's language: logging out of an English page lands on the English home page.
LOGOUT_REDIRECT_URL = "registry:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Adds the acknowledgement of the privacy notice to the sign-up form and records it (accounts.ConsentRecord).
ACCOUNT_SIGNUP_FORM_CLASS = "itkoop.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGOUT_ON_GET = False
# The client's address behind our proxies (core.ratelimit.client_ip) and failed logins counted per address
# and account, so that nobody can lock someone else out (accounts/adapter.py).
ACCOUNT_ADAPTER = "itkoop.accounts.adapter.AccountAdapter"
# The platform's name before the subject of account e-mails (allauth would put the host name there).
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[itkoop] "
# allauth's own rate limits: login failures per address and per (account, address), sign-ups per address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
# The project's catalog (makemessages writes to the first entry), then the hand-maintained formal German
# ("Sie") for library strings whose German catalogs say "du"; both take precedence over every app's catalog.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_formal"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `collectstatic` puts the files a production server serves (through whitenoise).
STATIC_ROOT = Path(os.environ.get("ITKOOP_STATIC_ROOT", PACKAGE_DIR.parent.parent / "var" / "static"))
# Front-end packages installed by `npm ci` at install time (ITKOOP_NODE_MODULES); served, never vendored.
NODE_MODULES = Path(os.environ.get("ITKOOP_NODE_MODULES", PACKAGE_DIR.parent.parent / "node_modules"))
STATICFILES_DIRS = [("vendor", NODE_MODULES)] if NODE_MODULES.is_dir() else []
# Files made for one person (document PDFs, in private/): no URL serves them, only the owner's download view.
MEDIA_ROOT = Path(os.environ.get("ITKOOP_MEDIA_ROOT", Path(platformdirs.user_data_dir("itkoop")) / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Number of reverse proxies in front of the site (e.g. 1 for one nginx). Each appends the address it saw to
# X-Forwarded-For; rate limits key on the entry the outermost trusted one added, counted from the right.
# 0: the site is reached directly and REMOTE_ADDR is the client. Too high a number lets clients choose their
# address; too low makes everyone behind the proxy one client.
ITKOOP_TRUSTED_PROXIES = int(os.environ.get("ITKOOP_TRUSTED_PROXIES", "0"))
# Rate limits and throttles live in the cache: one process locally, Redis (REDIS_URL) in production.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The shared cache of several web workers, e.g. redis://127.0.0.1:6379/1 (production uses it when set).
REDIS_URL = os.environ.get("REDIS_URL", "")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


# --- Links and e-mail ---
# The site's public address; every absolute link in e-mails, .ics files and PDFs starts with it.
ITKOOP_SITE_URL = os.environ.get("ITKOOP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Sender of every e-mail the platform sends.
DEFAULT_FROM_EMAIL = os.environ.get("ITKOOP_FROM_EMAIL", "itkoop@example.org")
# Sender of error reports to ADMINS.
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Outside production mails are printed to the console; production sends by SMTP (a deploy check insists).
EMAIL_BACKEND = os.environ.get("ITKOOP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# SMTP server, port, login and encryption (STARTTLS or implicit TLS).
EMAIL_HOST = os.environ.get("ITKOOP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("ITKOOP_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("ITKOOP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("ITKOOP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("ITKOOP_EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("ITKOOP_EMAIL_USE_SSL", False)
# Seconds before an SMTP connection attempt gives up (the task queue retries).
EMAIL_TIMEOUT = int(os.environ.get("ITKOOP_EMAIL_TIMEOUT", "20"))

# Days a claim link (sent to the contact address of a company without members) stays valid; it works once.
ITKOOP_CLAIM_LINK_DAYS = int(os.environ.get("ITKOOP_CLAIM_LINK_DAYS", "14"))

# --- Background work (Celery) ---
# Broker of the task queue, e.g. redis://127.0.0.1:6379/0. Empty: tasks run eagerly in the calling process
# (the embedded default: `itkoop demo` on SQLite needs no extra service).
CELERY_BROKER_URL = os.environ.get("ITKOOP_BROKER_URL", "")
# Without a broker every task runs at once, in the process that queued it.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# An eagerly run task that fails is logged, never turned into an error page of the request that queued it.
CELERY_TASK_EAGER_PROPAGATES = False
# Nobody reads task return values: the database holds the state of long work (ScheduleRun and the like).
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged when done, so a worker that dies mid-task leaves it for the next worker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Berlin"
# Where `itkoop beat` keeps the times of the last periodic runs.
CELERY_BEAT_SCHEDULE_FILENAME = os.environ.get(
    "ITKOOP_BEAT_SCHEDULE_FILE", str(Path(platformdirs.user_data_dir("itkoop")) / "celerybeat-schedule")
)
# Periodic jobs, run by `itkoop beat` (the task library's own scheduler; no cron, no threads): each names its
# task and either "every" (seconds) or "crontab" (the fields of celery.schedules.crontab, in CELERY_TIMEZONE).
# itkoop.taskqueue makes the library's beat schedule of them; plain data here, as importing the library's
# schedules would load the whole task library into every process at its start.
ITKOOP_PERIODIC_JOBS: dict[str, dict] = {
    "notification-digests": {"task": "itkoop.notifications.tasks.send_digests", "every": 24 * 3600.0},
    # Meeting days: unanswered requests past their time expire (opt-in) or count as accepted (opt-out).
    "meeting-requests-expire": {
        "task": "itkoop.events.tasks.expire_requests",
        "crontab": {"minute": 5},
    },
    # Meeting days: remind participants without meetings (each at most once a day).
    "meeting-day-reminders": {
        "task": "itkoop.events.tasks.send_reminders",
        "crontab": {"minute": 15, "hour": 9},
    },
    # Meeting days: ask participants to rate their meetings after the day, and for the outcome months later
    # (ITKOOP_MEETING_OUTCOME_AFTER_DAYS); remind once a week later.
    "meeting-ratings": {
        "task": "itkoop.events.tasks.request_meeting_ratings",
        "crontab": {"minute": 20, "hour": 10},
    },
    # Marketplace: warn companies before their profiles expire, and tell them when one has.
    "marketplace-profile-expiry": {
        "task": "itkoop.cooperation.tasks.notify_profile_expiry",
        "crontab": {"minute": 30, "hour": 8},
    },
    # Labels: remind companies 60, 30 and 7 days before a label ends, and tell them when it has ended.
    "label-expiry-reminders": {
        "task": "itkoop.labels.tasks.send_expiry_reminders",
        "crontab": {"minute": 40, "hour": 8},
    },
    # Documents (PDFs) are deleted a week after they were asked for.
    "documents-delete-old": {
        "task": "itkoop.documents.tasks.delete_old_documents",
        "crontab": {"minute": 45, "hour": 3},
    },
}

# --- Labels ---
# Largest evidence file (PDF, PNG, JPEG) a company may attach to a label application, in MB.
ITKOOP_LABEL_EVIDENCE_MAX_MB = 10

# --- Meeting days ---
# Days after a meeting day when its participants are asked what came of their meetings (the second rating:
# from "no further contact" to "cooperation agreement reached"); about six months by default.
ITKOOP_MEETING_OUTCOME_AFTER_DAYS = int(os.environ.get("ITKOOP_MEETING_OUTCOME_AFTER_DAYS", "182"))

# --- Application server (`itkoop serve` runs gunicorn) ---
# Web worker processes. Each holds its own copy of the application; gunicorn advises 2-4 per core.
ITKOOP_WEB_WORKERS = int(os.environ.get("ITKOOP_WEB_WORKERS", "2"))
# Threads per web worker: requests that wait for the database let the others run meanwhile.
ITKOOP_WEB_THREADS = int(os.environ.get("ITKOOP_WEB_THREADS", "4"))
# Seconds one request may take before gunicorn replaces its worker.
ITKOOP_WEB_TIMEOUT_S = int(os.environ.get("ITKOOP_WEB_TIMEOUT_S", "60"))

# --- Matching engine's catalog ---
# Directory of catalog snapshots, one file per catalog stamp (core.versions): the first process that builds a
# catalog writes it, other web workers and every `itkoop match` call load it instead of building; `itkoop
# partners` loads a partner store of the stamp beside them (its data only, memory-mapped).
# Written and read by this application only (pickles are signed with the secret key); empty: no snapshots.
ITKOOP_CATALOG_CACHE_DIR = os.environ.get(
    "ITKOOP_CATALOG_CACHE_DIR", str(Path(platformdirs.user_cache_dir("itkoop")) / "catalog")
)
# A web process whose catalog is out of date serves the one it has while one background thread builds the
# new one (on by default); off, the request that notices the change waits for the rebuild (so do the tests).
ITKOOP_CATALOG_BACKGROUND_REBUILD = env_bool("ITKOOP_CATALOG_BACKGROUND_REBUILD", True)

# --- Solvers ---
# Wall-clock limit of one meeting-day schedule build, in seconds.
ITKOOP_SCHEDULE_TIME_LIMIT_S = float(os.environ.get("ITKOOP_SCHEDULE_TIME_LIMIT_S", "30"))
# Seconds one joint-offer composition may search (web page, API and `itkoop match`): a broad need then gets
# the best offers found so far, marked "not proven optimal", instead of running for minutes. 0: no limit.
ITKOOP_MATCH_BUDGET_S = float(os.environ.get("ITKOOP_MATCH_BUDGET_S", "2"))
# Redis hands a task nobody acknowledged to another worker after this many seconds (its default is an hour):
# longer than any task runs (a schedule build is stopped at 4 x the solver's limit + 3 min, events/tasks.py)
# and than the longest retry delay of an e-mail (10 min), short enough that a build whose worker died resumes
# soon.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": max(15 * 60, 4 * ITKOOP_SCHEDULE_TIME_LIMIT_S + 300)}

REST_FRAMEWORK = {
    # JSON in, JSON out: the OpenAPI description (drf-spectacular) names exactly these media types.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["itkoop.api.parsers.StrictJSONParser"],
    # Programs use a personal API key (Bearer); signed-in pages may call the API with their session. No HTTP
    # Basic: it would try passwords outside the login's rate limits.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "itkoop.api.authentication.ApiTokenAuthentication",
        "itkoop.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_SCHEMA_CLASS": "itkoop.api.schema.ItkoopAutoSchema",
    # A missing object answers "Nicht gefunden." like every other 404, not Django's English model message.
    "EXCEPTION_HANDLER": "itkoop.api.exceptions.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": [
        "itkoop.api.throttling.ClientAnonThrottle",
        "itkoop.api.throttling.TokenThrottle",
        "itkoop.api.throttling.TokenWriteThrottle",
    ],
    # anon: per client address; token: every request with one API key; token_write: its writes.
    "DEFAULT_THROTTLE_RATES": {"anon": "120/minute", "token": "300/minute", "token_write": "60/minute"},
    # Our throttles key on core.ratelimit.client_ip; DRF's own address lookup trusts the same proxies.
    "NUM_PROXIES": ITKOOP_TRUSTED_PROXIES,
}

# The OpenAPI description served at /api/v1/schema/ (and rendered at /api/).
SPECTACULAR_SETTINGS = {
    "TITLE": "itkoop API",
    "DESCRIPTION": "The cooperation platform of the Mittelstand 4.0 competence center IT-Wirtschaft: "
    "catalog, matching engine, events and marketplace. Reads are open; writes need a personal API token. "
    "Messages and translated values are German, English with the header Accept-Language: en.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components: read-only fields are not asked for in request bodies.
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # the match request's way to run and a solution's ways of operation share a field name
    "ENUM_NAME_OVERRIDES": {
        "MatchDeploymentEnum": "itkoop.matching.services.DEPLOYMENT_OPTIONS",
        "SolutionDeploymentEnum": "itkoop.api.solutions.DEPLOYMENTS",
    },
}

# Log level of the platform's own loggers: ITKOOP_LOG_LEVEL (DEBUG, INFO, WARNING, ...).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"itkoop": {"handlers": ["console"], "level": os.environ.get("ITKOOP_LOG_LEVEL", "INFO")}},
}

# Outside production, static files are served straight from the apps and node_modules (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
