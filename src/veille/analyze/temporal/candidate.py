"""A candidate time expression: a rule's match before resolution."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # the rule's name (see rules.RULES)
    g: dict[str, str | None]  # the regex's named groups
    prio: int = 5
    extra: dict[str, object] = field(default_factory=dict)
