"""The JSON export validates against the schema shipped in resources/."""
import json
from pathlib import Path

import jsonschema

from desktop.formats.json_export import bundle_dict
from tests.formats.test_export_support import sample_bundle

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "byline-article.schema.json"


def test_full_export_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = bundle_dict(sample_bundle())
    assert document["actors"] and document["annotations"] and document["tags"]
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    document["quotes"][0]["type"] = "hearsay"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert errors, "the schema must reject an unknown quote type"
