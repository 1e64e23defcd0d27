"""Settings for publishing: the public address from digest.toml, absolute links."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403
from pelicanconf import DIGEST_SITE_URL

SITEURL = DIGEST_SITE_URL
RELATIVE_URLS = False
