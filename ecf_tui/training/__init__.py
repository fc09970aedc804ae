"""Provides training: the modes (demo, guided, practice, assess), the record of an
attempt, its result files (JSON and xAPI), the progress store and a class's summary;
in a run, the session (`session`: the attempt's life, the hint, the accounts shown) and
the demo's player (`demo`). Nothing here imports Textual: the App feeds the session
what happened, and screens show what it says."""
