"""Speed figures for evcards: `python tests/benchmarks/run.py --size L` (see PERFORMANCE.md)."""
