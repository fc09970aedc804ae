"""Provides `ecf-tui guide`: a court's procedure as a printable job aid (Markdown or one
self-contained HTML file), generated from the profile so that it cannot drift from the
simulator: the guide's walk step by step in the court's words, each text with its source
mark as on screen, QA's screenshot of each step, the front matter and the court's way to
refresh the menus.

| module | concern |
| --- | --- |
| `model` | the aid as plain data, built from the profile, the walk and the screenshots |
| `screenshots` | the walk's screens, captured headless by QA's own runner |
| `render_markdown` | the aid as Markdown, its images referenced beside it |
| `render_html` | the aid as one HTML page with a print stylesheet, the images inside |
| `output` | writing either whole or not at all |
| `command` | the command: options checked, then captured, built, written |
"""
