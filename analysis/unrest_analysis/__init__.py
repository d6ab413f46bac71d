"""unrest's analysis package: reading the documented output files of `unrest run` and `unrest
sweep` (docs/outputs.md, docs/sweeps.md) and writing the self-contained HTML report
(docs/report.md). It never reads the simulator's internals, only its output files."""
