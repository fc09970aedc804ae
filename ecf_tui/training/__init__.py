"""Provides training: the modes (demo, guided, practice, assess), the record of an
attempt, its result files (JSON and xAPI), the progress store and a class's summary.
Nothing here imports Textual: the App feeds an `Attempt` what happened, and screens
show what it says."""
