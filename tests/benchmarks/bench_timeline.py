"""The timeline's render time: 5,000 dated claims laid out and painted to a QImage (issue 17)."""

from __future__ import annotations

import random
import time
from datetime import date
from typing import Any

from evcards.card.timeline_data import TimelineClaim, period_of
from evcards.kb.verdicts import Verdict
from tests.benchmarks.stats import median, percentile

CLAIMS = 5000
SIZE = (1200, 360)  # a bottom dock on a 1200-pixel-wide window
RUNS = 21


def dated_claims(count: int = CLAIMS, seed: int = 17) -> list[TimelineClaim]:
    """`count` claims over 2000-2025, a third each dated to the year, the month and the day,
    with every verdict, in time order (as `evcards.card.timeline_data` gives them)."""
    rng = random.Random(seed)
    verdicts = list(Verdict)
    claims = []
    for n in range(count):
        day = date.fromordinal(date(2000, 1, 1).toordinal() + rng.randrange(26 * 365))
        text = [f"{day.year}", f"{day.year}-{day.month:02d}", day.isoformat()][n % 3]
        verdict = verdicts[rng.randrange(len(verdicts))]
        claims.append(TimelineClaim(f"e{n % 400}", f"Entity {n % 400}", n // 400, f"Claim {n}.", verdict, text, False, period_of(text)))
    claims.sort(key=lambda c: (c.period.start, c.period.end) if c.period else (date.min, date.min))
    return claims


def timeline_figures(count: int = CLAIMS) -> dict[str, Any]:
    """Median and p95 (ms) of fit (the layout is made anew) and a paint to a QImage."""
    from PySide6.QtGui import QImage

    from evcards.gui.timeline_view import TimelineCanvas

    canvas = TimelineCanvas()
    canvas.resize(*SIZE)
    canvas.set_claims(dated_claims(count))
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        canvas.fit()
        canvas.render_to(image, vector=False)  # as on screen
        samples.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    canvas.render_to(image)  # as exported: each mark a path
    vector_ms = (time.perf_counter() - start) * 1000
    drawn, hidden = len(canvas.marks()), canvas.hidden_count()
    canvas.deleteLater()
    return {
        "claims": count,
        "marks_drawn": drawn,
        "hidden": hidden,
        "size": list(SIZE),
        "median_ms": round(median(samples), 2),
        "p95_ms": round(percentile(samples, 0.95), 2),
        "vector_ms": round(vector_ms, 2),
    }
