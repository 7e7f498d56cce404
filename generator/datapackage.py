"""Render stage for /data/datapackage.json: the declarations as a Frictionless package.

A Tabular Data Package (profile ``tabular-data-package``) with one Table Schema
per file, made from ``opendata``'s declarations; ``created`` and ``version``
come from the data's date, so the same input builds the same bytes.
"""

from __future__ import annotations

from . import scorecards
from .opendata import Resource, resources

MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def package(
    rules: scorecards.Rules,
    *,
    name: str,
    title: str,
    description: str,
    homepage: str,
    license: dict,
    source: str,
    created: str,
    version: str,
) -> dict:
    """/data/datapackage.json: a Frictionless Tabular Data Package of every file.

    ``created`` and ``version`` come from the data's date, never the clock, so
    the same input builds the same bytes.
    """
    found: dict = {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": description,
        "version": version,
        "created": created,
        "licenses": [{"name": license["spdx"], "path": license["url"], "title": license["name"]}],
        "sources": [{"title": source}],
    }
    if homepage:
        found["homepage"] = homepage
    found["resources"] = [_resource(r) for r in resources(rules)]
    return found


def _resource(r: Resource) -> dict:
    schema: dict = {
        "fields": [f.descriptor() for f in r.fields],
        "missingValues": [""],
        "primaryKey": list(r.primary_key),
    }
    if r.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(k.fields),
                "reference": {"resource": k.resource, "fields": list(k.reference)},
            }
            for k in r.foreign_keys
        ]
    found: dict = {
        "name": r.name,
        "path": r.path,
        "profile": "tabular-data-resource",
        "title": r.title,
        "description": f"{r.id}\n\nEN: {r.en}",
        "format": r.format,
        "mediatype": MEDIA_TYPES[r.format],
    }
    if r.format != "xlsx":  # a zip of XML parts has no text encoding of its own
        found["encoding"] = "utf-8"
    if r.format == "csv":
        found["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "header": True}
    found["schema"] = schema
    return found
