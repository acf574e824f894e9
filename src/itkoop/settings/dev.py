"""Local development and the demo: debug on, console e-mail, a fixed throwaway key."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("ITKOOP_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("ITKOOP_SECRET_KEY") or "dev-only-insecure-key-change-me"
