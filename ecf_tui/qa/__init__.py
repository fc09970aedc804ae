"""Provides QA of court flows: every path of every court run headless in the real App,
with a screenshot and the screen's text per step, a report, JUnit XML and a gallery."""
