"""Each project rule of ``patterns/project_rules.json`` does what its example sentences say."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import run

from suivi.extraction.resources import load

RULES = load("project_rules.json")["rules"]
EXAMPLES = [
    pytest.param(example, id=f"{name}-{number}")
    for name, rule in RULES.items()
    for number, example in enumerate(rule["examples"], start=1)
]


def test_every_rule_has_an_example() -> None:
    assert all(rule["examples"] for rule in RULES.values())


@pytest.mark.parametrize("example", EXAMPLES)
def test_rule_example(blank: Any, example: dict[str, Any]) -> None:
    doc = run(blank, example["text"], "2025-03-10", example.get("language", "fr"))
    assert [project["name"] for project in doc._.projects] == example["projects"]
