"""Export figures: the bundled Lei Jun card, and a 60-claim card, through the real PDF export."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.resources import bundled_data
from tests.benchmarks.stats import median

MULTILINGUAL_FIXTURE = Path(__file__).resolve().parents[1] / "data" / "multilingual" / "kb.json"


def _kb(path: Path) -> LoadedKnowledgeBase:
    result = load(path)
    if result.knowledge_base is None:
        raise RuntimeError(result.report())
    return result.knowledge_base


def export_ms(kb: LoadedKnowledgeBase, entity_id: str, repeats: int) -> float:
    """Median ms of `export_pdf` writing one card to a file, after one warm-up export."""
    from evcards.pdf.export import export_pdf

    entity = kb.entity(entity_id)
    if entity is None:
        raise RuntimeError(f"no entity {entity_id!r}")
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="evcards-bench-pdf-") as folder:
        target = Path(folder) / f"{entity_id}.pdf"
        for _ in range(repeats + 1):
            start = time.perf_counter()
            export_pdf(kb, [entity], target)
            samples.append((time.perf_counter() - start) * 1000)
        if target.stat().st_size == 0:
            raise RuntimeError("the export wrote an empty file")
    return median(samples[1:])


def export_figures(long_card_kb: LoadedKnowledgeBase, long_entity_id: str) -> dict[str, float]:
    """The bundled Lei Jun card (median of 10), a 60-claim card from `long_card_kb` (median of 5)
    and the multilingual fixture's 小米 card (median of 5), whose Hindi text objects pypdf
    parses for /ActualText (`evcards.pdf.actual_text`), which the others never need."""
    return {
        "per_card_ms": export_ms(_kb(bundled_data()), "lei-jun", repeats=10),
        "long_card_ms": export_ms(long_card_kb, long_entity_id, repeats=5),
        "devanagari_card_ms": export_ms(_kb(MULTILINGUAL_FIXTURE), "小米", repeats=5),
    }
