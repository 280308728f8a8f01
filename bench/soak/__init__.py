"""The soak with faults: `python -m bench.soak` (docs/soak.md)."""
