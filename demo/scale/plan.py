"""How much of everything: the ratios of issue 16 per 100,000 initiatives, scaled to the size asked for.

Measured at city scale (three times Madrid's participation site): per 100,000 initiatives 500,000 log
entries, 500,000 comments, 1,000,000 supports and 50,000 users. The rest is scaled by the same factor from
what the demo data shows per initiative. Each kind has a minimum, so a small run still has every kind.
"""

import math
from dataclasses import dataclass, fields
from random import Random

PER_100K = {
    "users": 50_000,
    "log_entries": 500_000,
    "comments": 500_000,
    "supports": 1_000_000,
    "follows": 200_000,
    "municipal_responses": 120_000,
    "help_requests": 60_000,
    "help_offers": 60_000,
    "case_analyses": 1_000,
    "articles": 500,
    "lab_sessions": 400,
    "signals": 300,
    # Staff, within the users: civil servants (moderators), editors, council members, ombuds.
    "civil_servants": 100,
    "editors": 20,
    "council": 40,
    "ombuds": 10,
}

MINIMUM = {
    "users": 20,
    "case_analyses": 2,
    "articles": 10,  # two of each kind of article
    "lab_sessions": 4,  # past and to come
    "signals": 5,  # one in each status
    "civil_servants": 2,
    "editors": 1,
    "council": 1,
    "ombuds": 1,
}

# The initiatives with the most going on: this many per 100,000 (at least one) have `BUSY` log entries,
# comments and supports each, like the busy page the issue measured.
BUSY_PER_100K = 5
BUSY = 200


@dataclass(frozen=True)
class Plan:
    initiatives: int
    users: int
    log_entries: int
    comments: int
    supports: int
    follows: int
    municipal_responses: int
    help_requests: int
    help_offers: int
    case_analyses: int
    articles: int
    lab_sessions: int
    signals: int
    civil_servants: int
    editors: int
    council: int
    ombuds: int

    @classmethod
    def for_initiatives(cls, initiatives: int) -> "Plan":
        if initiatives < 1:
            raise ValueError("At least one initiative.")
        factor = initiatives / 100_000
        sizes = {name: max(MINIMUM.get(name, 0), round(per * factor)) for name, per in PER_100K.items()}
        return cls(initiatives=initiatives, **sizes)

    @property
    def staff(self) -> int:
        return self.civil_servants + self.editors + self.council + self.ombuds

    @property
    def residents(self) -> int:
        return max(1, self.users - self.staff)

    @property
    def busy(self) -> int:
        return max(1, round(self.initiatives * BUSY_PER_100K / 100_000))

    def as_dict(self) -> dict[str, int]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def apportion(total: int, weights: list[float], cap: int | None = None) -> list[int]:
    """Whole numbers in proportion to `weights` that add up to `total` (largest remainders), none above
    `cap`: what a capped row cannot take goes to the others, the heaviest first. When every row is full
    the total is not reached."""
    if not weights or total <= 0:
        return [0] * len(weights)
    weight_sum = sum(weights) or 1.0
    exact = [total * weight / weight_sum for weight in weights]
    counts = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    if cap is None:
        return counts
    excess = sum(max(0, count - cap) for count in counts)
    counts = [min(count, cap) for count in counts]
    for i in sorted(range(len(weights)), key=lambda i: weights[i], reverse=True):
        if not excess:
            break
        room = min(excess, cap - counts[i])
        counts[i] += room
        excess -= room
    return counts


def heavy_tailed(rng: Random, count: int) -> list[float]:
    """Weights with a long tail: most rows get a few, some get many (Pareto, capped so that no single row
    takes a large share of a small total)."""
    return [min(rng.paretovariate(1.6), 40.0) for _ in range(count)]
