"""Settings for a Chicago Open311 site, kept outside the project's own files.

`make publish DATA=chicago/ SETTINGS=tests/data/chicago.py`: everything from
publishconf.py, then the city's time zone, holidays, map and names.
"""

from publishconf import *  # noqa: F403

TIMEZONE = "America/Chicago"
HOLIDAYS_COUNTRY = "US-IL"
MAP_BOUNDS = (41.6, 42.1, -87.95, -87.5)
REGION_NAME = "City of Chicago"
SOURCE_NAME = "Chicago 311 (Open311 GeoReport v2)"
