"""`load_ratio_vs_json`: loading a file against the standard library parsing the same bytes.

Both run in this process, best of `repeats`, so the ratio says what evcards adds on top of
reading JSON at all: validation, cross-references, source texts, anchoring every quote.
"""

from __future__ import annotations

import gc
import json
import time
from functools import partial
from pathlib import Path

from evcards.kb.loader import load


def _best(action, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
        del result
    return best


def load_ratio(path: Path, repeats: int = 3) -> dict[str, float]:
    data = path.read_bytes()
    json_s = _best(partial(json.loads, data), repeats)
    del data

    def checked_load():
        result = load(path)
        if result.knowledge_base is None:
            raise RuntimeError(f"the benchmark data does not load:\n{result.report()}")
        return result

    load_s = _best(checked_load, repeats)
    return {"json_loads_s": json_s, "load_s": load_s, "ratio": load_s / json_s}
