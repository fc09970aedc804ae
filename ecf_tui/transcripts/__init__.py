"""Provides transcripts: a walk through the real App written as plain text (every screen
as shown, password fields masked, and the actions between them), and replaying one to
check that the same screens still appear.

| module | concern |
| --- | --- |
| `format` | the transcript and its plain-text form (no Textual) |
| `record` | running the App headless through a list of actions, screen by screen |
| `replay` | running a transcript's actions again and comparing the screens |
| `commands` | `ecf-tui transcript` and `ecf-tui replay` |
"""
