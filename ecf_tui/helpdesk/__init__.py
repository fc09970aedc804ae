"""Provides the help desk's side: scenarios (a caller's words, the accounts and moves
that lead to the caller's screen, the fix), finding them from what a caller says, the
help-desk panel's facts, and what the desk's keys give in a run.
Nothing here imports Textual.

| module | concern |
| --- | --- |
| `model` | the scenario file's pydantic models |
| `loading` | finding and validating scenario files beside the profiles |
| `replay` | a scenario's moves, played through the engine, to the caller's state |
| `search` | ranking scenarios by a caller's words |
| `guide_lines` | where in the guide file a quoted text is |
| `desk` | the help-desk panel's facts for a state |
| `session` | the desk's side of a run: F3, F9, the palette, F10 |
"""
