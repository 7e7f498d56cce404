"""Production settings for `make publish`: the development settings plus SITEURL.

Set SITEURL in the environment (e.g. SITEURL=https://aduan.example.go.id make
publish) for absolute links; empty gives root-relative links.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
